//===- EngineBindings.cpp - kiln._C.Engine --------------------------------===//
//
// Loading, serializing and running engines. Inputs arrive as C-contiguous
// host ndarrays (the Python layer makes them so) and are passed to the
// runtime as views without copying; outputs are handed to numpy without
// copying, the array owning the runtime's HostTensor.
//
//===----------------------------------------------------------------------===//
#include "Bindings.h"

#include "kiln/Runtime/EngineFile.h"
#include "kiln/Runtime/Tensor.h"

#include <nanobind/ndarray.h>
#include <nanobind/stl/string.h>
#include <nanobind/stl/unique_ptr.h>
#include <nanobind/stl/vector.h>

#include <fstream>

namespace nb = nanobind;
using namespace kiln::python;

namespace {

using InputArray = nb::ndarray<nb::c_contig, nb::device::cpu>;

nb::dlpack::dtype toDLPack(kiln::DType type) {
  using Code = nb::dlpack::dtype_code;
  switch (type) {
  case kiln::DType::F32:
    return {uint8_t(Code::Float), 32, 1};
  case kiln::DType::F16:
    return {uint8_t(Code::Float), 16, 1};
  case kiln::DType::I32:
    return {uint8_t(Code::Int), 32, 1};
  case kiln::DType::I64:
    return {uint8_t(Code::Int), 64, 1};
  case kiln::DType::I8:
    return {uint8_t(Code::Int), 8, 1};
  case kiln::DType::I1:
    return {uint8_t(Code::Bool), 8, 1};
  case kiln::DType::BF16:
    return {uint8_t(Code::Bfloat), 16, 1};
  }
  kiln::fail("unknown engine dtype ", int(type));
}

std::string describeDLPack(nb::dlpack::dtype t) {
  using Code = nb::dlpack::dtype_code;
  const char *kind = "?";
  switch (Code(t.code)) {
  case Code::Int:
    kind = "int";
    break;
  case Code::UInt:
    kind = "uint";
    break;
  case Code::Float:
    kind = "float";
    break;
  case Code::Bfloat:
    kind = "bfloat";
    break;
  case Code::Bool:
    kind = "bool";
    break;
  default:
    break;
  }
  return std::string(kind) + std::to_string(int(t.bits));
}

kiln::DType fromDLPack(nb::dlpack::dtype t, size_t index) {
  using Code = nb::dlpack::dtype_code;
  if (t.lanes == 1) {
    if (t.code == uint8_t(Code::Float) && t.bits == 32)
      return kiln::DType::F32;
    if (t.code == uint8_t(Code::Float) && t.bits == 16)
      return kiln::DType::F16;
    if (t.code == uint8_t(Code::Int) && t.bits == 32)
      return kiln::DType::I32;
    if (t.code == uint8_t(Code::Int) && t.bits == 64)
      return kiln::DType::I64;
    if (t.code == uint8_t(Code::Int) && t.bits == 8)
      return kiln::DType::I8;
    if (t.code == uint8_t(Code::Bool) && t.bits == 8)
      return kiln::DType::I1;
    if (t.code == uint8_t(Code::Bfloat) && t.bits == 16)
      return kiln::DType::BF16;
  }
  kiln::fail("input ", index, ": element type ", describeDLPack(t),
             " is not supported by Kiln engines (expected one of f32, f16, "
             "i32, i64, i8, i1)");
}

nb::list describeSignature(const std::vector<kiln::TensorSignature> &sigs) {
  nb::list list;
  for (const kiln::TensorSignature &sig : sigs) {
    nb::list shape;
    for (int64_t d : sig.shape)
      shape.append(d);
    list.append(nb::make_tuple(sig.name, kiln::dtypeName(sig.dtype),
                               nb::tuple(shape)));
  }
  return list;
}

nb::object toNumpy(kiln::HostTensor tensor) {
  auto *owned = new kiln::HostTensor(std::move(tensor));
  nb::capsule owner(owned, [](void *p) noexcept {
    delete static_cast<kiln::HostTensor *>(p);
  });
  std::vector<size_t> shape(owned->shape().begin(), owned->shape().end());
  nb::ndarray<nb::numpy> array(owned->data(), shape.size(), shape.data(),
                               owner, /*strides=*/nullptr,
                               toDLPack(owned->dtype()));
  return array.cast();
}

std::vector<nb::object> run(PyEngine &self, std::vector<InputArray> inputs) {
  std::vector<kiln::TensorView> views;
  views.reserve(inputs.size());
  for (size_t i = 0; i < inputs.size(); ++i) {
    kiln::TensorView view;
    view.dtype = fromDLPack(inputs[i].dtype(), i);
    for (size_t d = 0; d < inputs[i].ndim(); ++d)
      view.shape.push_back(int64_t(inputs[i].shape(d)));
    view.data = inputs[i].data();
    views.push_back(std::move(view));
  }
  std::vector<kiln::HostTensor> results;
  {
    nb::gil_scoped_release release;
    std::lock_guard<std::mutex> lock(self.runMutex);
    if (!self.context)
      self.context = std::make_unique<kiln::ExecutionContext>(self.engine);
    results = self.context->run(views);
  }
  std::vector<nb::object> arrays;
  arrays.reserve(results.size());
  for (kiln::HostTensor &result : results)
    arrays.push_back(toNumpy(std::move(result)));
  return arrays;
}

} // namespace

void kiln::python::bindEngine(nb::module_ &m) {
  nb::class_<PyEngine>(m, "Engine",
                       "A compiled, validated engine and its execution "
                       "context.")
      .def_static(
          "load",
          [](const std::string &path) {
            return std::make_unique<PyEngine>(kiln::Engine::load(path));
          },
          nb::arg("path"), "Loads and validates a .kiln engine file.")
      .def_static(
          "from_bytes",
          [](nb::bytes data) {
            return std::make_unique<PyEngine>(kiln::Engine::fromBytes(
                reinterpret_cast<const uint8_t *>(data.c_str()),
                data.size()));
          },
          nb::arg("data"), "Loads and validates a serialized engine.")
      .def(
          "to_bytes",
          [](const PyEngine &self) {
            std::vector<uint8_t> bytes =
                kiln::serializeEngine(self.engine->plan());
            return nb::bytes(reinterpret_cast<const char *>(bytes.data()),
                             bytes.size());
          },
          "The engine in the .kiln file format.")
      .def(
          "save",
          [](const PyEngine &self, const std::string &path) {
            kiln::writeEngineFile(self.engine->plan(), path);
          },
          nb::arg("path"), "Writes the engine to a .kiln file.")
      .def_prop_ro(
          "inputs",
          [](const PyEngine &self) {
            return describeSignature(self.engine->inputs());
          },
          "List of (name, dtype name, shape) for each input, in order.")
      .def_prop_ro(
          "outputs",
          [](const PyEngine &self) {
            return describeSignature(self.engine->outputs());
          },
          "List of (name, dtype name, shape) for each output, in order.")
      .def_prop_ro(
          "num_steps",
          [](const PyEngine &self) { return self.engine->plan().steps.size(); },
          "Number of kernel launches in the plan.")
      .def("run", &run, nb::arg("inputs"),
           "Runs the engine on C-contiguous host arrays; returns one new numpy "
           "array per output.");
}
