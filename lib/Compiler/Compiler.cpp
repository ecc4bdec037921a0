//===- Compiler.cpp - MLIR source to engine plan --------------------------===//
#include "kiln/Compiler/Compiler.h"

#include "kiln/Compiler/EnginePlanBuilder.h"
#include "kiln/Conversion/Passes.h"
#include "kiln/Dialect/TensorRT/Transforms/Passes.h"
#include "kiln/InitAllDialects.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;

namespace kiln::compiler {

/// The function to compile: the one named by the options, else the only
/// public function, else "main".
static FailureOr<func::FuncOp> findEntryPoint(ModuleOp module,
                                              const CompileOptions &options) {
  if (!options.entryPoint.empty()) {
    auto func = module.lookupSymbol<func::FuncOp>(options.entryPoint);
    if (!func)
      return module.emitError() << "no function named '" << options.entryPoint
                                << "' to compile";
    return func;
  }
  SmallVector<func::FuncOp> publicFuncs;
  for (auto func : module.getOps<func::FuncOp>())
    if (func.isPublic() && !func.isExternal())
      publicFuncs.push_back(func);
  if (publicFuncs.size() == 1)
    return publicFuncs.front();
  if (auto main = module.lookupSymbol<func::FuncOp>("main"))
    return main;
  if (publicFuncs.empty())
    return module.emitError("expected a public func.func to compile, found none");
  InFlightDiagnostic diag = module.emitError()
                            << "found " << publicFuncs.size()
                            << " public functions and none named 'main'; "
                               "choose one with the entry-point option:";
  for (func::FuncOp func : publicFuncs)
    diag << " '" << func.getSymName() << "'";
  return diag;
}

CompileResult compileSource(const std::string &source,
                            const std::string &bufferName,
                            const CompileOptions &options) {
  CompileResult result;

  DialectRegistry registry;
  kiln::registerAllDialects(registry);
  MLIRContext context(registry, MLIRContext::Threading::DISABLED);
  context.loadAllAvailableDialects();
  // The op's generic form under each verifier error is noise for a user who
  // wrote the custom form (or Python) in the first place.
  context.printOpOnDiagnostic(false);

  llvm::SourceMgr sourceMgr;
  sourceMgr.AddNewSourceBuffer(
      llvm::MemoryBuffer::getMemBufferCopy(source, bufferName), llvm::SMLoc());
  llvm::raw_string_ostream diagnostics(result.diagnostics);
  SourceMgrDiagnosticHandler handler(sourceMgr, &context, diagnostics);

  OwningOpRef<ModuleOp> module = parseSourceFile<ModuleOp>(sourceMgr, &context);
  if (!module)
    return result;
  // JAX programs arrive as `stablehlo`/`chlo`; they become `tensorrt` first
  // (unsupported ops are reported before any other work), then the
  // simplification pipeline raises what JAX wrote out (GELU, LayerNorm, ...)
  // back to single ops and removes the layout ops the conversion added.
  if (kiln::containsStableHLO(*module)) {
    PassManager pm(&context);
    pm.addPass(kiln::createConvertStableHLOToTensorRT());
    mlir::tensorrt::buildTensorRTSimplifyPipeline(pm);
    if (failed(pm.run(*module)))
      return result;
  }
  FailureOr<func::FuncOp> entry = findEntryPoint(*module, options);
  if (failed(entry))
    return result;
  FailureOr<EnginePlan> plan = buildEnginePlan(*entry);
  if (failed(plan))
    return result;
  result.plan = std::move(*plan);
  result.ok = true;
  return result;
}

} // namespace kiln::compiler
