//===- Reduction.cpp - reductions, ArgMax/ArgMin, TopK, CumSum ------------===//
//
// Part of Kiln. The Reduce* family (axes as an attribute before opset 18, as
// an input after, and for ReduceSum from opset 13), ArgMax/ArgMin, TopK and
// CumSum.
//
//===----------------------------------------------------------------------===//
#include "Importer.h"

namespace kiln::onnx_import {

using EW = trt::ElementWiseOperation;
using RO = trt::ReduceOperation;
using UO = trt::UnaryOperation;

/// What a Reduce* op does around the reduction.
enum class Around { None, Abs, Square, Exp, SqrtAfter, LogAfter };

static LogicalResult convertReduce(NodeContext &ctx, RO op, Around pre,
                                   Around post) {
  Value x = ctx.input(0);
  RankedTensorType type = typeOf(x);
  int64_t rank = type.getRank();
  std::vector<int64_t> axes;
  bool fromInput = ctx.hasInput(1);
  if (fromInput) {
    std::optional<std::vector<int64_t>> k = ctx.knownInts(1);
    if (!k)
      return ctx.error() << "the axes must be constant";
    axes = *k;
  } else {
    axes = ctx.attrInts("axes");
  }
  if (axes.empty()) {
    if (ctx.attrInt("noop_with_empty_axes", 0)) {
      ctx.setOutput(0, x);
      return success();
    }
    for (int64_t d = 0; d < rank; ++d)
      axes.push_back(d);
  }
  for (int64_t &a : axes) {
    std::optional<int64_t> n = normalizeAxis(a, rank);
    if (!n)
      return ctx.error() << "axis " << a << " is out of range for rank " << rank;
    a = *n;
  }
  llvm::sort(axes);
  axes.erase(std::unique(axes.begin(), axes.end()), axes.end());
  bool keep = ctx.attrInt("keepdims", 1);
  if (pre == Around::Abs)
    x = unary(ctx.b, ctx.loc, UO::kABS, x);
  else if (pre == Around::Square)
    x = elementWise(ctx.b, ctx.loc, EW::kPROD, x, x);
  else if (pre == Around::Exp)
    x = unary(ctx.b, ctx.loc, UO::kEXP, x);
  SmallVector<int64_t> shape;
  for (int64_t d = 0; d < rank; ++d) {
    if (!llvm::is_contained(axes, d))
      shape.push_back(type.getDimSize(d));
    else if (keep)
      shape.push_back(1);
  }
  if (rank == 0) {
    ctx.setOutput(0, x);
    return success();
  }
  Value y = trt::ReduceOp::create(ctx.b, ctx.loc, type.clone(shape), x, axes,
                                  keep, op)
                .getResult();
  if (post == Around::SqrtAfter)
    y = unary(ctx.b, ctx.loc, UO::kSQRT, y);
  else if (post == Around::LogAfter)
    y = unary(ctx.b, ctx.loc, UO::kLOG, y);
  ctx.setOutput(0, y);
  return success();
}

static LogicalResult convertArg(NodeContext &ctx, bool max) {
  if (ctx.attrInt("select_last_index", 0))
    return ctx.error() << "select_last_index=1 is not supported";
  Value x = ctx.input(0);
  RankedTensorType type = typeOf(x);
  std::optional<int64_t> axis =
      normalizeAxis(ctx.attrInt("axis", 0), type.getRank());
  if (!axis)
    return ctx.error() << "axis out of range";
  Value indices =
      max ? createInferred<trt::ArgMaxOp>(ctx.b, ctx.loc, 2, x, *axis).getIndices()
          : createInferred<trt::ArgMinOp>(ctx.b, ctx.loc, 2, x, *axis).getIndices();
  indices = castTo(ctx.b, ctx.loc, indices, ctx.b.getI64Type());
  if (!ctx.attrInt("keepdims", 1)) {
    SmallVector<int64_t> shape(typeOf(indices).getShape());
    shape.erase(shape.begin() + *axis);
    indices = trt::CollapseRankOp::create(ctx.b, ctx.loc,
                                          typeOf(indices).clone(shape), indices)
                  .getResult();
  }
  ctx.setOutput(0, indices);
  return success();
}

static LogicalResult convertTopK(NodeContext &ctx) {
  Value x = ctx.input(0);
  RankedTensorType type = typeOf(x);
  std::optional<std::vector<int64_t>> k = ctx.knownInts(1);
  if (!k || k->size() != 1)
    return ctx.error() << "K must be a constant";
  std::optional<int64_t> axis =
      normalizeAxis(ctx.attrInt("axis", -1), type.getRank());
  if (!axis)
    return ctx.error() << "axis out of range";
  if (!ctx.attrInt("sorted", 1))
    ; // sorted output is one of the orders an unsorted TopK may return
  auto op = createInferred<trt::TopKOp>(ctx.b, ctx.loc, 2, x, k->front(), *axis,
      ctx.attrInt("largest", 1) ? trt::TopKOperation::kMAX
                                : trt::TopKOperation::kMIN);
  ctx.setOutput(0, op.getValues());
  ctx.setOutput(1, castTo(ctx.b, ctx.loc, op.getIndices(), ctx.b.getI64Type()));
  return success();
}

/// CumSum along a static axis: a product with a triangular matrix of ones
/// (floating point), the axis moved last.
static LogicalResult convertCumSum(NodeContext &ctx) {
  Value x = ctx.input(0);
  RankedTensorType type = typeOf(x);
  int64_t rank = type.getRank();
  std::optional<std::vector<int64_t>> axisValue = ctx.knownInts(1);
  if (!axisValue || axisValue->size() != 1)
    return ctx.error() << "the axis must be a constant";
  std::optional<int64_t> axis = normalizeAxis(axisValue->front(), rank);
  if (!axis || type.isDynamicDim(*axis))
    return ctx.error() << "the axis must be a static dimension";
  bool exclusive = ctx.attrInt("exclusive", 0), reverse = ctx.attrInt("reverse", 0);
  Type element = type.getElementType();
  Type work = isa<FloatType>(element) ? element : ctx.b.getF32Type();
  int64_t n = type.getDimSize(*axis);
  // m[i][j] = 1 when input i contributes to output j.
  std::vector<double> m(n * n, 0);
  for (int64_t i = 0; i < n; ++i)
    for (int64_t j = 0; j < n; ++j) {
      bool in = reverse ? (exclusive ? i > j : i >= j)
                        : (exclusive ? i < j : i <= j);
      m[i * n + j] = in;
    }
  SmallVector<int64_t> perm;
  for (int64_t d = 0; d < rank; ++d)
    if (d != *axis)
      perm.push_back(d);
  perm.push_back(*axis);
  Value moved = transposeBy(ctx.b, ctx.loc, castTo(ctx.b, ctx.loc, x, work), perm);
  Value tri = constantOf(ctx.b, ctx.loc, RankedTensorType::get({n, n}, work), m);
  RankedTensorType movedType = typeOf(moved);
  Value y;
  if (rank == 1) {
    y = createInferred<trt::MatrixMultiplyOp>(ctx.b, ctx.loc, 1, moved, tri,
                                      trt::MatrixOperation::kVECTOR,
                                      trt::MatrixOperation::kNONE)
            .getResult();
  } else {
    tri = expandTo(ctx.b, ctx.loc, tri, movedType.getRank());
    y = createInferred<trt::MatrixMultiplyOp>(ctx.b, ctx.loc, 1, moved, tri,
                                      trt::MatrixOperation::kNONE,
                                      trt::MatrixOperation::kNONE)
            .getResult();
  }
  SmallVector<int64_t> inverse(rank);
  for (int64_t d = 0; d < rank; ++d)
    inverse[perm[d]] = d;
  y = transposeBy(ctx.b, ctx.loc, y, inverse);
  ctx.setOutput(0, castTo(ctx.b, ctx.loc, y, element));
  return success();
}

void registerReduction(Registry &r) {
  auto reduce = [&](const char *name, RO op, Around pre, Around post) {
    r[name] = {[=](NodeContext &ctx) { return convertReduce(ctx, op, pre, post); },
               {}};
  };
  reduce("ReduceSum", RO::kSUM, Around::None, Around::None);
  reduce("ReduceMean", RO::kAVG, Around::None, Around::None);
  reduce("ReduceMax", RO::kMAX, Around::None, Around::None);
  reduce("ReduceMin", RO::kMIN, Around::None, Around::None);
  reduce("ReduceProd", RO::kPROD, Around::None, Around::None);
  reduce("ReduceL1", RO::kSUM, Around::Abs, Around::None);
  reduce("ReduceL2", RO::kSUM, Around::Square, Around::SqrtAfter);
  reduce("ReduceSumSquare", RO::kSUM, Around::Square, Around::None);
  reduce("ReduceLogSum", RO::kSUM, Around::None, Around::LogAfter);
  reduce("ReduceLogSumExp", RO::kSUM, Around::Exp, Around::LogAfter);
  r["ArgMax"] = {[](NodeContext &ctx) { return convertArg(ctx, true); }, {}};
  r["ArgMin"] = {[](NodeContext &ctx) { return convertArg(ctx, false); }, {}};
  r["TopK"] = {convertTopK, {}};
  r["CumSum"] = {convertCumSum, {}};
}

} // namespace kiln::onnx_import
