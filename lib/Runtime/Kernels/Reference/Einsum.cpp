//===- Einsum.cpp - Reference `einsum` kernel -----------------------------===//
//
// One or two inputs, lower-case labels, spaces ignored, optional "->" term;
// without it the result is every label used exactly once, alphabetically.
// A label repeated within one input reads its diagonal; a label missing from
// the result is summed over; a dim of size 1 broadcasts against the other
// input's. Products accumulate in double and round once.
//
// Every label gets one loop: result labels outermost (in result order),
// summed labels inside. An input's stride for a label is the sum of the
// strides of the dims carrying it, which is exactly the diagonal.
//
//===----------------------------------------------------------------------===//
#include "Common.h"

#include <algorithm>

namespace kiln {
namespace {

using namespace ref;

struct Equation {
  std::vector<std::string> inputs;
  std::string output;
};

Equation parseEquation(const std::string &text) {
  std::string compact;
  for (char c : text)
    if (c != ' ')
      compact.push_back(c);
  Equation eq;
  size_t arrow = compact.find("->");
  std::string lhs = compact.substr(0, arrow);
  bool explicitOutput = arrow != std::string::npos;
  if (explicitOutput)
    eq.output = compact.substr(arrow + 2);
  eq.inputs.emplace_back();
  for (char c : lhs) {
    if (c == ',')
      eq.inputs.emplace_back();
    else if (c >= 'a' && c <= 'z')
      eq.inputs.back().push_back(c);
    else
      fail("einsum equation \"", text, "\" has an unexpected character '", c,
           "'");
  }
  for (char c : eq.output)
    if (c < 'a' || c > 'z')
      fail("einsum equation \"", text,
           "\" has an unexpected character in its result term: '", c, "'");
  if (!explicitOutput) {
    int uses[26] = {};
    for (const std::string &term : eq.inputs)
      for (char c : term)
        ++uses[c - 'a'];
    for (int letter = 0; letter < 26; ++letter)
      if (uses[letter] == 1)
        eq.output.push_back(char('a' + letter));
  }
  return eq;
}

void einsumKernel(const KernelContext &ctx) {
  expectCounts(ctx, 1, 2, 1);
  const TensorView &r = ctx.results[0];
  const std::string &text = getStringAttr(ctx.step, "equation");
  Equation eq = parseEquation(text);
  const size_t n = ctx.operands.size();
  if (eq.inputs.size() != n)
    fail("einsum equation \"", text, "\" has ", eq.inputs.size(),
         " input terms for ", n, " operands");
  for (const TensorView &in : ctx.operands) {
    expectSameDType(in, r, "operand", "result");
    if (!isFloat(r.dtype))
      fail("einsum needs float operands, got ", typeOf(in));
  }

  // Size of each label: equal within an input, equal or 1 across inputs.
  std::vector<int64_t> size(26, -1);
  for (size_t i = 0; i < n; ++i) {
    const TensorView &in = ctx.operands[i];
    const std::string &term = eq.inputs[i];
    if (term.size() != in.shape.size())
      fail("einsum term \"", term, "\" labels ", term.size(),
           " dims but operand ", i, " has type ", typeOf(in));
    std::vector<int64_t> local(26, -1);
    for (size_t d = 0; d < term.size(); ++d) {
      int64_t &l = local[term[d] - 'a'];
      if (l >= 0 && l != in.shape[d])
        fail("einsum label '", term[d], "' has sizes ", l, " and ",
             in.shape[d], " in operand ", i, " (", typeOf(in), ")");
      l = in.shape[d];
    }
    for (int letter = 0; letter < 26; ++letter) {
      int64_t l = local[letter];
      if (l < 0)
        continue;
      int64_t &s = size[letter];
      if (s < 0 || s == 1)
        s = l;
      else if (l != 1 && l != s)
        fail("einsum label '", char('a' + letter), "' has sizes ", s, " and ",
             l, " across operands; they must be equal or 1");
    }
  }

  // Loop order: result labels, then summed labels.
  std::string loops = eq.output;
  for (int letter = 0; letter < 26; ++letter)
    if (size[letter] >= 0 && eq.output.find(char('a' + letter)) == std::string::npos)
      loops.push_back(char('a' + letter));
  Shape loopShape, resultShape;
  for (char c : eq.output) {
    if (size[c - 'a'] < 0)
      fail("einsum result label '", c, "' labels no input dim in \"", text,
           "\"");
    if (std::count(eq.output.begin(), eq.output.end(), c) != 1)
      fail("einsum result label '", c, "' appears twice in \"", text, "\"");
    resultShape.push_back(size[c - 'a']);
  }
  if (r.shape != resultShape)
    fail("result has type ", typeOf(r), ", expected shape ",
         shapeText(resultShape), " for \"", text, "\"");
  for (char c : loops)
    loopShape.push_back(size[c - 'a']);

  std::array<Shape, 2> strides{Shape(loops.size(), 0), Shape(loops.size(), 0)};
  for (size_t i = 0; i < n; ++i) {
    const TensorView &in = ctx.operands[i];
    Shape dense = rowMajorStrides(in.shape);
    for (size_t d = 0; d < in.shape.size(); ++d) {
      size_t loop = loops.find(eq.inputs[i][d]);
      // A size-1 dim against a larger label size broadcasts (stride 0).
      if (in.shape[d] == loopShape[loop])
        strides[i][loop] += dense[d];
    }
  }

  const int64_t resultCount = product(resultShape);
  int64_t sumCount = 1;
  for (size_t l = eq.output.size(); l < loops.size(); ++l)
    sumCount *= loopShape[l];
  std::vector<double> acc(static_cast<size_t>(resultCount), 0.0);
  forEachIndex<2>(loopShape, strides, [&](int64_t linear, const auto &off) {
    double term = loadFloat(ctx.operands[0].dtype, ctx.operands[0].data, off[0]);
    if (n == 2)
      term *= loadFloat(ctx.operands[1].dtype, ctx.operands[1].data, off[1]);
    acc[linear / sumCount] += term;
  });
  for (int64_t i = 0; i < resultCount; ++i)
    storeFloat(r.dtype, r.data, i, static_cast<float>(acc[i]));
}

} // namespace

void registerEinsumKernels(KernelRegistry &registry) {
  registry.add("einsum", einsumKernel);
}

} // namespace kiln
