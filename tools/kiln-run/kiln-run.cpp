//===- kiln-run.cpp - Run a .kiln engine on .npy inputs -------------------===//
//
//   kiln-run engine.kiln --input a.npy --input NAME=b.npy --output-dir DIR
//            [--iterations N]
//
// Inputs bind in argument order; `NAME=file.npy` binds by input name and
// unnamed inputs fill the remaining slots in order. Each result is written as
// DIR/output_NN_<name>.npy.
//
//===----------------------------------------------------------------------===//
#include "kiln/Runtime/Engine.h"
#include "kiln/Runtime/Error.h"
#include "kiln/Runtime/Npy.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>
#include <sys/stat.h>
#include <vector>

namespace {

const char *const kUsage =
    "usage: kiln-run ENGINE.kiln [--input [NAME=]FILE.npy]... "
    "[--output-dir DIR] [--iterations N]\n"
    "\n"
    "Runs a Kiln engine on .npy inputs and writes one .npy per result.\n"
    "\n"
    "  --input FILE.npy        next unbound engine input, in argument order\n"
    "  --input NAME=FILE.npy   the engine input called NAME\n"
    "  --output-dir DIR        where to write output_NN_<name>.npy "
    "(default: .)\n"
    "  --iterations N          after one warm-up run, time N runs and print\n"
    "                          'latency: min X ms, median Y ms over N runs'\n"
    "  --help                  show this message\n";

struct InputArg {
  std::optional<std::string> name;
  std::string path;
};

struct Options {
  std::string enginePath;
  std::vector<InputArg> inputs;
  std::string outputDir = ".";
  int64_t iterations = 0;
};

Options parseArguments(int argc, char **argv, bool &showHelp) {
  Options options;
  auto value = [&](int &i, const std::string &flag) -> std::string {
    if (i + 1 >= argc)
      kiln::fail("option ", flag, " needs a value");
    return argv[++i];
  };
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    // Accept --flag=value as well as --flag value.
    std::string flag = arg, inlineValue;
    bool hasInline = false;
    if (arg.rfind("--", 0) == 0 && arg.find('=') != std::string::npos) {
      flag = arg.substr(0, arg.find('='));
      inlineValue = arg.substr(arg.find('=') + 1);
      hasInline = true;
    }
    auto take = [&]() { return hasInline ? inlineValue : value(i, flag); };
    if (flag == "--help" || flag == "-h") {
      showHelp = true;
    } else if (flag == "--input") {
      std::string spec = take();
      InputArg input;
      size_t eq = spec.find('=');
      if (eq != std::string::npos) {
        input.name = spec.substr(0, eq);
        input.path = spec.substr(eq + 1);
      } else {
        input.path = spec;
      }
      options.inputs.push_back(input);
    } else if (flag == "--output-dir") {
      options.outputDir = take();
    } else if (flag == "--iterations") {
      std::string text = take();
      char *end = nullptr;
      long long n = std::strtoll(text.c_str(), &end, 10);
      if (text.empty() || *end != '\0' || n < 1)
        kiln::fail("--iterations needs a positive integer, got '", text, "'");
      options.iterations = n;
    } else if (arg.rfind("-", 0) == 0 && arg.size() > 1) {
      kiln::fail("unknown option '", arg, "' (see --help)");
    } else if (options.enginePath.empty()) {
      options.enginePath = arg;
    } else {
      kiln::fail("unexpected argument '", arg,
                 "' (the engine is already '", options.enginePath, "')");
    }
  }
  return options;
}

/// Output file name component: keeps letters, digits, '_', '-', '.'.
std::string sanitize(const std::string &name) {
  std::string result;
  for (char c : name)
    result += (std::isalnum(static_cast<unsigned char>(c)) || c == '_' ||
               c == '-' || c == '.')
                  ? c
                  : '_';
  return result;
}

int run(int argc, char **argv) {
  bool showHelp = false;
  Options options = parseArguments(argc, argv, showHelp);
  if (showHelp) {
    std::cout << kUsage;
    return 0;
  }
  if (options.enginePath.empty())
    kiln::fail("no engine file given (see --help)");

  std::shared_ptr<kiln::Engine> engine = kiln::Engine::load(options.enginePath);
  std::vector<kiln::TensorSignature> signature = engine->inputs();

  // Bind named inputs first, then fill the remaining slots in order.
  std::vector<std::optional<std::string>> bound(signature.size());
  for (const InputArg &input : options.inputs) {
    if (!input.name)
      continue;
    auto it = std::find_if(signature.begin(), signature.end(),
                           [&](const kiln::TensorSignature &s) {
                             return s.name == *input.name;
                           });
    if (it == signature.end()) {
      std::string names;
      for (const auto &s : signature)
        names += (names.empty() ? "'" : ", '") + s.name + "'";
      kiln::fail("engine has no input named '", *input.name,
                 "' (inputs: ", names.empty() ? "none" : names, ")");
    }
    size_t slot = static_cast<size_t>(it - signature.begin());
    if (bound[slot])
      kiln::fail("input '", *input.name, "' is given twice");
    bound[slot] = input.path;
  }
  size_t next = 0;
  for (const InputArg &input : options.inputs) {
    if (input.name)
      continue;
    while (next < bound.size() && bound[next])
      ++next;
    if (next == bound.size())
      kiln::fail("engine expects ", signature.size(), " input",
                 signature.size() == 1 ? "" : "s", ", got ",
                 options.inputs.size());
    bound[next++] = input.path;
  }
  for (size_t i = 0; i < bound.size(); ++i)
    if (!bound[i])
      kiln::fail("engine expects ", signature.size(), " input",
                 signature.size() == 1 ? "" : "s", ", got ",
                 options.inputs.size(), " (no value for input ", i, " '",
                 signature[i].name, "')");

  std::vector<kiln::HostTensor> tensors;
  std::vector<kiln::TensorView> views;
  for (size_t i = 0; i < bound.size(); ++i) {
    tensors.push_back(kiln::readNpy(*bound[i]));
    views.push_back(tensors.back().view());
  }

  kiln::ExecutionContext context(engine);
  std::vector<kiln::HostTensor> results = context.run(views);

  if (options.iterations > 0) {
    std::vector<double> millis;
    for (int64_t i = 0; i < options.iterations; ++i) {
      auto start = std::chrono::steady_clock::now();
      context.run(views);
      auto stop = std::chrono::steady_clock::now();
      millis.push_back(
          std::chrono::duration<double, std::milli>(stop - start).count());
    }
    std::sort(millis.begin(), millis.end());
    size_t n = millis.size();
    double median = n % 2 ? millis[n / 2]
                          : 0.5 * (millis[n / 2 - 1] + millis[n / 2]);
    std::printf("latency: min %.3f ms, median %.3f ms over %zu runs\n",
                millis.front(), median, n);
  }

  struct stat info;
  if (stat(options.outputDir.c_str(), &info) != 0) {
    if (mkdir(options.outputDir.c_str(), 0755) != 0)
      kiln::fail("cannot create output directory '", options.outputDir, "'");
  } else if (!S_ISDIR(info.st_mode)) {
    kiln::fail("output path '", options.outputDir, "' is not a directory");
  }
  std::vector<kiln::TensorSignature> outputs = engine->outputs();
  for (size_t i = 0; i < results.size(); ++i) {
    std::string name = outputs[i].name.empty() ? "result_" + std::to_string(i)
                                               : sanitize(outputs[i].name);
    // Zero-pad to the widest index so that names sort in result order.
    std::string index = std::to_string(i);
    size_t width = std::max<size_t>(2, std::to_string(results.size() - 1).size());
    index.insert(0, width - index.size(), '0');
    std::string path =
        options.outputDir + "/output_" + index + "_" + name + ".npy";
    kiln::writeNpy(path, results[i]);
  }
  return 0;
}

} // namespace

int main(int argc, char **argv) {
  try {
    return run(argc, argv);
  } catch (const std::exception &e) {
    std::fprintf(stderr, "kiln-run: error: %s\n", e.what());
    return 1;
  }
}
