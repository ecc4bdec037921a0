"""Joining tensors along a dimension."""

from typing import Sequence

from kiln.exception import raise_error
from kiln.ops import _utils
from kiln.tensor import Tensor
from kiln.trace import ops as trace_ops


def concatenate(tensors: Sequence[Tensor], dim: int) -> Tensor:
    """
    Joins tensors of equal rank and dtype along ``dim``; the other dimensions
    must match.

    .. code-block:: python

        a, b = kiln.ones((2, 3)), kiln.zeros((2, 1))
        assert kiln.concatenate([a, b], dim=1).shape == (2, 4)
    """
    tensors = list(tensors)
    if not tensors or not all(isinstance(t, Tensor) for t in tensors):
        raise_error("kiln.concatenate: expected a non-empty sequence of kiln.Tensor")
    if len(tensors) == 1:
        return tensors[0]
    _utils.check_same_dtype(tensors, "kiln.concatenate")
    first = tensors[0]
    dim = _utils.normalize_dim(dim, first.rank, "dim")
    for i, t in enumerate(tensors[1:], start=1):
        if t.rank != first.rank or any(a != b and a >= 0 and b >= 0 for k, (a, b)
                                       in enumerate(zip(t._trace.shape, first._trace.shape)) if k != dim):
            raise_error(
                f"kiln.concatenate: expected all shapes to match except in dimension {dim}, "
                f"got {first.shape} (tensor 0) and {t.shape} (tensor {i})",
                [first, t],
            )
    return _utils.make(trace_ops.Concatenation, tensors, "kiln.concatenate", axis=dim)


def stack(tensors: Sequence[Tensor], dim: int = 0) -> Tensor:
    """
    Joins tensors of equal shape along a new dimension ``dim``.

    .. code-block:: python

        assert kiln.stack([kiln.ones((2,)), kiln.zeros((2,))]).shape == (2, 2)
    """
    from kiln.ops.shape import unsqueeze

    tensors = list(tensors)
    if not tensors:
        raise_error("kiln.stack: expected a non-empty sequence of kiln.Tensor")
    rank = tensors[0].rank
    for i, t in enumerate(tensors):
        if not isinstance(t, Tensor) or t._trace.shape != tensors[0]._trace.shape:
            if not isinstance(t, Tensor):
                raise_error(f"kiln.stack: expected a sequence of kiln.Tensor, got {type(t).__name__} (tensor {i})")
            raise_error(f"kiln.stack: expected all shapes to be {tensors[0].shape}, got {t.shape} (tensor {i})")
    dim = _utils.normalize_dim(dim, rank + 1, "dim")
    return concatenate([unsqueeze(t, dim) for t in tensors], dim)
