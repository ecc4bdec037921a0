//===- BufferPlanner.h - Arena offsets for intermediate buffers -*- C++ -*-===//
//
// Assigns each intermediate buffer an offset in one arena so that buffers
// whose lifetimes overlap never share bytes, and buffers that are dead reuse
// the space of earlier ones. Plain C++ (no MLIR) so it can be tested alone.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_COMPILER_BUFFERPLANNER_H
#define KILN_COMPILER_BUFFERPLANNER_H

#include <cstdint>
#include <vector>

namespace kiln::compiler {

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

} // namespace kiln::compiler

#endif // KILN_COMPILER_BUFFERPLANNER_H
