//===- Npy.h - Reading and writing NumPy .npy files -------------*- C++ -*-===//
#ifndef KILN_RUNTIME_NPY_H
#define KILN_RUNTIME_NPY_H

#include "kiln/Runtime/Tensor.h"

#include <string>

namespace kiln {

/// Reads a .npy file (format 1.0/2.0/3.0, little-endian, C order) of dtype
/// <f4, <f2, <i4, <i8, |b1, |i1 (and <V2 / bfloat16 is not supported).
/// Throws kiln::Error naming the file and what is wrong with it.
HostTensor readNpy(const std::string &path);
void writeNpy(const std::string &path, const HostTensor &tensor);

} // namespace kiln

#endif // KILN_RUNTIME_NPY_H
