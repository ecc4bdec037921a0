"""Padding with a constant."""

import numbers

from kiln.exception import raise_error
from kiln.ops import _utils
from kiln.tensor import Tensor


def pad(input: Tensor, pad, mode: str = "constant", value=0) -> Tensor:
    """
    Pads every dimension: ``pad[i] = (before, after)`` elements of ``value``
    are added around dimension ``i``. A negative amount removes elements
    from that end.

    .. code-block:: python

        x = kiln.Tensor([[1, 2], [3, 4]])
        assert kiln.pad(x, [(0, 1), (1, 0)]).tolist() == [[0, 1, 2], [0, 3, 4], [0, 0, 0]]
    """
    from kiln.ops.concatenate import concatenate
    from kiln.ops.creation import full

    what = "kiln.pad"
    _utils.check_tensor(input, what)
    if mode != "constant":
        raise_error(f"{what}: unsupported mode: expected 'constant', got {mode!r}")
    if not isinstance(value, (numbers.Number,)) or isinstance(value, bool):
        raise_error(f"{what}: expected value to be a number, got {type(value).__name__}")
    pad = [tuple(p) for p in pad]
    if len(pad) != input.rank or any(len(p) != 2 for p in pad):
        raise_error(f"{what}: expected one (before, after) pair per dimension ({input.rank}), got {pad}", [input])
    out = input
    for dim, (before, after) in enumerate(pad):
        shape = list(_utils.static_shape(out, what))
        begin, end = max(-before, 0), shape[dim] - max(-after, 0)
        if begin > 0 or end < shape[dim]:
            if begin > end:
                raise_error(f"{what}: negative padding removes more than dimension {dim} holds", [input])
            out = out[tuple(slice(begin, end) if i == dim else slice(None) for i in range(out.rank))]
            shape = list(out.shape)
        pieces = []
        for amount in (before, after):
            shape_piece = list(shape)
            shape_piece[dim] = max(amount, 0)
            pieces.append(full(shape_piece, value, out.dtype) if amount > 0 else None)
        parts = [p for p in (pieces[0], out, pieces[1]) if p is not None]
        out = concatenate(parts, dim) if len(parts) > 1 else out
    return out
