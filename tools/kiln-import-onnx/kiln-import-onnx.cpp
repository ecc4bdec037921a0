//===- kiln-import-onnx.cpp - .onnx → tensorrt-dialect MLIR ---------------===//
//
//   kiln-import-onnx model.onnx [-o out.mlir]
//
// Prints the module the ONNX importer builds (before any pass runs), so the
// conversion can be read and FileChecked. Errors go to stderr as
// `model.onnx: node 'name': error: ...`; any failure exits with status 1.
//
//===----------------------------------------------------------------------===//
#include "kiln/Import/ONNX/ONNXImporter.h"
#include "kiln/InitAllDialects.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Verifier.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <string>

int main(int argc, char **argv) {
  std::string input, output = "-";
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "-o" && i + 1 < argc) {
      output = argv[++i];
    } else if (arg == "-h" || arg == "--help") {
      llvm::outs() << "usage: kiln-import-onnx MODEL.onnx [-o OUT.mlir]\n"
                      "  Prints the tensorrt-dialect module Kiln imports "
                      "from an ONNX model.\n";
      return 0;
    } else if (input.empty()) {
      input = arg;
    } else {
      llvm::errs() << "kiln-import-onnx: error: more than one input\n";
      return 1;
    }
  }
  if (input.empty()) {
    llvm::errs() << "kiln-import-onnx: error: no input file\n";
    return 1;
  }
  auto buffer = llvm::MemoryBuffer::getFile(input, /*IsText=*/false,
                                            /*RequiresNullTerminator=*/false);
  if (!buffer) {
    llvm::errs() << input << ": error: cannot read the file: "
                 << buffer.getError().message() << "\n";
    return 1;
  }
  mlir::DialectRegistry registry;
  kiln::registerAllDialects(registry);
  mlir::MLIRContext context(registry, mlir::MLIRContext::Threading::DISABLED);
  context.loadAllAvailableDialects();
  context.printOpOnDiagnostic(false);
  context.getDiagEngine().registerHandler([](mlir::Diagnostic &diag) {
    llvm::errs() << kiln::describeONNXLocation(diag.getLocation())
                 << (diag.getSeverity() == mlir::DiagnosticSeverity::Error
                         ? ": error: "
                         : ": note: ")
                 << diag.str() << "\n";
    for (const mlir::Diagnostic &note : diag.getNotes())
      llvm::errs() << kiln::describeONNXLocation(note.getLocation())
                   << ": note: " << note.str() << "\n";
  });
  mlir::OwningOpRef<mlir::ModuleOp> module =
      kiln::importONNXModel(context, (*buffer)->getBuffer(), input);
  if (!module || mlir::failed(mlir::verify(*module)))
    return 1;
  std::error_code ec;
  llvm::raw_fd_ostream os(output, ec);
  if (ec) {
    llvm::errs() << output << ": error: " << ec.message() << "\n";
    return 1;
  }
  module->print(os);
  return 0;
}
