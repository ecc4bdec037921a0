//===- ReductionOps.cpp - top-k, argmin/argmax and einsum -----------------===//
//
// Part of Kiln. Verifiers and result type inference of the ops declared in
// Ops/Reduction.td. As elsewhere in the dialect, one function per op checks
// the operands and computes the result shape, for both the verifier and
// type inference.
//
//===----------------------------------------------------------------------===//

#include "kiln/Dialect/TensorRT/IR/TensorRT.h"

#include "OpUtils.h"
#include "ShapeUtils.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"

#include <array>

using namespace mlir;
using namespace kiln::tensorrt;
using shape::ErrorFn;

/// Like verifyResultTypeIsInferred, for ops with several results.
template <typename OpTy>
static LogicalResult verifyResultTypesAreInferred(OpTy op) {
  SmallVector<Type, 2> inferred;
  if (failed(OpTy::inferReturnTypes(
          op->getContext(), op->getLoc(), op->getOperands(),
          op->getRawDictionaryAttrs(), op->getPropertiesStorage(),
          op->getRegions(), inferred)))
    return failure();
  if (OpTy::isCompatibleReturnTypes(inferred, op->getResultTypes()))
    return success();
  InFlightDiagnostic diag = op.emitOpError("expected result types ");
  llvm::interleaveComma(inferred, diag);
  diag << " (inferred from the operands), got ";
  llvm::interleaveComma(op->getResultTypes(), diag);
  return diag;
}

//===----------------------------------------------------------------------===//
// TopKOp, ArgMinOp, ArgMaxOp
//===----------------------------------------------------------------------===//

/// Shape of both results of a top-k along `axis`.
static FailureOr<SmallVector<int64_t>>
topKShape(RankedTensorType input, int64_t k, int64_t axis, ErrorFn err) {
  int64_t rank = input.getRank();
  if (axis < 0 || axis >= rank) {
    err() << "expected axis to be in [0, " << rank << "), got " << axis;
    return failure();
  }
  if (k < 1 || k > TopKOp::kMaxK) {
    err() << "expected k to be in [1, " << TopKOp::kMaxK << "], got " << k;
    return failure();
  }
  int64_t size = input.getDimSize(axis);
  if (!ShapedType::isDynamic(size) && size < k) {
    err() << "expected k (" << k << ") to be at most the size of dimension "
          << axis << " (" << size << ")";
    return failure();
  }
  SmallVector<int64_t> result(input.getShape());
  result[axis] = k;
  return result;
}

/// Infers `values` (the input element type) and `indices` (i32).
static LogicalResult
inferTopKTypes(MLIRContext *ctx, Value input, int64_t k, int64_t axis,
               ErrorFn err, SmallVectorImpl<ShapedTypeComponents> &inferred) {
  auto inputType = dyn_cast<RankedTensorType>(input.getType());
  if (!inputType)
    return err() << "expected a ranked tensor input";
  FailureOr<SmallVector<int64_t>> resultShape =
      topKShape(inputType, k, axis, err);
  if (failed(resultShape))
    return failure();
  inferred.emplace_back(*resultShape, inputType.getElementType());
  inferred.emplace_back(*resultShape, IntegerType::get(ctx, 32));
  return success();
}

LogicalResult TopKOp::inferReturnTypeComponents(
    MLIRContext *ctx, std::optional<Location> loc, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferred) {
  return inferTopKTypes(ctx, adaptor.getInput(),
                        static_cast<int64_t>(adaptor.getK()),
                        static_cast<int64_t>(adaptor.getAxis()),
                        inferenceErrors<TopKOp>(loc), inferred);
}

LogicalResult TopKOp::verify() {
  if (failed(topKShape(getInput().getType(), static_cast<int64_t>(getK()),
                       static_cast<int64_t>(getAxis()),
                       [this] { return emitOpError(); })))
    return failure();
  return verifyResultTypesAreInferred(*this);
}

LogicalResult ArgMinOp::inferReturnTypeComponents(
    MLIRContext *ctx, std::optional<Location> loc, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferred) {
  return inferTopKTypes(ctx, adaptor.getInput(), /*k=*/1,
                        static_cast<int64_t>(adaptor.getAxis()),
                        inferenceErrors<ArgMinOp>(loc), inferred);
}

LogicalResult ArgMinOp::verify() {
  if (failed(topKShape(getInput().getType(), /*k=*/1,
                       static_cast<int64_t>(getAxis()),
                       [this] { return emitOpError(); })))
    return failure();
  return verifyResultTypesAreInferred(*this);
}

LogicalResult ArgMaxOp::inferReturnTypeComponents(
    MLIRContext *ctx, std::optional<Location> loc, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferred) {
  return inferTopKTypes(ctx, adaptor.getInput(), /*k=*/1,
                        static_cast<int64_t>(adaptor.getAxis()),
                        inferenceErrors<ArgMaxOp>(loc), inferred);
}

LogicalResult ArgMaxOp::verify() {
  if (failed(topKShape(getInput().getType(), /*k=*/1,
                       static_cast<int64_t>(getAxis()),
                       [this] { return emitOpError(); })))
    return failure();
  return verifyResultTypesAreInferred(*this);
}

//===----------------------------------------------------------------------===//
// EinsumOp
//===----------------------------------------------------------------------===//

namespace {
/// An einsum equation split into its terms, spaces removed.
struct EinsumEquation {
  SmallVector<std::string, 2> inputs;
  std::string output;
  bool explicitOutput = false;
};
} // namespace

static FailureOr<EinsumEquation> parseEinsumEquation(StringRef equation,
                                                     ErrorFn err) {
  if (equation.contains("...")) {
    err() << "expected an equation without ellipses (TensorRT does not "
             "support them), got \""
          << equation << "\"";
    return failure();
  }
  EinsumEquation parsed;
  StringRef inputs = equation;
  size_t arrow = equation.find("->");
  if (arrow != StringRef::npos) {
    inputs = equation.take_front(arrow);
    StringRef output = equation.drop_front(arrow + 2);
    if (output.contains("->")) {
      err() << "expected at most one '->' in equation \"" << equation << "\"";
      return failure();
    }
    parsed.explicitOutput = true;
    for (char c : output) {
      if (c == ' ')
        continue;
      if (c == ',') {
        err() << "expected a single result term after '->' in equation \""
              << equation << "\"";
        return failure();
      }
      parsed.output.push_back(c);
    }
  }
  SmallVector<StringRef> terms;
  inputs.split(terms, ',');
  for (StringRef term : terms) {
    std::string &labels = parsed.inputs.emplace_back();
    for (char c : term)
      if (c != ' ')
        labels.push_back(c);
  }
  auto isLabel = [](char c) { return c >= 'a' && c <= 'z'; };
  for (const std::string &term : parsed.inputs) {
    for (char c : term) {
      if (!isLabel(c)) {
        err() << "expected only lower-case letters, ',', ' ' and '->' in "
                 "equation \""
              << equation << "\", got '" << c << "'";
        return failure();
      }
    }
  }
  for (char c : parsed.output) {
    if (!isLabel(c)) {
      err() << "expected only lower-case letters in the result term of "
               "equation \""
            << equation << "\", got '" << c << "'";
      return failure();
    }
  }
  return parsed;
}

/// Checks the equation against the input types and returns the result
/// shape.
static FailureOr<SmallVector<int64_t>>
einsumShape(StringRef equation, TypeRange inputTypes, ErrorFn err) {
  if (inputTypes.empty() || inputTypes.size() > 2) {
    err() << "expected 1 or 2 inputs, got " << inputTypes.size();
    return failure();
  }
  FailureOr<EinsumEquation> parsed = parseEinsumEquation(equation, err);
  if (failed(parsed))
    return failure();
  if (parsed->inputs.size() != inputTypes.size()) {
    err() << "expected one equation term per input (" << inputTypes.size()
          << "), got " << parsed->inputs.size() << " in \"" << equation
          << "\"";
    return failure();
  }

  // Size of each letter so far, across the inputs.
  std::array<std::optional<int64_t>, 26> sizes;
  std::array<int, 26> uses{};
  Type elementType;
  for (auto [index, it] :
       llvm::enumerate(llvm::zip(parsed->inputs, inputTypes))) {
    auto [term, type] = it;
    auto ranked = dyn_cast<RankedTensorType>(type);
    if (!ranked) {
      err() << "expected ranked tensor inputs";
      return failure();
    }
    if (!elementType)
      elementType = ranked.getElementType();
    else if (ranked.getElementType() != elementType) {
      err() << "expected inputs of one element type, got " << elementType
            << " and " << ranked.getElementType();
      return failure();
    }
    if (static_cast<int64_t>(term.size()) != ranked.getRank()) {
      err() << "expected term \"" << term << "\" of input " << index
            << " to label its " << ranked.getRank() << " dimensions, got "
            << term.size() << " labels";
      return failure();
    }
    // Within one term a repeated letter takes the diagonal, so the sizes
    // must agree exactly; across inputs a size of 1 broadcasts.
    std::array<std::optional<int64_t>, 26> inTerm;
    for (auto [dim, label] : llvm::enumerate(term)) {
      int64_t size = ranked.getDimSize(dim);
      std::optional<int64_t> &local = inTerm[label - 'a'];
      if (local && !shape::dimsCompatible(*local, size)) {
        err() << "expected dimensions labeled '" << label << "' in input "
              << index << " to have equal sizes, got " << *local << " and "
              << size;
        return failure();
      }
      if (!local || ShapedType::isDynamic(*local))
        local = size;
      ++uses[label - 'a'];
    }
    for (int letter = 0; letter < 26; ++letter) {
      if (!inTerm[letter])
        continue;
      std::optional<int64_t> &known = sizes[letter];
      if (!known) {
        known = inTerm[letter];
        continue;
      }
      std::optional<int64_t> merged =
          shape::broadcastDim(*known, *inTerm[letter]);
      if (!merged) {
        err() << "expected dimensions labeled '" << char('a' + letter)
              << "' to have equal sizes or size 1, got " << *known << " and "
              << *inTerm[letter];
        return failure();
      }
      known = merged;
    }
  }

  std::string output = parsed->output;
  if (!parsed->explicitOutput) {
    for (int letter = 0; letter < 26; ++letter)
      if (uses[letter] == 1)
        output.push_back(char('a' + letter));
  }
  SmallVector<int64_t> result;
  std::array<bool, 26> inOutput{};
  for (char label : output) {
    if (inOutput[label - 'a']) {
      err() << "expected letter '" << label
            << "' at most once in the result term of \"" << equation << "\"";
      return failure();
    }
    inOutput[label - 'a'] = true;
    if (!sizes[label - 'a']) {
      err() << "expected result letter '" << label
            << "' to label an input dimension in \"" << equation << "\"";
      return failure();
    }
    result.push_back(*sizes[label - 'a']);
  }
  return result;
}

LogicalResult EinsumOp::inferReturnTypeComponents(
    MLIRContext *, std::optional<Location> loc, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferred) {
  SmallVector<Type> types(adaptor.getInputs().getTypes());
  FailureOr<SmallVector<int64_t>> resultShape = einsumShape(
      adaptor.getEquation(), types, inferenceErrors<EinsumOp>(loc));
  if (failed(resultShape))
    return failure();
  inferred.emplace_back(*resultShape,
                        cast<ShapedType>(types.front()).getElementType());
  return success();
}

LogicalResult EinsumOp::verify() {
  if (failed(einsumShape(getEquation(), getInputs().getTypes(),
                         [this] { return emitOpError(); })))
    return failure();
  return verifyResultTypeIsInferred(*this);
}
