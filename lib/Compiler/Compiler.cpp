//===- Compiler.cpp - MLIR source to engine plan --------------------------===//
#include "kiln/Compiler/Compiler.h"

#include "kiln/Compiler/EnginePlanBuilder.h"
#include "kiln/Conversion/Passes.h"
#include "kiln/Dialect/TensorRT/IR/TensorRT.h"
#include "kiln/Dialect/TensorRT/Transforms/Passes.h"
#include "kiln/Import/ONNX/ONNXImporter.h"
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

/// The name an input is known by: its `loc("name")`, else `argN` (as the
/// engine names it).
static std::string inputName(BlockArgument arg) {
  if (auto named = dyn_cast<NameLoc>(arg.getLoc()))
    return named.getName().str();
  return "arg" + std::to_string(arg.getArgNumber());
}

/// jax.export's `main` has unnamed arguments that it passes straight on to
/// the function it wraps, whose arguments carry the user's names
/// (`loc("x")`): give those names to `main`'s arguments, so that inputs and
/// their shape profiles can be named as in the Python source.
static void adoptCalleeArgumentNames(ModuleOp module, func::FuncOp entry) {
  if (entry.isExternal())
    return;
  for (BlockArgument arg : entry.getArguments()) {
    if (isa<NameLoc>(arg.getLoc()))
      continue;
    for (OpOperand &use : arg.getUses()) {
      auto call = dyn_cast<func::CallOp>(use.getOwner());
      if (!call)
        continue;
      auto callee = module.lookupSymbol<func::FuncOp>(call.getCallee());
      if (!callee || callee.isExternal())
        continue;
      // The name, over the argument's own position (for diagnostics).
      if (auto named = dyn_cast<NameLoc>(
              callee.getArgument(use.getOperandNumber()).getLoc())) {
        arg.setLoc(NameLoc::get(named.getName(), arg.getLoc()));
        break;
      }
    }
  }
}

static std::string dimsText(ArrayRef<int64_t> dims) {
  std::string text;
  for (auto [i, d] : llvm::enumerate(dims))
    text += (i ? "x" : "") + (ShapedType::isDynamic(d) ? std::string("?")
                                                       : std::to_string(d));
  return text.empty() ? "(scalar)" : text;
}

/// Attaches the options' shape profiles to the entry point's arguments as
/// `tensorrt.shape_profile`, and checks that every argument with `?`
/// dimensions has one.
static LogicalResult attachShapeProfiles(func::FuncOp entry,
                                         const CompileOptions &options) {
  MLIRContext *context = entry.getContext();
  StringRef attrName = tensorrt::TensorRTDialect::getShapeProfileArgAttrName();
  bool ok = true;
  std::vector<bool> given(entry.getNumArguments(), false);
  for (const InputShapeProfile &profile : options.shapeProfiles) {
    // By name first, then by position.
    std::optional<unsigned> index;
    for (BlockArgument arg : entry.getArguments())
      if (inputName(arg) == profile.input)
        index = arg.getArgNumber();
    unsigned position;
    if (!index && !profile.input.empty() &&
        llvm::all_of(profile.input, llvm::isDigit) &&
        !StringRef(profile.input).getAsInteger(10, position) &&
        position < entry.getNumArguments())
      index = position;
    if (!index) {
      InFlightDiagnostic diag = entry.emitError()
                                << "shape profile for unknown input '"
                                << profile.input << "'; the inputs of '"
                                << entry.getSymName() << "' are";
      for (BlockArgument arg : entry.getArguments())
        diag << " " << arg.getArgNumber() << ":'" << inputName(arg) << "'";
      ok = false;
      continue;
    }
    BlockArgument arg = entry.getArgument(*index);
    std::string what = "input '" + inputName(arg) + "' (argument " +
                       std::to_string(*index) + ")";
    if (given[*index]) {
      emitError(arg.getLoc()) << "two shape profiles for " << what;
      ok = false;
      continue;
    }
    given[*index] = true;
    auto type = dyn_cast<RankedTensorType>(arg.getType());
    if (!type) {
      emitError(arg.getLoc()) << "shape profile for " << what
                              << ", which is not a ranked tensor";
      ok = false;
      continue;
    }
    int64_t rank = type.getRank();
    if (static_cast<int64_t>(profile.min.size()) != rank ||
        static_cast<int64_t>(profile.opt.size()) != rank ||
        static_cast<int64_t>(profile.max.size()) != rank) {
      emitError(arg.getLoc())
          << "shape profile for " << what << " of type " << type << " needs "
          << rank << " dimensions in min, opt and max, got min "
          << dimsText(profile.min) << ", opt " << dimsText(profile.opt)
          << ", max " << dimsText(profile.max);
      ok = false;
      continue;
    }
    bool valid = true;
    for (int64_t d = 0; d < rank && valid; ++d) {
      int64_t lo = profile.min[d], mid = profile.opt[d], hi = profile.max[d];
      if (!type.isDynamicDim(d) &&
          (lo != type.getDimSize(d) || mid != lo || hi != lo)) {
        emitError(arg.getLoc())
            << "shape profile for " << what << " contradicts its type " << type
            << ": dimension " << d << " is " << type.getDimSize(d)
            << ", but the profile gives min " << lo << ", opt " << mid
            << ", max " << hi;
        valid = false;
      } else if (lo < 0 || lo > mid || mid > hi) {
        emitError(arg.getLoc())
            << "shape profile for " << what << ": dimension " << d
            << " needs 0 <= min <= opt <= max, got min " << lo << ", opt "
            << mid << ", max " << hi;
        valid = false;
      }
    }
    if (!valid) {
      ok = false;
      continue;
    }
    if (type.hasStaticShape())
      continue; // a static input needs no profile; this one agrees with it
    entry.setArgAttr(*index, attrName,
                     tensorrt::ShapeProfileAttr::get(context, profile.min,
                                                     profile.opt, profile.max));
  }
  if (!ok)
    return failure();
  for (BlockArgument arg : entry.getArguments()) {
    auto type = dyn_cast<RankedTensorType>(arg.getType());
    if (!type || type.hasStaticShape() ||
        entry.getArgAttr(arg.getArgNumber(), attrName))
      continue;
    emitError(arg.getLoc())
        << "argument " << arg.getArgNumber() << " has dynamic shape " << type
        << " but no '" << attrName
        << "' attribute giving its min/opt/max shapes: give input '"
        << inputName(arg)
        << "' a shape profile (compile_mlir(..., shape_profiles=...), or "
           "kiln-compile --shape-profile="
        << inputName(arg) << ":MIN:OPT:MAX)";
    ok = false;
  }
  return success(ok);
}

/// The target's choices in the simplification pipeline. Engines run on
/// Kiln's runtime, whose reference kernels implement the extension ops
/// (transpose, reshape, expand/collapse_rank, broadcast) themselves, so
/// they stay as written rather than being expanded into the more general
/// shuffle and wrapping slice; a target that takes only core TensorRT
/// layers would set `expandOps`.
static kiln::tensorrt::TensorRTSimplifyOptions simplifyOptionsForTarget() {
  kiln::tensorrt::TensorRTSimplifyOptions options;
  options.expandOps = false;
  return options;
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

  bool onnx = options.format == InputFormat::ONNX ||
              (options.format == InputFormat::Auto &&
               StringRef(bufferName).ends_with(".onnx"));
  // ONNX errors name the file and node (there is no source line to show).
  std::optional<ScopedDiagnosticHandler> onnxHandler;
  if (onnx)
    onnxHandler.emplace(&context, [&](Diagnostic &diag) {
      diagnostics << kiln::describeONNXLocation(diag.getLocation())
                  << (diag.getSeverity() == DiagnosticSeverity::Error
                          ? ": error: "
                          : ": note: ")
                  << diag.str() << "\n";
      for (const Diagnostic &note : diag.getNotes())
        diagnostics << kiln::describeONNXLocation(note.getLocation())
                    << ": note: " << note.str() << "\n";
      return success();
    });
  OwningOpRef<ModuleOp> module =
      onnx ? kiln::importONNXModel(context, source, bufferName)
           : parseSourceFile<ModuleOp>(sourceMgr, &context);
  if (!module)
    return result;
  {
    FailureOr<func::FuncOp> entry = findEntryPoint(*module, options);
    if (failed(entry))
      return result;
    adoptCalleeArgumentNames(*module, *entry);
    if (failed(attachShapeProfiles(*entry, options)))
      return result;
  }
  // One pipeline for every input. JAX programs arrive as `stablehlo`/`chlo`
  // and become `tensorrt` first (unsupported ops are reported before any
  // other work; ONNX models arrive converted by their importer); then every
  // program, whether from the Python frontend, JAX, ONNX or written by hand, is canonicalized (constants folded) and simplified:
  // what the frontend wrote out (GELU, LayerNorm, relu, ...) is raised back
  // to single ops and layout ops are removed.
  {
    PassManager pm(&context);
    if (kiln::containsStableHLO(*module))
      pm.addPass(kiln::createConvertStableHLOToTensorRT());
    kiln::tensorrt::buildTensorRTSimplifyPipeline(pm,
                                                  simplifyOptionsForTarget());
    if (failed(pm.run(*module)))
      return result;
  }
  if (options.printIR)
    llvm::raw_string_ostream(result.ir) << *module;
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
