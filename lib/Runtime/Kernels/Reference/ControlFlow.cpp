//===- ControlFlow.cpp - Reference `if`, `while`, `for`, `assertion` ------===//
//
// Control-flow kernels run the step lists of their regions through
// KernelContext::regions (RegionRunner). Values move between the parent step and its
// regions by copy: operands into region arguments, yields into results (the
// arena planner keeps every region buffer apart from the parent's buffers,
// and region values sized at run time have their own allocations, so these
// copies never overlap). Region arguments, and results whose shape only the
// region decides, take the shapes of the values passed to them
// (RegionRunner::resize); a loop-carried value keeps its shape across
// iterations, as in TensorRT's loops.
//
//===----------------------------------------------------------------------===//
#include "Common.h"

namespace kiln {
namespace {

using namespace ref;

/// Copies `from` into `to`; both views must have the same type.
void copyValue(const TensorView &to, const TensorView &from,
               const std::string &what) {
  if (to.dtype != from.dtype || to.shape != from.shape)
    fail(what, ": cannot pass ", typeOf(from), " as ", typeOf(to));
  if (to.byteSize() != 0 && to.data != from.data)
    std::memmove(to.data, from.data, static_cast<size_t>(to.byteSize()));
}

void expectRegions(const KernelContext &ctx, size_t count) {
  if (ctx.step.regions.size() != count)
    fail("expected ", count, " region", count == 1 ? "" : "s", ", got ",
         ctx.step.regions.size());
  if (!ctx.regions)
    fail("the executor gave no way to run regions");
}

/// Checks that `region` has `arguments` block arguments and `yields` yielded
/// values.
void expectSignature(const RegionDesc &region, const char *name,
                     size_t arguments, size_t yields) {
  if (region.arguments.size() != arguments)
    fail(name, " region has ", region.arguments.size(),
         " arguments, expected ", arguments);
  if (region.yields.size() != yields)
    fail(name, " region yields ", region.yields.size(), " values, expected ",
         yields);
}

/// The truth value of a rank-0 i1 tensor.
bool scalarCondition(const TensorView &cond, const char *what) {
  if (cond.dtype != DType::I1 || !cond.shape.empty())
    fail(what, " must be a rank-0 i1 tensor, got ", typeOf(cond));
  return *static_cast<const uint8_t *>(cond.data) != 0;
}

int64_t scalarI32(const TensorView &value, const char *what) {
  if (value.dtype != DType::I32 || !value.shape.empty())
    fail(what, " must be a rank-0 i32 tensor, got ", typeOf(value));
  return *static_cast<const int32_t *>(value.data);
}

/// Copies views (`from`) into the buffers `to` names, giving each the shape
/// of its value.
void copyInto(const KernelContext &ctx, const std::vector<int32_t> &to,
              const std::vector<TensorView> &from, const char *what) {
  for (size_t i = 0; i < to.size(); ++i)
    copyValue(ctx.regions->resize(to[i], from[i].shape), from[i],
              std::string(what) + " " + std::to_string(i));
}

/// True when `shape` fits `declared` (kDynamicDim where any size fits).
bool fitsShape(const std::vector<int64_t> &declared,
               const std::vector<int64_t> &shape) {
  if (declared.size() != shape.size())
    return false;
  for (size_t d = 0; d < shape.size(); ++d)
    if (declared[d] != kDynamicDim && declared[d] != shape[d])
      return false;
  return true;
}

/// Checks that the values a loop region hands on (`next`) have the shapes
/// of the loop-carried values (the results, sized from the initial values).
void expectCarriedShapes(const KernelContext &ctx,
                         const std::vector<TensorView> &next,
                         const char *source) {
  for (size_t i = 0; i < next.size(); ++i)
    if (next[i].dtype != ctx.results[i].dtype ||
        next[i].shape != ctx.results[i].shape)
      fail(source, " ", typeOf(next[i]), " as loop-carried value ", i,
           ", which is ", typeOf(ctx.results[i]),
           " (a loop-carried value keeps its shape across iterations)");
}

/// The views of `ids`, skipping the first `skip`.
std::vector<TensorView> viewsOf(const KernelContext &ctx,
                                const std::vector<int32_t> &ids,
                                size_t skip = 0) {
  std::vector<TensorView> views;
  for (size_t i = skip; i < ids.size(); ++i)
    views.push_back(ctx.regions->buffer(ids[i]));
  return views;
}

void copyResults(const KernelContext &ctx, const std::vector<TensorView> &from,
                 const char *what) {
  for (size_t i = 0; i < ctx.results.size(); ++i)
    copyValue(ctx.results[i], from[i], std::string(what) + " " +
                                           std::to_string(i));
}

/// Only the chosen region runs; its yields become the results, which take
/// their shapes where the op's types leave them open.
void ifKernel(const KernelContext &ctx) {
  expectCounts(ctx, 1, 1, ctx.results.size());
  expectRegions(ctx, 2);
  const bool taken = scalarCondition(ctx.operands[0], "condition");
  const RegionDesc &chosen = ctx.step.regions[taken ? 0 : 1];
  expectSignature(chosen, "if", 0, ctx.results.size());
  ctx.regions->runRegion(taken ? 0 : 1);
  for (size_t i = 0; i < ctx.results.size(); ++i) {
    TensorView value = ctx.regions->buffer(chosen.yields[i]);
    const TensorView &declared = ctx.results[i];
    if (value.dtype != declared.dtype || !fitsShape(declared.shape, value.shape))
      fail(taken ? "then" : "else", " region yields ", typeOf(value),
           " as result ", i, ", which is ", typeOf(declared));
    copyValue(ctx.regions->resize(ctx.step.results[i], value.shape), value,
              "yield " + std::to_string(i));
  }
}

/// The results hold the loop-carried values between iterations. Like
/// TensorRT's loops there is no iteration limit: a condition that never turns
/// false runs forever.
void whileKernel(const KernelContext &ctx) {
  const size_t n = ctx.results.size();
  expectCounts(ctx, n, n, n);
  expectRegions(ctx, 2);
  const RegionDesc &cond = ctx.step.regions[0], &body = ctx.step.regions[1];
  expectSignature(cond, "condition", n, n + 1);
  expectSignature(body, "body", n, n);
  copyResults(ctx, ctx.operands, "operand");
  for (;;) {
    copyInto(ctx, cond.arguments, ctx.results, "condition argument");
    ctx.regions->runRegion(0);
    std::vector<TensorView> passed = viewsOf(ctx, cond.yields, 1);
    expectCarriedShapes(ctx, passed, "the condition region passes");
    if (!scalarCondition(ctx.regions->buffer(cond.yields[0]), "loop condition")) {
      copyResults(ctx, passed, "condition value");
      return;
    }
    copyInto(ctx, body.arguments, passed, "body argument");
    ctx.regions->runRegion(1);
    std::vector<TensorView> next = viewsOf(ctx, body.yields);
    expectCarriedShapes(ctx, next, "the body yields");
    copyResults(ctx, next, "body yield");
  }
}

/// The body runs for i = lb, lb + step, … while i < ub (no run when
/// lb >= ub); step must be positive.
void forKernel(const KernelContext &ctx) {
  const size_t n = ctx.results.size();
  expectCounts(ctx, 3 + n, 3 + n, n);
  expectRegions(ctx, 1);
  const RegionDesc &body = ctx.step.regions[0];
  expectSignature(body, "body", n + 1, n);
  const int64_t lb = scalarI32(ctx.operands[0], "lower bound");
  const int64_t ub = scalarI32(ctx.operands[1], "upper bound");
  const int64_t step = scalarI32(ctx.operands[2], "step");
  if (step <= 0)
    fail("step must be positive, got ", step);
  copyResults(ctx, std::vector<TensorView>(ctx.operands.begin() + 3,
                                           ctx.operands.end()),
              "init operand");
  TensorView inductionVar = ctx.regions->resize(body.arguments[0], {});
  if (inductionVar.dtype != DType::I32 || !inductionVar.shape.empty())
    fail("induction variable must be a rank-0 i32 tensor, got ",
         typeOf(inductionVar));
  std::vector<int32_t> carried(body.arguments.begin() + 1,
                               body.arguments.end());
  for (int64_t i = lb; i < ub; i += step) {
    *static_cast<int32_t *>(inductionVar.data) = static_cast<int32_t>(i);
    copyInto(ctx, carried, ctx.results, "body argument");
    ctx.regions->runRegion(0);
    std::vector<TensorView> next = viewsOf(ctx, body.yields);
    expectCarriedShapes(ctx, next, "the body yields");
    copyResults(ctx, next, "body yield");
  }
}

/// Fails the run with the op's message when some element is false.
void assertionKernel(const KernelContext &ctx) {
  expectCounts(ctx, 1, 1, 0);
  const TensorView &cond = ctx.operands[0];
  if (cond.dtype != DType::I1 || cond.shape.size() > 1)
    fail("condition must be a rank-0 or rank-1 i1 tensor, got ",
         typeOf(cond));
  const auto *values = static_cast<const uint8_t *>(cond.data);
  for (int64_t i = 0; i < cond.numElements(); ++i)
    if (!values[i])
      fail("assertion failed: ", getStringAttr(ctx.step, "message"),
           cond.shape.empty() ? std::string()
                              : " (element " + std::to_string(i) + ")");
}

} // namespace

void registerControlFlowKernels(KernelRegistry &registry) {
  registry.add("if", ifKernel);
  registry.add("while", whileKernel);
  registry.add("for", forKernel);
  registry.add("assertion", assertionKernel);
}

} // namespace kiln
