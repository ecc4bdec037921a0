//===- Normalization.cpp - batch_norm_inference ---------------------------===//
//
// Part of Kiln. `stablehlo.batch_norm_inference`. Not yet.
//
//===----------------------------------------------------------------------===//

#include "Common.h"

using namespace kiln::stablehlo_to_tensorrt;

static bool owns(Operation *) { return false; }

static std::optional<std::string> problem(Operation *) { return std::nullopt; }

static void populate(RewritePatternSet &) {}

const Family kiln::stablehlo_to_tensorrt::kNormalizationFamily = {
    "normalization", owns, problem, populate};
