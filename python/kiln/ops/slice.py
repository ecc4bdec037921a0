"""Basic indexing: ``x[1:3, :, 0]``, negative indices and steps, ``...`` and
``None``."""

import numpy as np

from kiln.exception import raise_error
from kiln.ops import _utils
from kiln.ops._registry import register_tensor_method
from kiln.ops.shape import reshape, shape_tensor
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


def _dynamic_item(item, extent, dim):
    """(start, size, stride, keeps the dimension) for an index into a
    dimension known only at run time (``extent`` is a DimensionSize)."""
    from kiln.ops.binary import maximum, minimum

    if isinstance(item, (int, np.integer)) and not isinstance(item, bool):
        if item < 0:
            raise_error(f"indexing: a negative index into the dynamic dimension {dim} is not supported, got {item}")
        return int(item), 1, 1, False
    start, stop, step = item.start, item.stop, item.step
    if step not in (None, 1) or any(v is not None and (not isinstance(v, (int, np.integer)) or v < 0)
                                    for v in (start, stop)):
        raise_error(
            f"indexing: slicing the dynamic dimension {dim} takes non-negative start and stop and step 1, got {item}"
        )
    start = int(start or 0)
    end = extent if stop is None else minimum(extent, int(stop))
    size = maximum(end - start, 0)
    return start, size, 1, True


@register_tensor_method("__getitem__")
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
    if not input._trace.is_static:
        return _dynamic_getitem(input, index)
    start, size, stride, final_shape = [], [], [], []
    dim = 0
    for item in index:
        if item is None:
            final_shape.append(1)
            continue
        extent = input._trace.shape[dim]
        if isinstance(item, slice):
            _check_slice(item)
            begin, _, step = item.indices(extent)
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
    identity = start == [0] * input.rank and stride == [1] * input.rank and tuple(size) == input._trace.shape
    if not identity:
        out = _utils.make(trace_ops.Slice, [input], "indexing", start=start, size=size, stride=stride)
    return reshape(out, tuple(final_shape))


def _check_slice(item):
    for v in (item.start, item.stop, item.step):
        if v is not None and not isinstance(v, (int, np.integer)):
            raise_error(f"indexing: expected slice bounds to be ints, got {type(v).__name__}")
    if item.step == 0:
        raise_error("indexing: slice step cannot be zero")


def _dynamic_getitem(input: Tensor, index) -> Tensor:
    dims = input.shape
    start, size, stride, final_shape = [], [], [], []
    dim = 0
    for item in index:
        if item is None:
            final_shape.append(1)
            continue
        extent = dims[dim]
        if not isinstance(item, (slice, int, np.integer)) or isinstance(item, bool):
            raise_error(f"indexing: expected integers, slices, '...' or None, got {type(item).__name__}")
        if isinstance(extent, Tensor):
            if isinstance(item, slice):
                _check_slice(item)
            b, n, s, keep = _dynamic_item(item, extent, dim)
        elif isinstance(item, slice):
            _check_slice(item)
            b, _, s = item.indices(extent)
            n = len(range(*item.indices(extent)))
            b, keep = (b if n else 0), True
        else:
            if not -extent <= item < extent:
                raise_error(f"indexing: index out of range: expected an index in [{-extent}, {extent - 1}] for "
                            f"dimension {dim} of size {extent}, got {item}", [input])
            b, n, s, keep = int(item) % extent, 1, 1, False
        start.append(b)
        size.append(n)
        stride.append(s)
        if keep:
            final_shape.append(n)
        dim += 1
    result = tuple(n if isinstance(n, int) else -1 for n in size)
    out = _utils.make(trace_ops.Slice, [input, shape_tensor(size)], "indexing", result=(result, input.dtype),
                      start=start, size=None, stride=stride)
    return reshape(out, final_shape)
