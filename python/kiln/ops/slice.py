"""Basic indexing: ``x[1:3, :, 0]``, negative indices and steps, ``...`` and
``None``."""

import numpy as np

from kiln.exception import raise_error
from kiln.ops import _utils
from kiln.ops.shape import reshape
from kiln.tensor import Tensor
from kiln.trace import ops as trace_ops


def _expand_index(index, rank):
    if not isinstance(index, tuple):
        index = (index,)
    ellipses = [i for i, item in enumerate(index) if item is Ellipsis]
    if len(ellipses) > 1:
        raise_error("indexing: expected at most one '...', got several")
    consumed = sum(1 for item in index if item is not None and item is not Ellipsis)
    if consumed > rank:
        raise_error(f"indexing: too many indices: expected at most {rank} for a tensor of rank {rank}, got {consumed}")
    if ellipses:
        e = ellipses[0]
        index = index[:e] + (slice(None),) * (rank - consumed) + index[e + 1 :]
    else:
        index = index + (slice(None),) * (rank - consumed)
    return index


def getitem(input: Tensor, index) -> Tensor:
    """
    Basic slicing with Python syntax: integers (negative count from the end),
    slices with optional negative steps, ``...`` and ``None`` (a new unit
    dimension).

    .. code-block:: python

        x = kiln.Tensor(np.arange(24, dtype=np.float32).reshape(2, 3, 4))
        assert x[1, :, ::-2].shape == (3, 2)
    """
    index = _expand_index(index, input.rank)
    start, size, stride, final_shape = [], [], [], []
    dim = 0
    for item in index:
        if item is None:
            final_shape.append(1)
            continue
        extent = input.shape[dim]
        if isinstance(item, slice):
            begin, _, step = item.indices(extent)
            if step == 0:
                raise_error("indexing: slice step cannot be zero")
            length = len(range(*item.indices(extent)))
            start.append(begin if length else 0)
            size.append(length)
            stride.append(step)
            final_shape.append(length)
        elif isinstance(item, (int, np.integer)) and not isinstance(item, bool):
            if not -extent <= item < extent:
                raise_error(
                    f"indexing: index out of range: expected an index in [{-extent}, {extent - 1}] for dimension "
                    f"{dim} of size {extent}, got {item}",
                    [input],
                )
            start.append(int(item) % extent)
            size.append(1)
            stride.append(1)
        else:
            raise_error(f"indexing: expected integers, slices, '...' or None, got {type(item).__name__}")
        dim += 1
    out = input
    identity = start == [0] * input.rank and stride == [1] * input.rank and tuple(size) == input.shape
    if not identity:
        out = _utils.make(trace_ops.Slice, [input], tuple(size), input.dtype, start=start, stride=stride)
    return reshape(out, tuple(final_shape))
