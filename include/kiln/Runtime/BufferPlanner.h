//===- BufferPlanner.h - Arena offsets for intermediate buffers -*- C++ -*-===//
//
// Assigns each intermediate buffer an offset in one arena so that buffers
// whose lifetimes overlap never share bytes, and buffers that are dead reuse
// the space of earlier ones. The compiler plans static engines with it; the
// runtime plans again when an execution context binds new input shapes.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_RUNTIME_BUFFERPLANNER_H
#define KILN_RUNTIME_BUFFERPLANNER_H

#include <cstdint>
#include <vector>

namespace kiln {

struct EnginePlan;

/// A buffer that lives from the step that writes it (`firstStep`) to the last
/// step that reads it (`lastStep`, inclusive). Two buffers conflict when their
/// closed intervals intersect, so a step's result never aliases its operands.
struct BufferLifetime {
  int64_t byteSize = 0;
  int64_t firstStep = 0;
  int64_t lastStep = 0;
};

struct ArenaPlan {
  std::vector<int64_t> offsets; // one per lifetime, aligned to `alignment`
  int64_t arenaSize = 0;
};

/// Greedy first-fit over buffers sorted by decreasing size.
ArenaPlan planArena(const std::vector<BufferLifetime> &buffers,
                    int64_t alignment = 64);

/// Plans the Arena buffers of `plan` given every buffer's concrete shape
/// (`shapes[id]`). A buffer lives from the step that writes it to the last
/// step that reads it; outputs live past the last step. A buffer whose shape
/// still has a kDynamicDim (a region value sized each time its region runs)
/// is left out. Returns one offset per buffer id (0 for non-arena and
/// left-out buffers) and the arena size.
ArenaPlan planEngineArena(const EnginePlan &plan,
                          const std::vector<std::vector<int64_t>> &shapes);

} // namespace kiln

#endif // KILN_RUNTIME_BUFFERPLANNER_H
