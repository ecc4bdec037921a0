//===- ShapeUtils.h - shape arithmetic for `tensorrt` ops -------*- C++ -*-===//
//
// Part of Kiln. Helpers shared by the verifiers and the result type inference
// of the `tensorrt` dialect. Shapes use ShapedType::kDynamic for `?`.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_LIB_DIALECT_TENSORRT_IR_SHAPEUTILS_H
#define KILN_LIB_DIALECT_TENSORRT_IR_SHAPEUTILS_H

#include "kiln/Dialect/Namespace.h"

#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Diagnostics.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"

#include <optional>
#include <string>

namespace kiln::tensorrt {
namespace shape {

/// Produces the diagnostic a failed check streams its message into. It may
/// return an inactive diagnostic when the caller only wants the answer.
using ErrorFn = llvm::function_ref<InFlightDiagnostic()>;

/// An emitter that reports at `loc` as if from `opName`'s verifier, or an
/// inactive one when `loc` is absent.
InFlightDiagnostic emitAt(std::optional<Location> loc, llvm::StringRef opName);

/// True when the two sizes could be equal at run time.
inline bool dimsCompatible(int64_t a, int64_t b) {
  return a == b || ShapedType::isDynamic(a) || ShapedType::isDynamic(b);
}

/// True when the shapes have equal rank and compatible sizes.
bool shapesCompatible(ArrayRef<int64_t> a, ArrayRef<int64_t> b);

/// `4x?x8`, or `scalar` for rank 0.
std::string format(ArrayRef<int64_t> shape);

/// Size of one dimension after broadcasting two sizes against each other,
/// or std::nullopt when both are known, differ and neither is 1.
std::optional<int64_t> broadcastDim(int64_t a, int64_t b);

/// Broadcast shape of equal-rank shapes. Reports the first dimension that
/// cannot broadcast, naming the operands `names`.
FailureOr<SmallVector<int64_t>>
broadcastShapes(ArrayRef<ArrayRef<int64_t>> shapes,
                ArrayRef<llvm::StringRef> names, ErrorFn emitError);

/// True when `small` is `big` with some dimensions removed, each removed
/// dimension being known to be 1, and the kept dimensions compatible.
bool isUnitDimRemoval(ArrayRef<int64_t> big, ArrayRef<int64_t> small);

/// True when `perm` lists each of 0..perm.size()-1 exactly once.
bool isPermutation(ArrayRef<int64_t> perm);

/// Product of the sizes, or std::nullopt when one is unknown.
std::optional<int64_t> volume(ArrayRef<int64_t> shape);

} // namespace shape
} // namespace kiln::tensorrt

#endif // KILN_LIB_DIALECT_TENSORRT_IR_SHAPEUTILS_H
