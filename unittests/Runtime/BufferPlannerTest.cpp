//===- BufferPlannerTest.cpp - Arena planning -----------------------------===//
#include "kiln/Runtime/BufferPlanner.h"

#include <gtest/gtest.h>

using kiln::ArenaPlan;
using kiln::BufferLifetime;
using kiln::planArena;

namespace {

bool overlapInMemory(const ArenaPlan &plan, const std::vector<BufferLifetime> &b,
                     size_t i, size_t j) {
  int64_t endI = plan.offsets[i] + b[i].byteSize;
  int64_t endJ = plan.offsets[j] + b[j].byteSize;
  return plan.offsets[i] < endJ && plan.offsets[j] < endI;
}

bool overlapInTime(const BufferLifetime &a, const BufferLifetime &b) {
  return a.firstStep <= b.lastStep && b.firstStep <= a.lastStep;
}

/// The one property that matters: buffers alive at the same time never share
/// bytes. Checked for every pair.
void expectNoConflicts(const std::vector<BufferLifetime> &buffers,
                       const ArenaPlan &plan) {
  for (size_t i = 0; i < buffers.size(); ++i) {
    EXPECT_EQ(plan.offsets[i] % 64, 0) << "buffer " << i << " misaligned";
    EXPECT_LE(plan.offsets[i] + buffers[i].byteSize, plan.arenaSize);
    for (size_t j = i + 1; j < buffers.size(); ++j)
      if (overlapInTime(buffers[i], buffers[j]) && buffers[i].byteSize &&
          buffers[j].byteSize)
        EXPECT_FALSE(overlapInMemory(plan, buffers, i, j))
            << "buffers " << i << " and " << j << " are alive together";
  }
}

TEST(BufferPlanner, ChainReusesDeadBuffers) {
  // step k reads buffer k-1 and writes buffer k.
  std::vector<BufferLifetime> chain;
  for (int k = 0; k < 6; ++k)
    chain.push_back({256, k, k + 1});
  ArenaPlan plan = planArena(chain);
  expectNoConflicts(chain, plan);
  EXPECT_EQ(plan.arenaSize, 512); // two alive at once
}

TEST(BufferPlanner, SimultaneouslyLiveBuffersGetDisjointRanges) {
  std::vector<BufferLifetime> buffers = {{100, 0, 5}, {200, 1, 5}, {300, 2, 5}};
  ArenaPlan plan = planArena(buffers);
  expectNoConflicts(buffers, plan);
  EXPECT_EQ(plan.arenaSize, 128 + 256 + 320);
}

TEST(BufferPlanner, ResultNeverAliasesOperandOfSameStep) {
  // Buffer 0 is last read by step 1, which writes buffer 1.
  std::vector<BufferLifetime> buffers = {{64, 0, 1}, {64, 1, 2}};
  ArenaPlan plan = planArena(buffers);
  EXPECT_NE(plan.offsets[0], plan.offsets[1]);
}

TEST(BufferPlanner, SmallBufferFillsGapLeftByDeadLargeOne) {
  std::vector<BufferLifetime> buffers = {
      {1024, 0, 1}, // dies after step 1
      {64, 0, 4},   // lives throughout
      {512, 2, 3},  // can reuse the first buffer's bytes
  };
  ArenaPlan plan = planArena(buffers);
  expectNoConflicts(buffers, plan);
  EXPECT_EQ(plan.offsets[2], plan.offsets[0]);
  EXPECT_EQ(plan.arenaSize, 1024 + 64);
}

TEST(BufferPlanner, RandomLifetimesNeverConflict) {
  uint32_t state = 12345;
  auto next = [&] { return state = state * 1664525u + 1013904223u; };
  for (int trial = 0; trial < 50; ++trial) {
    std::vector<BufferLifetime> buffers;
    for (int i = 0; i < 30; ++i) {
      int64_t first = next() % 20;
      buffers.push_back({int64_t(next() % 5000), first, first + next() % 8});
    }
    expectNoConflicts(buffers, planArena(buffers));
  }
}

TEST(BufferPlanner, EmptyInputGivesEmptyArena) {
  ArenaPlan plan = planArena({});
  EXPECT_EQ(plan.arenaSize, 0);
  EXPECT_TRUE(plan.offsets.empty());
}

} // namespace
