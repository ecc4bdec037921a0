//===- ShapeRules.cpp - Result shapes of steps at run time ----------------===//
#include "kiln/Runtime/ShapeRules.h"

#include "kiln/Runtime/Error.h"

#include "Kernels/Reference/NonZero.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <string>

namespace kiln {
namespace {

std::string text(const Shape &shape) {
  if (shape.empty())
    return "scalar";
  std::string out;
  for (size_t i = 0; i < shape.size(); ++i)
    out += (i ? "x" : "") +
           (shape[i] < 0 ? std::string("?") : std::to_string(shape[i]));
  return out;
}

std::string list(const std::vector<int64_t> &values) {
  std::string out = "[";
  for (size_t i = 0; i < values.size(); ++i)
    out += (i ? ", " : "") + std::to_string(values[i]);
  return out + "]";
}

int64_t volume(const Shape &shape) {
  int64_t count = 1;
  for (int64_t dim : shape)
    count *= dim;
  return count;
}

bool isStatic(const Shape &shape) {
  for (int64_t dim : shape)
    if (dim == kDynamicDim)
      return false;
  return true;
}

const std::vector<int64_t> *optionalInts(const StepDesc &step,
                                         const std::string &name) {
  return step.attrs.count(name) ? &getIntsAttr(step, name) : nullptr;
}

void expectOperands(const std::vector<Shape> &operands, size_t count) {
  if (operands.size() < count)
    fail("expected ", count, " operands, got ", operands.size());
}

/// Equal ranks; each dimension equal across operands or 1 (numpy rules for
/// size 0: 0 broadcasts with 1 only).
Shape broadcastAll(const std::vector<Shape> &shapes) {
  Shape result = shapes.front();
  for (const Shape &shape : shapes) {
    if (shape.size() != result.size())
      fail("operand shapes ", text(shapes.front()), " and ", text(shape),
           " have different ranks");
    for (size_t d = 0; d < shape.size(); ++d) {
      if (shape[d] == result[d] || shape[d] == 1)
        continue;
      if (result[d] != 1)
        fail("operand shapes ", text(result), " and ", text(shape),
             " do not broadcast in dimension ", d);
      result[d] = shape[d];
    }
  }
  return result;
}

Shape permute(const Shape &shape, const std::vector<int64_t> &perm) {
  if (perm.size() != shape.size())
    fail("permutation of ", perm.size(), " entries for a rank-", shape.size(),
         " operand");
  Shape result(shape.size());
  std::vector<bool> seen(shape.size(), false);
  for (size_t i = 0; i < perm.size(); ++i) {
    if (perm[i] < 0 || static_cast<size_t>(perm[i]) >= shape.size() ||
        seen[perm[i]])
      fail("permutation ", list(perm), " is not a permutation of ",
           shape.size(), " dimensions");
    seen[perm[i]] = true;
    result[i] = shape[perm[i]];
  }
  return result;
}

/// Fills the one unknown (-1) entry of `shape` so that it holds `elements`.
Shape inferOneUnknown(Shape shape, int64_t elements, const Shape &from) {
  int64_t known = 1, unknownAt = -1;
  for (size_t d = 0; d < shape.size(); ++d) {
    if (shape[d] != kDynamicDim) {
      known *= shape[d];
    } else if (unknownAt >= 0) {
      fail("cannot infer more than one unknown dimension of ", text(shape),
           " from an operand of shape ", text(from));
    } else {
      unknownAt = static_cast<int64_t>(d);
    }
  }
  if (unknownAt >= 0) {
    if (known == 0 || elements % known != 0)
      fail("cannot reshape ", text(from), " (", elements, " elements) to ",
           text(shape));
    shape[unknownAt] = elements / known;
  }
  if (volume(shape) != elements)
    fail("cannot reshape ", text(from), " (", elements, " elements) to ",
         text(shape));
  return shape;
}

/// Integer values of a 1-D shape operand (i32 or i64).
Shape readShapeValues(const TensorView &view) {
  if (view.shape.size() != 1)
    fail("shape operand must be 1-D, got ", text(view.shape));
  Shape values(view.shape[0]);
  for (int64_t i = 0; i < view.shape[0]; ++i) {
    if (view.dtype == DType::I32)
      values[i] = static_cast<const int32_t *>(view.data)[i];
    else if (view.dtype == DType::I64)
      values[i] = static_cast<const int64_t *>(view.data)[i];
    else
      fail("shape operand must be i32 or i64");
  }
  return values;
}

Shape copyRule(const StepDesc &step, const std::vector<Shape> &ops,
               const Shape &planned) {
  // `shape_map[d]` names the operand dimension that result dimension d
  // copies (expand_rank / collapse_rank), or -1 for a static size.
  if (const std::vector<int64_t> *map = optionalInts(step, "shape_map")) {
    if (map->size() != planned.size())
      fail("shape_map has ", map->size(), " entries for a rank-",
           planned.size(), " result");
    Shape result = planned;
    for (size_t d = 0; d < map->size(); ++d)
      if ((*map)[d] >= 0) {
        if (static_cast<size_t>((*map)[d]) >= ops[0].size())
          fail("shape_map entry ", (*map)[d], " is out of range");
        result[d] = ops[0][(*map)[d]];
      }
    return inferOneUnknown(result, volume(ops[0]), ops[0]);
  }
  return inferOneUnknown(planned, volume(ops[0]), ops[0]);
}

Shape matmulRule(const StepDesc &step, const std::vector<Shape> &ops) {
  expectOperands(ops, 2);
  auto operation = [&](const char *name) {
    return step.attrs.count(name) ? getStringAttr(step, name)
                                  : std::string("kNONE");
  };
  const std::string op0 = operation("op0"), op1 = operation("op1");
  auto split = [](const Shape &shape, const std::string &op, bool left,
                  Shape &batch, int64_t &outer, int64_t &inner) {
    bool vector = op == "kVECTOR";
    size_t matrixRank = vector ? 1 : 2;
    if (shape.size() < matrixRank)
      fail("operand of rank ", shape.size(), " cannot be used as ",
           vector ? "a vector" : "a matrix");
    batch.assign(shape.begin(), shape.end() - matrixRank);
    if (vector) {
      outer = -1; // no output dimension
      inner = shape.back();
      return;
    }
    int64_t rows = shape[shape.size() - 2], cols = shape.back();
    if (op == "kTRANSPOSE")
      std::swap(rows, cols);
    // For the left operand the contraction runs over columns; for the right
    // one over rows.
    outer = left ? rows : cols;
    inner = left ? cols : rows;
  };
  Shape batch0, batch1;
  int64_t m, k0, n, k1;
  split(ops[0], op0, true, batch0, m, k0);
  split(ops[1], op1, false, batch1, n, k1);
  if (k0 != k1)
    fail("contracting dimensions differ: ", k0, " (operand 0, ", text(ops[0]),
         ") and ", k1, " (operand 1, ", text(ops[1]), ")");
  // Batch dimensions line up from the right; missing ones act as 1.
  size_t rank = std::max(batch0.size(), batch1.size());
  batch0.insert(batch0.begin(), rank - batch0.size(), 1);
  batch1.insert(batch1.begin(), rank - batch1.size(), 1);
  Shape result = broadcastAll({batch0, batch1});
  if (m >= 0)
    result.push_back(m);
  if (n >= 0)
    result.push_back(n);
  return result;
}

Shape reduceRule(const StepDesc &step, const std::vector<Shape> &ops) {
  const std::vector<int64_t> &axes = getIntsAttr(step, "axes");
  bool keep = getIntAttr(step, "keep_dims", 0) != 0;
  std::vector<bool> reduced(ops[0].size(), false);
  for (int64_t axis : axes) {
    if (axis < 0 || static_cast<size_t>(axis) >= ops[0].size())
      fail("reduction axis ", axis, " is out of range for ", text(ops[0]));
    reduced[axis] = true;
  }
  Shape result;
  for (size_t d = 0; d < ops[0].size(); ++d)
    if (!reduced[d])
      result.push_back(ops[0][d]);
    else if (keep)
      result.push_back(1);
  return result;
}

Shape shuffleRule(const StepDesc &step, const std::vector<Shape> &ops) {
  const std::vector<int64_t> *first = optionalInts(step, "first_transpose");
  Shape after = first ? permute(ops[0], *first) : ops[0];
  if (const std::vector<int64_t> *spec = optionalInts(step, "reshape")) {
    bool zeroCopies = getIntAttr(step, "zero_is_placeholder", 0) != 0;
    Shape target = *spec;
    for (size_t d = 0; d < target.size(); ++d)
      if (target[d] == 0 && zeroCopies) {
        if (d >= after.size())
          fail("reshape placeholder 0 at position ", d, " has no input "
               "dimension to copy (input ", text(after), ")");
        target[d] = after[d];
      }
    after = inferOneUnknown(target, volume(after), after);
  }
  const std::vector<int64_t> *second = optionalInts(step, "second_transpose");
  return second ? permute(after, *second) : after;
}

Shape broadcastRule(const StepDesc &step, const std::vector<Shape> &ops,
                    const Shape &planned) {
  const std::vector<int64_t> &dims = getIntsAttr(step, "broadcast_dims");
  if (dims.size() != ops[0].size())
    fail("broadcast_dims has ", dims.size(), " entries for a rank-",
         ops[0].size(), " operand");
  Shape result = planned;
  for (size_t i = 0; i < dims.size(); ++i) {
    if (dims[i] < 0 || static_cast<size_t>(dims[i]) >= result.size())
      fail("broadcast_dims entry ", dims[i], " is out of range");
    int64_t &dim = result[dims[i]];
    if (dim == kDynamicDim)
      dim = ops[0][i];
    else if (ops[0][i] != 1 && ops[0][i] != dim)
      fail("operand dimension ", i, " (", ops[0][i],
           ") cannot broadcast to result dimension ", dims[i], " (", dim, ")");
  }
  if (!isStatic(result))
    fail("cannot infer the broadcast result ", text(planned), " from ",
         text(ops[0]));
  return result;
}

Shape concatenationRule(const StepDesc &step, const std::vector<Shape> &ops) {
  int64_t axis = getIntAttr(step, "axis");
  Shape result = ops.front();
  if (axis < 0 || static_cast<size_t>(axis) >= result.size())
    fail("axis ", axis, " is out of range for ", text(result));
  result[axis] = 0;
  for (const Shape &shape : ops) {
    if (shape.size() != result.size())
      fail("operands ", text(ops.front()), " and ", text(shape),
           " have different ranks");
    for (size_t d = 0; d < shape.size(); ++d)
      if (static_cast<int64_t>(d) != axis && shape[d] != result[d])
        fail("operands ", text(ops.front()), " and ", text(shape),
             " differ in dimension ", d);
    result[axis] += shape[axis];
  }
  return result;
}

Shape topKRule(const StepDesc &step, const std::vector<Shape> &ops) {
  int64_t k = getIntAttr(step, "k"), axis = getIntAttr(step, "axis");
  Shape result = ops.at(0);
  if (axis < 0 || static_cast<size_t>(axis) >= result.size())
    fail("axis ", axis, " is out of range for ", text(result));
  if (k > result[axis])
    fail("k = ", k, " exceeds dimension ", axis, " of ", text(result));
  result[axis] = k;
  return result;
}

/// Sizes of the result labels of an einsum equation (see Einsum.cpp).
Shape einsumRule(const StepDesc &step, const std::vector<Shape> &ops) {
  std::string equation;
  for (char c : getStringAttr(step, "equation"))
    if (c != ' ')
      equation.push_back(c);
  size_t arrow = equation.find("->");
  std::vector<std::string> terms(1);
  for (char c : equation.substr(0, arrow))
    if (c == ',')
      terms.emplace_back();
    else
      terms.back().push_back(c);
  if (terms.size() != ops.size())
    fail("equation \"", equation, "\" has ", terms.size(),
         " input terms for ", ops.size(), " operands");
  std::map<char, int64_t> size;
  std::map<char, int> uses;
  for (size_t i = 0; i < ops.size(); ++i) {
    if (terms[i].size() != ops[i].size())
      fail("term \"", terms[i], "\" does not label the dims of ", text(ops[i]));
    for (size_t d = 0; d < ops[i].size(); ++d) {
      char label = terms[i][d];
      ++uses[label];
      auto [it, inserted] = size.emplace(label, ops[i][d]);
      if (!inserted && it->second == 1)
        it->second = ops[i][d];
      else if (!inserted && ops[i][d] != 1 && ops[i][d] != it->second)
        fail("label '", label, "' has sizes ", it->second, " and ", ops[i][d]);
    }
  }
  std::string output;
  if (arrow != std::string::npos)
    output = equation.substr(arrow + 2);
  else
    for (auto [label, count] : uses)
      if (count == 1)
        output.push_back(label);
  Shape result;
  for (char label : output) {
    if (!size.count(label))
      fail("result label '", label, "' labels no input dim");
    result.push_back(size[label]);
  }
  return result;
}

/// [N, K, out...] of convolution / deconvolution (pooling: `windowed` with
/// the input's channels). Window attributes hold one entry per spatial dim.
Shape windowedRule(const StepDesc &step, const std::vector<Shape> &ops) {
  const Shape &input = ops.at(0);
  if (input.size() < 3 || input.size() > 5)
    fail("input of shape ", text(input), " is not [N, C, spatial...] with 1 "
         "to 3 spatial dims");
  size_t spatial = input.size() - 2;
  bool pooling = step.kernel == "pooling";
  bool transposed = step.kernel == "deconvolution";
  Shape kernel;
  if (pooling) {
    kernel = {1, 1};
    const std::vector<int64_t> &window = getIntsAttr(step, "window");
    kernel.insert(kernel.end(), window.begin(), window.end());
  } else if (step.attrs.count("kernel_static")) {
    kernel = getIntsAttr(step, "kernel_shape");
  } else {
    expectOperands(ops, 2);
    kernel = ops[1];
  }
  if (kernel.size() != input.size())
    fail("kernel of shape ", text(kernel), " for an input of shape ",
         text(input));
  auto entries = [&](const char *name, int64_t fill) {
    const std::vector<int64_t> *values = optionalInts(step, name);
    Shape result = values ? *values : Shape(spatial, fill);
    if (result.size() != spatial)
      fail("attribute '", name, "' has ", result.size(), " entries for ",
           spatial, " spatial dims");
    return result;
  };
  Shape stride = entries("stride", 1), pre = entries("pre_padding", 0),
        post = entries("post_padding", 0), dilation = entries("dilation", 1);
  int64_t channels = pooling      ? input[1]
                     : transposed ? kernel[1] * getIntAttr(step, "num_groups", 1)
                                  : kernel[0];
  Shape result = {input[0], channels};
  for (size_t d = 0; d < spatial; ++d) {
    int64_t in = input[d + 2];
    int64_t window = dilation[d] * (kernel[d + 2] - 1) + 1;
    int64_t pads = pre[d] + post[d];
    int64_t out = transposed ? (in - 1) * stride[d] + window - pads
                             : (in + pads - window) / stride[d] + 1;
    if ((transposed && out < 0) || (!transposed && in + pads < window))
      fail("spatial dim ", d, " of size ", in, " is too small for the "
           "window ", window, " with padding ", pads);
    result.push_back(out);
  }
  return result;
}

/// gather / gather_nd / one_hot / padding / resize: TensorRT's rules,
/// restated from the kernels (lib/Runtime/Kernels/Reference).
Shape gatherRule(const StepDesc &step, const std::vector<Shape> &ops) {
  expectOperands(ops, 2);
  const Shape &data = ops[0], &indices = ops[1];
  int64_t axis = getIntAttr(step, "axis");
  int64_t lockstep = getIntAttr(step, "num_broadcast_dims", 0);
  if (axis < 0 || static_cast<size_t>(axis) >= data.size() || lockstep < 0 ||
      lockstep > 1 || lockstep > axis ||
      static_cast<size_t>(lockstep) > indices.size())
    fail("gather axis ", axis, " / num_broadcast_dims ", lockstep,
         " do not fit data ", text(data), " and indices ", text(indices));
  Shape result;
  if (lockstep == 1)
    result = broadcastAll({{data[0]}, {indices[0]}});
  result.insert(result.end(), data.begin() + lockstep, data.begin() + axis);
  result.insert(result.end(), indices.begin() + lockstep, indices.end());
  result.insert(result.end(), data.begin() + axis + 1, data.end());
  return result;
}

Shape gatherNdRule(const std::vector<Shape> &ops) {
  expectOperands(ops, 2);
  const Shape &data = ops[0], &indices = ops[1];
  if (indices.empty() || indices.back() < 1 ||
      static_cast<size_t>(indices.back()) > data.size())
    fail("indices ", text(indices), " do not hold index tuples into ",
         text(data));
  Shape result(indices.begin(), indices.end() - 1);
  result.insert(result.end(), data.begin() + indices.back(), data.end());
  return result;
}

Shape oneHotRule(const StepDesc &step, const std::vector<Shape> &ops,
                 const Shape &planned) {
  expectOperands(ops, 3);
  const int64_t rank = static_cast<int64_t>(ops[0].size());
  int64_t axis = getIntAttr(step, "axis");
  if (axis < -rank - 1 || axis > rank)
    fail("one_hot axis ", axis, " is out of range for indices ",
         text(ops[0]));
  if (axis < 0)
    axis += rank + 1;
  if (planned.size() != ops[0].size() + 1 || planned[axis] == kDynamicDim)
    fail("one_hot needs a static depth dimension, got ", text(planned));
  Shape result = ops[0];
  result.insert(result.begin() + axis, planned[axis]);
  return result;
}

Shape paddingRule(const StepDesc &step, const std::vector<Shape> &ops) {
  const std::vector<int64_t> &pre = getIntsAttr(step, "pre_padding");
  const std::vector<int64_t> &post = getIntsAttr(step, "post_padding");
  Shape result = ops.at(0);
  if (pre.size() != post.size() || pre.size() > result.size())
    fail("padding ", list(pre), " / ", list(post), " does not fit ",
         text(result));
  size_t first = result.size() - pre.size();
  for (size_t j = 0; j < pre.size(); ++j) {
    result[first + j] += pre[j] + post[j];
    if (result[first + j] < 0)
      fail("padding ", list(pre), " / ", list(post), " crops more than ",
           text(ops[0]), " holds");
  }
  return result;
}

/// Resize: floor(in * scale) per dim with `scales`; otherwise the planned
/// size where it is static, else the input's (an unresized dim).
Shape resizeRule(const StepDesc &step, const std::vector<Shape> &ops,
                 const Shape &planned) {
  const Shape &in = ops.at(0);
  if (planned.size() != in.size())
    fail("resize result ", text(planned), " must have the rank of ", text(in));
  const std::vector<double> *scales = nullptr;
  if (step.attrs.count("scales"))
    scales = std::get_if<std::vector<double>>(&step.attrs.at("scales"));
  if (scales && scales->size() != in.size())
    fail("resize scales hold ", scales->size(), " factors for ", text(in));
  Shape result(in.size());
  for (size_t d = 0; d < in.size(); ++d)
    result[d] = scales ? static_cast<int64_t>(std::floor(
                             static_cast<double>(in[d]) * (*scales)[d]))
                : planned[d] != kDynamicDim ? planned[d]
                                            : in[d];
  return result;
}

using Rule = std::function<Shape(const StepDesc &, const std::vector<Shape> &,
                                 const Shape &)>;

/// Rules that read operand values: std::nullopt while a needed value is
/// unknown.
using ValueRule = std::function<std::optional<Shape>(
    const StepDesc &, const std::vector<Shape> &, const Shape &,
    const std::vector<TensorView> &)>;

/// `copy` with a second operand: reshape to the shape that operand holds
/// (a -1 entry is inferred from the element count).
std::optional<Shape> reshapeToOperandRule(const StepDesc &,
                                          const std::vector<Shape> &ops,
                                          const Shape &planned,
                                          const std::vector<TensorView> &values) {
  if (!values[1].data)
    return std::nullopt;
  Shape target = readShapeValues(values[1]);
  if (target.size() != planned.size())
    fail("shape operand holds ", target.size(), " sizes for a rank-",
         planned.size(), " result");
  for (int64_t &dim : target)
    if (dim < -1)
      fail("shape operand holds a negative size ", dim);
  return inferOneUnknown(target, volume(ops[0]), ops[0]);
}

/// linspace / random_* with `dynamic_shape`: the result shape is the
/// values of the leading `shape` operand.
std::optional<Shape> fillShapeRule(const StepDesc &, const std::vector<Shape> &,
                                   const Shape &planned,
                                   const std::vector<TensorView> &values) {
  if (!values[0].data)
    return std::nullopt;
  Shape target = readShapeValues(values[0]);
  if (target.size() != planned.size())
    fail("shape operand holds ", target.size(), " sizes for a rank-",
         planned.size(), " result");
  for (int64_t dim : target)
    if (dim < 0)
      fail("shape operand holds a negative size ", dim);
  return target;
}

/// non_zero: [rank, count], count being the input's non-zero elements.
std::optional<Shape> nonZeroRule(const StepDesc &, const std::vector<Shape> &ops,
                                 const Shape &planned,
                                 const std::vector<TensorView> &values) {
  if (!values[0].data && volume(ops[0]) != 0)
    return std::nullopt;
  if (planned.size() != 2)
    fail("non_zero result must have rank 2, got ", text(planned));
  TensorView input = values[0];
  input.shape = ops[0];
  return Shape{static_cast<int64_t>(ops[0].size()), nonzero::count(input)};
}

/// broadcast with a `shape` operand: the result shape is its values (each
/// operand dimension must be 1 or the size it maps to).
std::optional<Shape> broadcastToOperandRule(
    const StepDesc &step, const std::vector<Shape> &ops, const Shape &planned,
    const std::vector<TensorView> &values) {
  if (!values[1].data)
    return std::nullopt;
  Shape target = readShapeValues(values[1]);
  if (target.size() != planned.size())
    fail("broadcast shape operand holds ", target.size(), " sizes for a rank-",
         planned.size(), " result");
  for (int64_t dim : target)
    if (dim < 0)
      fail("broadcast shape operand holds a negative size ", dim);
  return broadcastRule(step, ops, target);
}

/// shuffle with a `dynamic_reshape` operand: its values are the reshape.
std::optional<Shape> shuffleReshapeOperandRule(
    const StepDesc &step, const std::vector<Shape> &ops, const Shape &,
    const std::vector<TensorView> &values) {
  if (!values[1].data)
    return std::nullopt;
  StepDesc resolved = step;
  resolved.attrs["reshape"] = readShapeValues(values[1]);
  return shuffleRule(resolved, ops);
}

/// resize with an `output_shape` operand and a dynamic result: the result
/// shape is its values.
std::optional<Shape> resizeOutputShapeRule(
    const StepDesc &, const std::vector<Shape> &ops, const Shape &planned,
    const std::vector<TensorView> &values) {
  if (!values[1].data)
    return std::nullopt;
  Shape target = readShapeValues(values[1]);
  if (target.size() != ops[0].size())
    fail("resize output_shape holds ", target.size(), " sizes for a rank-",
         ops[0].size(), " input");
  for (int64_t dim : target)
    if (dim < 0)
      fail("resize output_shape holds a negative size ", dim);
  (void)planned;
  return target;
}

/// one_hot whose depth is a run-time value: the indices' shape with the
/// depth inserted at `axis`.
std::optional<Shape> oneHotDepthRule(const StepDesc &step,
                                     const std::vector<Shape> &ops,
                                     const Shape &planned,
                                     const std::vector<TensorView> &values) {
  const TensorView &depth = values[2];
  if (!depth.data)
    return std::nullopt;
  Shape withDepth = planned;
  const int64_t rank = static_cast<int64_t>(ops[0].size());
  int64_t axis = getIntAttr(step, "axis");
  if (axis < 0)
    axis += rank + 1;
  if (axis < 0 || axis > rank || planned.size() != ops[0].size() + 1)
    fail("one_hot axis ", getIntAttr(step, "axis"),
         " is out of range for indices ", text(ops[0]));
  int64_t value = depth.dtype == DType::I64
                      ? *static_cast<const int64_t *>(depth.data)
                      : *static_cast<const int32_t *>(depth.data);
  if (value < 0)
    fail("one_hot depth is negative (", value, ")");
  withDepth[axis] = value;
  return oneHotRule(step, ops, withDepth);
}

bool marksSizedByOutputShape(const StepDesc &step) {
  return getIntAttr(step, "sized_by_output_shape", 0) != 0;
}

bool marksDepthFromValue(const StepDesc &step) {
  return getIntAttr(step, "depth_from_value", 0) != 0;
}

/// slice with a run-time `size` operand: the result shape is its values.
std::optional<Shape> sliceSizeRule(const StepDesc &step,
                                   const std::vector<Shape> &,
                                   const Shape &planned,
                                   const std::vector<TensorView> &values) {
  const TensorView &size = values[getIntAttr(step, "size_operand")];
  if (!size.data)
    return std::nullopt;
  Shape target = readShapeValues(size);
  if (target.size() != planned.size())
    fail("slice size operand holds ", target.size(), " sizes for a rank-",
         planned.size(), " result");
  for (int64_t dim : target)
    if (dim < 0)
      fail("slice size operand holds a negative size ", dim);
  return target;
}

/// A value rule and the operand whose values it reads (or, with
/// `operandAttr`, the operand that integer attribute names; the rule then
/// applies only to steps that have it); `applies`, when set, says whether a
/// step of the kernel is sized by that value at all.
struct ValueRuleEntry {
  size_t operand;
  ValueRule rule;
  std::function<bool(const StepDesc &)> applies;
  const char *operandAttr = nullptr;
};

bool marksDynamicShape(const StepDesc &step) {
  return getIntAttr(step, "dynamic_shape", 0) != 0;
}

const std::map<std::string, ValueRuleEntry> &valueRules() {
  static const std::map<std::string, ValueRuleEntry> table = {
      // A `copy` without a second operand is sized by the copy rule.
      {"copy", {1, reshapeToOperandRule, nullptr}},
      {"linspace", {0, fillShapeRule, marksDynamicShape}},
      {"random_uniform", {0, fillShapeRule, marksDynamicShape}},
      {"random_normal", {0, fillShapeRule, marksDynamicShape}},
      {"non_zero", {0, nonZeroRule, nullptr}},
      {"slice", {0, sliceSizeRule, nullptr, "size_operand"}},
      // A `broadcast` without a second operand is sized by the broadcast rule.
      {"broadcast", {1, broadcastToOperandRule, nullptr}},
      // Likewise a `shuffle` without a dynamic_reshape operand.
      {"shuffle", {1, shuffleReshapeOperandRule, nullptr}},
      {"resize_nearest", {1, resizeOutputShapeRule, marksSizedByOutputShape}},
      {"resize_linear", {1, resizeOutputShapeRule, marksSizedByOutputShape}},
      {"resize_cubic", {1, resizeOutputShapeRule, marksSizedByOutputShape}},
      {"one_hot", {2, oneHotDepthRule, marksDepthFromValue}},
  };
  return table;
}

/// The value rule sizing the step's single result, or null: the kernel has
/// one, the step has the operand it reads and (where stated) it applies.
const ValueRuleEntry *valueRuleFor(const StepDesc &step, size_t operandCount,
                                   size_t resultCount) {
  auto it = valueRules().find(step.kernel);
  if (resultCount != 1 || it == valueRules().end())
    return nullptr;
  const ValueRuleEntry &entry = it->second;
  size_t operand = entry.operand;
  if (entry.operandAttr) {
    if (!step.attrs.count(entry.operandAttr))
      return nullptr;
    int64_t index = getIntAttr(step, entry.operandAttr);
    if (index < 0)
      return nullptr;
    operand = static_cast<size_t>(index);
  }
  if (operand >= operandCount || (entry.applies && !entry.applies(step)))
    return nullptr;
  return &entry;
}

const std::map<std::string, Rule> &rules() {
  static const std::map<std::string, Rule> table = {
      {"element_wise",
       [](const StepDesc &, const std::vector<Shape> &ops, const Shape &) {
         expectOperands(ops, 2);
         return broadcastAll({ops[0], ops[1]});
       }},
      {"select",
       [](const StepDesc &, const std::vector<Shape> &ops, const Shape &) {
         expectOperands(ops, 3);
         return broadcastAll(ops);
       }},
      {"unary", [](auto &, auto &ops, auto &) { return ops.at(0); }},
      {"activation", [](auto &, auto &ops, auto &) { return ops.at(0); }},
      {"cast", [](auto &, auto &ops, auto &) { return ops.at(0); }},
      {"quantize", [](auto &, auto &ops, auto &) { return ops.at(0); }},
      {"dequantize", [](auto &, auto &ops, auto &) { return ops.at(0); }},
      {"softmax", [](auto &, auto &ops, auto &) { return ops.at(0); }},
      {"copy", copyRule},
      {"matrix_multiply",
       [](auto &step, auto &ops, auto &) { return matmulRule(step, ops); }},
      {"reduce",
       [](auto &step, auto &ops, auto &) { return reduceRule(step, ops); }},
      {"transpose",
       [](auto &step, auto &ops, auto &) {
         return permute(ops.at(0), getIntsAttr(step, "permutation"));
       }},
      {"shuffle",
       [](auto &step, auto &ops, auto &) { return shuffleRule(step, ops); }},
      {"broadcast", broadcastRule},
      {"concatenation",
       [](auto &step, auto &ops, auto &) {
         return concatenationRule(step, ops);
       }},
      {"gather",
       [](auto &step, auto &ops, auto &) { return gatherRule(step, ops); }},
      {"gather_nd", [](auto &, auto &ops, auto &) { return gatherNdRule(ops); }},
      {"gather_elements",
       [](auto &, auto &ops, auto &) { return ops.at(1); }},
      {"scatter_nd", [](auto &, auto &ops, auto &) { return ops.at(0); }},
      {"scatter_elements", [](auto &, auto &ops, auto &) { return ops.at(0); }},
      {"one_hot", oneHotRule},
      {"padding",
       [](auto &step, auto &ops, auto &) { return paddingRule(step, ops); }},
      {"shape",
       [](auto &, auto &ops, auto &) {
         return Shape{static_cast<int64_t>(ops.at(0).size())};
       }},
      {"resize_nearest", resizeRule},
      {"resize_linear", resizeRule},
      {"resize_cubic", resizeRule},
      {"normalization", [](auto &, auto &ops, auto &) { return ops.at(0); }},
      {"ragged_softmax", [](auto &, auto &ops, auto &) { return ops.at(0); }},
      {"parametric_relu", [](auto &, auto &ops, auto &) { return ops.at(0); }},
      {"einsum",
       [](auto &step, auto &ops, auto &) { return einsumRule(step, ops); }},
      {"convolution",
       [](auto &step, auto &ops, auto &) { return windowedRule(step, ops); }},
      {"deconvolution",
       [](auto &step, auto &ops, auto &) { return windowedRule(step, ops); }},
      {"pooling",
       [](auto &step, auto &ops, auto &) { return windowedRule(step, ops); }},
  };
  return table;
}

} // namespace

bool shapeReadsOperandValues(const StepDesc &step) {
  return valueRuleFor(step, step.operands.size(), step.results.size()) !=
         nullptr;
}

std::optional<std::vector<Shape>>
inferResultShapes(const StepDesc &step, const std::vector<Shape> &operandShapes,
                  const std::vector<Shape> &planned,
                  const std::vector<TensorView> *operandValues) {
  std::vector<Shape> results;
  if (const ValueRuleEntry *valueRule =
          valueRuleFor(step, operandShapes.size(), planned.size())) {
    std::vector<TensorView> none(operandShapes.size());
    std::optional<Shape> shape = valueRule->rule(
        step, operandShapes, planned[0], operandValues ? *operandValues : none);
    if (!shape)
      return std::nullopt;
    results.push_back(*shape);
  } else if (auto it = rules().find(step.kernel);
             it != rules().end() && planned.size() == 1 &&
             !operandShapes.empty()) {
    results.push_back(it->second(step, operandShapes, planned[0]));
  } else if (step.kernel == "top_k" && planned.size() == 2 &&
             !operandShapes.empty()) {
    Shape shape = topKRule(step, operandShapes);
    results = {shape, shape};
  } else if (step.kernel == "dynamic_quantize" && planned.size() == 2 &&
             !operandShapes.empty()) {
    // Data keeps the input's shape; scales have one entry per block along
    // `axis`.
    Shape data = operandShapes[0], scales = data;
    int64_t axis = getIntAttr(step, "axis");
    int64_t blockSize = getIntAttr(step, "block_size");
    if (axis < 0 || static_cast<size_t>(axis) >= data.size())
      fail("axis ", axis, " is out of range for ", text(data));
    if (blockSize <= 0 || data[axis] % blockSize != 0)
      fail("dimension ", axis, " of ", text(data),
           " is not a multiple of the block size ", blockSize);
    scales[axis] /= blockSize;
    results = {data, scales};
  } else if (step.kernel == "while" || step.kernel == "for") {
    // A loop-carried value keeps its shape from one iteration to the next
    // (TensorRT's recurrences do), so the results take the initial values'.
    const size_t first = step.kernel == "for" ? 3 : 0;
    if (operandShapes.size() != first + planned.size())
      fail("expected ", first + planned.size(), " operands for ",
           planned.size(), " loop-carried values, got ", operandShapes.size());
    results.assign(operandShapes.begin() + first, operandShapes.end());
  } else if (step.kernel == "if" &&
             !std::all_of(planned.begin(), planned.end(), isStatic)) {
    // The results are what the branch that runs yields.
    return std::nullopt;
  } else {
    // Kernels without a rule (and multi-result steps) need static results.
    for (const Shape &shape : planned)
      if (!isStatic(shape))
        fail("cannot infer the shape ", text(shape), " of a '", step.kernel,
             "' result at run time");
    results = planned;
  }
  for (size_t i = 0; i < results.size(); ++i) {
    const Shape &want = planned[i], &got = results[i];
    bool agrees = want.size() == got.size();
    for (size_t d = 0; agrees && d < want.size(); ++d)
      agrees = want[d] == kDynamicDim || want[d] == got[d];
    if (!agrees)
      fail("result ", i, " has shape ", text(got), " for operands of shape ",
           [&] {
             std::string all;
             for (const Shape &shape : operandShapes)
               all += (all.empty() ? "" : ", ") + text(shape);
             return all;
           }(),
           ", but the engine was compiled for ", text(want));
  }
  return results;
}

} // namespace kiln
