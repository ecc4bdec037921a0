"""Reductions over dimensions: sum, mean, max, min, prod, var, all, any,
argmax, argmin, topk, cumsum."""

from typing import Optional, Sequence, Union

import numpy as np

from kiln import _dtype
from kiln.exception import raise_error
from kiln.ops import _utils
from kiln.tensor import Tensor
from kiln.trace import ops as trace_ops

Dims = Optional[Union[int, Sequence[int]]]


def _reduce(input: Tensor, kind: str, dim: Dims, keepdim: bool, name: str) -> Tensor:
    _utils.check_dtype_in(input, _utils.NUMERIC, f"kiln.{name}")
    axes = list(range(input.rank)) if dim is None else _utils.normalize_dims(dim, input.rank, "dim")
    if not axes:
        return input
    return _utils.make(trace_ops.Reduce, [input], f"kiln.{name}", kind=kind, axes=axes, keepdim=bool(keepdim))


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
        count *= _utils.static_shape(input, "kiln.var")[a]
    centered = input - mean(input, axes, keepdim=True)
    return sum(centered * centered, axes, keepdim) / float(count - correction)


def _bool_reduce(input: Tensor, dim, keepdim, name, kind):
    _utils.check_dtype_in(input, (_dtype.bool_,), f"kiln.{name}")
    from kiln.ops.cast import cast

    as_int = cast(input, _dtype.int32)
    return cast(_reduce(as_int, kind, dim, keepdim, name), _dtype.bool_)


def all(input: Tensor, dim: Dims = None, keepdim: bool = False) -> Tensor:
    """
    Whether every element along ``dim`` is true (all dimensions when ``None``).

    .. code-block:: python

        x = kiln.Tensor([[True, True], [True, False]])
        assert kiln.all(x, dim=1).tolist() == [True, False]
    """
    return _bool_reduce(input, dim, keepdim, "all", "kMIN")


def any(input: Tensor, dim: Dims = None, keepdim: bool = False) -> Tensor:
    """
    Whether any element along ``dim`` is true (all dimensions when ``None``).

    .. code-block:: python

        x = kiln.Tensor([[False, False], [True, False]])
        assert kiln.any(x, dim=1).tolist() == [False, True]
    """
    return _bool_reduce(input, dim, keepdim, "any", "kMAX")


_TOPK_TYPES = (_dtype.float32, _dtype.float16, _dtype.bfloat16, _dtype.int32, _dtype.int64)


def _top(input: Tensor, k: int, dim: int, kind: str, what: str):
    _utils.check_dtype_in(input, _TOPK_TYPES, what)
    if not isinstance(k, (int, np.integer)) or isinstance(k, bool) or k < 1:
        raise_error(f"{what}: expected k to be a positive integer, got {k!r}")
    _utils.require_rank(input, 1, what)
    dim = _utils.normalize_dim(dim, input.rank, "dim")
    size = input._trace.shape[dim]
    if size >= 0 and k > size:
        raise_error(f"{what}: expected k <= {size}, the size of dimension {dim}, got k={k}", [input])
    x = input
    if input.rank == 0:
        x = input.reshape((1,))
    values, indices = _utils.make_all(trace_ops.TopK, [x], what, kind=kind, k=int(k), axis=dim)
    return values, indices


def topk(input: Tensor, k: int, dim: int):
    """
    The ``k`` largest values along ``dim`` and their ``int32`` indices, largest first.

    .. code-block:: python

        values, indices = kiln.topk(kiln.Tensor([1.0, 5.0, 3.0]), k=2, dim=0)
        assert values.tolist() == [5.0, 3.0] and indices.tolist() == [1, 2]
    """
    return _top(input, k, dim, "kMAX", "kiln.topk")


def _arg(input: Tensor, dim, keepdim, kind, name):
    what = f"kiln.{name}"
    _utils.check_dtype_in(input, _TOPK_TYPES, what)
    if dim is None:
        flat = input.reshape((-1,))
        _, indices = _top(flat, 1, 0, kind, what)
        return indices.reshape((1,) * input.rank) if keepdim else indices.reshape(())
    dim = _utils.normalize_dim(dim, input.rank, "dim")
    _, indices = _top(input, 1, dim, kind, what)
    return indices if keepdim else indices.squeeze(dim)


def argmax(input: Tensor, dim: Optional[int] = None, keepdim: bool = False) -> Tensor:
    """
    The ``int32`` index of the largest value along ``dim`` (of the flattened tensor when ``None``).

    .. code-block:: python

        x = kiln.Tensor([[1.0, 5.0], [7.0, 2.0]])
        assert kiln.argmax(x, dim=1).tolist() == [1, 0]
    """
    return _arg(input, dim, keepdim, "kMAX", "argmax")


def argmin(input: Tensor, dim: Optional[int] = None, keepdim: bool = False) -> Tensor:
    """
    The ``int32`` index of the smallest value along ``dim`` (of the flattened tensor when ``None``).

    .. code-block:: python

        x = kiln.Tensor([[1.0, 5.0], [7.0, 2.0]])
        assert kiln.argmin(x, dim=1).tolist() == [0, 1]
    """
    return _arg(input, dim, keepdim, "kMIN", "argmin")


def cumsum(input: Tensor, dim: int) -> Tensor:
    """
    Cumulative sum along ``dim``: element ``i`` is the sum of elements ``0..i``.

    .. code-block:: python

        assert kiln.cumsum(kiln.Tensor([1.0, 2.0, 3.0]), dim=0).tolist() == [1.0, 3.0, 6.0]
    """
    what = "kiln.cumsum"
    _utils.check_dtype_in(input, _utils.NUMERIC, what)
    if input.rank == 0:
        return input
    dim = _utils.normalize_dim(dim, input.rank, "dim")
    n = _utils.static_shape(input, what)[dim]
    # A lower-triangular matrix of ones: out[..., i, ...] = sum_j<=i x[..., j, ...].
    from kiln.ops.cast import cast
    from kiln.ops.matmul import matmul

    work = input if input.dtype.is_floating else cast(input, _dtype.float32)
    tri = _utils.constant(np.tril(np.ones((n, n))), work.dtype)
    moved = work.transpose(dim, -1)
    out = matmul(moved, tri, transpose_other=True).transpose(dim, -1)
    return out if input.dtype.is_floating else cast(out, input.dtype)
