//===- Sort.cpp - sort and top_k ------------------------------------------===//
//
// Part of Kiln. `stablehlo.sort` and `chlo.top_k` → `tensorrt.top_k`.
//
// A sort's comparator is read as a list of keys, most significant first,
// each ascending (LT) or descending (GT): JAX's comparator for `num_keys`
// keys is `lt(k0) or (eq(k0) and (lt(k1) or (eq(k1) and ...)))`, with float
// keys canonicalized first (-0.0 → +0.0, every NaN → +NaN) and compared in
// TOTALORDER, so NaNs sort after +inf and tie with each other. `top_k` over
// the whole dimension is a stable sort, so the keys are applied least
// significant first (as in an LSD radix sort), each pass permuting the
// order found so far. `top_k` ranks NaN first in both directions, which is
// JAX's place for it in a descending sort; an ascending float key takes one
// more stable pass that moves its NaNs last. Keys compared without JAX's
// canonicalization are sorted the same way: -0.0 ties with +0.0 and every
// NaN counts as +NaN (TOTALORDER alone would put -0.0 first and -NaN
// before -inf; FLOAT leaves NaN's place open).
//
//===----------------------------------------------------------------------===//

#include "Common.h"

#include "llvm/Support/FormatVariadic.h"

using namespace kiln::stablehlo_to_tensorrt;

namespace {
struct SortKey {
  unsigned input;
  bool descending;
};
} // namespace

/// Whether `value` is a scalar constant equal to `expected` (NaN matches
/// any NaN).
static bool isFloatConstant(Value value, double expected) {
  auto constant = value.getDefiningOp<shlo::ConstantOp>();
  if (!constant)
    return false;
  auto dense = dyn_cast<DenseFPElementsAttr>(constant.getValue());
  if (!dense || !dense.isSplat())
    return false;
  APFloat v = dense.getSplatValue<APFloat>();
  if (std::isnan(expected))
    return v.isNaN();
  return !v.isNaN() && v.convertToDouble() == expected;
}

/// Whether `pred` is `compare <direction> %x, %x` (both operands `x`) or,
/// with `rhs` given, `compare <direction> %x, rhs`.
static bool isCompareOf(Value pred, shlo::ComparisonDirection direction,
                        Value x, double rhs) {
  auto compare = pred.getDefiningOp<shlo::CompareOp>();
  if (!compare || compare.getComparisonDirection() != direction ||
      compare.getLhs() != x)
    return false;
  return std::isnan(rhs) ? compare.getRhs() == x
                         : isFloatConstant(compare.getRhs(), rhs);
}

/// The comparator argument `value` reads, seen through JAX's float
/// canonicalization `select(x != x, NaN, select(x == 0, 0, x))`; `canonical`
/// says whether that was there.
static std::optional<BlockArgument> keyArgument(Value value, bool &canonical) {
  canonical = false;
  if (auto arg = dyn_cast<BlockArgument>(value))
    return arg;
  auto nanSelect = value.getDefiningOp<shlo::SelectOp>();
  if (!nanSelect || !isFloatConstant(nanSelect.getOnTrue(), NAN))
    return std::nullopt;
  auto zeroSelect = nanSelect.getOnFalse().getDefiningOp<shlo::SelectOp>();
  if (!zeroSelect || !isFloatConstant(zeroSelect.getOnTrue(), 0.0))
    return std::nullopt;
  auto arg = dyn_cast<BlockArgument>(zeroSelect.getOnFalse());
  if (!arg ||
      !isCompareOf(nanSelect.getPred(), shlo::ComparisonDirection::NE, arg, NAN) ||
      !isCompareOf(zeroSelect.getPred(), shlo::ComparisonDirection::EQ, arg, 0.0))
    return std::nullopt;
  canonical = true;
  return arg;
}

/// For `compare` between the two comparator arguments of one input (the
/// left one from the first element, the right one from the second, or
/// swapped): the input and whether the operands are swapped.
static std::optional<std::pair<unsigned, bool>>
comparedInput(shlo::CompareOp compare) {
  bool lhsCanonical, rhsCanonical;
  std::optional<BlockArgument> lhs = keyArgument(compare.getLhs(), lhsCanonical);
  std::optional<BlockArgument> rhs = keyArgument(compare.getRhs(), rhsCanonical);
  if (!lhs || !rhs || lhsCanonical != rhsCanonical ||
      lhs->getArgNumber() / 2 != rhs->getArgNumber() / 2 ||
      lhs->getArgNumber() == rhs->getArgNumber())
    return std::nullopt;
  return std::make_pair(lhs->getArgNumber() / 2, lhs->getArgNumber() % 2 == 1);
}

/// The key `pred` orders by, when it is `LT`/`GT` between the two arguments
/// of one input.
static std::optional<SortKey> keyOf(Value pred) {
  auto compare = pred.getDefiningOp<shlo::CompareOp>();
  if (!compare)
    return std::nullopt;
  shlo::ComparisonDirection direction = compare.getComparisonDirection();
  if (direction != shlo::ComparisonDirection::LT &&
      direction != shlo::ComparisonDirection::GT)
    return std::nullopt;
  std::optional<std::pair<unsigned, bool>> input = comparedInput(compare);
  if (!input)
    return std::nullopt;
  bool descending = (direction == shlo::ComparisonDirection::GT) != input->second;
  return SortKey{input->first, descending};
}

/// Whether `pred` is `EQ` between the two arguments of `input`.
static bool isTie(Value pred, unsigned input) {
  auto compare = pred.getDefiningOp<shlo::CompareOp>();
  if (!compare || compare.getComparisonDirection() != shlo::ComparisonDirection::EQ)
    return false;
  std::optional<std::pair<unsigned, bool>> compared = comparedInput(compare);
  return compared && compared->first == input;
}

/// Reads `pred` as a lexicographic chain of keys into `keys`.
static bool readKeys(Value pred, SmallVectorImpl<SortKey> &keys) {
  if (std::optional<SortKey> key = keyOf(pred)) {
    keys.push_back(*key);
    return true;
  }
  auto orOp = pred.getDefiningOp<shlo::OrOp>();
  if (!orOp)
    return false;
  for (auto [first, rest] : {std::pair(orOp.getLhs(), orOp.getRhs()),
                             std::pair(orOp.getRhs(), orOp.getLhs())}) {
    std::optional<SortKey> key = keyOf(first);
    auto andOp = rest.getDefiningOp<shlo::AndOp>();
    if (!key || !andOp)
      continue;
    for (auto [tie, next] : {std::pair(andOp.getLhs(), andOp.getRhs()),
                             std::pair(andOp.getRhs(), andOp.getLhs())}) {
      if (!isTie(tie, key->input))
        continue;
      keys.push_back(*key);
      if (readKeys(next, keys))
        return true;
      keys.pop_back();
    }
  }
  return false;
}

/// The keys `op`'s comparator orders by, most significant first.
static std::optional<SmallVector<SortKey>> sortKeys(shlo::SortOp op) {
  Block &body = op.getComparator().front();
  auto ret = dyn_cast<shlo::ReturnOp>(body.getTerminator());
  if (!ret || ret.getNumOperands() != 1 ||
      body.getNumArguments() != 2 * op.getInputs().size())
    return std::nullopt;
  SmallVector<SortKey> keys;
  if (!readKeys(ret.getOperand(0), keys))
    return std::nullopt;
  return keys;
}

static int64_t sortDimension(shlo::SortOp op) {
  int64_t rank = tensorType(op.getInputs()[0]).getRank();
  return op.getDimension() < 0 ? op.getDimension() + rank : op.getDimension();
}

namespace {

/// Sort → one stable `top_k` pass per key (two for an ascending float key),
/// least significant key first; the inputs follow the final permutation
/// through `gather_elements`.
struct SortLowering : public OpConversionPattern<shlo::SortOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(shlo::SortOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (std::optional<std::string> reason = unsupportedReason(op))
      return rewriter.notifyMatchFailure(op, *reason);
    Location loc = op.getLoc();
    SmallVector<SortKey> keys = *sortKeys(op);
    int64_t dim = sortDimension(op);
    int64_t length = tensorType(op.getInputs()[0]).getDimSize(dim);

    // `order[j]` along `dim` is the input position that goes to position j.
    Value order;
    auto follow = [&](Value input) {
      return order ? trt::GatherElementsOp::create(rewriter, loc,
                                                   input.getType(), input,
                                                   order, dim)
                         .getResult()
                   : input;
    };
    // One stable pass over `key` (already permuted by `order`).
    auto pass = [&](Value key, trt::TopKOperation direction) {
      RankedTensorType type = tensorType(key);
      auto topK = trt::TopKOp::create(rewriter, loc, type,
                                      type.clone(rewriter.getI32Type()), key,
                                      length, dim, direction);
      // Position j now holds what was at indices[j], which came from
      // order[indices[j]].
      order = order ? trt::GatherElementsOp::create(rewriter, loc,
                                                    order.getType(), order,
                                                    topK.getIndices(), dim)
                          .getResult()
                    : topK.getIndices();
      return topK.getValues();
    };
    for (const SortKey &key : llvm::reverse(keys)) {
      Value value = follow(adaptor.getInputs()[key.input]);
      if (!isFloat(value) && !elementType(value).isSignlessInteger(32) &&
          !elementType(value).isSignlessInteger(64))
        value = castTo(rewriter, loc, value, rewriter.getI32Type());
      Value sorted = pass(value, key.descending ? trt::TopKOperation::kMAX
                                                : trt::TopKOperation::kMIN);
      if (isFloat(value) && !key.descending) {
        // 1 for numbers, 0 for NaN: numbers first, in their order.
        Value isNumber = castTo(
            rewriter, loc,
            elementWise(rewriter, loc, ElementWiseOperation::kEQUAL, sorted,
                        sorted),
            rewriter.getI32Type());
        pass(isNumber, trt::TopKOperation::kMAX);
      }
    }

    SmallVector<Value> results;
    for (auto [input, original] :
         llvm::zip(adaptor.getInputs(), op.getInputs())) {
      // An iota along the sorted dimension (argsort) is the permutation.
      auto iota = original.getDefiningOp<shlo::IotaOp>();
      if (iota && iota.getIotaDimension() == dim &&
          isa<IntegerType>(elementType(input)) &&
          !elementType(input).isSignlessInteger(1) &&
          !elementType(input).isSignlessInteger(8)) {
        results.push_back(castTo(rewriter, loc, order, elementType(input)));
        continue;
      }
      results.push_back(follow(input));
    }
    rewriter.replaceOp(op, results);
    return success();
  }
};

/// chlo.top_k: the k largest along the last dimension. JAX ranks NaN above
/// every number and keeps ties in input order, as `tensorrt.top_k` does.
struct TopKLowering : public OpConversionPattern<chlo::TopKOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(chlo::TopKOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (std::optional<std::string> reason = unsupportedReason(op))
      return rewriter.notifyMatchFailure(op, *reason);
    Location loc = op.getLoc();
    Value input = adaptor.getOperand();
    Type element = elementType(input);
    bool widened = !isFloat(input) && !element.isSignlessInteger(32) &&
                   !element.isSignlessInteger(64);
    if (widened)
      input = castTo(rewriter, loc, input, rewriter.getI32Type());
    RankedTensorType type = tensorType(input);
    int64_t axis = type.getRank() - 1;
    auto indicesType = cast<RankedTensorType>(op.getIndices().getType());
    auto topK = trt::TopKOp::create(
        rewriter, loc, indicesType.clone(type.getElementType()),
        indicesType.clone(rewriter.getI32Type()), input,
        static_cast<int64_t>(op.getK()), axis, trt::TopKOperation::kMAX);
    Value values = topK.getValues();
    if (widened)
      values = castTo(rewriter, loc, values, element);
    rewriter.replaceOp(op, {values, castTo(rewriter, loc, topK.getIndices(),
                                           indicesType.getElementType())});
    return success();
  }
};

} // namespace

static bool owns(Operation *op) { return isa<shlo::SortOp, chlo::TopKOp>(op); }

static std::optional<std::string> sortProblem(shlo::SortOp op) {
  if (!sortKeys(op))
    return std::string(
        "is supported only with a comparator that orders lexicographically "
        "by inputs compared with LT or GT (JAX's comparator for lax.sort, "
        "jnp.sort, jnp.argsort and jnp.lexsort)");
  RankedTensorType key = tensorType(op.getInputs()[0]);
  if (!key.hasStaticShape())
    return std::string("is supported only with static shapes");
  int64_t dim = sortDimension(op);
  if (key.getDimSize(dim) > trt::TopKOp::kMaxK)
    return llvm::formatv("sorts {0} elements along dimension {1}; at most {2} "
                         "are supported (the limit of tensorrt.top_k)",
                         key.getDimSize(dim), dim, trt::TopKOp::kMaxK)
        .str();
  return std::nullopt;
}

static std::optional<std::string> topKProblem(chlo::TopKOp op) {
  RankedTensorType type = tensorType(op.getOperand());
  if (!type.hasStaticShape() || type.getRank() == 0)
    return std::string("is supported only on static shapes of rank 1 or more");
  int64_t k = static_cast<int64_t>(op.getK());
  if (k < 1 || k > trt::TopKOp::kMaxK || k > type.getShape().back())
    return llvm::formatv("has k = {0}; supported: 1 to {1}, at most the size "
                         "of the last dimension ({2})",
                         k, trt::TopKOp::kMaxK, type.getShape().back())
        .str();
  return std::nullopt;
}

static std::optional<std::string> problem(Operation *op) {
  if (auto sort = dyn_cast<shlo::SortOp>(op))
    return sortProblem(sort);
  if (auto topK = dyn_cast<chlo::TopKOp>(op))
    return topKProblem(topK);
  return std::nullopt;
}

static void populate(RewritePatternSet &patterns) {
  patterns.add<SortLowering, TopKLowering>(patterns.getContext());
}

const Family kiln::stablehlo_to_tensorrt::kSortFamily = {
    "sort", owns, problem, populate};
