"""Tensors made from a shape: ones, zeros, full, arange."""

from typing import Sequence

import numpy as np

from kiln import _dtype
from kiln.ops import _utils
from kiln.tensor import Tensor


def full(shape: Sequence[int], value, dtype: _dtype.dtype = _dtype.float32) -> Tensor:
    """
    A tensor of ``shape`` filled with ``value``.

    .. code-block:: python

        assert kiln.full((2,), 7, dtype=kiln.int32).tolist() == [7, 7]
    """
    return _utils.constant(np.full(tuple(shape), value, dtype=dtype.numpy), dtype)


def ones(shape: Sequence[int], dtype: _dtype.dtype = _dtype.float32) -> Tensor:
    """
    A tensor of ones.

    .. code-block:: python

        assert kiln.ones((2, 2)).tolist() == [[1.0, 1.0], [1.0, 1.0]]
    """
    return full(shape, 1, dtype)


def zeros(shape: Sequence[int], dtype: _dtype.dtype = _dtype.float32) -> Tensor:
    """
    A tensor of zeros.

    .. code-block:: python

        assert kiln.zeros((2,)).tolist() == [0.0, 0.0]
    """
    return full(shape, 0, dtype)


def arange(start, stop=None, step=1, dtype: _dtype.dtype = _dtype.float32) -> Tensor:
    """
    Evenly spaced values in ``[start, stop)``; ``arange(n)`` counts from 0.

    .. code-block:: python

        assert kiln.arange(3).tolist() == [0.0, 1.0, 2.0]
    """
    if stop is None:
        start, stop = 0, start
    return _utils.constant(np.arange(start, stop, step).astype(dtype.numpy), dtype)
