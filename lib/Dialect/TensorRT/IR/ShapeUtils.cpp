//===- ShapeUtils.cpp - shape arithmetic for `tensorrt` ops ---------------===//
//
// Part of Kiln.
//
//===----------------------------------------------------------------------===//

#include "ShapeUtils.h"

#include "mlir/IR/Location.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;
using namespace kiln::tensorrt;

InFlightDiagnostic shape::emitAt(std::optional<Location> loc,
                                 llvm::StringRef opName) {
  if (!loc)
    return InFlightDiagnostic();
  InFlightDiagnostic diag = mlir::emitError(*loc);
  diag << "'" << opName << "' op ";
  return diag;
}

bool shape::shapesCompatible(ArrayRef<int64_t> a, ArrayRef<int64_t> b) {
  if (a.size() != b.size())
    return false;
  return llvm::all_of(llvm::zip_equal(a, b), [](auto pair) {
    return dimsCompatible(std::get<0>(pair), std::get<1>(pair));
  });
}

std::string shape::format(ArrayRef<int64_t> shape) {
  if (shape.empty())
    return "scalar";
  std::string text;
  llvm::raw_string_ostream os(text);
  llvm::interleave(
      shape, os,
      [&](int64_t dim) {
        if (ShapedType::isDynamic(dim))
          os << '?';
        else
          os << dim;
      },
      "x");
  return text;
}

std::optional<int64_t> shape::broadcastDim(int64_t a, int64_t b) {
  if (a == b)
    return a;
  if (a == 1)
    return b;
  if (b == 1)
    return a;
  // An unknown size against a known size other than 1 can only be 1 or that
  // size; either way the result is the known size.
  if (ShapedType::isDynamic(a))
    return b;
  if (ShapedType::isDynamic(b))
    return a;
  return std::nullopt;
}

FailureOr<SmallVector<int64_t>>
shape::broadcastShapes(ArrayRef<ArrayRef<int64_t>> shapes,
                       ArrayRef<llvm::StringRef> names, ErrorFn emitError) {
  assert(!shapes.empty() && shapes.size() == names.size());
  SmallVector<int64_t> result(shapes.front());
  for (size_t i = 1; i < shapes.size(); ++i) {
    if (shapes[i].size() != result.size()) {
      emitError() << "expected " << names[i] << " to have rank "
                  << result.size() << ", got " << shapes[i].size();
      return failure();
    }
    for (size_t d = 0; d < result.size(); ++d) {
      std::optional<int64_t> dim = broadcastDim(result[d], shapes[i][d]);
      if (!dim) {
        InFlightDiagnostic diag = emitError();
        diag << "expected dimension " << d << " of " << names[i] << " ("
             << shapes[i][d] << ") to broadcast with size " << result[d]
             << " of ";
        llvm::interleave(names.take_front(i), diag, ", ");
        return failure();
      }
      result[d] = *dim;
    }
  }
  return result;
}

bool shape::isUnitDimRemoval(ArrayRef<int64_t> big, ArrayRef<int64_t> small) {
  // reachable[i][j]: big[i:] can be reduced to small[j:].
  size_t n = big.size(), m = small.size();
  if (m > n)
    return false;
  SmallVector<SmallVector<bool>> reachable(n + 1, SmallVector<bool>(m + 1));
  reachable[n][m] = true;
  for (size_t i = n; i-- > 0;) {
    for (size_t j = m + 1; j-- > 0;) {
      bool dropHere = big[i] == 1 && reachable[i + 1][j];
      bool keepHere =
          j < m && dimsCompatible(big[i], small[j]) && reachable[i + 1][j + 1];
      reachable[i][j] = dropHere || keepHere;
    }
  }
  return reachable[0][0];
}

bool shape::isPermutation(ArrayRef<int64_t> perm) {
  SmallVector<bool> seen(perm.size(), false);
  for (int64_t p : perm) {
    if (p < 0 || p >= static_cast<int64_t>(perm.size()) || seen[p])
      return false;
    seen[p] = true;
  }
  return true;
}

std::optional<int64_t> shape::volume(ArrayRef<int64_t> shape) {
  int64_t product = 1;
  for (int64_t dim : shape) {
    if (ShapedType::isDynamic(dim))
      return std::nullopt;
    product *= dim;
  }
  return product;
}
