//===- Annotation.cpp - sharding and other annotations --------------------===//
//
// Part of Kiln. Ops that only annotate a program for other compilers
// (Shardy's `sdy` ops, sharding custom calls): dropped. None yet.
//
//===----------------------------------------------------------------------===//

#include "Common.h"

using namespace kiln::stablehlo_to_tensorrt;

static bool owns(Operation *) { return false; }

static std::optional<std::string> problem(Operation *) { return std::nullopt; }

static void populate(RewritePatternSet &) {}

const Family kiln::stablehlo_to_tensorrt::kAnnotationFamily = {
    "annotation", owns, problem, populate};
