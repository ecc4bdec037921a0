//===- EngineBindings.cpp - kiln._C.Engine --------------------------------===//
//
// Loading, serializing and running engines. Inputs arrive as C-contiguous
// host ndarrays (the Python layer makes them so) and are passed to the
// runtime as views without copying; outputs are handed to numpy without
// copying, the array owning the runtime's HostTensor.
//
// numpy has no bf16, f8E4M3FN, i4 or f4E2M1FN; those travel as ml_dtypes
// arrays (bfloat16, float8_e4m3fn, int4, float4_e2m1fn). ml_dtypes keeps
// one sub-byte element per byte (the low nibble), so i4/f4 inputs are packed
// two per byte on the way in and unpacked on the way out. Without ml_dtypes
// installed, such outputs come back as their raw codes: uint16 bits for
// bf16, uint8 bits for f8E4M3FN, int8 values for i4 and uint8 codes (one per
// element) for f4E2M1FN.
//
//===----------------------------------------------------------------------===//
#include "Bindings.h"

#include "kiln/Runtime/EngineFile.h"
#include "kiln/Runtime/MiniFloat.h"
#include "kiln/Runtime/Tensor.h"

#include <nanobind/ndarray.h>
#include <nanobind/stl/string.h>
#include <nanobind/stl/unique_ptr.h>
#include <nanobind/stl/vector.h>

#include <fstream>
#include <optional>

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
    return {uint8_t(Code::UInt), 16, 1}; // bits; viewed as ml_dtypes.bfloat16
  case kiln::DType::UI8:
  case kiln::DType::F8E4M3FN: // bits; viewed as ml_dtypes.float8_e4m3fn
  case kiln::DType::F4E2M1FN: // unpacked codes; viewed as float4_e2m1fn
    return {uint8_t(Code::UInt), 8, 1};
  case kiln::DType::I4: // unpacked values; viewed as ml_dtypes.int4
    return {uint8_t(Code::Int), 8, 1};
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
    if (t.code == uint8_t(Code::UInt) && t.bits == 8)
      return kiln::DType::UI8;
  }
  kiln::fail("input ", index, ": element type ", describeDLPack(t),
             " is not supported by Kiln engines (expected one of f32, f16, "
             "i32, i64, i8, ui8, i1, or ml_dtypes' bfloat16, float8_e4m3fn, "
             "int4, float4_e2m1fn)");
}

/// The ml_dtypes type name of a Kiln dtype numpy lacks, else nullptr.
const char *mlDTypeName(kiln::DType type) {
  switch (type) {
  case kiln::DType::BF16:
    return "bfloat16";
  case kiln::DType::F8E4M3FN:
    return "float8_e4m3fn";
  case kiln::DType::I4:
    return "int4";
  case kiln::DType::F4E2M1FN:
    return "float4_e2m1fn";
  default:
    return nullptr;
  }
}

/// An input after dtype translation: the array whose bytes the engine reads
/// (kept alive here), or a packed copy for the sub-byte types.
struct PreparedInput {
  nb::object object;
  InputArray array; // may own a converted copy of `object`
  std::unique_ptr<kiln::HostTensor> packed;
};

/// Maps an ml_dtypes array to (Kiln dtype, its byte view); other objects
/// pass through with std::nullopt.
std::optional<kiln::DType> mlDTypeOf(nb::handle object) {
  if (!nb::hasattr(object, "dtype"))
    return std::nullopt;
  nb::object dtype = object.attr("dtype");
  if (!nb::hasattr(dtype, "name"))
    return std::nullopt;
  std::string name = nb::cast<std::string>(dtype.attr("name"));
  for (kiln::DType type : {kiln::DType::BF16, kiln::DType::F8E4M3FN,
                           kiln::DType::I4, kiln::DType::F4E2M1FN})
    if (name == mlDTypeName(type))
      return type;
  return std::nullopt;
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
  kiln::DType type = tensor.dtype();
  if (kiln::isPacked(type)) {
    // One element per byte, as ml_dtypes stores them (i4 sign-extended).
    kiln::HostTensor unpacked(type == kiln::DType::I4 ? kiln::DType::I8
                                                      : kiln::DType::UI8,
                              tensor.shape());
    auto *bytes = static_cast<uint8_t *>(unpacked.data());
    for (int64_t i = 0; i < tensor.numElements(); ++i) {
      uint8_t nibble = kiln::loadNibble(tensor.data(), i);
      bytes[i] = type == kiln::DType::I4
                     ? static_cast<uint8_t>(kiln::i4FromNibble(nibble))
                     : nibble;
    }
    tensor = std::move(unpacked);
  }
  auto *owned = new kiln::HostTensor(std::move(tensor));
  nb::capsule owner(owned, [](void *p) noexcept {
    delete static_cast<kiln::HostTensor *>(p);
  });
  std::vector<size_t> shape(owned->shape().begin(), owned->shape().end());
  nb::ndarray<nb::numpy> array(owned->data(), shape.size(), shape.data(),
                               owner, /*strides=*/nullptr,
                               toDLPack(owned->dtype()));
  nb::object result = array.cast();
  if (const char *name = mlDTypeName(type)) {
    try {
      nb::object mlDTypes = nb::module_::import_("ml_dtypes");
      result = result.attr("view")(mlDTypes.attr(name));
    } catch (nb::python_error &) {
      // ml_dtypes missing: hand back the raw codes (see the file comment).
    }
  }
  return result;
}

std::vector<nb::object> run(PyEngine &self, std::vector<nb::object> inputs) {
  std::vector<kiln::TensorView> views;
  std::vector<PreparedInput> prepared(inputs.size());
  views.reserve(inputs.size());
  for (size_t i = 0; i < inputs.size(); ++i) {
    kiln::TensorView view;
    std::optional<kiln::DType> mlType = mlDTypeOf(inputs[i]);
    nb::object object = inputs[i];
    if (mlType) {
      // Reinterpret as unsigned bytes (or 16-bit words for bf16).
      nb::object numpy = nb::module_::import_("numpy");
      // asarray keeps rank 0 (ascontiguousarray would make it 1-D).
      object = numpy.attr("asarray")(object, nb::arg("order") = "C").attr("view")(
          numpy.attr(*mlType == kiln::DType::BF16 ? "uint16" : "uint8"));
    }
    prepared[i].object = object;
    if (!nb::try_cast(object, prepared[i].array))
      kiln::fail("input ", i, " is not an array Kiln can read (",
                 nb::cast<std::string>(nb::str(object.type())), ")");
    const InputArray &array = prepared[i].array;
    view.dtype = mlType ? *mlType : fromDLPack(array.dtype(), i);
    for (size_t d = 0; d < array.ndim(); ++d)
      view.shape.push_back(int64_t(array.shape(d)));
    view.data = array.data();
    if (mlType && kiln::isPacked(*mlType)) {
      prepared[i].packed =
          std::make_unique<kiln::HostTensor>(*mlType, view.shape);
      const auto *codes = static_cast<const uint8_t *>(view.data);
      for (int64_t e = 0; e < prepared[i].packed->numElements(); ++e)
        kiln::storeNibble(prepared[i].packed->data(), e, codes[e]);
      view.data = prepared[i].packed->data();
    }
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
