"""Element types of Kiln tensors (``kiln.float32``, ``kiln.int32``, ...)."""

import numpy as np


class dtype:
    """
    An element type. Compare with ``==``; the instances are ``kiln.float32``,
    ``kiln.float16``, ``kiln.int8``, ``kiln.int32``, ``kiln.int64`` and
    ``kiln.bool``.

    .. code-block:: python

        x = kiln.Tensor([1.0, 2.0])
        assert x.dtype == kiln.float32
    """

    def __init__(self, name: str, mlir: str, numpy_dtype, is_floating: bool):
        self.name = name
        #: Spelling in MLIR types and in engine signatures ("f32", "i1", ...).
        self.mlir = mlir
        self.numpy = np.dtype(numpy_dtype)
        self.itemsize = self.numpy.itemsize
        self.is_floating = is_floating

    def __repr__(self):
        return self.name

    __str__ = __repr__

    def __reduce__(self):
        return (from_name, (self.name,))


float32 = dtype("float32", "f32", np.float32, True)
float16 = dtype("float16", "f16", np.float16, True)
int8 = dtype("int8", "i8", np.int8, False)
int32 = dtype("int32", "i32", np.int32, False)
int64 = dtype("int64", "i64", np.int64, False)
bool_ = dtype("bool", "i1", np.bool_, False)

_ALL = (float32, float16, int8, int32, int64, bool_)
_BY_NAME = {d.name: d for d in _ALL}
_BY_MLIR = {d.mlir: d for d in _ALL}
_BY_NUMPY = {d.numpy: d for d in _ALL}


def from_name(name: str) -> dtype:
    return _BY_NAME[name]


def from_mlir(name: str) -> dtype:
    if name not in _BY_MLIR:
        raise KeyError(f"element type '{name}' is not supported by the Kiln frontend")
    return _BY_MLIR[name]


def from_numpy(np_dtype):
    """The Kiln dtype for a numpy dtype, or None if Kiln has no equivalent."""
    return _BY_NUMPY.get(np.dtype(np_dtype))
