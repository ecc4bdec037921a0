//===- Bindings.h - Pieces shared by the extension's files ------*- C++ -*-===//
//
// The extension includes only MLIR-free headers (the compiler's entry point and
// the runtime); nanobind needs RTTI, which MLIR's build does not have.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_PYTHON_BINDINGS_H
#define KILN_PYTHON_BINDINGS_H

#include "kiln/Runtime/Engine.h"
#include "kiln/Runtime/Error.h"

#include <nanobind/nanobind.h>

#include <memory>
#include <mutex>
#include <string>

namespace kiln::python {

/// Thrown when the compiler rejects a program; the message holds the rendered
/// diagnostics. Surfaces in Python as `kiln._C.CompileError`, a subclass of
/// `kiln._C.KilnError`.
class CompileFailure : public kiln::Error {
public:
  explicit CompileFailure(const std::string &diagnostics)
      : kiln::Error(diagnostics) {}
};

/// A loaded engine plus the execution context that runs it. The context (and
/// its arena) is created on first run and reused; runs are serialized by a
/// mutex because a context is not thread-safe.
struct PyEngine {
  explicit PyEngine(std::shared_ptr<kiln::Engine> engine)
      : engine(std::move(engine)) {}

  std::shared_ptr<kiln::Engine> engine;
  std::unique_ptr<kiln::ExecutionContext> context;
  std::mutex runMutex;
};

void bindEngine(nanobind::module_ &m);

} // namespace kiln::python

#endif // KILN_PYTHON_BINDINGS_H
