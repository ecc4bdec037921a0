"""Shape manipulation: reshape, transpose, permute, unsqueeze, squeeze,
flatten. These change how elements are indexed, never their values."""

from typing import Sequence

import numpy as np

from kiln.exception import raise_error
from kiln.ops import _utils
from kiln.tensor import Tensor
from kiln.trace import ops as trace_ops


def _resolve_shape(input: Tensor, shape) -> tuple:
    if isinstance(shape, (int, np.integer)):
        shape = (shape,)
    shape = [int(d) for d in shape]
    numel = int(np.prod(input.shape, dtype=np.int64))
    unknown = [i for i, d in enumerate(shape) if d == -1]
    if len(unknown) > 1 or any(d < -1 for d in shape):
        raise_error(f"kiln.reshape: expected at most one -1 and otherwise non-negative sizes, got {tuple(shape)}")
    if unknown:
        known = int(np.prod([d for d in shape if d != -1], dtype=np.int64))
        if known == 0 or numel % known != 0:
            raise_error(
                f"kiln.reshape: cannot infer the -1 in {tuple(shape)} for a tensor of shape {input.shape}: "
                f"expected {numel} elements to divide evenly by {known}",
                [input],
            )
        shape[unknown[0]] = numel // known
    if int(np.prod(shape, dtype=np.int64)) != numel:
        raise_error(
            f"kiln.reshape: expected the new shape to hold {numel} elements (input shape {input.shape}), "
            f"got {tuple(shape)} with {int(np.prod(shape, dtype=np.int64))} elements",
            [input],
        )
    return tuple(shape)


def reshape(input: Tensor, shape: Sequence[int]) -> Tensor:
    """
    The same elements in a new shape. One dimension may be ``-1`` and is inferred.

    .. code-block:: python

        x = kiln.ones((2, 3))
        assert kiln.reshape(x, (3, -1)).shape == (3, 2)
    """
    shape = _resolve_shape(input, shape)
    if shape == input.shape:
        return input
    return _utils.make(trace_ops.Reshape, [input], shape, input.dtype)


def flatten(input: Tensor, start_dim: int = 0, end_dim: int = -1) -> Tensor:
    """
    Merges dimensions ``start_dim`` through ``end_dim`` into one.

    .. code-block:: python

        assert kiln.flatten(kiln.ones((2, 3, 4)), 1).shape == (2, 12)
    """
    start = _utils.normalize_dim(start_dim, input.rank, "start_dim")
    end = _utils.normalize_dim(end_dim, input.rank, "end_dim")
    if input.rank == 0:
        return reshape(input, (1,))
    merged = int(np.prod(input.shape[start : end + 1], dtype=np.int64))
    return reshape(input, input.shape[:start] + (merged,) + input.shape[end + 1 :])


def permute(input: Tensor, perm: Sequence[int]) -> Tensor:
    """
    Reorders dimensions: output dimension ``i`` is input dimension ``perm[i]``.

    .. code-block:: python

        x = kiln.ones((2, 3, 4))
        assert kiln.permute(x, (2, 0, 1)).shape == (4, 2, 3)
    """
    perm = list(perm)
    if len(perm) != input.rank:
        raise_error(f"kiln.permute: expected a permutation of {input.rank} dimensions, got {tuple(perm)}", [input])
    perm = _utils.normalize_dims(perm, input.rank, "perm")
    if perm == list(range(input.rank)):
        return input
    shape = tuple(input.shape[p] for p in perm)
    return _utils.make(trace_ops.Transpose, [input], shape, input.dtype, permutation=perm)


def transpose(input: Tensor, dim0: int, dim1: int) -> Tensor:
    """
    Swaps two dimensions.

    .. code-block:: python

        x = kiln.ones((2, 3))
        assert kiln.transpose(x, 0, 1).shape == (3, 2)
    """
    dim0 = _utils.normalize_dim(dim0, input.rank, "dim0")
    dim1 = _utils.normalize_dim(dim1, input.rank, "dim1")
    perm = list(range(input.rank))
    perm[dim0], perm[dim1] = perm[dim1], perm[dim0]
    return permute(input, perm)


def unsqueeze(input: Tensor, dim: int) -> Tensor:
    """
    Inserts a dimension of size 1 at ``dim`` (``-1`` appends).

    .. code-block:: python

        assert kiln.unsqueeze(kiln.ones((2, 3)), 1).shape == (2, 1, 3)
    """
    dim = _utils.normalize_dim(dim, input.rank + 1, "dim")
    shape = input.shape[:dim] + (1,) + input.shape[dim:]
    return _utils.make(trace_ops.ExpandRank, [input], shape, input.dtype)


def squeeze(input: Tensor, dims) -> Tensor:
    """
    Removes dimensions of size 1.

    Args:
        dims: One dimension or a sequence of dimensions; each must have size 1.

    .. code-block:: python

        assert kiln.squeeze(kiln.ones((2, 1, 3)), 1).shape == (2, 3)
    """
    dims = _utils.normalize_dims(dims, input.rank, "dims")
    for d in dims:
        if input.shape[d] != 1:
            raise_error(
                f"kiln.squeeze: expected dimension {d} to have size 1, got {input.shape[d]} (shape {input.shape})",
                [input],
            )
    shape = tuple(s for i, s in enumerate(input.shape) if i not in dims)
    if shape == input.shape:
        return input
    return _utils.make(trace_ops.Reshape, [input], shape, input.dtype)
