//===- Shape.cpp - shape, layout and indexing ONNX ops ---------------------===//
//
// Part of Kiln. Shape, Size, Reshape, Flatten, Transpose, Squeeze,
// Unsqueeze, Concat, Split, Slice, Gather*, Scatter*, Expand, Tile, Pad,
// ConstantOfShape, Range, Constant and Trilu. The integer tensors these ops
// pass around are folded on the host where their values are known; only
// dimensions that are `?` at import time become run-time shape arithmetic.
//
//===----------------------------------------------------------------------===//
#include "Importer.h"

#include <limits>

namespace kiln::onnx_import {

using EW = trt::ElementWiseOperation;

static constexpr int64_t kDyn = ShapedType::kDynamic;

static RankedTensorType i64Vector(OpBuilder &b, int64_t n) {
  return RankedTensorType::get({n}, b.getI64Type());
}

/// Dimension `d` of `x` at run time, as a 1-element i32 tensor.
static Value runtimeDim(OpBuilder &b, Location loc, Value x, int64_t d) {
  RankedTensorType type = typeOf(x);
  if (!type.isDynamicDim(d))
    return constantI32(b, loc, {static_cast<int32_t>(type.getDimSize(d))});
  Value shape = shapeOf(b, loc, x);
  return trt::SliceOp::create(b, loc, shape, {static_cast<int32_t>(d)}, {1}, {1})
      .getResult();
}

/// A 1-D i32 shape tensor from one 1-element i32 tensor per dimension.
static Value concatDims(OpBuilder &b, Location loc, ArrayRef<Value> dims) {
  if (dims.size() == 1)
    return dims.front();
  return createInferred<trt::ConcatenationOp>(b, loc, 1, dims, 0).getResult();
}

/// Entry `i` of the run-time vector `v` (any integer type) as tensor<1xi32>.
static Value entryOf(OpBuilder &b, Location loc, Value v, int64_t i) {
  Value as32 = castTo(b, loc, v, b.getI32Type());
  if (typeOf(as32).getRank() == 0)
    as32 = expandTo(b, loc, as32, 1);
  return trt::SliceOp::create(b, loc, as32, {static_cast<int32_t>(i)}, {1}, {1})
      .getResult();
}

static Value productOf(OpBuilder &b, Location loc, ArrayRef<Value> dims) {
  Value acc = dims.empty() ? constantI32(b, loc, {1}) : dims.front();
  for (Value d : dims.drop_front())
    acc = elementWise(b, loc, EW::kPROD, acc, d);
  return acc;
}

/// Reshapes `x` to `dims` (sizes or kDyn). With at most one `?` the element
/// count decides it; otherwise `runtimeShape` (1-D i32) gives the shape.
static Value reshapeWith(OpBuilder &b, Location loc, Value x,
                         ArrayRef<int64_t> dims,
                         const std::function<Value()> &runtimeShape) {
  RankedTensorType type = typeOf(x);
  if (type.getShape() == dims)
    return x;
  int64_t unknown = llvm::count(dims, kDyn);
  RankedTensorType result = type.clone(dims);
  if (unknown <= 1)
    return trt::ReshapeOp::create(b, loc, result, x, Value()).getResult();
  return trt::ReshapeOp::create(b, loc, result, x, runtimeShape()).getResult();
}

/// Row-major strides of `shape`.
static SmallVector<int64_t> stridesOf(ArrayRef<int64_t> shape) {
  SmallVector<int64_t> strides(shape.size(), 1);
  for (int64_t d = static_cast<int64_t>(shape.size()) - 2; d >= 0; --d)
    strides[d] = strides[d + 1] * shape[d + 1];
  return strides;
}

/// A host value whose element at result multi-index `r` is the element of
/// `in` at `source(r)` (a multi-index).
static Known remapKnown(
    const Known &in, ArrayRef<int64_t> shape,
    const std::function<void(ArrayRef<int64_t>, SmallVectorImpl<int64_t> &)>
        &source) {
  Known out;
  out.shape.assign(shape.begin(), shape.end());
  int64_t count = 1;
  for (int64_t d : shape)
    count *= d;
  SmallVector<int64_t> inStrides = stridesOf(in.shape);
  SmallVector<int64_t> index(shape.size()), from;
  for (int64_t i = 0; i < count; ++i) {
    int64_t rest = i;
    for (int64_t d = static_cast<int64_t>(shape.size()) - 1; d >= 0; --d) {
      index[d] = rest % shape[d];
      rest /= shape[d];
    }
    from.clear();
    source(index, from);
    int64_t flat = 0;
    for (size_t d = 0; d < from.size(); ++d)
      flat += from[d] * inStrides[d];
    out.values.push_back(in.values[flat]);
  }
  return out;
}

//===----------------------------------------------------------------------===//
// Shape and Size
//===----------------------------------------------------------------------===//

static LogicalResult convertShape(NodeContext &ctx) {
  RankedTensorType type = ctx.inputType(0);
  int64_t rank = type.getRank();
  int64_t start = ctx.attrInt("start", 0), end = ctx.attrInt("end", rank);
  auto clampAxis = [rank](int64_t a) {
    if (a < 0)
      a += rank;
    return std::clamp<int64_t>(a, 0, rank);
  };
  start = clampAxis(start);
  end = std::max(start, clampAxis(end));
  std::vector<std::optional<int64_t>> dims;
  for (int64_t d = start; d < end; ++d)
    if (type.isDynamicDim(d))
      dims.push_back(std::nullopt);
    else
      dims.push_back(type.getDimSize(d));
  Known known = Known::vector(dims);
  if (known.isFull()) {
    ctx.setKnownOutput(0, i64Vector(ctx.b, end - start), known);
    return success();
  }
  Value shape = shapeOf(ctx.b, ctx.loc, ctx.input(0));
  if (start != 0 || end != rank)
    shape = trt::SliceOp::create(ctx.b, ctx.loc, shape,
                                 {static_cast<int32_t>(start)},
                                 {static_cast<int32_t>(end - start)}, {1})
                .getResult();
  ctx.setOutput(0, castTo(ctx.b, ctx.loc, shape, ctx.b.getI64Type()), known);
  return success();
}

static LogicalResult convertSize(NodeContext &ctx) {
  RankedTensorType type = ctx.inputType(0);
  auto scalarType = RankedTensorType::get({}, ctx.b.getI64Type());
  if (type.hasStaticShape()) {
    ctx.setKnownOutput(0, scalarType, Known::scalar(type.getNumElements()));
    return success();
  }
  Value x = ctx.input(0);
  SmallVector<Value> dims;
  for (int64_t d = 0; d < type.getRank(); ++d)
    dims.push_back(runtimeDim(ctx.b, ctx.loc, x, d));
  Value count = reshapeTo(ctx.b, ctx.loc, productOf(ctx.b, ctx.loc, dims), {});
  ctx.setOutput(0, castTo(ctx.b, ctx.loc, count, ctx.b.getI64Type()));
  return success();
}

//===----------------------------------------------------------------------===//
// Reshape, Flatten, Squeeze, Unsqueeze, Transpose
//===----------------------------------------------------------------------===//

/// `values` (known, possibly partly) reshaped: same values, new shape.
static std::optional<Known> reshapedKnown(const Known *known,
                                          ArrayRef<int64_t> shape) {
  if (!known)
    return std::nullopt;
  Known out = *known;
  out.shape.assign(shape.begin(), shape.end());
  return out;
}

static LogicalResult convertReshape(NodeContext &ctx) {
  RankedTensorType type = ctx.inputType(1);
  if (type.getRank() != 1 || type.isDynamicDim(0))
    return ctx.error() << "the shape input must be a 1-D tensor of known "
                          "length, got "
                       << type;
  const Known *shapeKnown = ctx.known(1);
  bool allowZero = ctx.attrInt("allowzero", 0);
  RankedTensorType inType = ctx.inputType(0);
  int64_t rank = type.getDimSize(0);
  std::vector<int64_t> dims(rank, kDyn);
  int64_t minusOne = -1;
  for (int64_t i = 0; i < rank; ++i) {
    std::optional<int64_t> v =
        shapeKnown ? shapeKnown->values[i] : std::optional<int64_t>();
    if (!v)
      continue;
    if (*v == 0 && !allowZero) {
      if (i >= inType.getRank())
        return ctx.error() << "shape entry " << i
                           << " is 0 (copy) but the input has rank "
                           << inType.getRank();
      dims[i] = inType.getDimSize(i);
    } else if (*v == -1) {
      minusOne = i;
    } else if (*v < 0) {
      return ctx.error() << "shape entry " << i << " is " << *v;
    } else {
      dims[i] = *v;
    }
  }
  // The -1 (or a lone unknown entry) follows from the element count.
  if (inType.hasStaticShape() && llvm::count(dims, kDyn) == 1) {
    int64_t known = 1;
    for (int64_t d : dims)
      if (d != kDyn)
        known *= d;
    int64_t i = llvm::find(dims, kDyn) - dims.begin();
    if (known == 0 || inType.getNumElements() % known)
      return ctx.error() << "cannot reshape " << inType
                         << " to the given shape (element counts differ)";
    dims[i] = inType.getNumElements() / known;
  }
  std::optional<Known> known = reshapedKnown(ctx.known(0), dims);
  if (known && known->isFull() && !llvm::is_contained(dims, kDyn)) {
    ctx.setKnownOutput(0, inType.clone(dims), *known);
    return success();
  }
  Value x = ctx.input(0);
  Value result = reshapeWith(ctx.b, ctx.loc, x, dims, [&]() -> Value {
    // Per entry: a known size, the input's dimension (a 0 entry), the
    // shape input's run-time entry, or the count left over (the -1).
    SmallVector<Value> entries;
    Value shapeInput = ctx.input(1);
    for (int64_t i = 0; i < rank; ++i) {
      if (i == minusOne) {
        entries.push_back(Value());
        continue;
      }
      std::optional<int64_t> v =
          shapeKnown ? shapeKnown->values[i] : std::optional<int64_t>();
      if (dims[i] != kDyn)
        entries.push_back(constantI32(ctx.b, ctx.loc,
                                      {static_cast<int32_t>(dims[i])}));
      else if (v && *v == 0)
        entries.push_back(runtimeDim(ctx.b, ctx.loc, x, i));
      else
        entries.push_back(entryOf(ctx.b, ctx.loc, shapeInput, i));
    }
    if (minusOne >= 0) {
      SmallVector<Value> inDims, outDims;
      for (int64_t d = 0; d < inType.getRank(); ++d)
        inDims.push_back(runtimeDim(ctx.b, ctx.loc, x, d));
      for (Value e : entries)
        if (e)
          outDims.push_back(e);
      entries[minusOne] = elementWise(ctx.b, ctx.loc, EW::kDIV,
                                      productOf(ctx.b, ctx.loc, inDims),
                                      productOf(ctx.b, ctx.loc, outDims));
    }
    return concatDims(ctx.b, ctx.loc, entries);
  });
  if (known && known->isFull()) {
    ctx.setKnownOutput(0, typeOf(result), *known);
    return success();
  }
  ctx.setOutput(0, result, known);
  return success();
}

static LogicalResult convertFlatten(NodeContext &ctx) {
  RankedTensorType type = ctx.inputType(0);
  int64_t rank = type.getRank();
  std::optional<int64_t> axis =
      normalizeAxis(ctx.attrInt("axis", 1), std::max<int64_t>(rank, 1));
  if (ctx.attrInt("axis", 1) == rank)
    axis = rank;
  if (!axis)
    return ctx.error() << "axis " << ctx.attrInt("axis", 1)
                       << " is out of range for rank " << rank;
  auto prod = [&](int64_t lo, int64_t hi) {
    int64_t p = 1;
    for (int64_t d = lo; d < hi; ++d) {
      if (type.isDynamicDim(d))
        return kDyn;
      p *= type.getDimSize(d);
    }
    return p;
  };
  SmallVector<int64_t> dims = {prod(0, *axis), prod(*axis, rank)};
  Value x = ctx.input(0);
  ctx.setOutput(0, reshapeWith(ctx.b, ctx.loc, x, dims, [&] {
                  SmallVector<Value> lo, hi;
                  for (int64_t d = 0; d < rank; ++d)
                    (d < *axis ? lo : hi)
                        .push_back(runtimeDim(ctx.b, ctx.loc, x, d));
                  return concatDims(ctx.b, ctx.loc,
                                    {productOf(ctx.b, ctx.loc, lo),
                                     productOf(ctx.b, ctx.loc, hi)});
                }));
  return success();
}

/// The axes of Squeeze/Unsqueeze/Reduce*: the `axes` input (opset 13+ for
/// Squeeze/Unsqueeze) or attribute, normalized against `rank`.
static FailureOr<std::vector<int64_t>> axesOf(NodeContext &ctx, size_t input,
                                              int64_t rank) {
  std::vector<int64_t> axes;
  if (ctx.hasInput(input)) {
    std::optional<std::vector<int64_t>> k = ctx.knownInts(input);
    if (!k)
      return ctx.error() << "the axes must be constant";
    axes = *k;
  } else {
    axes = ctx.attrInts("axes");
  }
  for (int64_t &a : axes) {
    std::optional<int64_t> n = normalizeAxis(a, rank);
    if (!n)
      return ctx.error() << "axis " << a << " is out of range for rank "
                         << rank;
    a = *n;
  }
  llvm::sort(axes);
  return axes;
}

static LogicalResult convertSqueeze(NodeContext &ctx) {
  RankedTensorType type = ctx.inputType(0);
  FailureOr<std::vector<int64_t>> axes = axesOf(ctx, 1, type.getRank());
  if (failed(axes))
    return failure();
  bool all = axes->empty() && !ctx.hasInput(1) && !ctx.hasAttr("axes");
  SmallVector<int64_t> dims;
  for (int64_t d = 0; d < type.getRank(); ++d) {
    bool named = llvm::is_contained(*axes, d);
    if (named && type.getDimSize(d) != 1 && !type.isDynamicDim(d))
      return ctx.error() << "dimension " << d << " of " << type
                         << " is not 1";
    if (named && type.isDynamicDim(d))
      return ctx.error() << "dimension " << d << " of " << type
                         << " is dynamic; Kiln squeezes only dimensions "
                            "known to be 1";
    if (named || (all && type.getDimSize(d) == 1))
      continue;
    dims.push_back(type.getDimSize(d));
  }
  std::optional<Known> known = reshapedKnown(ctx.known(0), dims);
  if (known && known->isFull()) {
    ctx.setKnownOutput(0, type.clone(dims), *known);
    return success();
  }
  Value x = ctx.input(0);
  Value result =
      dims.size() == static_cast<size_t>(type.getRank())
          ? x
          : trt::CollapseRankOp::create(ctx.b, ctx.loc, type.clone(dims), x)
                .getResult();
  ctx.setOutput(0, result, known);
  return success();
}

static LogicalResult convertUnsqueeze(NodeContext &ctx) {
  RankedTensorType type = ctx.inputType(0);
  size_t count = ctx.hasInput(1) ? (ctx.knownInts(1) ? ctx.knownInts(1)->size() : 0)
                                 : ctx.attrInts("axes").size();
  int64_t rank = type.getRank() + count;
  FailureOr<std::vector<int64_t>> axes = axesOf(ctx, 1, rank);
  if (failed(axes))
    return failure();
  SmallVector<int64_t> dims;
  int64_t src = 0;
  for (int64_t d = 0; d < rank; ++d)
    dims.push_back(llvm::is_contained(*axes, d) ? 1 : type.getDimSize(src++));
  std::optional<Known> known = reshapedKnown(ctx.known(0), dims);
  if (known && known->isFull()) {
    ctx.setKnownOutput(0, type.clone(dims), *known);
    return success();
  }
  Value x = ctx.input(0);
  ctx.setOutput(
      0, trt::ExpandRankOp::create(ctx.b, ctx.loc, type.clone(dims), x).getResult(),
      known);
  return success();
}

static LogicalResult convertTranspose(NodeContext &ctx) {
  RankedTensorType type = ctx.inputType(0);
  std::vector<int64_t> perm = ctx.attrInts("perm");
  if (perm.empty())
    for (int64_t d = type.getRank() - 1; d >= 0; --d)
      perm.push_back(d);
  if (static_cast<int64_t>(perm.size()) != type.getRank())
    return ctx.error() << "perm has " << perm.size() << " entries for rank "
                       << type.getRank();
  if (const Known *k = ctx.known(0); k && k->isFull()) {
    SmallVector<int64_t> shape;
    for (int64_t d : perm)
      shape.push_back(type.getDimSize(d));
    Known out = remapKnown(*k, shape, [&](ArrayRef<int64_t> r,
                                          SmallVectorImpl<int64_t> &from) {
      from.assign(perm.size(), 0);
      for (size_t i = 0; i < perm.size(); ++i)
        from[perm[i]] = r[i];
    });
    ctx.setKnownOutput(0, type.clone(shape), out);
    return success();
  }
  ctx.setOutput(0, transposeBy(ctx.b, ctx.loc, ctx.input(0), perm));
  return success();
}

//===----------------------------------------------------------------------===//
// Concat, Split, Slice
//===----------------------------------------------------------------------===//

static LogicalResult convertConcat(NodeContext &ctx) {
  RankedTensorType first = ctx.inputType(0);
  std::optional<int64_t> axis =
      normalizeAxis(ctx.attrInt("axis", 0), first.getRank());
  if (!axis)
    return ctx.error() << "axis " << ctx.attrInt("axis", 0)
                       << " is out of range for rank " << first.getRank();
  // Host values: 1-D concatenations of known (or partly known) vectors.
  std::optional<Known> known;
  if (first.getRank() == 1) {
    bool any = false, allHave = true;
    std::vector<std::optional<int64_t>> values;
    for (size_t i = 0; i < ctx.numInputs(); ++i) {
      RankedTensorType t = ctx.inputType(i);
      if (t.isDynamicDim(0)) {
        allHave = false;
        break;
      }
      if (const Known *k = ctx.known(i)) {
        any = true;
        values.insert(values.end(), k->values.begin(), k->values.end());
      } else {
        values.insert(values.end(), t.getDimSize(0), std::nullopt);
      }
    }
    if (any && allHave)
      known = Known::vector(values);
  }
  if (known && known->isFull()) {
    ctx.setKnownOutput(0, first.clone({known->size()}), *known);
    return success();
  }
  SmallVector<Value> inputs;
  for (size_t i = 0; i < ctx.numInputs(); ++i) {
    // Empty operands (a zero-length piece) contribute nothing.
    RankedTensorType t = ctx.inputType(i);
    if (!t.isDynamicDim(*axis) && t.getDimSize(*axis) == 0 &&
        ctx.numInputs() > 1)
      continue;
    inputs.push_back(ctx.input(i));
  }
  Value result =
      inputs.size() == 1
          ? inputs.front()
          : createInferred<trt::ConcatenationOp>(ctx.b, ctx.loc, 1, inputs,
                                         static_cast<int32_t>(*axis))
                .getResult();
  ctx.setOutput(0, result, known);
  return success();
}

/// A static slice of `x` along `axis`; other dimensions are whole (a
/// dynamic one is read at run time).
static Value sliceAxis(OpBuilder &b, Location loc, Value x, int64_t axis,
                       int64_t start, int64_t size, int64_t step) {
  RankedTensorType type = typeOf(x);
  int64_t rank = type.getRank();
  SmallVector<int32_t> starts(rank, 0), sizes, strides(rank, 1);
  bool dynamic = false;
  SmallVector<int64_t> resultShape;
  for (int64_t d = 0; d < rank; ++d) {
    int64_t s = d == axis ? size : type.getDimSize(d);
    dynamic |= s == kDyn;
    sizes.push_back(s == kDyn ? 0 : static_cast<int32_t>(s));
    resultShape.push_back(s);
  }
  starts[axis] = static_cast<int32_t>(start);
  strides[axis] = static_cast<int32_t>(step);
  if (!dynamic)
    return trt::SliceOp::create(b, loc, x, starts, sizes, strides).getResult();
  SmallVector<Value> dims;
  for (int64_t d = 0; d < rank; ++d)
    dims.push_back(d == axis ? constantI32(b, loc, {static_cast<int32_t>(size)})
                             : runtimeDim(b, loc, x, d));
  Value sizeTensor = concatDims(b, loc, dims);
  return trt::SliceOp::create(
             b, loc, type.clone(resultShape), x, Value(), Value(), sizeTensor,
             Value(), b.getDenseI32ArrayAttr(starts), DenseI32ArrayAttr(),
             b.getDenseI32ArrayAttr(strides), trt::SliceMode::kDEFAULT)
      .getResult();
}

static LogicalResult convertSplit(NodeContext &ctx) {
  RankedTensorType type = ctx.inputType(0);
  std::optional<int64_t> axis =
      normalizeAxis(ctx.attrInt("axis", 0), type.getRank());
  if (!axis)
    return ctx.error() << "axis out of range";
  if (type.isDynamicDim(*axis))
    return ctx.error() << "splits dimension " << *axis << " of " << type
                       << ", which is dynamic";
  int64_t dim = type.getDimSize(*axis);
  std::vector<int64_t> sizes;
  if (ctx.hasInput(1)) {
    std::optional<std::vector<int64_t>> k = ctx.knownInts(1);
    if (!k)
      return ctx.error() << "the split sizes must be constant";
    sizes = *k;
  } else if (ctx.hasAttr("split")) {
    sizes = ctx.attrInts("split");
  } else {
    int64_t n = ctx.attrInt("num_outputs", ctx.node.outputs.size());
    int64_t chunk = (dim + n - 1) / n;
    for (int64_t i = 0; i < n; ++i)
      sizes.push_back(std::max<int64_t>(0, std::min(chunk, dim - i * chunk)));
  }
  Value x = ctx.input(0);
  int64_t offset = 0;
  for (auto [i, size] : llvm::enumerate(sizes)) {
    ctx.setOutput(i, sliceAxis(ctx.b, ctx.loc, x, *axis, offset, size, 1));
    offset += size;
  }
  if (offset != dim)
    return ctx.error() << "split sizes add up to " << offset
                       << ", not the dimension size " << dim;
  return success();
}

static LogicalResult convertSlice(NodeContext &ctx) {
  RankedTensorType type = ctx.inputType(0);
  int64_t rank = type.getRank();
  std::optional<std::vector<int64_t>> starts = ctx.knownInts(1);
  const Known *endsKnown = ctx.known(2);
  RankedTensorType endsType = ctx.inputType(2);
  if (!starts)
    return ctx.error() << "the starts must be constant (Kiln does not slice "
                          "from run-time offsets yet)";
  if (endsType.getRank() != 1 || endsType.isDynamicDim(0) ||
      endsType.getDimSize(0) != static_cast<int64_t>(starts->size()))
    return ctx.error() << "starts and ends differ in length";
  std::vector<int64_t> axes, steps;
  if (ctx.hasInput(3)) {
    std::optional<std::vector<int64_t>> k = ctx.knownInts(3);
    if (!k)
      return ctx.error() << "the axes must be constant";
    axes = *k;
  } else {
    for (size_t i = 0; i < starts->size(); ++i)
      axes.push_back(i);
  }
  if (ctx.hasInput(4)) {
    std::optional<std::vector<int64_t>> k = ctx.knownInts(4);
    if (!k)
      return ctx.error() << "the steps must be constant";
    steps = *k;
  } else {
    steps.assign(starts->size(), 1);
  }
  if (axes.size() != starts->size() || steps.size() != starts->size())
    return ctx.error() << "starts, ends, axes and steps differ in length";

  // Per dimension: a static start and stride, and a size that is static or
  // computed at run time (from a dynamic dimension or a run-time end).
  SmallVector<int64_t> start(rank, 0), size(type.getShape()), stride(rank, 1);
  SmallVector<std::function<Value()>> runtimeSize(rank);
  for (size_t i = 0; i < axes.size(); ++i) {
    std::optional<int64_t> a = normalizeAxis(axes[i], rank);
    if (!a)
      return ctx.error() << "axis " << axes[i] << " is out of range";
    int64_t step = steps[i];
    if (step == 0)
      return ctx.error() << "step 0";
    int64_t s = (*starts)[i];
    std::optional<int64_t> e =
        endsKnown ? endsKnown->values[i] : std::optional<int64_t>();
    int64_t dim = type.getDimSize(*a);
    if (dim != kDyn && e) {
      auto clampIndex = [&](int64_t v) {
        if (v < 0)
          v += dim;
        if (step > 0)
          return std::clamp<int64_t>(v, 0, dim);
        return std::clamp<int64_t>(v, -1, dim - 1);
      };
      int64_t cs = clampIndex(s), ce = clampIndex(*e);
      int64_t count = step > 0
                          ? std::max<int64_t>(0, (ce - cs + step - 1) / step)
                          : std::max<int64_t>(0, (cs - ce - step - 1) / -step);
      start[*a] = cs;
      size[*a] = count;
      stride[*a] = step;
      continue;
    }
    // Run time: max(min(end, dim) - start, 0) / step, rounded up, for
    // non-negative starts and ends and a positive step.
    if (step < 0 || s < 0 || (e && *e < 0 && *e > -(int64_t(1) << 31)))
      return ctx.error() << "slices dimension " << *a << " of " << type
                         << " with a run-time bound by [" << s << ":"
                         << (e ? std::to_string(*e) : std::string("?")) << ":"
                         << step
                         << "]; Kiln needs a non-negative start and end and a "
                            "positive step there";
    start[*a] = s;
    stride[*a] = step;
    size[*a] = kDyn;
    int64_t axis = *a;
    runtimeSize[axis] = [&ctx, e, s, step, axis, i]() -> Value {
      OpBuilder &b = ctx.b;
      Location loc = ctx.loc;
      Value x = ctx.input(0);
      Value dimValue = runtimeDim(b, loc, x, axis);
      Value endValue;
      if (e && *e >= std::numeric_limits<int32_t>::max())
        endValue = dimValue;
      else if (e)
        endValue = elementWise(b, loc, EW::kMIN, dimValue,
                               constantI32(b, loc, {static_cast<int32_t>(*e)}));
      else
        endValue = elementWise(b, loc, EW::kMIN, dimValue,
                               entryOf(b, loc, ctx.input(2), i));
      Value count = elementWise(b, loc, EW::kSUB, endValue,
                                constantI32(b, loc, {static_cast<int32_t>(s)}));
      if (step != 1)
        count = elementWise(
            b, loc, EW::kDIV,
            elementWise(b, loc, EW::kSUM, count,
                        constantI32(b, loc, {static_cast<int32_t>(step - 1)})),
            constantI32(b, loc, {static_cast<int32_t>(step)}));
      return elementWise(b, loc, EW::kMAX, count, constantI32(b, loc, {0}));
    };
  }
  // A dynamic dimension not sliced keeps its run-time size.
  for (int64_t d = 0; d < rank; ++d)
    if (size[d] == kDyn && !runtimeSize[d])
      runtimeSize[d] = [&ctx, d]() {
        return runtimeDim(ctx.b, ctx.loc, ctx.input(0), d);
      };

  // Host values of a sliced known tensor.
  const Known *k = ctx.known(0);
  bool staticSizes = !llvm::is_contained(size, kDyn);
  if (k && staticSizes) {
    Known out = remapKnown(*k, size, [&](ArrayRef<int64_t> r,
                                         SmallVectorImpl<int64_t> &from) {
      for (int64_t d = 0; d < rank; ++d)
        from.push_back(start[d] + r[d] * stride[d]);
    });
    if (out.isFull()) {
      ctx.setKnownOutput(0, type.clone(size), out);
      return success();
    }
    Value result = trt::SliceOp::create(
                       ctx.b, ctx.loc, ctx.input(0),
                       SmallVector<int32_t>(start.begin(), start.end()),
                       SmallVector<int32_t>(size.begin(), size.end()),
                       SmallVector<int32_t>(stride.begin(), stride.end()))
                       .getResult();
    ctx.setOutput(0, result, out);
    return success();
  }
  Value x = ctx.input(0);
  if (!staticSizes) {
    SmallVector<Value> dims;
    for (int64_t d = 0; d < rank; ++d)
      dims.push_back(size[d] == kDyn
                         ? runtimeSize[d]()
                         : constantI32(ctx.b, ctx.loc,
                                       {static_cast<int32_t>(size[d])}));
    ctx.setOutput(0, trt::SliceOp::create(
                         ctx.b, ctx.loc, type.clone(size), x, Value(), Value(),
                         concatDims(ctx.b, ctx.loc, dims), Value(),
                         ctx.b.getDenseI32ArrayAttr(
                             SmallVector<int32_t>(start.begin(), start.end())),
                         DenseI32ArrayAttr(),
                         ctx.b.getDenseI32ArrayAttr(
                             SmallVector<int32_t>(stride.begin(), stride.end())),
                         trt::SliceMode::kDEFAULT)
                         .getResult());
    return success();
  }
  ctx.setOutput(0, trt::SliceOp::create(
                       ctx.b, ctx.loc, x,
                       SmallVector<int32_t>(start.begin(), start.end()),
                       SmallVector<int32_t>(size.begin(), size.end()),
                       SmallVector<int32_t>(stride.begin(), stride.end()))
                       .getResult());
  return success();
}

//===----------------------------------------------------------------------===//
// Gather and scatter
//===----------------------------------------------------------------------===//

/// Constant indices with negative entries made positive against `dim`.
static Value normalizedIndices(NodeContext &ctx, size_t input, int64_t dim) {
  if (dim != kDyn)
    if (std::optional<std::vector<double>> values = ctx.constantValues(input)) {
      bool negative = llvm::any_of(*values, [](double v) { return v < 0; });
      if (negative) {
        std::vector<double> fixed;
        for (double v : *values)
          fixed.push_back(v < 0 ? v + dim : v);
        return constantOf(ctx.b, ctx.loc, ctx.inputType(input), fixed);
      }
    }
  return ctx.input(input);
}

static LogicalResult convertGather(NodeContext &ctx) {
  RankedTensorType type = ctx.inputType(0);
  std::optional<int64_t> axis =
      normalizeAxis(ctx.attrInt("axis", 0), type.getRank());
  if (!axis)
    return ctx.error() << "axis out of range";
  RankedTensorType indexType = ctx.inputType(1);
  // Host values: gathering from a known vector.
  if (const Known *k = ctx.known(0); k && type.getRank() == 1)
    if (std::optional<std::vector<int64_t>> idx = ctx.knownInts(1)) {
      Known out;
      out.shape.assign(indexType.getShape().begin(), indexType.getShape().end());
      int64_t n = k->size();
      for (int64_t i : *idx) {
        if (i < -n || i >= n)
          return ctx.error() << "index " << i << " is out of range for "
                             << n << " elements";
        out.values.push_back(k->values[i < 0 ? i + n : i]);
      }
      if (out.isFull()) {
        ctx.setKnownOutput(0, RankedTensorType::get(out.shape, type.getElementType()),
                           out);
        return success();
      }
      Value result = createInferred<trt::GatherOp>(ctx.b, ctx.loc, 1, ctx.input(0),
                         normalizedIndices(ctx, 1, n), *axis, 0)
                         .getResult();
      ctx.setOutput(0, result, out);
      return success();
    }
  Value data = ctx.input(0);
  Value indices = normalizedIndices(ctx, 1, type.getDimSize(*axis));
  ctx.setOutput(0, createInferred<trt::GatherOp>(ctx.b, ctx.loc, 1, data, indices, *axis, 0)
                       .getResult());
  return success();
}

static LogicalResult convertGatherElements(NodeContext &ctx) {
  RankedTensorType type = ctx.inputType(0);
  std::optional<int64_t> axis =
      normalizeAxis(ctx.attrInt("axis", 0), type.getRank());
  if (!axis)
    return ctx.error() << "axis out of range";
  Value data = ctx.input(0);
  Value indices = normalizedIndices(ctx, 1, type.getDimSize(*axis));
  ctx.setOutput(0, createInferred<trt::GatherElementsOp>(ctx.b, ctx.loc, 1, data, indices,
                                                 *axis)
                       .getResult());
  return success();
}

static LogicalResult convertGatherND(NodeContext &ctx) {
  Value data = ctx.input(0), indices = ctx.input(1);
  ctx.setOutput(0, createInferred<trt::GatherNdOp>(ctx.b, ctx.loc, 1, data, indices)
                       .getResult());
  return success();
}

static LogicalResult convertScatterND(NodeContext &ctx) {
  Value data = ctx.input(0), indices = ctx.input(1), updates = ctx.input(2);
  ctx.setOutput(0, trt::ScatterNdOp::create(ctx.b, ctx.loc, data.getType(),
                                            data, indices, updates)
                       .getResult());
  return success();
}

static LogicalResult convertScatterElements(NodeContext &ctx) {
  RankedTensorType type = ctx.inputType(0);
  std::optional<int64_t> axis =
      normalizeAxis(ctx.attrInt("axis", 0), type.getRank());
  if (!axis)
    return ctx.error() << "axis out of range";
  Value data = ctx.input(0);
  Value indices = normalizedIndices(ctx, 1, type.getDimSize(*axis));
  Value updates = ctx.input(2);
  ctx.setOutput(0, trt::ScatterElementsOp::create(
                       ctx.b, ctx.loc, data.getType(), data, indices, updates,
                       ctx.b.getI64IntegerAttr(*axis))
                       .getResult());
  return success();
}

static std::optional<std::string> noReduction(const ox::Node &node, int64_t) {
  const ox::Attribute *r = node.attribute("reduction");
  if (r && r->s != "none")
    return "reduction='" + r->s + "' is not supported";
  return std::nullopt;
}

//===----------------------------------------------------------------------===//
// Expand, Tile, Pad
//===----------------------------------------------------------------------===//

static LogicalResult convertExpand(NodeContext &ctx) {
  RankedTensorType shapeType = ctx.inputType(1);
  if (shapeType.getRank() != 1 || shapeType.isDynamicDim(0))
    return ctx.error() << "the shape must be a 1-D tensor of known length";
  const Known *known = ctx.known(1);
  RankedTensorType type = ctx.inputType(0);
  int64_t rank = std::max(type.getRank(), shapeType.getDimSize(0));
  Value x = expandTo(ctx.b, ctx.loc, ctx.input(0), rank);
  RankedTensorType xType = typeOf(x);
  int64_t offset = rank - shapeType.getDimSize(0);
  SmallVector<int64_t> dims;
  bool needsRuntime = false;
  for (int64_t d = 0; d < rank; ++d) {
    int64_t in = xType.getDimSize(d);
    std::optional<int64_t> target =
        d < offset ? std::optional<int64_t>(1)
                   : (known ? known->values[d - offset] : std::nullopt);
    if (target && *target != 1 && in != 1 && in != kDyn && in != *target)
      return ctx.error() << "cannot expand " << type << " to the shape";
    if (!target) {
      dims.push_back(in != 1 ? in : kDyn);
      needsRuntime |= in == 1 || in == kDyn;
    } else if (*target == 1) {
      dims.push_back(in);
      needsRuntime |= in == kDyn;
    } else {
      dims.push_back(*target);
    }
  }
  if (RankedTensorType::get(dims, xType.getElementType()) == xType) {
    ctx.setOutput(0, x);
    return success();
  }
  SmallVector<int64_t> bdims;
  for (int64_t d = 0; d < rank; ++d)
    bdims.push_back(d);
  Value shape;
  if (needsRuntime || llvm::is_contained(dims, kDyn)) {
    // max(input dims, target dims) per dimension.
    SmallVector<Value> entries;
    Value target = ctx.input(1);
    for (int64_t d = 0; d < rank; ++d) {
      if (dims[d] != kDyn) {
        entries.push_back(
            constantI32(ctx.b, ctx.loc, {static_cast<int32_t>(dims[d])}));
        continue;
      }
      Value in = runtimeDim(ctx.b, ctx.loc, x, d);
      entries.push_back(d < offset ? in
                                   : elementWise(ctx.b, ctx.loc, EW::kMAX, in,
                                                 entryOf(ctx.b, ctx.loc, target,
                                                         d - offset)));
    }
    shape = concatDims(ctx.b, ctx.loc, entries);
  }
  ctx.setOutput(0, trt::BroadcastOp::create(ctx.b, ctx.loc, xType.clone(dims),
                                            x, shape, bdims)
                       .getResult());
  return success();
}

static LogicalResult convertTile(NodeContext &ctx) {
  RankedTensorType type = ctx.inputType(0);
  std::optional<std::vector<int64_t>> repeats = ctx.knownInts(1);
  if (!repeats || static_cast<int64_t>(repeats->size()) != type.getRank())
    return ctx.error() << "the repeats must be constant, one per dimension";
  if (!type.hasStaticShape())
    return ctx.error() << "tiles " << type << ", which is dynamic";
  SmallVector<int32_t> start(type.getRank(), 0), size, stride(type.getRank(), 1);
  for (int64_t d = 0; d < type.getRank(); ++d)
    size.push_back(static_cast<int32_t>(type.getDimSize(d) * (*repeats)[d]));
  ctx.setOutput(0, trt::SliceOp::create(ctx.b, ctx.loc, ctx.input(0), start,
                                        size, stride, trt::SliceMode::kWRAP)
                       .getResult());
  return success();
}

static LogicalResult convertPad(NodeContext &ctx) {
  RankedTensorType type = ctx.inputType(0);
  int64_t rank = type.getRank();
  std::optional<std::vector<int64_t>> pads = ctx.knownInts(1);
  if (!pads)
    return ctx.error() << "the pads must be constant";
  std::vector<int64_t> axes;
  if (ctx.hasInput(3)) {
    std::optional<std::vector<int64_t>> k = ctx.knownInts(3);
    if (!k)
      return ctx.error() << "the axes must be constant";
    for (int64_t a : *k)
      axes.push_back(normalizeAxis(a, rank).value_or(0));
  } else {
    for (int64_t d = 0; d < rank; ++d)
      axes.push_back(d);
  }
  if (pads->size() != 2 * axes.size())
    return ctx.error() << "expected " << 2 * axes.size() << " pads, got "
                       << pads->size();
  SmallVector<int64_t> pre(rank, 0), post(rank, 0);
  for (size_t i = 0; i < axes.size(); ++i) {
    pre[axes[i]] = (*pads)[i];
    post[axes[i]] = (*pads)[i + axes.size()];
  }
  std::string mode = ctx.attrString("mode", "constant");
  trt::SliceMode sliceMode = mode == "reflect" ? trt::SliceMode::kREFLECT
                             : mode == "edge"  ? trt::SliceMode::kCLAMP
                             : mode == "wrap"  ? trt::SliceMode::kWRAP
                                               : trt::SliceMode::kFILL;
  Value x = ctx.input(0);
  Value fill;
  if (sliceMode == trt::SliceMode::kFILL) {
    double value = 0;
    if (ctx.hasInput(2)) {
      std::optional<std::vector<double>> v = ctx.constantValues(2);
      if (!v || v->size() != 1)
        return ctx.error() << "the constant_value must be a constant scalar";
      value = v->front();
    }
    fill = constantOf(ctx.b, ctx.loc,
                      RankedTensorType::get({}, type.getElementType()), {value});
  }
  SmallVector<int32_t> start, size, stride(rank, 1);
  SmallVector<int64_t> shape;
  bool dynamic = false;
  for (int64_t d = 0; d < rank; ++d) {
    start.push_back(static_cast<int32_t>(-pre[d]));
    int64_t s = type.isDynamicDim(d) ? kDyn : type.getDimSize(d) + pre[d] + post[d];
    if (s == kDyn && (pre[d] || post[d]))
      return ctx.error() << "pads dimension " << d << " of " << type
                         << ", which is dynamic";
    dynamic |= s == kDyn;
    size.push_back(s == kDyn ? 0 : static_cast<int32_t>(s));
    shape.push_back(s);
  }
  if (!dynamic) {
    ctx.setOutput(0, trt::SliceOp::create(ctx.b, ctx.loc, x, start, size,
                                          stride, sliceMode, fill)
                         .getResult());
    return success();
  }
  SmallVector<Value> dims;
  for (int64_t d = 0; d < rank; ++d)
    dims.push_back(shape[d] == kDyn ? runtimeDim(ctx.b, ctx.loc, x, d)
                                    : constantI32(ctx.b, ctx.loc, {size[d]}));
  ctx.setOutput(0, trt::SliceOp::create(
                       ctx.b, ctx.loc, type.clone(shape), x, fill, Value(),
                       concatDims(ctx.b, ctx.loc, dims), Value(),
                       ctx.b.getDenseI32ArrayAttr(start), DenseI32ArrayAttr(),
                       ctx.b.getDenseI32ArrayAttr(stride), sliceMode)
                       .getResult());
  return success();
}

//===----------------------------------------------------------------------===//
// Constants and generators
//===----------------------------------------------------------------------===//

/// Sets output 0 to `attr`, tracking small integer values on the host.
static void setConstantOutput(NodeContext &ctx, DenseElementsAttr attr) {
  auto type = cast<RankedTensorType>(attr.getType());
  Type element = type.getElementType();
  if (element.isSignlessInteger() && element.getIntOrFloatBitWidth() >= 32 &&
      attr.getNumElements() <= 4096) {
    Known known;
    known.shape.assign(type.getShape().begin(), type.getShape().end());
    for (APInt v : attr.getValues<APInt>())
      known.values.push_back(v.getSExtValue());
    ctx.setKnownOutput(0, type, known);
    return;
  }
  ctx.setOutput(0, trt::ConstantOp::create(ctx.b, ctx.loc, attr).getResult());
}

static LogicalResult convertConstant(NodeContext &ctx) {
  Builder &b = ctx.b;
  if (const ox::Tensor *t = ctx.attrTensor("value")) {
    FailureOr<DenseElementsAttr> attr = tensorAttrOf(ctx, *t);
    if (failed(attr))
      return failure();
    setConstantOutput(ctx, *attr);
    return success();
  }
  if (const ox::Attribute *a = ctx.node.attribute("value_float")) {
    setConstantOutput(ctx, DenseElementsAttr::get(
                               RankedTensorType::get({}, b.getF32Type()), a->f));
    return success();
  }
  if (const ox::Attribute *a = ctx.node.attribute("value_int")) {
    setConstantOutput(ctx, DenseElementsAttr::get(
                               RankedTensorType::get({}, b.getI64Type()), a->i));
    return success();
  }
  if (const ox::Attribute *a = ctx.node.attribute("value_floats")) {
    setConstantOutput(
        ctx, DenseElementsAttr::get(
                 RankedTensorType::get({static_cast<int64_t>(a->floats.size())},
                                       b.getF32Type()),
                 ArrayRef<float>(a->floats)));
    return success();
  }
  if (const ox::Attribute *a = ctx.node.attribute("value_ints")) {
    setConstantOutput(
        ctx, DenseElementsAttr::get(
                 RankedTensorType::get({static_cast<int64_t>(a->ints.size())},
                                       b.getI64Type()),
                 ArrayRef<int64_t>(a->ints)));
    return success();
  }
  return ctx.error() << "has no value Kiln reads (value, value_float(s), "
                        "value_int(s))";
}

static LogicalResult convertConstantOfShape(NodeContext &ctx) {
  RankedTensorType shapeType = ctx.inputType(0);
  if (shapeType.getRank() != 1 || shapeType.isDynamicDim(0))
    return ctx.error() << "the shape must be a 1-D tensor of known length";
  Type element = ctx.b.getF32Type();
  double value = 0;
  if (const ox::Tensor *t = ctx.attrTensor("value")) {
    FailureOr<DenseElementsAttr> attr = tensorAttrOf(ctx, *t);
    if (failed(attr))
      return failure();
    element = attr->getElementType();
    if (isa<FloatType>(element))
      value = (*attr->getValues<APFloat>().begin()).convertToDouble();
    else
      value = static_cast<double>((*attr->getValues<APInt>().begin())
                                      .getSExtValue());
  }
  const Known *known = ctx.known(0);
  SmallVector<int64_t> dims;
  for (int64_t i = 0; i < shapeType.getDimSize(0); ++i)
    dims.push_back(known && known->values[i] ? *known->values[i] : kDyn);
  auto type = RankedTensorType::get(dims, element);
  if (type.hasStaticShape()) {
    SmallVector<Attribute> one;
    if (auto f = dyn_cast<FloatType>(element))
      one.push_back(FloatAttr::get(f, value));
    else
      one.push_back(IntegerAttr::get(element, static_cast<int64_t>(value)));
    setConstantOutput(ctx, DenseElementsAttr::get(type, one.front()));
    return success();
  }
  Value scalar = splat(ctx.b, ctx.loc, element, dims.size(), value);
  SmallVector<int64_t> bdims;
  for (size_t d = 0; d < dims.size(); ++d)
    bdims.push_back(d);
  Value shape = shapeTensor(ctx.b, ctx.loc, ctx.input(0), known);
  ctx.setOutput(0, trt::BroadcastOp::create(ctx.b, ctx.loc, type, scalar, shape,
                                            bdims)
                       .getResult());
  return success();
}

static LogicalResult convertRange(NodeContext &ctx) {
  std::optional<std::vector<double>> start = ctx.constantValues(0),
                                     limit = ctx.constantValues(1),
                                     delta = ctx.constantValues(2);
  Type rangeElement = ctx.inputType(0).getElementType();
  if (start && delta && !limit && start->size() == 1 && delta->size() == 1 &&
      delta->front() > 0 && rangeElement.isSignlessInteger() &&
      ctx.inputType(1).getNumElements() == 1) {
    // A run-time limit (arange(x.shape[1])): ceil((limit - start) / delta)
    // values from a linspace.
    OpBuilder &b = ctx.b;
    Location loc = ctx.loc;
    int64_t s0 = static_cast<int64_t>(start->front());
    int64_t d0 = static_cast<int64_t>(delta->front());
    Value lim = castTo(b, loc, reshapeTo(b, loc, ctx.input(1), {1}), b.getI32Type());
    Value count = elementWise(b, loc, EW::kSUB, lim,
                              constantI32(b, loc, {static_cast<int32_t>(s0)}));
    if (d0 != 1)
      count = elementWise(
          b, loc, EW::kDIV,
          elementWise(b, loc, EW::kSUM, count,
                      constantI32(b, loc, {static_cast<int32_t>(d0 - 1)})),
          constantI32(b, loc, {static_cast<int32_t>(d0)}));
    count = elementWise(b, loc, EW::kMAX, count, constantI32(b, loc, {0}));
    Type work = rangeElement.isInteger(64) ? b.getI64Type() : b.getI32Type();
    Value values =
        trt::LinspaceOp::create(b, loc, RankedTensorType::get({kDyn}, work),
                                count, Value(), Value(),
                                b.getF64FloatAttr(static_cast<double>(s0)),
                                b.getF64FloatAttr(static_cast<double>(d0)))
            .getResult();
    ctx.setOutput(0, castTo(b, loc, values, rangeElement));
    return success();
  }
  if (!start || !limit || !delta || start->size() != 1 || limit->size() != 1 ||
      delta->size() != 1 || delta->front() == 0)
    return ctx.error() << "start, limit and delta must be constant scalars "
                          "(delta not 0), or an integer range from constant "
                          "start and positive delta to a run-time limit";
  double s = start->front(), l = limit->front(), d = delta->front();
  int64_t n = std::max<int64_t>(0, static_cast<int64_t>(std::ceil((l - s) / d)));
  Type element = ctx.inputType(0).getElementType();
  auto type = RankedTensorType::get({n}, element);
  if (element.isSignlessInteger() && element.getIntOrFloatBitWidth() >= 32) {
    std::vector<std::optional<int64_t>> values;
    for (int64_t i = 0; i < n; ++i)
      values.push_back(static_cast<int64_t>(s + i * d));
    ctx.setKnownOutput(0, type, Known::vector(values));
    return success();
  }
  std::vector<double> values;
  for (int64_t i = 0; i < n; ++i)
    values.push_back(s + i * d);
  ctx.setOutput(0, constantOf(ctx.b, ctx.loc, type, values));
  return success();
}

/// Upper (or lower) triangle: a select against a constant mask.
static LogicalResult convertTrilu(NodeContext &ctx) {
  RankedTensorType type = ctx.inputType(0);
  int64_t rank = type.getRank();
  if (rank < 2 || type.isDynamicDim(rank - 1) || type.isDynamicDim(rank - 2))
    return ctx.error() << "needs static matrix dimensions, got " << type;
  int64_t k = 0;
  if (ctx.hasInput(1)) {
    std::optional<std::vector<int64_t>> v = ctx.knownInts(1);
    if (!v || v->size() != 1)
      return ctx.error() << "k must be a constant scalar";
    k = v->front();
  }
  bool upper = ctx.attrInt("upper", 1);
  int64_t rows = type.getDimSize(rank - 2), cols = type.getDimSize(rank - 1);
  SmallVector<bool> mask;
  for (int64_t i = 0; i < rows; ++i)
    for (int64_t j = 0; j < cols; ++j)
      mask.push_back(upper ? j - i >= k : j - i <= k);
  SmallVector<int64_t> maskShape(rank - 2, 1);
  maskShape.append({rows, cols});
  auto maskType = RankedTensorType::get(maskShape, ctx.b.getI1Type());
  Value cond = trt::ConstantOp::create(ctx.b, ctx.loc,
                                       DenseElementsAttr::get(maskType, mask))
                   .getResult();
  Value x = ctx.input(0);
  Value zero = splat(ctx.b, ctx.loc, type.getElementType(), rank, 0.0);
  ctx.setOutput(0, createInferred<trt::SelectOp>(ctx.b, ctx.loc, 1, cond, x, zero).getResult());
  return success();
}

void registerShape(Registry &r) {
  r["Shape"] = {convertShape, {}};
  r["Size"] = {convertSize, {}};
  r["Reshape"] = {convertReshape, {}};
  r["Flatten"] = {convertFlatten, {}};
  r["Squeeze"] = {convertSqueeze, {}};
  r["Unsqueeze"] = {convertUnsqueeze, {}};
  r["Transpose"] = {convertTranspose, {}};
  r["Concat"] = {convertConcat, {}};
  r["Split"] = {convertSplit, {}};
  r["Slice"] = {convertSlice, {}};
  r["Gather"] = {convertGather, {}};
  r["GatherElements"] = {convertGatherElements, {}};
  r["GatherND"] = {convertGatherND,
                   [](const ox::Node &node, int64_t) -> std::optional<std::string> {
                     const ox::Attribute *bd = node.attribute("batch_dims");
                     if (bd && bd->i)
                       return std::string("batch_dims > 0 is not supported");
                     return std::nullopt;
                   }};
  r["ScatterND"] = {convertScatterND, noReduction};
  r["ScatterElements"] = {convertScatterElements, noReduction};
  r["Expand"] = {convertExpand, {}};
  r["Tile"] = {convertTile, {}};
  r["Pad"] = {convertPad, {}};
  r["Constant"] = {convertConstant, {}};
  r["ConstantOfShape"] = {convertConstantOfShape, {}};
  r["Range"] = {convertRange, {}};
  r["Trilu"] = {convertTrilu, {}};
}

} // namespace kiln::onnx_import
