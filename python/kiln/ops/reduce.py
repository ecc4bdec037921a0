"""Reductions over dimensions: sum, mean, max, min, prod, var."""

from typing import Optional, Sequence, Union

from kiln.ops import _utils
from kiln.tensor import Tensor
from kiln.trace import ops as trace_ops

Dims = Optional[Union[int, Sequence[int]]]


def _reduce(input: Tensor, kind: str, dim: Dims, keepdim: bool, name: str) -> Tensor:
    _utils.check_dtype_in(input, _utils.NUMERIC, f"kiln.{name}")
    axes = list(range(input.rank)) if dim is None else _utils.normalize_dims(dim, input.rank, "dim")
    if not axes:
        return input
    shape = tuple(1 if i in axes else s for i, s in enumerate(input.shape) if keepdim or i not in axes)
    return _utils.make(trace_ops.Reduce, [input], shape, input.dtype, kind=kind, axes=axes, keepdim=bool(keepdim))


def sum(input: Tensor, dim: Dims = None, keepdim: bool = False) -> Tensor:
    """
    Sum of elements along ``dim`` (all dimensions when ``None``).

    Args:
        input: The input tensor.
        dim: A dimension or dimensions to reduce; ``None`` reduces all.
        keepdim: Keep the reduced dimensions with size 1.

    .. code-block:: python

        x = kiln.Tensor([[1.0, 2.0], [3.0, 4.0]])
        assert kiln.sum(x, dim=1).tolist() == [3.0, 7.0]
    """
    return _reduce(input, "kSUM", dim, keepdim, "sum")


def mean(input: Tensor, dim: Dims = None, keepdim: bool = False) -> Tensor:
    """
    Arithmetic mean along ``dim`` (all dimensions when ``None``).

    .. code-block:: python

        x = kiln.Tensor([[1.0, 2.0], [3.0, 4.0]])
        assert kiln.mean(x, dim=0).tolist() == [2.0, 3.0]
    """
    return _reduce(input, "kAVG", dim, keepdim, "mean")


def max(input: Tensor, dim: Dims = None, keepdim: bool = False) -> Tensor:
    """
    Maximum along ``dim`` (all dimensions when ``None``).

    .. code-block:: python

        x = kiln.Tensor([[1.0, 5.0], [3.0, 4.0]])
        assert kiln.max(x, dim=1, keepdim=True).tolist() == [[5.0], [4.0]]
    """
    return _reduce(input, "kMAX", dim, keepdim, "max")


def min(input: Tensor, dim: Dims = None, keepdim: bool = False) -> Tensor:
    """
    Minimum along ``dim`` (all dimensions when ``None``).

    .. code-block:: python

        assert kiln.min(kiln.Tensor([3, 1, 2])).tolist() == 1
    """
    return _reduce(input, "kMIN", dim, keepdim, "min")


def prod(input: Tensor, dim: Dims = None, keepdim: bool = False) -> Tensor:
    """
    Product along ``dim`` (all dimensions when ``None``).

    .. code-block:: python

        assert kiln.prod(kiln.Tensor([2, 3, 4])).tolist() == 24
    """
    return _reduce(input, "kPROD", dim, keepdim, "prod")


def var(input: Tensor, dim: Dims = None, keepdim: bool = False, correction: int = 1) -> Tensor:
    """
    Variance along ``dim`` with Bessel's ``correction`` (1 = sample variance).

    .. code-block:: python

        assert kiln.var(kiln.Tensor([1.0, 3.0]), correction=0).tolist() == 1.0
    """
    _utils.check_dtype_in(input, _utils.FLOATING, "kiln.var")
    axes = list(range(input.rank)) if dim is None else _utils.normalize_dims(dim, input.rank, "dim")
    count = 1
    for a in axes:
        count *= input.shape[a]
    centered = input - mean(input, axes, keepdim=True)
    return sum(centered * centered, axes, keepdim) / float(count - correction)
