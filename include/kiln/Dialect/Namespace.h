//===- Namespace.h - the C++ namespaces of Kiln's dialects ------*- C++ -*-===//
//
// Part of Kiln. Kiln's dialects live under `kiln::` (`kiln::tensorrt`,
// `kiln::stablehlo`, `kiln::chlo`, `kiln::sdy`), not under `mlir::`, where
// MLIR-TensorRT's and StableHLO's dialects of the same names live: a program
// may link both. Code in these namespaces (ours and the ODS-generated
// declarations) is written against MLIR's core classes by their short names,
// as code inside `namespace mlir` is, so each dialect namespace sees `mlir`'s
// names. Nothing outside the dialect namespaces is affected.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_DIALECT_NAMESPACE_H
#define KILN_DIALECT_NAMESPACE_H

#include "mlir/Support/LLVM.h"

namespace kiln::tensorrt {
using namespace ::mlir;
} // namespace kiln::tensorrt

namespace kiln::stablehlo {
using namespace ::mlir;
} // namespace kiln::stablehlo

namespace kiln::chlo {
using namespace ::mlir;
} // namespace kiln::chlo

namespace kiln::sdy {
using namespace ::mlir;
} // namespace kiln::sdy

#endif // KILN_DIALECT_NAMESPACE_H
