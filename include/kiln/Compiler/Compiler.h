//===- Compiler.h - MLIR source to engine plan ------------------*- C++ -*-===//
//
// The compiler's entry point for programs that do not include MLIR headers
// (the Python extension, tools). It parses `tensorrt`-dialect (or StableHLO)
// MLIR text, verifies it, runs the one pipeline every input takes and plans
// the engine.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_COMPILER_COMPILER_H
#define KILN_COMPILER_COMPILER_H

#include "kiln/Runtime/EnginePlan.h"

#include <cstdint>
#include <string>
#include <vector>

namespace kiln::compiler {

/// The min/opt/max shapes of one input with `?` dimensions: the engine runs
/// every shape between min and max (per dimension) and is planned for opt.
struct InputShapeProfile {
  /// The input: its name (`x` from `loc("x")`, or `arg0`, `arg1`, ...) or
  /// its position as a decimal number.
  std::string input;
  std::vector<int64_t> min, opt, max;
};

/// What the source holds.
enum class InputFormat {
  /// ONNX when the buffer name ends in `.onnx`, else MLIR text.
  Auto,
  MLIR,
  /// A serialized ONNX ModelProto (see kiln/Import/ONNX/ONNXImporter.h).
  ONNX,
};

struct CompileOptions {
  InputFormat format = InputFormat::Auto;
  /// Name of the func.func to compile; empty picks the only public function
  /// (or the one named "main").
  std::string entryPoint;
  /// Profiles of the entry point's inputs with `?` dimensions; each becomes
  /// the input's `tensorrt.shape_profile`. Every `?` input needs one (or
  /// that attribute in the source). A profile must agree with the static
  /// dimensions and have 0 <= min <= opt <= max.
  std::vector<InputShapeProfile> shapeProfiles;
  /// Keep the `tensorrt` IR after the simplification pipeline (the program
  /// the plan is built from) in CompileResult::ir.
  bool printIR = false;
};

struct CompileResult {
  bool ok = false;
  /// Diagnostics rendered as `file:line:col: error: message`, one per line,
  /// with the source line and a caret where the location is in the buffer.
  std::string diagnostics;
  EnginePlan plan;
  /// With CompileOptions::printIR: the module after simplification.
  std::string ir;
};

/// Compiles MLIR text, or the bytes of an ONNX model. `bufferName` names the
/// source in diagnostics (a path, or "<python>"); an ONNX model's external
/// data files are found relative to it.
CompileResult compileSource(const std::string &source,
                            const std::string &bufferName,
                            const CompileOptions &options = {});

} // namespace kiln::compiler

#endif // KILN_COMPILER_COMPILER_H
