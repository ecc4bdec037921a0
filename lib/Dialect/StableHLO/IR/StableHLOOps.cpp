//===- StableHLOOps.cpp - operations of `stablehlo` -----------------------===//
//
// Part of Kiln. The custom assembly directives that give JAX's printed
// syntax (one type for same-typed operands, slice ranges, dot dimensions,
// the two forms of reduce, while), verifiers and folders.
//
//===----------------------------------------------------------------------===//

#include "kiln/Dialect/StableHLO/IR/StableHLO.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/IR/TypeUtilities.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallSet.h"
#include "llvm/ADT/StringSwitch.h"

using namespace mlir;
using namespace kiln::stablehlo;

//===----------------------------------------------------------------------===//
// Type directives
//===----------------------------------------------------------------------===//

/// `T` (every operand and the result have type T) or `(T0, T1) -> R`.
static ParseResult parseSameTypes(OpAsmParser &parser,
                                  ArrayRef<Type *> operands, Type &result) {
  SMLoc loc = parser.getCurrentLocation();
  Type type;
  if (parser.parseType(type))
    return failure();
  auto function = dyn_cast<FunctionType>(type);
  if (!function) {
    for (Type *operand : operands)
      *operand = type;
    result = type;
    return success();
  }
  if (function.getNumInputs() != operands.size() ||
      function.getNumResults() != 1)
    return parser.emitError(loc)
           << "expected a type, or a function type with " << operands.size()
           << " inputs and 1 result, got " << type;
  for (auto [operand, input] : llvm::zip(operands, function.getInputs()))
    *operand = input;
  result = function.getResult(0);
  return success();
}

template <typename... Types>
static ParseResult parseSameOperandsAndResultType(OpAsmParser &parser,
                                                  Types &...types) {
  SmallVector<Type *> all{&types...};
  Type *result = all.pop_back_val();
  return parseSameTypes(parser, all, *result);
}

template <typename... Types>
static void printSameOperandsAndResultType(OpAsmPrinter &printer,
                                           Operation *op, Types... types) {
  SmallVector<Type> all{types...};
  if (llvm::all_equal(all))
    printer << all.front();
  else
    printer.printFunctionalType(op);
}

/// `Tpred, T` (both branches and the result have type T) or a function type.
static ParseResult parseSelectType(OpAsmParser &parser, Type &pred,
                                   Type &onTrue, Type &onFalse, Type &result) {
  SMLoc loc = parser.getCurrentLocation();
  SmallVector<Type> types;
  if (parser.parseTypeList(types))
    return failure();
  if (types.size() == 2) {
    pred = types[0];
    onTrue = onFalse = result = types[1];
    return success();
  }
  auto function = types.size() == 1 ? dyn_cast<FunctionType>(types[0]) : nullptr;
  if (!function || function.getNumInputs() != 3 ||
      function.getNumResults() != 1)
    return parser.emitError(loc, "expected `predicate type, value type` or a "
                                 "function type with 3 inputs and 1 result");
  pred = function.getInput(0);
  onTrue = function.getInput(1);
  onFalse = function.getInput(2);
  result = function.getResult(0);
  return success();
}

static void printSelectType(OpAsmPrinter &printer, Operation *op, Type pred,
                            Type onTrue, Type onFalse, Type result) {
  if (onTrue == result && onFalse == result)
    printer << pred << ", " << result;
  else
    printer.printFunctionalType(op);
}

/// `T0, T1, ...`: the results have the operands' types.
static ParseResult parsePairwiseTypes(OpAsmParser &parser,
                                      SmallVectorImpl<Type> &operands,
                                      SmallVectorImpl<Type> &results) {
  if (parser.parseTypeList(operands))
    return failure();
  results.append(operands.begin(), operands.end());
  return success();
}

static void printPairwiseTypes(OpAsmPrinter &printer, Operation *,
                               TypeRange operands, TypeRange) {
  llvm::interleaveComma(operands, printer);
}

//===----------------------------------------------------------------------===//
// Operand and attribute directives
//===----------------------------------------------------------------------===//

/// `%a, %b, ` — each operand followed by a comma (possibly none).
static ParseResult parseOperandsEachThenComma(
    OpAsmParser &parser,
    SmallVectorImpl<OpAsmParser::UnresolvedOperand> &operands) {
  while (true) {
    OpAsmParser::UnresolvedOperand operand;
    OptionalParseResult parsed = parser.parseOptionalOperand(operand);
    if (!parsed.has_value())
      return success();
    if (failed(*parsed) || parser.parseComma())
      return failure();
    operands.push_back(operand);
  }
}

static void printOperandsEachThenComma(OpAsmPrinter &printer, Operation *,
                                       OperandRange operands) {
  for (auto [i, operand] : llvm::enumerate(operands))
    printer << (i ? " " : "") << operand << ",";
}

static ParseResult parseIntegerList(OpAsmParser &parser,
                                    SmallVectorImpl<int64_t> &values) {
  return parser.parseCommaSeparatedList(AsmParser::Delimiter::Square, [&] {
    return parser.parseInteger(values.emplace_back());
  });
}

static void printIntegerList(OpAsmPrinter &printer, ArrayRef<int64_t> values) {
  printer << '[';
  llvm::interleaveComma(values, printer);
  printer << ']';
}

/// `@target`: the custom_call target as a symbol name (quoted when it is
/// not an identifier, `@"a.b"`).
static ParseResult parseCustomCallTarget(OpAsmParser &parser,
                                         StringAttr &target) {
  return parser.parseSymbolName(target);
}

static void printCustomCallTarget(OpAsmPrinter &printer, Operation *,
                                  StringAttr target) {
  printer.printSymbolName(target.getValue());
}

/// `[start:limit, start:limit:stride, ...]`.
static ParseResult parseSliceRanges(OpAsmParser &parser,
                                    DenseI64ArrayAttr &startAttr,
                                    DenseI64ArrayAttr &limitAttr,
                                    DenseI64ArrayAttr &strideAttr) {
  SmallVector<int64_t> start, limit, stride;
  if (parser.parseCommaSeparatedList(AsmParser::Delimiter::Square,
                                     [&]() -> ParseResult {
        if (parser.parseInteger(start.emplace_back()) || parser.parseColon() ||
            parser.parseInteger(limit.emplace_back()))
          return failure();
        stride.push_back(1);
        if (succeeded(parser.parseOptionalColon()))
          return parser.parseInteger(stride.back());
        return success();
      }))
    return failure();
  MLIRContext *context = parser.getContext();
  startAttr = DenseI64ArrayAttr::get(context, start);
  limitAttr = DenseI64ArrayAttr::get(context, limit);
  strideAttr = DenseI64ArrayAttr::get(context, stride);
  return success();
}

static void printSliceRanges(OpAsmPrinter &printer, Operation *,
                             DenseI64ArrayAttr start, DenseI64ArrayAttr limit,
                             DenseI64ArrayAttr stride) {
  printer << '[';
  for (size_t i = 0; i < start.size(); ++i) {
    if (i)
      printer << ", ";
    printer << start[i] << ':' << limit[i];
    if (i < stride.size() && stride[i] != 1)
      printer << ':' << stride[i];
  }
  printer << ']';
}

/// `[a] x [b]` as two lists.
static ParseResult parseDimPair(OpAsmParser &parser, StringRef keyword,
                                SmallVectorImpl<int64_t> &lhs,
                                SmallVectorImpl<int64_t> &rhs) {
  if (parser.parseKeyword(keyword) || parser.parseEqual() ||
      parseIntegerList(parser, lhs) || parser.parseKeyword("x") ||
      parseIntegerList(parser, rhs))
    return failure();
  return success();
}

/// `[batching_dims = [..] x [..],] contracting_dims = [..] x [..]`.
static ParseResult parseDotDimensions(OpAsmParser &parser,
                                      DenseI64ArrayAttr &lhsBatch,
                                      DenseI64ArrayAttr &rhsBatch,
                                      DenseI64ArrayAttr &lhsContract,
                                      DenseI64ArrayAttr &rhsContract) {
  SmallVector<int64_t> lb, rb, lc, rc;
  if (succeeded(parser.parseOptionalKeyword("batching_dims"))) {
    if (parser.parseEqual() || parseIntegerList(parser, lb) ||
        parser.parseKeyword("x") || parseIntegerList(parser, rb) ||
        parser.parseComma())
      return failure();
  }
  if (parseDimPair(parser, "contracting_dims", lc, rc))
    return failure();
  MLIRContext *context = parser.getContext();
  lhsBatch = DenseI64ArrayAttr::get(context, lb);
  rhsBatch = DenseI64ArrayAttr::get(context, rb);
  lhsContract = DenseI64ArrayAttr::get(context, lc);
  rhsContract = DenseI64ArrayAttr::get(context, rc);
  return success();
}

static void printDotDimensions(OpAsmPrinter &printer, Operation *,
                               DenseI64ArrayAttr lhsBatch,
                               DenseI64ArrayAttr rhsBatch,
                               DenseI64ArrayAttr lhsContract,
                               DenseI64ArrayAttr rhsContract) {
  if (!lhsBatch.empty() || !rhsBatch.empty()) {
    printer << "batching_dims = ";
    printIntegerList(printer, lhsBatch.asArrayRef());
    printer << " x ";
    printIntegerList(printer, rhsBatch.asArrayRef());
    printer << ", ";
  }
  printer << "contracting_dims = ";
  printIntegerList(printer, lhsContract.asArrayRef());
  printer << " x ";
  printIntegerList(printer, rhsContract.asArrayRef());
}

/// `[, precision = [DEFAULT, HIGH]] [, algorithm = <attribute>]`.
static ParseResult parsePrecisionAndAlgorithm(OpAsmParser &parser,
                                              ArrayAttr &precision,
                                              Attribute &algorithm) {
  while (succeeded(parser.parseOptionalComma())) {
    if (succeeded(parser.parseOptionalKeyword("algorithm"))) {
      if (parser.parseEqual() || parser.parseAttribute(algorithm))
        return failure();
      continue;
    }
    SmallVector<Attribute> values;
    if (parser.parseKeyword("precision") || parser.parseEqual() ||
        parser.parseCommaSeparatedList(AsmParser::Delimiter::Square,
                                       [&]() -> ParseResult {
          SMLoc loc = parser.getCurrentLocation();
          StringRef keyword;
          if (parser.parseKeyword(&keyword))
            return failure();
          std::optional<Precision> value = symbolizePrecision(keyword);
          if (!value)
            return parser.emitError(loc) << "expected DEFAULT, HIGH or "
                                            "HIGHEST, got '"
                                         << keyword << "'";
          values.push_back(PrecisionAttr::get(parser.getContext(), *value));
          return success();
        }))
      return failure();
    precision = ArrayAttr::get(parser.getContext(), values);
  }
  return success();
}

static void printPrecisionAndAlgorithm(OpAsmPrinter &printer, Operation *,
                                       ArrayAttr precision,
                                       Attribute algorithm) {
  if (precision) {
    printer << ", precision = [";
    llvm::interleaveComma(precision, printer, [&](Attribute attr) {
      printer << stringifyPrecision(cast<PrecisionAttr>(attr).getValue());
    });
    printer << ']';
  }
  if (algorithm)
    printer << ", algorithm = " << algorithm;
}

/// `[, precision = [...]]` for ops without an algorithm.
static ParseResult parsePrecision(OpAsmParser &parser, ArrayAttr &precision) {
  SMLoc loc = parser.getCurrentLocation();
  Attribute algorithm;
  if (parsePrecisionAndAlgorithm(parser, precision, algorithm))
    return failure();
  if (algorithm)
    return parser.emitError(loc, "this op takes no algorithm");
  return success();
}

static void printPrecision(OpAsmPrinter &printer, Operation *op,
                           ArrayAttr precision) {
  printPrecisionAndAlgorithm(printer, op, precision, Attribute());
}

//===----------------------------------------------------------------------===//
// ConstantOp
//===----------------------------------------------------------------------===//

OpFoldResult ConstantOp::fold(FoldAdaptor) { return getValue(); }

//===----------------------------------------------------------------------===//
// Verifiers
//===----------------------------------------------------------------------===//

LogicalResult SelectOp::verify() {
  auto pred = cast<RankedTensorType>(getPred().getType());
  auto result = cast<RankedTensorType>(getType());
  if (pred.getRank() != 0 && pred.getShape() != result.getShape())
    return emitOpError() << "expected a scalar predicate or one of shape "
                         << "of the result " << result << ", got " << pred;
  if (getOnTrue().getType() != result || getOnFalse().getType() != result)
    return emitOpError() << "expected both branches to have the result type "
                         << result << ", got " << getOnTrue().getType()
                         << " and " << getOnFalse().getType();
  return success();
}

LogicalResult IotaOp::verify() {
  auto type = cast<RankedTensorType>(getType());
  if (getIotaDimension() < 0 || getIotaDimension() >= type.getRank())
    return emitOpError() << "expected iota dimension in [0, " << type.getRank()
                         << "), got " << getIotaDimension();
  return success();
}

/// The broadcast_dimensions of (dynamic_)broadcast_in_dim: one distinct
/// result dimension per operand dimension, each of size 1 or the result's.
static LogicalResult verifyBroadcastDimensions(Operation *op,
                                               RankedTensorType input,
                                               RankedTensorType result,
                                               ArrayRef<int64_t> dims) {
  if (static_cast<int64_t>(dims.size()) != input.getRank())
    return op->emitOpError() << "expected " << input.getRank()
                         << " broadcast dimensions (one per operand "
                            "dimension), got "
                         << dims.size();
  for (auto [i, dim] : llvm::enumerate(dims)) {
    if (dim < 0 || dim >= result.getRank())
      return op->emitOpError() << "expected broadcast dimension " << i
                           << " in [0, " << result.getRank() << "), got "
                           << dim;
    int64_t from = input.getDimSize(i), to = result.getDimSize(dim);
    if (!ShapedType::isDynamic(from) && !ShapedType::isDynamic(to) &&
        from != 1 && from != to)
      return op->emitOpError() << "operand dimension " << i << " has size " << from
                           << "; expected 1 or " << to << " (result dimension "
                           << dim << ")";
  }
  if (llvm::SmallSet<int64_t, 8>(dims.begin(), dims.end()).size() != dims.size())
    return op->emitOpError("expected distinct broadcast dimensions");
  return success();
}

LogicalResult BroadcastInDimOp::verify() {
  return verifyBroadcastDimensions(
      *this, cast<RankedTensorType>(getOperand().getType()),
      cast<RankedTensorType>(getType()), getBroadcastDimensions());
}

LogicalResult ReshapeOp::verify() {
  auto input = cast<RankedTensorType>(getOperand().getType());
  auto result = cast<RankedTensorType>(getType());
  if (input.hasStaticShape() && result.hasStaticShape() &&
      input.getNumElements() != result.getNumElements())
    return emitOpError() << "expected as many elements in the result ("
                         << result.getNumElements() << ") as in the operand ("
                         << input.getNumElements() << ")";
  return success();
}

LogicalResult TransposeOp::verify() {
  auto input = cast<RankedTensorType>(getOperand().getType());
  auto result = cast<RankedTensorType>(getType());
  ArrayRef<int64_t> perm = getPermutation();
  if (static_cast<int64_t>(perm.size()) != input.getRank())
    return emitOpError() << "expected a permutation of " << input.getRank()
                         << " dimensions, got " << perm.size() << " entries";
  llvm::SmallSet<int64_t, 8> seen;
  for (auto [i, dim] : llvm::enumerate(perm)) {
    if (dim < 0 || dim >= input.getRank() || !seen.insert(dim).second)
      return emitOpError("expected dims to be a permutation of [0, rank)");
    int64_t from = input.getDimSize(dim), to = result.getDimSize(i);
    if (!ShapedType::isDynamic(from) && !ShapedType::isDynamic(to) && from != to)
      return emitOpError() << "result dimension " << i << " has size " << to
                           << ", expected " << from;
  }
  return success();
}

LogicalResult ConcatenateOp::verify() {
  if (getInputs().empty())
    return emitOpError("expected at least one input");
  auto result = cast<RankedTensorType>(getType());
  if (getDimension() < 0 || getDimension() >= result.getRank())
    return emitOpError() << "expected dim in [0, " << result.getRank()
                         << "), got " << getDimension();
  for (Value input : getInputs())
    if (cast<RankedTensorType>(input.getType()).getRank() != result.getRank())
      return emitOpError() << "expected every input to have rank "
                           << result.getRank() << ", got " << input.getType();
  return success();
}

LogicalResult SliceOp::verify() {
  auto input = cast<RankedTensorType>(getOperand().getType());
  auto result = cast<RankedTensorType>(getType());
  size_t rank = input.getRank();
  if (getStartIndices().size() != rank || getLimitIndices().size() != rank ||
      getStrides().size() != rank)
    return emitOpError() << "expected " << rank << " ranges, got "
                         << getStartIndices().size();
  for (size_t i = 0; i < rank; ++i) {
    int64_t start = getStartIndices()[i], limit = getLimitIndices()[i],
            stride = getStrides()[i];
    if (start < 0 || limit < start || stride < 1)
      return emitOpError() << "expected 0 <= start <= limit and stride >= 1 "
                              "in dimension "
                           << i << ", got " << start << ":" << limit << ":"
                           << stride;
    int64_t size = (limit - start + stride - 1) / stride;
    if (!result.isDynamicDim(i) && result.getDimSize(i) != size)
      return emitOpError() << "result dimension " << i << " has size "
                           << result.getDimSize(i) << ", expected " << size;
  }
  return success();
}

LogicalResult DotGeneralOp::verify() {
  auto lhs = cast<RankedTensorType>(getLhs().getType());
  auto rhs = cast<RankedTensorType>(getRhs().getType());
  auto check = [&](ArrayRef<int64_t> l, ArrayRef<int64_t> r,
                   StringRef what) -> LogicalResult {
    if (l.size() != r.size())
      return emitOpError() << "expected as many lhs as rhs " << what
                           << " dimensions, got " << l.size() << " and "
                           << r.size();
    for (auto [a, b] : llvm::zip(l, r)) {
      if (a < 0 || a >= lhs.getRank() || b < 0 || b >= rhs.getRank())
        return emitOpError() << what << " dimension pair [" << a << "] x ["
                             << b << "] is out of range";
      int64_t sa = lhs.getDimSize(a), sb = rhs.getDimSize(b);
      if (!ShapedType::isDynamic(sa) && !ShapedType::isDynamic(sb) && sa != sb)
        return emitOpError() << what << " dimensions " << a << " and " << b
                             << " have sizes " << sa << " and " << sb;
    }
    return success();
  };
  if (failed(check(getLhsBatchingDimensions(), getRhsBatchingDimensions(),
                   "batching")) ||
      failed(check(getLhsContractingDimensions(),
                   getRhsContractingDimensions(), "contracting")))
    return failure();
  int64_t expectedRank = lhs.getRank() + rhs.getRank() -
                         getLhsBatchingDimensions().size() -
                         2 * getLhsContractingDimensions().size();
  if (cast<RankedTensorType>(getType()).getRank() != expectedRank)
    return emitOpError() << "expected a result of rank " << expectedRank
                         << ", got " << getType();
  return success();
}

//===----------------------------------------------------------------------===//
// Dynamic-shape ops
//===----------------------------------------------------------------------===//

LogicalResult GetDimensionSizeOp::verify() {
  auto input = cast<RankedTensorType>(getOperand().getType());
  if (getDimension() < 0 || getDimension() >= input.getRank())
    return emitOpError() << "expected dim in [0, " << input.getRank()
                         << "), got " << getDimension();
  if (cast<RankedTensorType>(getType()).getRank() != 0)
    return emitOpError() << "expected a rank-0 result, got " << getType();
  return success();
}

/// Checks that `shape` is a 1-D tensor with one entry per dimension of
/// `result` (when its size is known).
static LogicalResult verifyShapeOperand(Operation *op, Value shape,
                                        StringRef name, Type result) {
  auto type = cast<RankedTensorType>(shape.getType());
  int64_t rank = cast<RankedTensorType>(result).getRank();
  if (type.getRank() != 1)
    return op->emitOpError() << "expected " << name << " to be 1-D, got "
                             << type;
  if (!type.isDynamicDim(0) && type.getDimSize(0) != rank)
    return op->emitOpError() << "expected " << name << " to have " << rank
                             << " entries (the result rank), got "
                             << type.getDimSize(0);
  return success();
}

LogicalResult DynamicBroadcastInDimOp::verify() {
  auto input = cast<RankedTensorType>(getOperand().getType());
  auto result = cast<RankedTensorType>(getType());
  if (failed(verifyShapeOperand(*this, getOutputDimensions(),
                                "output_dimensions", result)))
    return failure();
  return verifyBroadcastDimensions(*this, input, result,
                                   getBroadcastDimensions());
}

LogicalResult DynamicReshapeOp::verify() {
  return verifyShapeOperand(*this, getOutputShape(), "output_shape", getType());
}

LogicalResult DynamicIotaOp::verify() {
  auto type = cast<RankedTensorType>(getType());
  if (failed(verifyShapeOperand(*this, getOutputShape(), "output_shape", type)))
    return failure();
  if (getIotaDimension() < 0 || getIotaDimension() >= type.getRank())
    return emitOpError() << "expected iota dimension in [0, " << type.getRank()
                         << "), got " << getIotaDimension();
  return success();
}

LogicalResult BatchNormInferenceOp::verify() {
  auto input = cast<RankedTensorType>(getOperand().getType());
  int64_t feature = getFeatureIndex();
  if (feature < 0 || feature >= input.getRank())
    return emitOpError() << "expected feature_index in [0, " << input.getRank()
                         << "), got " << feature;
  int64_t features = input.getDimSize(feature);
  for (Value v : {getScale(), getOffset(), getMean(), getVariance()}) {
    auto type = cast<RankedTensorType>(v.getType());
    if (type.getRank() != 1 || type.getElementType() != input.getElementType())
      return emitOpError() << "expected scale, offset, mean and variance to be "
                              "1-D tensors of "
                           << input.getElementType() << ", got " << type;
    if (!ShapedType::isDynamic(features) && !type.isDynamicDim(0) &&
        type.getDimSize(0) != features)
      return emitOpError() << "expected scale, offset, mean and variance to "
                              "have "
                           << features << " elements (operand dimension "
                           << feature << "), got " << type;
  }
  return success();
}

//===----------------------------------------------------------------------===//
// ReduceOp
//===----------------------------------------------------------------------===//

LogicalResult ReduceOp::verify() {
  size_t count = getInputs().size();
  if (count == 0)
    return emitOpError("expected at least one input");
  if (getNumResults() != count)
    return emitOpError() << "expected " << count << " results, got "
                         << getNumResults();
  Block &body = getBody().front();
  if (body.getNumArguments() != 2 * count)
    return emitOpError() << "expected the reducer to take " << 2 * count
                         << " arguments, got " << body.getNumArguments();
  for (Value input : getInputs()) {
    auto type = cast<RankedTensorType>(input.getType());
    for (int64_t dim : getDimensions())
      if (dim < 0 || dim >= type.getRank())
        return emitOpError() << "reduction dimension " << dim
                             << " is out of range for " << type;
  }
  return success();
}

/// The op of a reducer body that is one op applied to (accumulator, element)
/// and returned, i.e. the body of the short `applies` form; else null.
static Operation *singleOpReducer(ReduceOp op) {
  if (op.getInputs().size() != 1)
    return nullptr;
  Block &body = op.getBody().front();
  if (!llvm::hasNItems(body, 2))
    return nullptr;
  Operation &inner = body.front();
  auto ret = dyn_cast<ReturnOp>(body.back());
  if (!ret || inner.getNumOperands() != 2 || inner.getNumResults() != 1 ||
      inner.getNumRegions() != 0 || !inner.getAttrs().empty() ||
      inner.getOperand(0) != body.getArgument(0) ||
      inner.getOperand(1) != body.getArgument(1) ||
      ret.getNumOperands() != 1 || ret.getOperand(0) != inner.getResult(0) ||
      inner.getResult(0).getType() != body.getArgument(0).getType() ||
      inner.getDialect() != op->getDialect())
    return nullptr;
  return &inner;
}

void ReduceOp::print(OpAsmPrinter &printer) {
  llvm::interleaveComma(llvm::zip(getInputs(), getInitValues()), printer,
                        [&](auto pair) {
                          printer << '(' << std::get<0>(pair)
                                  << " init: " << std::get<1>(pair) << ')';
                        });
  Operation *single = singleOpReducer(*this);
  if (single)
    printer << " applies " << single->getName();
  printer << " across dimensions = ";
  printIntegerList(printer, getDimensions());
  printer.printOptionalAttrDict((*this)->getAttrs(), {"dimensions"});
  printer << " : ";
  printer.printFunctionalType(*this);
  if (single)
    return;
  printer.printNewline();
  printer << " reducer";
  Block &body = getBody().front();
  size_t count = getInputs().size();
  for (size_t i = 0; i < count; ++i) {
    printer << '(';
    printer.printRegionArgument(body.getArgument(i));
    printer << ", ";
    printer.printRegionArgument(body.getArgument(count + i));
    printer << ") ";
  }
  printer.printRegion(getBody(), /*printEntryBlockArgs=*/false);
}

ParseResult ReduceOp::parse(OpAsmParser &parser, OperationState &result) {
  SMLoc loc = parser.getCurrentLocation();
  SmallVector<OpAsmParser::UnresolvedOperand> inputs, inits;
  do {
    if (parser.parseLParen() || parser.parseOperand(inputs.emplace_back()) ||
        parser.parseKeyword("init") || parser.parseColon() ||
        parser.parseOperand(inits.emplace_back()) || parser.parseRParen())
      return failure();
  } while (succeeded(parser.parseOptionalComma()));

  // The short form names the reducer op: `applies stablehlo.add`.
  std::optional<OperationName> reducerName;
  SMLoc reducerLoc = parser.getCurrentLocation();
  if (succeeded(parser.parseOptionalKeyword("applies"))) {
    FailureOr<OperationName> name = parser.parseCustomOperationName();
    if (failed(name))
      return failure();
    reducerName = *name;
  }

  SmallVector<int64_t> dims;
  FunctionType type;
  if (parser.parseKeyword("across") || parser.parseKeyword("dimensions") ||
      parser.parseEqual() || parseIntegerList(parser, dims) ||
      parser.parseOptionalAttrDict(result.attributes) ||
      parser.parseColonType(type))
    return failure();
  size_t count = inputs.size();
  if (type.getNumInputs() != 2 * count || type.getNumResults() != count)
    return parser.emitError(loc)
           << "expected a function type with " << 2 * count << " inputs and "
           << count << " results, got " << type;
  if (parser.resolveOperands(inputs, type.getInputs().take_front(count), loc,
                             result.operands) ||
      parser.resolveOperands(inits, type.getInputs().drop_front(count), loc,
                             result.operands))
    return failure();
  result.addAttribute("dimensions",
                      DenseI64ArrayAttr::get(parser.getContext(), dims));
  result.addTypes(type.getResults());
  Region *body = result.addRegion();

  if (reducerName) {
    if (count != 1)
      return parser.emitError(reducerLoc)
             << "the `applies` form takes one input, got " << count;
    Type scalar = type.getInput(1);
    Location innerLoc = parser.getEncodedSourceLoc(reducerLoc);
    Block *block = new Block();
    body->push_back(block);
    block->addArguments({scalar, scalar}, {innerLoc, innerLoc});
    // The region has no parent op yet, so the builder takes the context
    // from the parser.
    OpBuilder builder(parser.getContext());
    builder.setInsertionPointToEnd(block);
    OperationState state(innerLoc, *reducerName);
    state.addOperands(block->getArguments());
    state.addTypes(scalar);
    Operation *inner = builder.create(state);
    ReturnOp::create(builder, innerLoc, inner->getResults());
    return success();
  }

  // The long form: `reducer(%acc0: T, %x0: T) (%acc1: U, %x1: U) { ... }`;
  // the block takes every accumulator, then every element.
  SmallVector<OpAsmParser::Argument> accumulators, elements;
  if (parser.parseKeyword("reducer"))
    return failure();
  for (size_t i = 0; i < count; ++i) {
    if (parser.parseLParen() ||
        parser.parseArgument(accumulators.emplace_back(), /*allowType=*/true) ||
        parser.parseComma() ||
        parser.parseArgument(elements.emplace_back(), /*allowType=*/true) ||
        parser.parseRParen())
      return failure();
  }
  SmallVector<OpAsmParser::Argument> arguments(accumulators);
  arguments.append(elements);
  return parser.parseRegion(*body, arguments);
}

//===----------------------------------------------------------------------===//
// WhileOp
//===----------------------------------------------------------------------===//

void WhileOp::print(OpAsmPrinter &printer) {
  Block &body = getBody().front();
  printer << '(';
  llvm::interleaveComma(llvm::zip(body.getArguments(), getOperand()), printer,
                        [&](auto pair) {
                          printer << std::get<0>(pair) << " = "
                                  << std::get<1>(pair);
                        });
  printer << ')';
  if (!getOperand().empty()) {
    printer << " : ";
    llvm::interleaveComma(getOperand().getTypes(), printer);
  }
  printer.printOptionalAttrDictWithKeyword((*this)->getAttrs());
  printer.printNewline();
  printer << "cond ";
  printer.printRegion(getCond(), /*printEntryBlockArgs=*/false);
  printer << " do ";
  printer.printRegion(getBody(), /*printEntryBlockArgs=*/false);
}

ParseResult WhileOp::parse(OpAsmParser &parser, OperationState &result) {
  SMLoc loc = parser.getCurrentLocation();
  SmallVector<OpAsmParser::UnresolvedOperand> operands;
  SmallVector<OpAsmParser::Argument> iterArgs;
  if (parser.parseCommaSeparatedList(AsmParser::Delimiter::Paren, [&] {
        return failure(parser.parseArgument(iterArgs.emplace_back()) ||
                       parser.parseEqual() ||
                       parser.parseOperand(operands.emplace_back()));
      }))
    return failure();
  SmallVector<Type> types;
  if (!operands.empty() &&
      (parser.parseColon() || parser.parseTypeList(types)))
    return failure();
  if (types.size() != operands.size())
    return parser.emitError(loc) << "expected " << operands.size()
                                 << " types, got " << types.size();
  for (auto [arg, type] : llvm::zip(iterArgs, types))
    arg.type = type;
  result.addTypes(types);
  if (parser.resolveOperands(operands, types, loc, result.operands) ||
      parser.parseOptionalAttrDictWithKeyword(result.attributes) ||
      parser.parseKeyword("cond") ||
      parser.parseRegion(*result.addRegion(), iterArgs) ||
      parser.parseKeyword("do") ||
      parser.parseRegion(*result.addRegion(), iterArgs))
    return failure();
  return success();
}

#define GET_OP_CLASSES
#include "kiln/Dialect/StableHLO/IR/StableHLOOps.cpp.inc"

//===----------------------------------------------------------------------===//
// ConvolutionOp
//===----------------------------------------------------------------------===//

/// `[b, f, 0, 1]`: the position of `first`, `second` and each spatial
/// dimension in order, as `[pos(first), pos(second), pos(0), pos(1), ...]`.
static ParseResult parseConvLayout(OpAsmParser &parser, StringRef first,
                                   StringRef second,
                                   SmallVectorImpl<int64_t> &dims) {
  SmallVector<int64_t> spatial;
  int64_t firstPos = -1, secondPos = -1, position = 0;
  SMLoc loc = parser.getCurrentLocation();
  if (parser.parseCommaSeparatedList(
          AsmParser::Delimiter::Square, [&]() -> ParseResult {
            int64_t index;
            OptionalParseResult integer = parser.parseOptionalInteger(index);
            if (integer.has_value()) {
              if (failed(*integer))
                return failure();
              if (index < 0)
                return parser.emitError(parser.getCurrentLocation(),
                                        "negative spatial dimension");
              if (static_cast<int64_t>(spatial.size()) <= index)
                spatial.resize(index + 1, -1);
              spatial[index] = position++;
              return success();
            }
            StringRef name;
            if (parser.parseKeyword(&name))
              return failure();
            if (name == first)
              firstPos = position++;
            else if (name == second)
              secondPos = position++;
            else
              return parser.emitError(parser.getCurrentLocation())
                     << "expected '" << first << "', '" << second
                     << "' or a spatial dimension, got '" << name << "'";
            return success();
          }))
    return failure();
  if (firstPos < 0 || secondPos < 0 || llvm::is_contained(spatial, -1))
    return parser.emitError(loc) << "incomplete convolution layout";
  dims.push_back(firstPos);
  dims.push_back(secondPos);
  llvm::append_range(dims, spatial);
  return success();
}

static void printConvLayout(OpAsmPrinter &printer, StringRef first,
                            StringRef second, ArrayRef<int64_t> dims) {
  SmallVector<std::string> names(dims.size());
  names[dims[0]] = first.str();
  names[dims[1]] = second.str();
  for (size_t i = 2; i < dims.size(); ++i)
    names[dims[i]] = std::to_string(i - 2);
  printer << "[";
  llvm::interleaveComma(names, printer);
  printer << "]";
}

ParseResult ConvolutionOp::parse(OpAsmParser &parser, OperationState &result) {
  SmallVector<OpAsmParser::UnresolvedOperand, 2> operands;
  SMLoc operandsLoc = parser.getCurrentLocation();
  SmallVector<int64_t> inputDims, kernelDims, outputDims;
  if (parser.parseOperandList(operands, AsmParser::Delimiter::Paren) ||
      parser.parseKeyword("dim_numbers") || parser.parseEqual() ||
      parseConvLayout(parser, "b", "f", inputDims) ||
      parser.parseKeyword("x") ||
      parseConvLayout(parser, "o", "i", kernelDims) || parser.parseArrow() ||
      parseConvLayout(parser, "b", "f", outputDims))
    return failure();
  Builder &b = parser.getBuilder();
  result.addAttribute("input_dims", b.getDenseI64ArrayAttr(inputDims));
  result.addAttribute("kernel_dims", b.getDenseI64ArrayAttr(kernelDims));
  result.addAttribute("output_dims", b.getDenseI64ArrayAttr(outputDims));
  if (succeeded(parser.parseOptionalComma())) {
    if (parser.parseKeyword("window") || parser.parseEqual() ||
        parser.parseLBrace())
      return failure();
    auto intList = [&](SmallVectorImpl<int64_t> &values) {
      return parser.parseCommaSeparatedList(
          AsmParser::Delimiter::Square,
          [&]() { return parser.parseInteger(values.emplace_back()); });
    };
    bool first = true;
    while (failed(parser.parseOptionalRBrace())) {
      if (!first && parser.parseComma())
        return failure();
      first = false;
      StringRef key;
      SMLoc keyLoc = parser.getCurrentLocation();
      if (parser.parseKeyword(&key) || parser.parseEqual())
        return failure();
      SmallVector<int64_t> values;
      if (key == "pad") {
        if (parser.parseCommaSeparatedList(
                AsmParser::Delimiter::Square,
                [&]() { return intList(values); }))
          return failure();
        result.addAttribute("padding", b.getDenseI64ArrayAttr(values));
      } else if (key == "reverse") {
        SmallVector<bool> flags;
        if (parser.parseCommaSeparatedList(
                AsmParser::Delimiter::Square, [&]() -> ParseResult {
                  if (succeeded(parser.parseOptionalKeyword("true")))
                    flags.push_back(true);
                  else if (succeeded(parser.parseOptionalKeyword("false")))
                    flags.push_back(false);
                  else
                    return parser.emitError(parser.getCurrentLocation(),
                                            "expected true or false");
                  return success();
                }))
          return failure();
        result.addAttribute("window_reversal", b.getDenseBoolArrayAttr(flags));
      } else {
        StringRef name = llvm::StringSwitch<StringRef>(key)
                             .Case("stride", "window_strides")
                             .Case("lhs_dilate", "lhs_dilation")
                             .Case("rhs_dilate", "rhs_dilation")
                             .Default("");
        if (name.empty())
          return parser.emitError(keyLoc) << "unknown window field '" << key
                                          << "'";
        if (intList(values))
          return failure();
        result.addAttribute(name, b.getDenseI64ArrayAttr(values));
      }
    }
  }
  FunctionType type;
  if (parser.parseOptionalAttrDict(result.attributes) ||
      parser.parseColonType(type) ||
      parser.resolveOperands(operands, type.getInputs(), operandsLoc,
                             result.operands))
    return failure();
  result.addTypes(type.getResults());
  return success();
}

void ConvolutionOp::print(OpAsmPrinter &printer) {
  printer << "(" << getLhs() << ", " << getRhs() << ") dim_numbers = ";
  printConvLayout(printer, "b", "f", getInputDims());
  printer << "x";
  printConvLayout(printer, "o", "i", getKernelDims());
  printer << "->";
  printConvLayout(printer, "b", "f", getOutputDims());
  SmallVector<std::string> fields;
  auto list = [](ArrayRef<int64_t> values) {
    std::string text;
    llvm::raw_string_ostream os(text);
    os << "[";
    llvm::interleaveComma(values, os);
    os << "]";
    return text;
  };
  if (auto strides = getWindowStrides())
    fields.push_back("stride = " + list(*strides));
  if (auto padding = getPadding()) {
    std::string text = "pad = [";
    for (size_t i = 0; i < padding->size(); i += 2)
      text += (i ? ", " : "") + list(padding->slice(i, 2));
    fields.push_back(text + "]");
  }
  if (auto dilation = getLhsDilation())
    fields.push_back("lhs_dilate = " + list(*dilation));
  if (auto dilation = getRhsDilation())
    fields.push_back("rhs_dilate = " + list(*dilation));
  if (auto reversal = getWindowReversal()) {
    std::string text = "reverse = [";
    for (auto [i, flag] : llvm::enumerate(*reversal))
      text += std::string(i ? ", " : "") + (flag ? "true" : "false");
    fields.push_back(text + "]");
  }
  if (!fields.empty()) {
    printer << ", window = {";
    llvm::interleaveComma(fields, printer);
    printer << "}";
  }
  printer.printOptionalAttrDict(
      (*this)->getAttrs(),
      {"input_dims", "kernel_dims", "output_dims", "window_strides", "padding",
       "lhs_dilation", "rhs_dilation", "window_reversal"});
  printer << " : ";
  printer.printFunctionalType(*this);
}
