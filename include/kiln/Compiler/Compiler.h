//===- Compiler.h - MLIR source to engine plan ------------------*- C++ -*-===//
//
// The compiler's entry point for programs that do not include MLIR headers
// (the Python extension, tools). It parses `tensorrt`-dialect MLIR text,
// verifies it, runs the pipeline and plans the engine.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_COMPILER_COMPILER_H
#define KILN_COMPILER_COMPILER_H

#include "kiln/Runtime/EnginePlan.h"

#include <string>

namespace kiln::compiler {

struct CompileOptions {
  /// Name of the func.func to compile; empty picks the only public function
  /// (or the one named "main").
  std::string entryPoint;
};

struct CompileResult {
  bool ok = false;
  /// Diagnostics rendered as `file:line:col: error: message`, one per line,
  /// with the source line and a caret where the location is in the buffer.
  std::string diagnostics;
  EnginePlan plan;
};

/// Compiles MLIR text. `bufferName` names the source in diagnostics (a path,
/// or "<python>").
CompileResult compileSource(const std::string &source,
                            const std::string &bufferName,
                            const CompileOptions &options = {});

} // namespace kiln::compiler

#endif // KILN_COMPILER_COMPILER_H
