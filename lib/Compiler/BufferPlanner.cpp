//===- BufferPlanner.cpp - Arena offsets for intermediate buffers ---------===//
#include "kiln/Compiler/BufferPlanner.h"

#include <algorithm>
#include <numeric>

namespace kiln::compiler {

static int64_t alignUp(int64_t value, int64_t alignment) {
  return (value + alignment - 1) / alignment * alignment;
}

static bool livesOverlap(const BufferLifetime &a, const BufferLifetime &b) {
  return a.firstStep <= b.lastStep && b.firstStep <= a.lastStep;
}

ArenaPlan planArena(const std::vector<BufferLifetime> &buffers,
                    int64_t alignment) {
  ArenaPlan plan;
  plan.offsets.assign(buffers.size(), 0);

  // Placing large buffers first keeps first fit close to the peak of live
  // bytes; ties broken by index so the plan is deterministic.
  std::vector<size_t> order(buffers.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return buffers[a].byteSize > buffers[b].byteSize;
  });

  std::vector<size_t> placed;
  for (size_t index : order) {
    const BufferLifetime &buffer = buffers[index];
    int64_t size = alignUp(std::max<int64_t>(buffer.byteSize, 1), alignment);

    // Occupied ranges of already placed buffers that are alive at the same
    // time, sorted by offset; take the first gap that fits.
    std::vector<std::pair<int64_t, int64_t>> busy;
    for (size_t other : placed) {
      if (!livesOverlap(buffer, buffers[other]))
        continue;
      int64_t otherSize =
          alignUp(std::max<int64_t>(buffers[other].byteSize, 1), alignment);
      busy.emplace_back(plan.offsets[other], plan.offsets[other] + otherSize);
    }
    std::sort(busy.begin(), busy.end());

    int64_t offset = 0;
    for (const auto &[begin, end] : busy) {
      if (offset + size <= begin)
        break;
      offset = std::max(offset, end);
    }
    plan.offsets[index] = offset;
    plan.arenaSize = std::max(plan.arenaSize, offset + size);
    placed.push_back(index);
  }
  return plan;
}

} // namespace kiln::compiler
