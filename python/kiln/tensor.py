"""The user-facing tensor."""

import numbers
from typing import Any, Optional

import numpy as np

from kiln import _dtype, _eager, _stack
from kiln.exception import raise_error
from kiln.trace import ops as trace_ops
from kiln.trace.tensor import TraceTensor


def _to_array(data: Any, dtype: Optional[_dtype.dtype]) -> np.ndarray:
    if isinstance(data, np.ndarray):
        array = data
    elif hasattr(data, "__dlpack__") and not isinstance(data, (list, tuple, numbers.Number)):
        array = np.from_dlpack(data)
    else:
        array = np.asarray(data)
        if dtype is None:
            # Python floats become float32 and Python ints int32, as in nvtripy.
            if array.dtype == np.float64:
                array = array.astype(np.float32)
            elif array.dtype == np.int64:
                array = array.astype(np.int32)
    if dtype is not None:
        array = array.astype(dtype.numpy, copy=False)
    elif array.dtype == np.float64:
        array = array.astype(np.float32)
    if _dtype.from_numpy(array.dtype) is None:
        raise_error(
            f"unsupported element type for a kiln.Tensor: expected one of float32, float16, int8, int32, "
            f"int64, bool, got {array.dtype}"
        )
    # Own the data: later changes to the caller's array must not change the tensor.
    return np.array(array, order="C", copy=True)


class Tensor:
    """
    A multidimensional array. Operations on tensors are traced; the values are
    computed (compiled and run by Kiln) when they are needed: ``print``,
    :meth:`numpy`, :meth:`tolist`, DLPack export.

    Args:
        data: A Python scalar or (nested) list, a numpy array, or any object
            implementing the DLPack protocol.
        dtype: The element type. Defaults to the data's type, with Python
            floats as ``kiln.float32`` and Python ints as ``kiln.int32``.

    .. code-block:: python

        x = kiln.Tensor([[1.0, 2.0], [3.0, 4.0]])
        y = x + 1
        assert y.tolist() == [[2.0, 3.0], [4.0, 5.0]]
    """

    __array_ufunc__ = None  # numpy defers `ndarray + Tensor` to Tensor.__radd__

    def __init__(self, data: Any, dtype: Optional[_dtype.dtype] = None):
        if isinstance(data, Tensor):
            self._trace = data._trace if dtype is None or dtype == data.dtype else _cast_trace(data, dtype)
            return
        array = _to_array(data, dtype)
        self._trace = trace_ops.Constant.make(
            [], array.shape, _dtype.from_numpy(array.dtype), _stack.user_frame(2), array=array
        )

    @classmethod
    def _from_array(cls, array: np.ndarray) -> "Tensor":
        """Wraps an array the caller gives up (no copy)."""
        trace = trace_ops.Constant.make([], array.shape, _dtype.from_numpy(array.dtype), _stack.user_frame(2), array=array)
        return cls._from_trace(trace)

    @classmethod
    def _from_trace(cls, trace: TraceTensor) -> "Tensor":
        tensor = cls.__new__(cls)
        tensor._trace = trace
        return tensor

    # -- metadata ---------------------------------------------------------
    @property
    def shape(self) -> tuple:
        """The shape, a tuple of ints."""
        return self._trace.shape

    @property
    def dtype(self) -> _dtype.dtype:
        """The element type."""
        return self._trace.dtype

    @property
    def rank(self) -> int:
        """The number of dimensions."""
        return self._trace.rank

    # -- evaluation ---------------------------------------------------------
    def eval(self) -> "Tensor":
        """Computes the tensor's value now and keeps it; returns ``self``."""
        if not isinstance(self._trace.producer, trace_ops.Constant):
            result = _eager.evaluate(self._trace)
            self._trace = trace_ops.Constant.make(
                [], result.shape, self._trace.dtype, self._trace.source, array=result
            )
        return self

    def numpy(self) -> np.ndarray:
        """The value as a new numpy array.

        .. code-block:: python

            assert (kiln.Tensor([1, 2]).numpy() == np.array([1, 2])).all()
        """
        return np.array(self.eval()._trace.producer.array, copy=True)

    def tolist(self):
        """The value as (nested) Python lists."""
        return self.eval()._trace.producer.array.tolist()

    def __array__(self, dtype=None, copy=None):
        array = self.eval()._trace.producer.array
        if dtype is not None:
            return array.astype(dtype)
        return np.array(array, copy=True) if copy else array

    def __dlpack__(self, stream=None, **kwargs):
        array = self.eval()._trace.producer.array
        return array.__dlpack__(**kwargs) if kwargs else array.__dlpack__()

    def __dlpack_device__(self):
        return (1, 0)  # kDLCPU

    def __repr__(self):
        body = np.array2string(self.eval()._trace.producer.array, separator=", ", prefix="tensor(")
        return f"tensor({body}, dtype={self.dtype}, shape={self.shape})"

    __str__ = __repr__

    def __len__(self):
        if self.rank == 0:
            raise TypeError("len() of a 0-d tensor")
        return self.shape[0]

    def __bool__(self):
        return bool(self.eval()._trace.producer.array)

    def __float__(self):
        return float(self.eval()._trace.producer.array)

    def __int__(self):
        return int(self.eval()._trace.producer.array)

    __hash__ = object.__hash__

    # -- operators ------------------------------------------------------------
    def __add__(self, other):
        from kiln.ops import binary

        return binary.elementwise("kSUM", self, other, "+")

    def __radd__(self, other):
        from kiln.ops import binary

        return binary.elementwise("kSUM", other, self, "+")

    def __sub__(self, other):
        from kiln.ops import binary

        return binary.elementwise("kSUB", self, other, "-")

    def __rsub__(self, other):
        from kiln.ops import binary

        return binary.elementwise("kSUB", other, self, "-")

    def __mul__(self, other):
        from kiln.ops import binary

        return binary.elementwise("kPROD", self, other, "*")

    def __rmul__(self, other):
        from kiln.ops import binary

        return binary.elementwise("kPROD", other, self, "*")

    def __truediv__(self, other):
        from kiln.ops import binary

        return binary.elementwise("kDIV", self, other, "/")

    def __rtruediv__(self, other):
        from kiln.ops import binary

        return binary.elementwise("kDIV", other, self, "/")

    def __floordiv__(self, other):
        from kiln.ops import binary

        return binary.elementwise("kFLOOR_DIV", self, other, "//")

    def __rfloordiv__(self, other):
        from kiln.ops import binary

        return binary.elementwise("kFLOOR_DIV", other, self, "//")

    def __pow__(self, other):
        from kiln.ops import binary

        return binary.elementwise("kPOW", self, other, "**")

    def __rpow__(self, other):
        from kiln.ops import binary

        return binary.elementwise("kPOW", other, self, "**")

    def __matmul__(self, other):
        from kiln.ops import matmul

        return matmul.matmul(self, other)

    def __rmatmul__(self, other):
        from kiln.ops import matmul

        return matmul.matmul(other, self)

    def __neg__(self):
        from kiln.ops import unary

        return unary.neg(self)

    def __eq__(self, other):
        from kiln.ops import comparison

        return comparison.equal(self, other)

    def __ne__(self, other):
        from kiln.ops import comparison

        return comparison.not_equal(self, other)

    def __lt__(self, other):
        from kiln.ops import comparison

        return comparison.less(self, other)

    def __le__(self, other):
        from kiln.ops import comparison

        return comparison.less_equal(self, other)

    def __gt__(self, other):
        from kiln.ops import comparison

        return comparison.greater(self, other)

    def __ge__(self, other):
        from kiln.ops import comparison

        return comparison.greater_equal(self, other)

    def __getitem__(self, index):
        from kiln.ops import slice as slice_ops

        return slice_ops.getitem(self, index)


def _cast_trace(tensor: Tensor, dtype) -> TraceTensor:
    from kiln.ops.cast import cast

    return cast(tensor, dtype)._trace
