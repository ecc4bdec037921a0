//===- BufferPlanner.cpp - Arena offsets for intermediate buffers ---------===//
#include "kiln/Runtime/BufferPlanner.h"

#include "kiln/Runtime/EnginePlan.h"

#include <algorithm>
#include <numeric>

namespace kiln {

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

/// Every buffer id read or written inside the regions of `step`, nested
/// regions included.
static void collectRegionBuffers(const StepDesc &step,
                                 std::vector<int32_t> &ids) {
  for (const RegionDesc &region : step.regions) {
    ids.insert(ids.end(), region.arguments.begin(), region.arguments.end());
    ids.insert(ids.end(), region.yields.begin(), region.yields.end());
    for (const StepDesc &inner : region.steps) {
      ids.insert(ids.end(), inner.operands.begin(), inner.operands.end());
      ids.insert(ids.end(), inner.results.begin(), inner.results.end());
      collectRegionBuffers(inner, ids);
    }
  }
}

ArenaPlan planEngineArena(const EnginePlan &plan,
                          const std::vector<std::vector<int64_t>> &shapes) {
  const int64_t end = static_cast<int64_t>(plan.steps.size());
  std::vector<int64_t> firstStep(plan.buffers.size(), 0);
  std::vector<int64_t> lastStep(plan.buffers.size(), -1);
  std::vector<bool> defined(plan.buffers.size(), false);
  for (int64_t s = 0; s < end; ++s) {
    for (int32_t id : plan.steps[s].operands)
      lastStep[id] = std::max(lastStep[id], s);
    for (int32_t id : plan.steps[s].results) {
      firstStep[id] = s;
      lastStep[id] = std::max(lastStep[id], s);
      defined[id] = true;
    }
    // Every buffer a region touches lives for the whole parent step: region
    // steps run many times (loops) in an order the planner does not model.
    std::vector<int32_t> inner;
    collectRegionBuffers(plan.steps[s], inner);
    for (int32_t id : inner) {
      if (!defined[id]) {
        firstStep[id] = s;
        defined[id] = true;
      }
      lastStep[id] = std::max(lastStep[id], s);
    }
  }
  for (const IOBinding &output : plan.outputs)
    lastStep[output.buffer] = end;

  std::vector<size_t> ids;
  std::vector<BufferLifetime> lifetimes;
  for (size_t id = 0; id < plan.buffers.size(); ++id) {
    if (plan.buffers[id].kind != BufferKind::Arena)
      continue;
    // Sized at run time, outside the arena.
    if (std::find(shapes[id].begin(), shapes[id].end(), kDynamicDim) !=
        shapes[id].end())
      continue;
    int64_t count = 1;
    for (int64_t dim : shapes[id])
      count *= dim;
    int64_t bytes = dtypeByteSize(plan.buffers[id].dtype, count);
    ids.push_back(id);
    lifetimes.push_back({bytes, firstStep[id], lastStep[id]});
  }
  ArenaPlan packed = planArena(lifetimes);
  ArenaPlan result;
  result.offsets.assign(plan.buffers.size(), 0);
  for (size_t i = 0; i < ids.size(); ++i)
    result.offsets[ids[i]] = packed.offsets[i];
  result.arenaSize = packed.arenaSize;
  return result;
}

} // namespace kiln
