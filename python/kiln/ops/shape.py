"""Shape manipulation: the ``shape`` property, reshape, transpose, permute,
unsqueeze, squeeze, flatten, expand, repeat, flip, split. These change how
elements are indexed, never their values.

A dimension known only at run time (a dynamic input of ``kiln.compile``) is
a :class:`kiln.DimensionSize`, a 0-d int32 tensor; shapes mixing ints and
DimensionSizes become run-time shape operands."""

import numbers
from typing import Sequence, Union

import numpy as np

from kiln import _dtype
from kiln.exception import raise_error
from kiln.ops import _utils
from kiln.ops._registry import register_tensor_method
from kiln.tensor import Tensor
from kiln.trace import ops as trace_ops


# -- shapes as tensors ---------------------------------------------------------
def _dimension_size(t: Tensor):
    from kiln.dimension_size import DimensionSize

    out = DimensionSize._from_trace(t._trace)
    return out


@register_tensor_method("shape")
def shape(self: Tensor) -> tuple:
    """
    The shape: a tuple with an ``int`` for each static dimension and a
    :class:`kiln.DimensionSize` for each dimension known only at run time.

    .. code-block:: python

        assert kiln.ones((8, 2)).shape == (8, 2)
    """
    dims = self._trace.shape
    if all(d >= 0 for d in dims):
        return dims
    shape_tensor = _utils.make(trace_ops.Shape, [self], "Tensor.shape")
    out = []
    for i, d in enumerate(dims):
        if d >= 0:
            out.append(d)
        else:
            piece = _utils.make(trace_ops.Slice, [shape_tensor], start=[i], size=[1], stride=[1])
            out.append(_dimension_size(_reshape_static(piece, ())))
    return tuple(out)


def is_dynamic_dim(value) -> bool:
    return isinstance(value, Tensor)


def shape_tensor(dims) -> Tensor:
    """A 1-D int32 tensor holding ``dims`` (ints and 0-d int32 tensors)."""
    from kiln.ops.concatenate import concatenate

    pieces, static = [], []

    def flush():
        if static:
            pieces.append(_utils.constant(np.array(static, np.int32), _dtype.int32, inline=True))
            static.clear()

    for d in dims:
        if isinstance(d, Tensor):
            if d.dtype != _dtype.int32 or d.rank != 0:
                raise_error(f"expected a shape dimension to be an int or a 0-d int32 tensor, got {d.dtype} of rank {d.rank}")
            flush()
            pieces.append(_reshape_static(d, (1,)))
        else:
            static.append(int(d))
    flush()
    if not pieces:
        return _utils.constant(np.zeros((0,), np.int32), _dtype.int32, inline=True)
    return concatenate(pieces, 0) if len(pieces) > 1 else pieces[0]


def _numel(t: Tensor):
    """The element count: an int, or a 0-d int32 tensor for dynamic shapes."""
    total = 1
    for d in t.shape:
        total = total * d
    return total


def _reshape_static(input: Tensor, shape) -> Tensor:
    return _utils.make(trace_ops.Reshape, [input], "kiln.reshape", result=(tuple(shape), input.dtype))


def _check_shape_arg(shape, what):
    if isinstance(shape, (int, np.integer, Tensor)):
        shape = (shape,)
    if not isinstance(shape, (tuple, list)):
        raise_error(f"{what}: expected the shape to be a sequence of ints, got {type(shape).__name__}")
    out = []
    for d in shape:
        if isinstance(d, Tensor):
            out.append(d)
        elif isinstance(d, (int, np.integer)) and not isinstance(d, bool):
            out.append(int(d))
        else:
            raise_error(f"{what}: expected the shape to hold ints or kiln.DimensionSize, got {d!r}")
    return out


@register_tensor_method("reshape")
def reshape(input: Tensor, shape) -> Tensor:
    """
    The same elements in a new shape. One dimension may be ``-1`` and is
    inferred; dimensions may be :class:`kiln.DimensionSize` (e.g.
    ``x.shape[0]`` of a dynamic input).

    .. code-block:: python

        x = kiln.ones((2, 3))
        assert kiln.reshape(x, (3, -1)).shape == (3, 2)
    """
    what = "kiln.reshape"
    _utils.check_tensor(input, what)
    shape = _check_shape_arg(shape, what)
    unknown = [i for i, d in enumerate(shape) if isinstance(d, int) and d == -1]
    if len(unknown) > 1 or any(isinstance(d, int) and d < -1 for d in shape):
        raise_error(f"{what}: expected at most one -1 and otherwise non-negative sizes, got {tuple(shape)}")
    dynamic = any(isinstance(d, Tensor) for d in shape) or not input._trace.is_static
    if not dynamic:
        numel = int(np.prod(input._trace.shape, dtype=np.int64))
        if unknown:
            known = int(np.prod([d for d in shape if d != -1], dtype=np.int64))
            if known == 0 or numel % known != 0:
                raise_error(
                    f"{what}: cannot infer the -1 in {tuple(shape)} for a tensor of shape {input.shape}: "
                    f"expected {numel} elements to divide evenly by {known}",
                    [input],
                )
            shape[unknown[0]] = numel // known
        if int(np.prod(shape, dtype=np.int64)) != numel:
            raise_error(
                f"{what}: expected the new shape to hold {numel} elements (input shape {input.shape}), "
                f"got {tuple(shape)} with {int(np.prod(shape, dtype=np.int64))} elements",
                [input],
            )
        if tuple(shape) == input._trace.shape:
            return input
        return _reshape_static(input, shape)
    if unknown:
        known = 1
        for d in shape:
            if not (isinstance(d, int) and d == -1):
                known = known * d
        shape[unknown[0]] = _numel(input) // known
    result_dims = tuple(d if isinstance(d, int) else -1 for d in shape)
    return _utils.make(trace_ops.Reshape, [input, shape_tensor(shape)], what, result=(result_dims, input.dtype))


@register_tensor_method("flatten")
def flatten(input: Tensor, start_dim: int = 0, end_dim: int = -1) -> Tensor:
    """
    Merges dimensions ``start_dim`` through ``end_dim`` into one.

    .. code-block:: python

        assert kiln.flatten(kiln.ones((2, 3, 4)), 1).shape == (2, 12)
    """
    if input.rank == 0:
        return reshape(input, (1,))
    start = _utils.normalize_dim(start_dim, input.rank, "start_dim")
    end = _utils.normalize_dim(end_dim, input.rank, "end_dim")
    if start > end:
        raise_error(f"kiln.flatten: expected start_dim <= end_dim, got {start_dim} and {end_dim}")
    dims = input.shape
    return reshape(input, list(dims[:start]) + [-1] + list(dims[end + 1 :]))


@register_tensor_method("permute")
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
    return _utils.make(trace_ops.Transpose, [input], "kiln.permute", permutation=perm)


@register_tensor_method("transpose")
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


@register_tensor_method("unsqueeze")
def unsqueeze(input: Tensor, dim: int) -> Tensor:
    """
    Inserts a dimension of size 1 at ``dim`` (``-1`` appends).

    .. code-block:: python

        assert kiln.unsqueeze(kiln.ones((2, 3)), 1).shape == (2, 1, 3)
    """
    dim = _utils.normalize_dim(dim, input.rank + 1, "dim")
    dims = input._trace.shape
    return _utils.make(trace_ops.ExpandRank, [input], "kiln.unsqueeze",
                       result=(dims[:dim] + (1,) + dims[dim:], input.dtype))


@register_tensor_method("squeeze")
def squeeze(input: Tensor, dims) -> Tensor:
    """
    Removes dimensions of size 1.

    Args:
        dims: One dimension or a sequence of dimensions; each must have size 1.

    .. code-block:: python

        assert kiln.squeeze(kiln.ones((2, 1, 3)), 1).shape == (2, 3)
    """
    _utils.require_rank(input, 1, "kiln.squeeze")
    dims = _utils.normalize_dims(dims, input.rank, "dims")
    sizes = input._trace.shape
    for d in dims:
        if sizes[d] != 1:
            raise_error(
                f"kiln.squeeze: expected dimension {d} to have size 1, got {sizes[d] if sizes[d] >= 0 else '?'} "
                f"(shape {input.shape})",
                [input],
            )
    out = tuple(s for i, s in enumerate(sizes) if i not in dims)
    if out == sizes:
        return input
    return _utils.make(trace_ops.CollapseRank, [input], "kiln.squeeze", result=(out, input.dtype))


def expand(input: Tensor, sizes) -> Tensor:
    """
    Broadcasts size-1 dimensions to ``sizes`` (``-1`` keeps a dimension);
    ``sizes`` may be longer than the rank, adding leading dimensions.

    .. code-block:: python

        x = kiln.Tensor([[1.0], [2.0]])
        assert kiln.expand(x, (2, 3)).tolist() == [[1.0, 1.0, 1.0], [2.0, 2.0, 2.0]]
    """
    what = "kiln.expand"
    sizes = _check_shape_arg(sizes, what)
    if len(sizes) < input.rank:
        raise_error(f"{what}: expected len(sizes) >= the input's rank {input.rank}, got {len(sizes)}", [input])
    lead = len(sizes) - input.rank
    x = _utils.expand_rank(input, len(sizes))
    current = x.shape
    target = []
    for i, (have, want) in enumerate(zip(current, sizes)):
        if isinstance(want, int) and want == -1:
            if i < lead:
                raise_error(f"{what}: expected a size for the new leading dimension {i}, got -1")
            target.append(have)
        else:
            if isinstance(have, int) and have != 1 and isinstance(want, int) and want != have:
                raise_error(
                    f"{what}: cannot expand dimension {i} of size {have} to {want}: expected size 1 or equal sizes",
                    [input],
                )
            target.append(want)
    dims = list(range(len(target)))
    if all(isinstance(d, int) for d in target):
        if tuple(target) == x._trace.shape:
            return x
        return _utils.make(trace_ops.Broadcast, [x], what, result=(tuple(target), x.dtype), broadcast_dims=dims)
    result = tuple(d if isinstance(d, int) else -1 for d in target)
    return _utils.make(trace_ops.Broadcast, [x, shape_tensor(target)], what, result=(result, x.dtype),
                       broadcast_dims=dims)


def repeat(input: Tensor, repeats: int, dim: int) -> Tensor:
    """
    Repeats each element ``repeats`` times along ``dim``, like
    ``torch.repeat_interleave``.

    .. code-block:: python

        x = kiln.Tensor([1, 2])
        assert kiln.repeat(x, 2, dim=0).tolist() == [1, 1, 2, 2]
    """
    what = "kiln.repeat"
    if not isinstance(repeats, (int, np.integer)) or isinstance(repeats, bool) or repeats < 0:
        raise_error(f"{what}: expected repeats to be a non-negative int, got {repeats!r}")
    if input.rank == 0:
        input = reshape(input, (1,))
    dim = _utils.normalize_dim(dim, input.rank, "dim")
    x = unsqueeze(input, dim + 1)
    sizes = list(x.shape)
    sizes[dim + 1] = int(repeats)
    out_shape = list(input.shape)
    out_shape[dim] = input.shape[dim] * int(repeats)
    return reshape(expand(x, sizes), out_shape)


def flip(input: Tensor, dim: Union[int, Sequence[int], None] = None) -> Tensor:
    """
    Reverses the order of elements along ``dim`` (every dimension when ``None``).

    .. code-block:: python

        assert kiln.flip(kiln.Tensor([[1, 2], [3, 4]]), dim=1).tolist() == [[2, 1], [4, 3]]
    """
    dims = list(range(input.rank)) if dim is None else _utils.normalize_dims(dim, input.rank, "dim")
    index = tuple(slice(None, None, -1) if i in dims else slice(None) for i in range(input.rank))
    return input[index] if dims else input


def split(input: Tensor, num_split_or_sizes, dim: int = 0):
    """
    Splits ``input`` along ``dim`` into ``num_split_or_sizes`` equal parts (an
    int), or parts of the given sizes (a sequence). Returns a tuple (a
    single tensor when splitting into one part, as in nvtripy).

    .. code-block:: python

        a, b = kiln.split(kiln.Tensor([1, 2, 3, 4]), 2)
        assert a.tolist() == [1, 2] and b.tolist() == [3, 4]
    """
    what = "kiln.split"
    _utils.require_rank(input, 1, what)
    dim = _utils.normalize_dim(dim, input.rank, "dim")
    size = _utils.static_shape(input, what)[dim]
    if isinstance(num_split_or_sizes, (int, np.integer)) and not isinstance(num_split_or_sizes, bool):
        n = int(num_split_or_sizes)
        if n <= 0 or size % n != 0:
            raise_error(f"{what}: expected a positive number of parts that divides dimension {dim} of size {size}, "
                        f"got {n}", [input])
        sizes = [size // n] * n
    else:
        sizes = [int(s) for s in num_split_or_sizes]
        if any(s < 0 for s in sizes) or sum(sizes) != size:
            raise_error(f"{what}: expected the sizes to be non-negative and add up to {size} (dimension {dim}), "
                        f"got {sizes}", [input])
    parts, offset = [], 0
    for s in sizes:
        index = tuple(slice(offset, offset + s) if i == dim else slice(None) for i in range(input.rank))
        parts.append(input[index])
        offset += s
    return parts[0] if len(parts) == 1 else tuple(parts)
