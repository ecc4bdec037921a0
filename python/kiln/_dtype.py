"""Element types of Kiln tensors (``kiln.float32``, ``kiln.int32``, ...).

As in nvtripy, each data type is a class whose metaclass is
:class:`kiln.dtype`, so ``isinstance(kiln.float32, kiln.dtype)`` and
``issubclass(kiln.float32, kiln.floating)`` hold.
"""

import ml_dtypes
import numpy as np


class dtype(type):
    """
    The type of every Kiln data type: ``kiln.float32``, ``kiln.float16``,
    ``kiln.bfloat16``, ``kiln.float8``, ``kiln.int4``, ``kiln.int8``,
    ``kiln.int32``, ``kiln.int64`` and ``kiln.bool``. Each has a ``name`` and
    an ``itemsize`` in bytes.

    .. code-block:: python

        x = kiln.Tensor([1.0, 2.0])
        assert x.dtype == kiln.float32
        assert isinstance(kiln.float32, kiln.dtype) and kiln.float32.itemsize == 4
    """

    def __repr__(cls):
        return cls.name

    __str__ = __repr__


class _BaseDtype(metaclass=dtype):
    name = "dtype"
    itemsize = -1
    #: Spelling in MLIR types and in engine signatures ("f32", "i1", ...).
    mlir = None
    numpy = None
    is_floating = False

    def __init__(self):
        raise TypeError(f"kiln.{type(self).name} is a data type, not a constructor; use kiln.Tensor(data, dtype=...)")


class integer(_BaseDtype):
    """The base class of the integer data types (``issubclass(kiln.int32, kiln.integer)``)."""

    name = "integer"


class floating(_BaseDtype):
    """The base class of the floating-point data types (``issubclass(kiln.float16, kiln.floating)``)."""

    name = "floating"
    is_floating = True


def _make(name: str, base, mlir: str, numpy_dtype, itemsize, doc: str, qualname: str = None):
    cls = dtype(name, (base,), {"name": name, "mlir": mlir, "numpy": np.dtype(numpy_dtype), "itemsize": itemsize,
                                "__doc__": doc, "__module__": __name__})
    cls.__qualname__ = qualname or name
    return cls


float32 = _make("float32", floating, "f32", np.float32, 4, "32-bit floating point.")
float16 = _make("float16", floating, "f16", np.float16, 2, "16-bit floating point.")
bfloat16 = _make("bfloat16", floating, "bf16", ml_dtypes.bfloat16, 2, "16-bit brain floating point.")
float8 = _make("float8", floating, "f8E4M3FN", ml_dtypes.float8_e4m3fn, 1, "8-bit floating point (E4M3).")
int4 = _make("int4", integer, "i4", ml_dtypes.int4, 0.5, "4-bit signed integer.")
int8 = _make("int8", integer, "i8", np.int8, 1, "8-bit signed integer.")
int32 = _make("int32", integer, "i32", np.int32, 4, "32-bit signed integer.")
int64 = _make("int64", integer, "i64", np.int64, 8, "64-bit signed integer.")
bool_ = _make("bool", _BaseDtype, "i1", np.bool_, 1, "Boolean.", qualname="bool_")

_ALL = (float32, float16, bfloat16, float8, int4, int8, int32, int64, bool_)
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


def is_dtype(value) -> bool:
    return isinstance(value, dtype) and value in _ALL
