"""Helpers shared by the op modules: building trace ops from tensors,
dimension checks and numpy-style broadcasting."""

import numbers
from typing import Sequence

import numpy as np

from kiln import _dtype, _stack
from kiln.exception import raise_error
from kiln.tensor import Tensor
from kiln.trace import ops as trace_ops


def make(op_cls, inputs: Sequence[Tensor], shape, dtype, **attrs) -> Tensor:
    """Adds one trace op whose location is the user's current line."""
    trace = op_cls.make([t._trace for t in inputs], shape, dtype, _stack.user_frame(2), **attrs)
    return Tensor._from_trace(trace)


def constant(array: np.ndarray, dtype, inline: bool = False) -> Tensor:
    array = np.array(array, dtype=dtype.numpy, order="C")
    trace = trace_ops.Constant.make([], array.shape, dtype, _stack.user_frame(2), array=array, inline=inline)
    return Tensor._from_trace(trace)


def is_scalar(value) -> bool:
    return isinstance(value, (numbers.Number, np.number, np.bool_))


def scalar_like(value, like: Tensor) -> Tensor:
    """A Python scalar as a tensor of ``like``'s dtype and rank (all dims 1)."""
    if isinstance(value, (bool, np.bool_)) and like.dtype != _dtype.bool_ and not like.dtype.is_floating:
        value = int(value)
    if isinstance(value, float) and not like.dtype.is_floating and not float(value).is_integer():
        raise_error(
            f"cannot combine the float scalar {value} with a tensor of dtype {like.dtype}: "
            f"expected an integer scalar, got a float; cast the tensor with kiln.cast first"
        )
    return constant(np.full((1,) * like.rank, value, dtype=like.dtype.numpy), like.dtype)


def to_tensor(value, like: Tensor, what: str) -> Tensor:
    if isinstance(value, Tensor):
        return value
    if is_scalar(value):
        return scalar_like(value, like)
    if isinstance(value, (list, tuple, np.ndarray)):
        return Tensor(np.asarray(value), dtype=like.dtype)
    raise_error(f"{what}: expected a kiln.Tensor or a Python scalar, got {type(value).__name__}")


def normalize_dim(dim: int, rank: int, what: str = "dim") -> int:
    if not isinstance(dim, (int, np.integer)) or isinstance(dim, bool):
        raise_error(f"{what}: expected an integer dimension, got {dim!r}")
    low, high = (-rank, rank - 1) if rank > 0 else (-1, 0)
    if not low <= dim <= high:
        raise_error(f"dimension out of range: expected {what} in [{low}, {high}] for a tensor of rank {rank}, got {dim}")
    return int(dim) % rank if rank > 0 else 0


def normalize_dims(dims, rank: int, what: str = "dim"):
    if isinstance(dims, (int, np.integer)):
        dims = [dims]
    result = [normalize_dim(d, rank, what) for d in dims]
    if len(set(result)) != len(result):
        raise_error(f"{what}: expected distinct dimensions, got {list(dims)}")
    return result


def broadcast_shapes(shapes: Sequence[Sequence[int]], what: str, tensors=()) -> tuple:
    rank = max(len(s) for s in shapes)
    padded = [(1,) * (rank - len(s)) + tuple(s) for s in shapes]
    result = []
    for axis in range(rank):
        sizes = {s[axis] for s in padded if s[axis] != 1}
        if len(sizes) > 1:
            shown = " and ".join(str(tuple(s)) for s in shapes)
            raise_error(
                f"{what}: could not broadcast shapes {shown}: expected each dimension to be equal or 1, "
                f"got {' vs '.join(str(s[axis]) for s in padded)} in dimension {axis - rank}",
                tensors,
            )
        result.append(sizes.pop() if sizes else 1)
    return tuple(result)


def expand_rank(tensor: Tensor, rank: int) -> Tensor:
    """Prepends unit dimensions up to ``rank``."""
    if tensor.rank >= rank:
        return tensor
    shape = (1,) * (rank - tensor.rank) + tensor.shape
    return make(trace_ops.ExpandRank, [tensor], shape, tensor.dtype)


def check_same_dtype(tensors: Sequence[Tensor], what: str):
    dtypes = [t.dtype for t in tensors]
    if any(d != dtypes[0] for d in dtypes):
        raise_error(
            f"{what}: expected operands of the same dtype, got {', '.join(str(d) for d in dtypes)}",
            ["hint: convert one operand with kiln.cast(x, dtype)"],
        )


def check_dtype_in(tensor: Tensor, allowed, what: str):
    if tensor.dtype not in allowed:
        raise_error(
            f"{what}: expected a tensor of dtype {' or '.join(str(a) for a in allowed)}, got {tensor.dtype}"
        )


FLOATING = (_dtype.float32, _dtype.float16)
NUMERIC = (_dtype.float32, _dtype.float16, _dtype.int8, _dtype.int32, _dtype.int64)
