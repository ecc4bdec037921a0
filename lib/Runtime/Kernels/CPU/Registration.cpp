//===- Registration.cpp - The CPU backend's kernels in the registry -------===//
//
// Each kernel decodes its step's attributes once, when the engine is created,
// and says through its `supports` predicate which steps it takes (element
// types, the forms its fast path handles), so that a tactic choice can fall
// back to the reference kernel for the others. A matrix_multiply whose rhs is
// a constant shared by all batches packs it once, at engine creation.
//
//===----------------------------------------------------------------------===//
#include "Kernels.h"

#include "kiln/Runtime/Error.h"
#include "kiln/Runtime/KernelRegistry.h"

#include <optional>

namespace kiln {
namespace {

using namespace cpu;

bool counts(const KernelSpec &spec, size_t minOperands, size_t maxOperands,
            size_t results) {
  return spec.operands.size() >= minOperands &&
         spec.operands.size() <= maxOperands && spec.results.size() == results;
}

std::optional<MatrixMode> parseMode(const StepDesc &step, const char *name) {
  auto it = step.attrs.find(name);
  if (it == step.attrs.end())
    return MatrixMode::None;
  const auto *value = std::get_if<std::string>(&it->second);
  if (!value)
    return std::nullopt;
  if (*value == "kNONE")
    return MatrixMode::None;
  if (*value == "kTRANSPOSE")
    return MatrixMode::Transpose;
  if (*value == "kVECTOR")
    return MatrixMode::Vector;
  return std::nullopt;
}

MatrixMode requireMode(const StepDesc &step, const char *name) {
  std::optional<MatrixMode> mode = parseMode(step, name);
  if (!mode)
    fail("attribute '", name, "' must be kNONE, kTRANSPOSE or kVECTOR");
  return *mode;
}

//===----------------------------------------------------------------------===//
// matrix_multiply
//===----------------------------------------------------------------------===//

class MatrixMultiplyKernel final : public Kernel {
public:
  explicit MatrixMultiplyKernel(const KernelSpec &spec)
      : lhsMode_(requireMode(spec.step, "op0")),
        rhsMode_(requireMode(spec.step, "op1")), isa_(bestIsa()) {
    if (spec.operands.size() == 2 && spec.operands[1].data)
      prepacked_ = packMatrixMultiplyRhs(spec.operands[1], rhsMode_, isa_,
                                         packed_);
  }

  static bool supports(const KernelSpec &spec) {
    return counts(spec, 2, 2, 1) && parseMode(spec.step, "op0") &&
           parseMode(spec.step, "op1") &&
           matrixMultiplySupports(spec.operands[0].dtype,
                                  spec.operands[1].dtype,
                                  spec.results[0].dtype);
  }

  void run(const KernelContext &ctx) const override {
    matrixMultiply(ctx.operands[0], lhsMode_, ctx.operands[1], rhsMode_,
                   ctx.results[0], {}, ctx.threads, isa_,
                   prepacked_ ? &packed_ : nullptr);
  }

private:
  MatrixMode lhsMode_, rhsMode_;
  Isa isa_;
  bool prepacked_ = false;
  PackedRhs packed_;
};

//===----------------------------------------------------------------------===//
// softmax
//===----------------------------------------------------------------------===//

class SoftmaxKernel final : public Kernel {
public:
  explicit SoftmaxKernel(const KernelSpec &spec)
      : axis_(getIntAttr(spec.step, "axis")), isa_(bestIsa()) {}

  static bool supports(const KernelSpec &spec) {
    return counts(spec, 1, 1, 1) &&
           softmaxSupports(spec.operands[0].dtype, spec.results[0].dtype);
  }

  void run(const KernelContext &ctx) const override {
    softmax(ctx.operands[0], axis_, ctx.results[0], ctx.threads, isa_);
  }

private:
  int64_t axis_;
  Isa isa_;
};

//===----------------------------------------------------------------------===//
// normalization
//===----------------------------------------------------------------------===//

class NormalizationKernel final : public Kernel {
public:
  explicit NormalizationKernel(const KernelSpec &spec)
      : axes_(getIntsAttr(spec.step, "axes")),
        eps_(getFloatAttr(spec.step, "eps", 1e-5)),
        groups_(getIntAttr(spec.step, "num_groups", 1)) {}

  static bool supports(const KernelSpec &spec) {
    if (!counts(spec, 3, 3, 1))
      return false;
    auto axes = spec.step.attrs.find("axes");
    if (axes == spec.step.attrs.end() ||
        !std::holds_alternative<std::vector<int64_t>>(axes->second))
      return false;
    int64_t groups = 1;
    auto it = spec.step.attrs.find("num_groups");
    if (it != spec.step.attrs.end()) {
      if (!std::holds_alternative<int64_t>(it->second))
        return false;
      groups = std::get<int64_t>(it->second);
    }
    return spec.results[0].dtype == spec.operands[0].dtype &&
           normalizationSupports(spec.operands[0], spec.operands[1],
                                 spec.operands[2],
                                 std::get<std::vector<int64_t>>(axes->second),
                                 groups);
  }

  void run(const KernelContext &ctx) const override {
    normalization(ctx.operands[0], ctx.operands[1], ctx.operands[2], axes_,
                  eps_, groups_, ctx.results[0], ctx.threads);
  }

private:
  std::vector<int64_t> axes_;
  double eps_;
  int64_t groups_;
};

//===----------------------------------------------------------------------===//
// reduce
//===----------------------------------------------------------------------===//

std::optional<ReduceOp> parseReduceOp(const StepDesc &step) {
  auto it = step.attrs.find("op");
  if (it == step.attrs.end())
    return std::nullopt;
  const auto *name = std::get_if<std::string>(&it->second);
  if (!name)
    return std::nullopt;
  if (*name == "kSUM")
    return ReduceOp::Sum;
  if (*name == "kPROD")
    return ReduceOp::Prod;
  if (*name == "kMAX")
    return ReduceOp::Max;
  if (*name == "kMIN")
    return ReduceOp::Min;
  if (*name == "kAVG")
    return ReduceOp::Avg;
  return std::nullopt;
}

class ReduceKernel final : public Kernel {
public:
  explicit ReduceKernel(const KernelSpec &spec)
      : axes_(getIntsAttr(spec.step, "axes")) {
    std::optional<ReduceOp> op = parseReduceOp(spec.step);
    if (!op)
      fail("attribute 'op' must be kSUM, kPROD, kMAX, kMIN or kAVG");
    op_ = *op;
  }

  static bool supports(const KernelSpec &spec) {
    if (!counts(spec, 1, 1, 1) || !parseReduceOp(spec.step))
      return false;
    auto axes = spec.step.attrs.find("axes");
    return axes != spec.step.attrs.end() &&
           std::holds_alternative<std::vector<int64_t>>(axes->second) &&
           reduceSupports(spec.operands[0].dtype, spec.results[0].dtype,
                          std::get<std::vector<int64_t>>(axes->second));
  }

  void run(const KernelContext &ctx) const override {
    reduce(ctx.operands[0], op_, axes_, ctx.results[0], ctx.threads);
  }

private:
  std::vector<int64_t> axes_;
  ReduceOp op_ = ReduceOp::Sum;
};

//===----------------------------------------------------------------------===//
// convolution
//===----------------------------------------------------------------------===//

std::vector<int64_t> intsOr(const StepDesc &step, const char *name) {
  return step.attrs.count(name) ? getIntsAttr(step, name)
                                : std::vector<int64_t>{};
}

class ConvolutionKernel final : public Kernel {
public:
  explicit ConvolutionKernel(const KernelSpec &spec) : isa_(bestIsa()) {
    params_.groups = getIntAttr(spec.step, "num_groups", 1);
    params_.stride = intsOr(spec.step, "stride");
    params_.prePadding = intsOr(spec.step, "pre_padding");
    params_.postPadding = intsOr(spec.step, "post_padding");
    params_.dilation = intsOr(spec.step, "dilation");
  }

  /// Kernel and bias must be operands (not the `kernel_static`/`bias_static`
  /// attribute forms).
  static bool supports(const KernelSpec &spec) {
    if (spec.step.attrs.count("kernel_static") ||
        spec.step.attrs.count("bias_static") || !counts(spec, 2, 3, 1))
      return false;
    const DType x = spec.operands[0].dtype;
    return convolutionSupports(x, spec.operands[1].dtype,
                               spec.results[0].dtype) &&
           (spec.operands.size() == 2 || spec.operands[2].dtype == x);
  }

  void run(const KernelContext &ctx) const override {
    const TensorView *bias =
        ctx.operands.size() > 2 ? &ctx.operands[2] : nullptr;
    convolution(ctx.operands[0], ctx.operands[1], bias, params_,
                ctx.results[0], {}, ctx.threads, isa_);
  }

private:
  ConvolutionParams params_;
  Isa isa_;
};

//===----------------------------------------------------------------------===//
// pooling
//===----------------------------------------------------------------------===//

std::optional<PoolingKind> parsePoolingKind(const StepDesc &step) {
  auto it = step.attrs.find("type");
  if (it == step.attrs.end())
    return std::nullopt;
  const auto *name = std::get_if<std::string>(&it->second);
  if (!name)
    return std::nullopt;
  if (*name == "kMAX")
    return PoolingKind::Max;
  if (*name == "kAVERAGE")
    return PoolingKind::Average;
  if (*name == "kMAX_AVERAGE_BLEND")
    return PoolingKind::Blend;
  return std::nullopt;
}

class PoolingKernel final : public Kernel {
public:
  explicit PoolingKernel(const KernelSpec &spec) {
    std::optional<PoolingKind> kind = parsePoolingKind(spec.step);
    if (!kind)
      fail("attribute 'type' must be kMAX, kAVERAGE or kMAX_AVERAGE_BLEND");
    params_.kind = *kind;
    params_.window = getIntsAttr(spec.step, "window");
    params_.stride = getIntsAttr(spec.step, "stride");
    params_.prePadding = getIntsAttr(spec.step, "pre_padding");
    params_.postPadding = getIntsAttr(spec.step, "post_padding");
    params_.excludePadding = getIntAttr(spec.step, "exclude_padding", 0) != 0;
    if (*kind == PoolingKind::Blend)
      params_.blendFactor =
          static_cast<float>(getFloatAttr(spec.step, "blend_factor"));
  }

  static bool supports(const KernelSpec &spec) {
    return counts(spec, 1, 1, 1) && parsePoolingKind(spec.step) &&
           poolingSupports(spec.operands[0].dtype, spec.results[0].dtype);
  }

  void run(const KernelContext &ctx) const override {
    pooling(ctx.operands[0], params_, ctx.results[0], ctx.threads);
  }

private:
  PoolingParams params_;
};

//===----------------------------------------------------------------------===//
// element_wise, activation
//===----------------------------------------------------------------------===//

std::optional<ElementWiseOp> parseElementWiseOp(const StepDesc &step) {
  auto it = step.attrs.find("op");
  if (it == step.attrs.end())
    return std::nullopt;
  const auto *name = std::get_if<std::string>(&it->second);
  if (!name)
    return std::nullopt;
  static const std::pair<const char *, ElementWiseOp> table[] = {
      {"kSUM", ElementWiseOp::Sum}, {"kPROD", ElementWiseOp::Prod},
      {"kMAX", ElementWiseOp::Max}, {"kMIN", ElementWiseOp::Min},
      {"kSUB", ElementWiseOp::Sub}, {"kDIV", ElementWiseOp::Div},
      {"kPOW", ElementWiseOp::Pow}, {"kFLOOR_DIV", ElementWiseOp::FloorDiv}};
  for (const auto &entry : table)
    if (*name == entry.first)
      return entry.second;
  return std::nullopt;
}

class ElementWiseKernel final : public Kernel {
public:
  explicit ElementWiseKernel(const KernelSpec &spec) {
    std::optional<ElementWiseOp> op = parseElementWiseOp(spec.step);
    if (!op)
      fail("the cpu element_wise kernel takes only float arithmetic ops");
    op_ = *op;
  }

  static bool supports(const KernelSpec &spec) {
    return counts(spec, 2, 2, 1) && parseElementWiseOp(spec.step) &&
           elementWiseSupports(spec.operands[0].dtype, spec.operands[1].dtype,
                               spec.results[0].dtype);
  }

  void run(const KernelContext &ctx) const override {
    elementWise(ctx.operands[0], ctx.operands[1], op_, ctx.results[0],
                ctx.threads);
  }

private:
  ElementWiseOp op_ = ElementWiseOp::Sum;
};

std::optional<ActivationKind> parseActivationKind(const StepDesc &step) {
  auto it = step.attrs.find("type");
  if (it == step.attrs.end())
    return std::nullopt;
  const auto *name = std::get_if<std::string>(&it->second);
  if (!name)
    return std::nullopt;
  static const std::pair<const char *, ActivationKind> table[] = {
      {"kRELU", ActivationKind::Relu},
      {"kSIGMOID", ActivationKind::Sigmoid},
      {"kTANH", ActivationKind::Tanh},
      {"kLEAKY_RELU", ActivationKind::LeakyRelu},
      {"kELU", ActivationKind::Elu},
      {"kSELU", ActivationKind::Selu},
      {"kSOFTSIGN", ActivationKind::Softsign},
      {"kSOFTPLUS", ActivationKind::Softplus},
      {"kCLIP", ActivationKind::Clip},
      {"kHARD_SIGMOID", ActivationKind::HardSigmoid},
      {"kSCALED_TANH", ActivationKind::ScaledTanh},
      {"kTHRESHOLDED_RELU", ActivationKind::ThresholdedRelu},
      {"kGELU_ERF", ActivationKind::GeluErf},
      {"kGELU_TANH", ActivationKind::GeluTanh}};
  for (const auto &entry : table)
    if (*name == entry.first)
      return entry.second;
  return std::nullopt;
}

class ActivationKernel final : public Kernel {
public:
  explicit ActivationKernel(const KernelSpec &spec)
      : alpha_(static_cast<float>(getFloatAttr(spec.step, "alpha", 0.0))),
        beta_(static_cast<float>(getFloatAttr(spec.step, "beta", 0.0))) {
    std::optional<ActivationKind> kind = parseActivationKind(spec.step);
    if (!kind)
      fail("unknown activation type for the cpu activation kernel");
    kind_ = *kind;
  }

  static bool supports(const KernelSpec &spec) {
    return counts(spec, 1, 1, 1) && parseActivationKind(spec.step) &&
           activationSupports(spec.operands[0].dtype, spec.results[0].dtype);
  }

  void run(const KernelContext &ctx) const override {
    activation(ctx.operands[0], kind_, alpha_, beta_, ctx.results[0],
               ctx.threads);
  }

private:
  ActivationKind kind_ = ActivationKind::Relu;
  float alpha_, beta_;
};

} // namespace

void registerCPUKernels(KernelRegistry &registry) {
  registry.add<MatrixMultiplyKernel>("matrix_multiply", Backend::CPU,
                                     &MatrixMultiplyKernel::supports);
  registry.add<SoftmaxKernel>("softmax", Backend::CPU, &SoftmaxKernel::supports);
  registry.add<NormalizationKernel>("normalization", Backend::CPU,
                                    &NormalizationKernel::supports);
  registry.add<ReduceKernel>("reduce", Backend::CPU, &ReduceKernel::supports);
  registry.add<ConvolutionKernel>("convolution", Backend::CPU,
                                  &ConvolutionKernel::supports);
  registry.add<PoolingKernel>("pooling", Backend::CPU, &PoolingKernel::supports);
  registry.add<ElementWiseKernel>("element_wise", Backend::CPU,
                                  &ElementWiseKernel::supports);
  registry.add<ActivationKernel>("activation", Backend::CPU,
                                 &ActivationKernel::supports);
}

} // namespace kiln
