"""The user-facing tensor. Its operators and op methods (``+``, ``@``,
``reshape``, ...) are defined with their ops and installed by
:mod:`kiln.ops._registry`."""

import numbers
from typing import Any, Optional

import numpy as np

from kiln import _dtype, _eager, _format, _stack
from kiln.exception import raise_error
from kiln.trace import ops as trace_ops
from kiln.trace.tensor import TraceTensor

_INT32 = np.iinfo(np.int32)


def _from_python(data, dtype) -> np.ndarray:
    """Python scalars and (nested) lists: floats become float32 and ints
    int32 (as in nvtripy), refusing values those cannot hold."""
    try:
        array = np.asarray(data)
    except ValueError as e:
        raise_error(f"kiln.Tensor: expected a scalar or a rectangular (nested) list, got a ragged list: {e}")
    if array.dtype == object:
        raise_error(f"kiln.Tensor: expected numbers or bools, got {type(data).__name__} holding other objects")
    if dtype is None:
        if array.dtype.kind == "f":
            array = array.astype(np.float32)
        elif array.dtype.kind in "iu":
            if array.size and (array.min() < _INT32.min or array.max() > _INT32.max):
                bad = array.max() if array.max() > _INT32.max else array.min()
                raise_error(
                    f"kiln.Tensor: the integer {int(bad)} does not fit in int32, the data type of Python ints",
                    ["hint: pass dtype=kiln.int64"],
                )
            array = array.astype(np.int32)
    return array


def _convert(array: np.ndarray, dtype) -> np.ndarray:
    """``array`` as ``dtype``, refusing values that would change."""
    if array.dtype == dtype.numpy:
        return array
    if not dtype.is_floating and dtype != _dtype.bool_ and array.size:
        target = np.iinfo(np.int8) if dtype == _dtype.int4 else np.iinfo(dtype.numpy)
        low, high = (-8, 7) if dtype == _dtype.int4 else (target.min, target.max)
        values = array.astype(np.float64) if array.dtype.kind in "fc" else array
        if array.dtype.kind == "f" and not np.all(np.isfinite(values)):
            raise_error(f"kiln.Tensor: cannot represent inf or NaN as {dtype}")
        if values.min() < low or values.max() > high:
            bad = values.max() if values.max() > high else values.min()
            raise_error(f"kiln.Tensor: the value {bad} does not fit in {dtype} (range [{low}, {high}])")
        if array.dtype.kind == "f" and not np.all(values == np.trunc(values)):
            raise_error(f"kiln.Tensor: the data has fractional values, which {dtype} cannot hold",
                        ["hint: round the data first, or use kiln.cast on a float tensor to truncate"])
    return array.astype(dtype.numpy)


def _to_array(data: Any, dtype) -> np.ndarray:
    if dtype is not None and not _dtype.is_dtype(dtype):
        raise_error(f"kiln.Tensor: expected dtype to be a kiln data type such as kiln.float32, got {dtype!r}")
    if isinstance(data, np.ndarray) or (isinstance(data, np.generic) and not isinstance(data, np.bool_)):
        array = np.asarray(data)
    elif hasattr(data, "__dlpack__") and not isinstance(data, (list, tuple, numbers.Number)):
        array = _from_dlpack(data)
    else:
        array = _from_python(data, dtype)
    if dtype is not None:
        array = _convert(array, dtype)
    if _dtype.from_numpy(array.dtype) is None:
        hint = ["hint: convert it first, e.g. array.astype(np.float32)"] if array.dtype == np.float64 else []
        names = ", ".join(d.name for d in _dtype._ALL)
        raise_error(f"kiln.Tensor: unsupported element type {array.dtype}: expected one of {names}", hint)
    # Own the data: later changes to the caller's array must not change the tensor.
    return np.array(array, order="C", copy=True)


def _from_dlpack(data) -> np.ndarray:
    module = type(data).__module__.split(".")[0]
    if module == "torch" and str(getattr(data, "dtype", "")) == "torch.bfloat16":
        import ml_dtypes

        return data.detach().cpu().view(__import__("torch").int16).numpy().view(ml_dtypes.bfloat16)
    try:
        return np.from_dlpack(data)
    except (BufferError, TypeError, RuntimeError) as e:
        if module == "torch":
            return data.detach().cpu().numpy()
        raise_error(f"kiln.Tensor: could not read the {type(data).__name__} through DLPack: {e}")


class Tensor:
    """
    A multidimensional array. Operations on tensors are traced; the values are
    computed (compiled and run by Kiln) when they are needed: ``print``,
    :meth:`eval`, :meth:`tolist`, DLPack export.

    Args:
        data: A Python scalar or (nested) list, a numpy array, or any object
            implementing the DLPack protocol (torch, JAX, cupy).
        dtype: The element type. Defaults to the data's type, with Python
            floats as ``kiln.float32`` and Python ints as ``kiln.int32``.
            Values that the type cannot hold are refused.
        device: Where the tensor lives (:class:`kiln.device`); Kiln keeps
            data in host memory and runs engines on its CPU backend.
        name: An optional name, shown in errors.

    .. code-block:: python

        x = kiln.Tensor([[1.0, 2.0], [3.0, 4.0]])
        y = x + 1
        assert y.tolist() == [[2.0, 3.0], [4.0, 5.0]]
    """

    __array_ufunc__ = None  # numpy defers `ndarray + Tensor` to Tensor.__radd__
    __array_priority__ = 10000

    def __init__(self, data: Any, dtype=None, device=None, name: Optional[str] = None):
        if data is None:
            raise_error("kiln.Tensor: expected data, got None")
        self._name = name
        self._device = device
        if isinstance(data, Tensor):
            self._trace = data._trace if dtype is None or dtype == data.dtype else data.cast(dtype)._trace
            return
        array = _to_array(data, dtype)
        self._trace = trace_ops.Constant.make(
            [], _stack.user_frame(2), result=(array.shape, _dtype.from_numpy(array.dtype)), array=array
        )

    @classmethod
    def _from_array(cls, array: np.ndarray) -> "Tensor":
        """Wraps an array the caller gives up (no copy)."""
        trace = trace_ops.Constant.make(
            [], _stack.user_frame(2), result=(array.shape, _dtype.from_numpy(array.dtype)), array=array
        )
        return cls._from_trace(trace)

    @classmethod
    def _from_trace(cls, trace: TraceTensor) -> "Tensor":
        tensor = cls.__new__(cls)
        tensor._trace = trace
        tensor._name = None
        tensor._device = None
        return tensor

    # -- metadata ---------------------------------------------------------
    @property
    def dtype(self):
        """The element type."""
        return self._trace.dtype

    @property
    def rank(self) -> int:
        """The number of dimensions."""
        return self._trace.rank

    @property
    def ndim(self) -> int:
        """The number of dimensions (same as :attr:`rank`)."""
        return self._trace.rank

    @property
    def device(self):
        """The :class:`kiln.device` the tensor is on."""
        from kiln.device import device

        return self._device if self._device is not None else device("cpu")

    @property
    def name(self) -> Optional[str]:
        """The tensor's name, if it was given one."""
        return self._name

    @name.setter
    def name(self, value):
        self._name = value

    @property
    def stack_info(self):
        """Where the tensor was created: file, line, column range and function."""
        return self._trace.source

    @property
    def trace_tensor(self):
        """The traced value behind this tensor (Kiln's trace layer)."""
        return self._trace

    @classmethod
    def from_trace_tensor(cls, trace_tensor, include_code_index=None, preserve_existing_stack_info=False):
        """A tensor over an existing traced value."""
        return cls._from_trace(trace_tensor)

    # -- evaluation ---------------------------------------------------------
    def eval(self) -> "Tensor":
        """Computes the tensor's value now and keeps it; returns ``self``.

        .. code-block:: python

            x = (kiln.ones((2,)) * 3).eval()
            assert x.tolist() == [3.0, 3.0]
        """
        if not isinstance(self._trace.producer, trace_ops.Constant):
            result = _eager.evaluate(self._trace)
            self._trace = trace_ops.Constant.make(
                [], self._trace.source, result=(result.shape, self._trace.dtype), array=result
            )
        return self

    def _array(self) -> np.ndarray:
        return self.eval()._trace.producer.array

    def numpy(self) -> np.ndarray:
        """The value as a new numpy array.

        .. code-block:: python

            assert (kiln.Tensor([1, 2]).numpy() == np.array([1, 2])).all()
        """
        return np.array(self._array(), copy=True)

    def tolist(self):
        """The value as (nested) Python lists, or a Python number for a 0-d tensor.

        .. code-block:: python

            assert kiln.Tensor(2.0).tolist() == 2.0
        """
        array = self._array()
        if self.dtype in (_dtype.float16, _dtype.bfloat16, _dtype.float8):
            array = array.astype(np.float32)
        elif self.dtype == _dtype.int4:
            array = array.astype(np.int8)
        return array.tolist()

    def item(self):
        """The value of a one-element tensor as a Python number.

        .. code-block:: python

            assert kiln.Tensor([[3]]).item() == 3
        """
        array = self._array()
        if array.size != 1:
            raise_error(f"Tensor.item: expected a tensor with one element, got shape {self.shape}")
        return array.reshape(()).astype(np.float32 if self.dtype.is_floating else array.dtype).item()

    def __array__(self, dtype=None, copy=None):
        array = self._array()
        if dtype is not None:
            return array.astype(dtype)
        return np.array(array, copy=True) if copy else array

    def __dlpack__(self, stream=None, **kwargs):
        array = self._array()
        return array.__dlpack__(**kwargs) if kwargs else array.__dlpack__()

    def __dlpack_device__(self):
        return (1, 0)  # kDLCPU

    def __repr__(self):
        data = self.tolist()
        shape = self._trace.shape
        body = _format.pretty(data, shape)
        meta = f"dtype={self.dtype}, loc={self.device}, shape={shape}"
        if len(shape) > 1 and any(d > 1 for d in shape):
            indented = "\n".join("    " + line if line else line for line in body.split("\n"))
            return f"tensor(\n{indented}, \n    {meta})"
        return f"tensor({body}, {meta})"

    __str__ = __repr__

    def __len__(self):
        if self.rank == 0:
            raise TypeError("len() of a 0-d tensor")
        return self._trace.shape[0]

    def __iter__(self):
        raise TypeError("Iterating over tensors is not supported: index them (x[i]) or convert with tolist()")

    def __bool__(self):
        array = self._array()
        if array.size != 1:
            raise_error(
                f"the truth value of a tensor with {array.size} elements is ambiguous: expected one element, "
                f"got shape {self.shape}",
                ["hint: use kiln.all(x) or kiln.any(x)"],
            )
        return bool(array.reshape(()))

    def __float__(self):
        return float(self.item())

    def __int__(self):
        return int(self.item())

    def __index__(self):
        if self.dtype.is_floating or self.dtype == _dtype.bool_:
            raise TypeError(f"only integer tensors can be used as an index, got {self.dtype}")
        return int(self.item())

    def __getattr__(self, name: str):
        if name.startswith("_"):
            raise AttributeError(name)
        import difflib

        import kiln

        candidates = [n for n in dir(Tensor) if not n.startswith("_")]
        hints = []
        close = difflib.get_close_matches(name, candidates, n=1)
        if close:
            hints.append(f"did you mean Tensor.{close[0]}?")
        if hasattr(kiln, name):
            hints.append(f"kiln.{name} is a function: call kiln.{name}(tensor, ...)")
        raise AttributeError(f"'Tensor' object has no attribute '{name}'" + ("; " + " ".join(hints) if hints else ""))

    __hash__ = object.__hash__
