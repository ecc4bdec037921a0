//===- PlanPrinter.cpp - Human-readable engine plans ----------------------===//
#include "kiln/Compiler/PlanPrinter.h"

#include <sstream>

namespace kiln::compiler {
namespace {

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

void printIds(std::ostream &os, const std::vector<int32_t> &ids) {
  os << "(";
  for (size_t i = 0; i < ids.size(); ++i)
    os << (i ? ", " : "") << "%" << ids[i];
  os << ")";
}

/// One line per step; a step's regions follow it, indented two more spaces:
/// `region N (arguments) {`, the region's steps, `} yield (ids)`.
void printSteps(std::ostream &os, const std::vector<StepDesc> &steps,
                const std::string &indent) {
  for (const StepDesc &step : steps) {
    os << indent << "step " << step.kernel << " ";
    printIds(os, step.operands);
    os << " -> ";
    printIds(os, step.results);
    for (const auto &[name, value] : step.attrs) {
      os << " " << name << "=";
      std::visit(AttrPrinter{os}, value);
    }
    os << "\n";
    for (size_t r = 0; r < step.regions.size(); ++r) {
      const RegionDesc &region = step.regions[r];
      os << indent << "  region " << r << " ";
      printIds(os, region.arguments);
      os << " {\n";
      printSteps(os, region.steps, indent + "    ");
      os << indent << "  } yield ";
      printIds(os, region.yields);
      os << "\n";
    }
  }
}

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
    os << dtypeName(buffer.dtype) << " " << bufferKindName(buffer.kind);
    if (buffer.kind == BufferKind::Input)
      os << " #" << buffer.index;
    else
      os << " @" << buffer.offset;
    os << " (" << buffer.byteSize() << " bytes)\n";
  }
  printSteps(os, plan.steps, "");
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
