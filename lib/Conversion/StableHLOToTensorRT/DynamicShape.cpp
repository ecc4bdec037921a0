//===- DynamicShape.cpp - dynamic-shape ops -------------------------------===//
//
// Part of Kiln. The shape ops of programs with dynamic dimensions
// (get_dimension_size and the dynamic_* ops). None yet.
//
//===----------------------------------------------------------------------===//

#include "Common.h"

using namespace kiln::stablehlo_to_tensorrt;

static bool owns(Operation *) { return false; }

static std::optional<std::string> problem(Operation *) { return std::nullopt; }

static void populate(RewritePatternSet &) {}

const Family kiln::stablehlo_to_tensorrt::kDynamicShapeFamily = {
    "dynamic shape", owns, problem, populate};
