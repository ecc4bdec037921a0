//===- kiln-compile.cpp - .mlir or .onnx → .kiln --------------------------===//
//
//   kiln-compile model.mlir|model.onnx -o model.kiln [--entry NAME] [--print-plan]
//                [--print-ir] [--shape-profile=INPUT:MIN:OPT:MAX ...]
//
// Diagnostics go to stderr as `file:line:col: error: ...` with the source
// line; any failure exits with status 1.
//
//===----------------------------------------------------------------------===//
#include "kiln/Compiler/Compiler.h"
#include "kiln/Compiler/PlanPrinter.h"
#include "kiln/Runtime/EngineFile.h"
#include "kiln/Runtime/Error.h"

#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace {

const char *kUsage =
    "usage: kiln-compile INPUT.mlir|INPUT.onnx -o OUTPUT.kiln [--entry NAME] "
    "[--print-plan]\n"
    "                    [--print-ir] [--shape-profile=INPUT:MIN:OPT:MAX ...]\n"
    "  Compiles a func.func over `tensorrt` ops (or JAX's StableHLO), or an "
    "ONNX model\n  (a file ending in .onnx), into a Kiln engine.\n"
    "  INPUT may be '-' for standard input.\n"
    "  --entry NAME   function to compile (default: the only public one, or "
    "'main')\n"
    "  --print-plan   print the engine plan (buffers, steps) to stdout\n"
    "  --print-ir     print the `tensorrt` IR the plan is built from (after "
    "folding and\n"
    "                 simplification) to stdout\n"
    "  --shape-profile=INPUT:MIN:OPT:MAX\n"
    "                 the shapes an input with `?` dimensions accepts: INPUT "
    "is its name\n"
    "                 (x for loc(\"x\"), else arg0, arg1, ...) or its "
    "position; MIN, OPT and MAX\n"
    "                 are shapes written like 1x4 (static dimensions repeat "
    "their size).\n"
    "                 The engine runs every shape from MIN to MAX and is "
    "planned for OPT.\n"
    "                 Repeat the option for each dynamic input, e.g.\n"
    "                 --shape-profile=x:1x4:8x4:32x4\n";

int usageError(const std::string &message) {
  std::cerr << "kiln-compile: error: " << message << "\n" << kUsage;
  return 1;
}

bool readSource(const std::string &path, std::string &text) {
  if (path == "-") {
    text.assign(std::istreambuf_iterator<char>(std::cin), {});
    return true;
  }
  std::ifstream file(path, std::ios::binary);
  if (!file)
    return false;
  std::ostringstream contents;
  contents << file.rdbuf();
  text = contents.str();
  return true;
}

/// `1x4` → {1, 4}; false when it is not sizes joined by 'x'.
bool parseDims(const std::string &text, std::vector<int64_t> &dims) {
  dims.clear();
  size_t start = 0;
  while (true) {
    size_t end = text.find('x', start);
    std::string part = text.substr(start, end == std::string::npos
                                              ? std::string::npos
                                              : end - start);
    if (part.empty() || part.size() > 18 ||
        part.find_first_not_of("0123456789") != std::string::npos)
      return false;
    dims.push_back(std::stoll(part));
    if (end == std::string::npos)
      return true;
    start = end + 1;
  }
}

/// `INPUT:MIN:OPT:MAX`; an error message when malformed.
std::optional<std::string>
parseShapeProfile(const std::string &text,
                  kiln::compiler::InputShapeProfile &profile) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (true) {
    size_t end = text.find(':', start);
    parts.push_back(text.substr(start, end == std::string::npos
                                           ? std::string::npos
                                           : end - start));
    if (end == std::string::npos)
      break;
    start = end + 1;
  }
  std::string expected = "expected --shape-profile=INPUT:MIN:OPT:MAX with "
                         "shapes like 1x4 (e.g. x:1x4:8x4:32x4), got '" +
                         text + "'";
  if (parts.size() != 4 || parts[0].empty())
    return expected;
  profile.input = parts[0];
  const char *names[] = {"MIN", "OPT", "MAX"};
  std::vector<int64_t> *dims[] = {&profile.min, &profile.opt, &profile.max};
  for (int i = 0; i < 3; ++i)
    if (!parseDims(parts[i + 1], *dims[i]))
      return expected + ": " + names[i] + " '" + parts[i + 1] +
             "' is not a shape";
  return std::nullopt;
}

} // namespace

int main(int argc, char **argv) {
  std::string inputPath, outputPath;
  bool printPlan = false;
  kiln::compiler::CompileOptions options;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "-h" || arg == "--help") {
      std::cout << kUsage;
      return 0;
    }
    if (arg == "-o" || arg == "--entry") {
      if (i + 1 >= argc)
        return usageError("missing value after '" + arg + "'");
      (arg == "-o" ? outputPath : options.entryPoint) = argv[++i];
    } else if (arg.rfind("--shape-profile", 0) == 0) {
      std::string value;
      if (arg == "--shape-profile") {
        if (i + 1 >= argc)
          return usageError("missing value after '" + arg + "'");
        value = argv[++i];
      } else if (arg.rfind("--shape-profile=", 0) == 0) {
        value = arg.substr(std::string("--shape-profile=").size());
      } else {
        return usageError("unknown option '" + arg + "'");
      }
      kiln::compiler::InputShapeProfile profile;
      if (std::optional<std::string> error = parseShapeProfile(value, profile))
        return usageError(*error);
      options.shapeProfiles.push_back(std::move(profile));
    } else if (arg == "--print-plan") {
      printPlan = true;
    } else if (arg == "--print-ir") {
      options.printIR = true;
    } else if (!arg.empty() && arg[0] == '-' && arg != "-") {
      return usageError("unknown option '" + arg + "'");
    } else if (inputPath.empty()) {
      inputPath = arg;
    } else {
      return usageError("more than one input file ('" + inputPath + "', '" +
                        arg + "')");
    }
  }
  if (inputPath.empty())
    return usageError("no input file");
  if (outputPath.empty() && !printPlan && !options.printIR)
    return usageError(
        "no output file (use -o OUTPUT.kiln, --print-plan or --print-ir)");

  std::string source;
  if (!readSource(inputPath, source))
    return usageError("cannot read '" + inputPath + "'");

  kiln::compiler::CompileResult result = kiln::compiler::compileSource(
      source, inputPath == "-" ? "<stdin>" : inputPath, options);
  std::cerr << result.diagnostics;
  if (!result.ok)
    return 1;
  if (options.printIR)
    std::cout << result.ir << "\n";
  if (printPlan)
    std::cout << kiln::compiler::printPlan(result.plan);
  if (!outputPath.empty()) {
    try {
      kiln::writeEngineFile(result.plan, outputPath);
    } catch (const kiln::Error &error) {
      std::cerr << "kiln-compile: error: " << error.what() << "\n";
      return 1;
    }
  }
  return 0;
}
