"""Tensors made from a shape: full, ones, zeros and their ``*_like`` forms,
arange, iota, iota_like; and the triangle masks tril, triu."""

import numbers
from typing import Optional, Sequence

import numpy as np

from kiln import _dtype
from kiln.exception import raise_error
from kiln.ops import _utils
from kiln.tensor import Tensor
from kiln.trace import ops as trace_ops


def _check_dtype(dtype, what):
    if not _dtype.is_dtype(dtype):
        raise_error(f"{what}: expected dtype to be a kiln data type such as kiln.float32, got {dtype!r}")


def _shape_arg(shape, what):
    if isinstance(shape, (int, np.integer)) and not isinstance(shape, bool):
        shape = (shape,)
    if not isinstance(shape, (tuple, list)):
        raise_error(f"{what}: expected a shape (a sequence of ints), got {type(shape).__name__}")
    for d in shape:
        if isinstance(d, Tensor):
            continue
        if not isinstance(d, (int, np.integer)) or isinstance(d, bool) or d < 0:
            raise_error(f"{what}: expected non-negative integer sizes, got {tuple(shape)}")
    return list(shape)


def full(shape, value, dtype=_dtype.float32) -> Tensor:
    """
    A tensor of ``shape`` filled with ``value`` (a number, or a 0-d tensor).

    .. code-block:: python

        assert kiln.full((2,), 7, dtype=kiln.int32).tolist() == [7, 7]
    """
    what = "kiln.full"
    _check_dtype(dtype, what)
    shape = _shape_arg(shape, what)
    if isinstance(value, Tensor):
        from kiln.ops.cast import cast
        from kiln.ops.shape import expand

        if value.rank != 0:
            raise_error(f"{what}: expected value to be a number or a 0-d tensor, got a tensor of rank {value.rank}")
        scalar = cast(value, dtype).reshape((1,) * len(shape)) if shape else cast(value, dtype)
        return expand(scalar, shape) if shape else scalar
    if not isinstance(value, (numbers.Number, np.number, np.bool_)):
        raise_error(f"{what}: expected value to be a number, got {type(value).__name__}")
    if any(isinstance(d, Tensor) for d in shape):
        from kiln.ops.shape import expand

        one = _utils.constant(np.full((1,) * len(shape), value, dtype=dtype.numpy), dtype, inline=True)
        return expand(one, shape)
    if not dtype.is_floating and isinstance(value, float) and not float(value).is_integer():
        raise_error(f"{what}: cannot fill a {dtype} tensor with the fractional value {value}")
    return _utils.constant(np.full(tuple(shape), value, dtype=dtype.numpy), dtype, inline=True)


def ones(shape, dtype=_dtype.float32) -> Tensor:
    """
    A tensor of ones.

    .. code-block:: python

        assert kiln.ones((2, 2)).tolist() == [[1.0, 1.0], [1.0, 1.0]]
    """
    return full(shape, 1, dtype)


def zeros(shape, dtype=_dtype.float32) -> Tensor:
    """
    A tensor of zeros.

    .. code-block:: python

        assert kiln.zeros((2,)).tolist() == [0.0, 0.0]
    """
    return full(shape, 0, dtype)


def full_like(input: Tensor, value, dtype=None) -> Tensor:
    """
    A tensor shaped like ``input`` filled with ``value``, of ``input``'s dtype unless ``dtype`` is given.

    .. code-block:: python

        x = kiln.Tensor([[1, 2], [3, 4]])
        assert kiln.full_like(x, 5).tolist() == [[5, 5], [5, 5]]
    """
    _utils.check_tensor(input, "kiln.full_like")
    return full(input.shape, value, dtype or input.dtype)


def ones_like(input: Tensor, dtype=None) -> Tensor:
    """
    Ones shaped like ``input``.

    .. code-block:: python

        assert kiln.ones_like(kiln.zeros((2,))).tolist() == [1.0, 1.0]
    """
    return full_like(input, 1, dtype)


def zeros_like(input: Tensor, dtype=None) -> Tensor:
    """
    Zeros shaped like ``input``.

    .. code-block:: python

        assert kiln.zeros_like(kiln.ones((2,), kiln.int32)).tolist() == [0, 0]
    """
    return full_like(input, 0, dtype)


def arange(start, stop=None, step=1, dtype=_dtype.float32) -> Tensor:
    """
    Evenly spaced values in ``[start, stop)``; ``arange(n)`` counts from 0.

    .. code-block:: python

        assert kiln.arange(3).tolist() == [0.0, 1.0, 2.0]
        assert kiln.arange(1, 7, 2, dtype=kiln.int32).tolist() == [1, 3, 5]
    """
    what = "kiln.arange"
    _check_dtype(dtype, what)
    if stop is None:
        start, stop = 0, start
    for name, v in (("start", start), ("stop", stop), ("step", step)):
        if not isinstance(v, (numbers.Number, np.number)) or isinstance(v, bool):
            raise_error(f"{what}: expected '{name}' to be a number, got {type(v).__name__}")
    if step == 0:
        raise_error(f"{what}: expected a non-zero step, got 0")
    return _utils.constant(np.arange(start, stop, step).astype(dtype.numpy), dtype)


def iota(shape, dim: int = 0, dtype=_dtype.float32) -> Tensor:
    """
    A tensor of ``shape`` whose elements count 0, 1, 2, ... along ``dim``.

    .. code-block:: python

        assert kiln.iota((2, 3), dim=1, dtype=kiln.int32).tolist() == [[0, 1, 2], [0, 1, 2]]
    """
    what = "kiln.iota"
    _check_dtype(dtype, what)
    shape = _shape_arg(shape, what)
    if any(isinstance(d, Tensor) for d in shape):
        raise_error(f"{what}: expected a static shape, got run-time dimensions")
    if not shape:
        raise_error(f"{what}: expected a shape of rank >= 1, got ()")
    dim = _utils.normalize_dim(dim, len(shape), "dim")
    counts = np.arange(shape[dim]).reshape([-1 if i == dim else 1 for i in range(len(shape))])
    return _utils.constant(np.broadcast_to(counts, tuple(shape)).astype(dtype.numpy), dtype)


def iota_like(input: Tensor, dim: int = 0, dtype=None) -> Tensor:
    """
    :func:`iota` with ``input``'s shape (and dtype unless ``dtype`` is given).

    .. code-block:: python

        assert kiln.iota_like(kiln.zeros((3,))).tolist() == [0.0, 1.0, 2.0]
    """
    _utils.check_tensor(input, "kiln.iota_like")
    return iota(input.shape, dim, dtype or input.dtype)


def _triangle(tensor: Tensor, diagonal: int, lower: bool, what: str) -> Tensor:
    from kiln.ops.where import where

    _utils.check_tensor(tensor, what, "tensor")
    if tensor.rank < 2:
        raise_error(f"{what}: expected a tensor of rank >= 2, got rank {tensor.rank}", [tensor])
    m, n = _utils.static_shape(tensor, what)[-2:]
    keep = np.tril(np.ones((m, n), bool), diagonal) if lower else np.triu(np.ones((m, n), bool), diagonal)
    mask = _utils.constant(keep, _dtype.bool_)
    return where(mask, tensor, _utils.scalar_like(0, tensor))


def tril(tensor: Tensor, diagonal: int = 0) -> Tensor:
    """
    The lower triangle of each matrix (the last two dimensions): elements
    above diagonal ``diagonal`` become 0.

    .. code-block:: python

        x = kiln.ones((2, 2))
        assert kiln.tril(x).tolist() == [[1.0, 0.0], [1.0, 1.0]]
    """
    return _triangle(tensor, diagonal, True, "kiln.tril")


def triu(tensor: Tensor, diagonal: int = 0) -> Tensor:
    """
    The upper triangle of each matrix: elements below diagonal ``diagonal`` become 0.

    .. code-block:: python

        x = kiln.ones((2, 2))
        assert kiln.triu(x).tolist() == [[1.0, 1.0], [0.0, 1.0]]
    """
    return _triangle(tensor, diagonal, False, "kiln.triu")
