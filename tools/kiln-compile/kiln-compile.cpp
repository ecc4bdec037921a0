//===- kiln-compile.cpp - .mlir → .kiln -----------------------------------===//
//
//   kiln-compile model.mlir -o model.kiln [--entry NAME] [--print-plan]
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
#include <sstream>
#include <string>

namespace {

const char *kUsage =
    "usage: kiln-compile INPUT.mlir -o OUTPUT.kiln [--entry NAME] "
    "[--print-plan]\n"
    "  Compiles a func.func over `tensorrt` ops into a Kiln engine.\n"
    "  INPUT may be '-' for standard input.\n"
    "  --entry NAME   function to compile (default: the only public one, or "
    "'main')\n"
    "  --print-plan   print the engine plan (buffers, steps) to stdout\n";

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
    } else if (arg == "--print-plan") {
      printPlan = true;
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
  if (outputPath.empty() && !printPlan)
    return usageError("no output file (use -o OUTPUT.kiln or --print-plan)");

  std::string source;
  if (!readSource(inputPath, source))
    return usageError("cannot read '" + inputPath + "'");

  kiln::compiler::CompileResult result = kiln::compiler::compileSource(
      source, inputPath == "-" ? "<stdin>" : inputPath, options);
  std::cerr << result.diagnostics;
  if (!result.ok)
    return 1;
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
