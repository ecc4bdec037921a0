//===- PlanPrinter.cpp - Human-readable engine plans ----------------------===//
#include "kiln/Compiler/PlanPrinter.h"

#include <sstream>

namespace kiln::compiler {
namespace {

const char *kindName(BufferKind kind) {
  switch (kind) {
  case BufferKind::Input:
    return "input";
  case BufferKind::Constant:
    return "constant";
  case BufferKind::Arena:
    return "arena";
  }
  return "?";
}

template <typename T>
void printList(std::ostream &os, const std::vector<T> &values) {
  os << "[";
  for (size_t i = 0; i < values.size(); ++i)
    os << (i ? ", " : "") << values[i];
  os << "]";
}

struct AttrPrinter {
  std::ostream &os;
  void operator()(int64_t v) const { os << v; }
  void operator()(double v) const { os << v; }
  void operator()(const std::string &v) const { os << v; }
  void operator()(const std::vector<int64_t> &v) const { printList(os, v); }
  void operator()(const std::vector<double> &v) const { printList(os, v); }
};

} // namespace

std::string printPlan(const EnginePlan &plan) {
  std::ostringstream os;
  os << "engine: " << plan.buffers.size() << " buffers, " << plan.steps.size()
     << " steps, arena " << plan.arenaSize << " bytes, constants "
     << plan.constants.size() << " bytes\n";
  for (size_t id = 0; id < plan.buffers.size(); ++id) {
    const BufferDesc &buffer = plan.buffers[id];
    os << "buffer %" << id << " : ";
    for (int64_t dim : buffer.shape)
      os << (dim == kDynamicDim ? std::string("?") : std::to_string(dim))
         << "x";
    os << dtypeName(buffer.dtype) << " " << kindName(buffer.kind);
    if (buffer.kind == BufferKind::Input)
      os << " #" << buffer.index;
    else
      os << " @" << buffer.offset;
    os << " (" << buffer.byteSize() << " bytes)\n";
  }
  for (const StepDesc &step : plan.steps) {
    os << "step " << step.kernel << " (";
    for (size_t i = 0; i < step.operands.size(); ++i)
      os << (i ? ", " : "") << "%" << step.operands[i];
    os << ") -> (";
    for (size_t i = 0; i < step.results.size(); ++i)
      os << (i ? ", " : "") << "%" << step.results[i];
    os << ")";
    for (const auto &[name, value] : step.attrs) {
      os << " " << name << "=";
      std::visit(AttrPrinter{os}, value);
    }
    os << "\n";
  }
  for (const IOBinding &input : plan.inputs) {
    os << "input " << input.name << " = %" << input.buffer;
    if (!input.profile.empty()) {
      os << " profile min=";
      printList(os, input.profile.min);
      os << " opt=";
      printList(os, input.profile.opt);
      os << " max=";
      printList(os, input.profile.max);
    }
    os << "\n";
  }
  for (const IOBinding &output : plan.outputs)
    os << "output " << output.name << " = %" << output.buffer << "\n";
  return os.str();
}

} // namespace kiln::compiler
