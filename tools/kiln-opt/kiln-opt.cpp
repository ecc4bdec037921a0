//===- kiln-opt.cpp - run passes over Kiln's input IR ---------------------===//
//
// Part of Kiln. The mlir-opt of Kiln: parses, verifies and transforms IR in
// the dialects Kiln accepts, with the upstream generic passes (canonicalize,
// cse, inline, ...), the `tensorrt` passes and pipelines, and the
// conversions into `tensorrt`.
//
//===----------------------------------------------------------------------===//

#include "kiln/Conversion/Passes.h"
#include "kiln/Dialect/TensorRT/Transforms/Passes.h"
#include "kiln/InitAllDialects.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"
#include "mlir/Transforms/Passes.h"

int main(int argc, char **argv) {
  mlir::registerTransformsPasses();
  kiln::tensorrt::registerTensorRTPasses();
  kiln::tensorrt::registerTensorRTPipelines();
  kiln::registerConversionPasses();
  mlir::DialectRegistry registry;
  kiln::registerAllDialects(registry);
  return mlir::asMainReturnCode(
      mlir::MlirOptMain(argc, argv, "Kiln optimizer driver\n", registry));
}
