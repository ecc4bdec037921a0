//===- Module.cpp - The kiln._C extension module --------------------------===//
//
// Exceptions and the compile entry point. Engines and execution live in
// EngineBindings.cpp.
//
//===----------------------------------------------------------------------===//
#include "Bindings.h"

#include "kiln/Compiler/Compiler.h"
#include "kiln/Compiler/TypeInference.h"
#include "kiln/Runtime/Engine.h"
#include "kiln/Runtime/KernelRegistry.h"

#include <nanobind/stl/unique_ptr.h>
#include <nanobind/stl/string.h>
#include <nanobind/stl/tuple.h>
#include <nanobind/stl/vector.h>

#include <memory>

namespace nb = nanobind;
using namespace kiln::python;

NB_MODULE(_C, m) {
  m.doc() = "Kiln's native layer: MLIR compiler entry point and engine runtime.";

  // Deliberately leaked: the types must outlive every module-level reference,
  // including those released during interpreter shutdown.
  static PyObject *kilnError = PyErr_NewExceptionWithDoc(
      "kiln._C.KilnError", "An error reported by Kiln's runtime or compiler.",
      PyExc_RuntimeError, nullptr);
  static PyObject *compileError = PyErr_NewExceptionWithDoc(
      "kiln._C.CompileError",
      "The compiler rejected the program; the message holds its diagnostics.",
      kilnError, nullptr);
  m.attr("KilnError") = nb::borrow(kilnError);
  m.attr("CompileError") = nb::borrow(compileError);

  // One translator, so the more specific type is always tried first.
  nb::register_exception_translator([](const std::exception_ptr &p, void *) {
    try {
      std::rethrow_exception(p);
    } catch (const CompileFailure &e) {
      PyErr_SetString(compileError, e.what());
    } catch (const kiln::Error &e) {
      PyErr_SetString(kilnError, e.what());
    }
  });

  bindEngine(m);

  m.def(
      "compile",
      [](const std::string &source, const std::string &bufferName,
         const std::string &entry,
         const std::vector<std::tuple<std::string, std::vector<int64_t>,
                                      std::vector<int64_t>,
                                      std::vector<int64_t>>> &shapeProfiles) {
        kiln::compiler::CompileResult result;
        {
          nb::gil_scoped_release release;
          kiln::compiler::CompileOptions options;
          options.entryPoint = entry;
          for (const auto &[input, min, opt, max] : shapeProfiles)
            options.shapeProfiles.push_back({input, min, opt, max});
          result = kiln::compiler::compileSource(source, bufferName, options);
        }
        if (!result.ok)
          throw CompileFailure(result.diagnostics);
        return std::make_unique<PyEngine>(
            std::make_shared<kiln::Engine>(std::move(result.plan)));
      },
      nb::arg("source"), nb::arg("buffer_name") = "<python>",
      nb::arg("entry") = "",
      nb::arg("shape_profiles") = std::vector<
          std::tuple<std::string, std::vector<int64_t>, std::vector<int64_t>,
                     std::vector<int64_t>>>(),
      "Compiles `tensorrt`-dialect MLIR text (or StableHLO) into an Engine. "
      "`shape_profiles` lists (input name or position, min, opt, max) for "
      "the inputs with `?` dimensions. Raises CompileError with the rendered "
      "diagnostics on failure.");

  m.def(
      "infer_result_types",
      [](const std::string &name, const std::vector<std::string> &operandTypes,
         const std::string &attributes, const std::string &elementType) {
        kiln::compiler::InferredTypes inferred =
            kiln::compiler::inferResultTypes(name, operandTypes, attributes,
                                             elementType);
        return std::make_tuple(inferred.ok, inferred.types,
                               inferred.diagnostics);
      },
      nb::arg("name"), nb::arg("operand_types"), nb::arg("attributes") = "",
      nb::arg("element_type") = "",
      "Result types of the op `name` over operands of `operand_types` with "
      "the attribute dictionary `attributes` (MLIR syntax), as the dialect "
      "infers them: (ok, [type text], diagnostics). `element_type` completes "
      "ops that infer only shapes.");

  m.def(
      "compile_onnx",
      [](nb::bytes model, const std::string &bufferName,
         const std::vector<std::tuple<std::string, std::vector<int64_t>,
                                      std::vector<int64_t>,
                                      std::vector<int64_t>>> &shapeProfiles) {
        std::string bytes(model.c_str(), model.size());
        kiln::compiler::CompileResult result;
        {
          nb::gil_scoped_release release;
          kiln::compiler::CompileOptions options;
          options.format = kiln::compiler::InputFormat::ONNX;
          for (const auto &[input, min, opt, max] : shapeProfiles)
            options.shapeProfiles.push_back({input, min, opt, max});
          result = kiln::compiler::compileSource(bytes, bufferName, options);
        }
        if (!result.ok)
          throw CompileFailure(result.diagnostics);
        return std::make_unique<PyEngine>(
            std::make_shared<kiln::Engine>(std::move(result.plan)));
      },
      nb::arg("model"), nb::arg("buffer_name") = "<bytes>",
      nb::arg("shape_profiles") = std::vector<
          std::tuple<std::string, std::vector<int64_t>, std::vector<int64_t>,
                     std::vector<int64_t>>>(),
      "Compiles a serialized ONNX model into an Engine; `buffer_name` names "
      "it in diagnostics and locates its external data files. Raises "
      "CompileError with the diagnostics on failure.");

  m.def(
      "kernel_names",
      [] { return kiln::KernelRegistry::global().names(); },
      "The names of every kernel the runtime registers, sorted (the plan's "
      "steps name them; scripts/coverage_table.py reports on them).");
}
