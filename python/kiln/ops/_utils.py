"""Helpers shared by the op modules: building trace ops from tensors, and
the checks of user arguments that give nvtripy-style messages."""

import numbers
from typing import Sequence

import numpy as np

from kiln import _dtype, _stack
from kiln.exception import raise_error
from kiln.tensor import Tensor
from kiln.trace import infer
from kiln.trace import ops as trace_ops


def make_all(op_cls, inputs: Sequence[Tensor], what: str = None, result=None, **attrs):
    """Adds one trace op at the user's current line; its result types come
    from the compiler's type inference unless ``result`` gives them. A
    refusal by the dialect is reported at the user's line."""
    source = _stack.user_frame(2)
    try:
        traces = op_cls.make_all([t._trace for t in inputs], source, result=result, **attrs)
    except infer.InferenceError as e:
        what = what or op_cls.name
        raise_error(f"{what}: invalid operands: {e}", list(inputs), source=source)
    return [Tensor._from_trace(t) for t in traces]


def make(op_cls, inputs: Sequence[Tensor], what: str = None, result=None, **attrs) -> Tensor:
    (out,) = make_all(op_cls, inputs, what, [result] if result is not None else None, **attrs)
    return out


def constant(array: np.ndarray, dtype, inline: bool = False) -> Tensor:
    array = np.array(array, dtype=dtype.numpy, order="C")
    trace = trace_ops.Constant.make([], _stack.user_frame(2), result=(array.shape, dtype), array=array, inline=inline)
    return Tensor._from_trace(trace)


def is_scalar(value) -> bool:
    return isinstance(value, (numbers.Number, np.number, np.bool_)) and not isinstance(value, Tensor)


def scalar_like(value, like: Tensor) -> Tensor:
    """A Python scalar as a tensor of ``like``'s dtype and rank (all dims 1)."""
    if isinstance(value, (bool, np.bool_)) and like.dtype != _dtype.bool_ and not like.dtype.is_floating:
        value = int(value)
    if isinstance(value, (float, np.floating)) and not like.dtype.is_floating and not float(value).is_integer():
        raise_error(
            f"cannot combine the float scalar {value} with a tensor of dtype {like.dtype}: "
            f"expected an integer scalar, got a float; cast the tensor with kiln.cast first"
        )
    return constant(np.full((1,) * like.rank, value, dtype=like.dtype.numpy), like.dtype, inline=True)


def to_tensor(value, like: Tensor, what: str) -> Tensor:
    if isinstance(value, Tensor):
        return value
    if is_scalar(value):
        return scalar_like(value, like)
    if isinstance(value, (list, tuple, np.ndarray)):
        return Tensor(np.asarray(value), dtype=like.dtype)
    raise_error(f"{what}: expected a kiln.Tensor or a Python scalar, got {type(value).__name__}")


def check_tensor(value, what: str, name: str = "input"):
    if not isinstance(value, Tensor):
        raise_error(f"{what}: expected '{name}' to be a kiln.Tensor, got {type(value).__name__}")


def normalize_dim(dim: int, rank: int, what: str = "dim") -> int:
    if not isinstance(dim, (int, np.integer)) or isinstance(dim, bool):
        raise_error(f"{what}: expected an integer dimension, got {dim!r}")
    low, high = (-rank, rank - 1) if rank > 0 else (-1, 0)
    if not low <= dim <= high:
        raise_error(f"dimension out of range: expected {what} in [{low}, {high}] for a tensor of rank {rank}, got {dim}")
    return int(dim) % rank if rank > 0 else 0


def require_rank(tensor: Tensor, minimum: int, what: str):
    if tensor.rank < minimum:
        raise_error(f"{what}: expected a tensor of rank >= {minimum}, got rank {tensor.rank} (shape {tensor.shape})",
                    [tensor])


def normalize_dims(dims, rank: int, what: str = "dim"):
    if isinstance(dims, (int, np.integer)):
        dims = [dims]
    result = [normalize_dim(d, rank, what) for d in dims]
    if len(set(result)) != len(result):
        raise_error(f"{what}: expected distinct dimensions, got {list(dims)}")
    return result


def check_broadcast(shapes: Sequence[Sequence[int]], what: str, tensors=()):
    """numpy broadcasting of static dimensions, checked here to name the
    shapes in the user's terms (the dialect sees rank-aligned operands)."""
    rank = max(len(s) for s in shapes)
    padded = [(1,) * (rank - len(s)) + tuple(s) for s in shapes]
    for axis in range(rank):
        sizes = {s[axis] for s in padded if s[axis] not in (1, -1)}
        if len(sizes) > 1:
            shown = " and ".join(str(tuple(s)) for s in shapes)
            raise_error(
                f"{what}: could not broadcast shapes {shown}: expected each dimension to be equal or 1, "
                f"got {' vs '.join(str(s[axis]) for s in padded)} in dimension {axis - rank}",
                tensors,
            )
    return rank


def expand_rank(tensor: Tensor, rank: int) -> Tensor:
    """Prepends unit dimensions up to ``rank``."""
    if tensor.rank >= rank:
        return tensor
    shape = (1,) * (rank - tensor.rank) + tensor._trace.shape
    return make(trace_ops.ExpandRank, [tensor], result=(shape, tensor.dtype))


def check_same_dtype(tensors: Sequence[Tensor], what: str):
    dtypes = [t.dtype for t in tensors]
    if any(d != dtypes[0] for d in dtypes):
        raise_error(
            f"{what}: expected operands of the same dtype, got {', '.join(str(d) for d in dtypes)}",
            ["hint: convert one operand with kiln.cast(x, dtype)"],
        )


def check_dtype_in(tensor: Tensor, allowed, what: str):
    if not isinstance(tensor, Tensor):
        raise_error(f"{what}: expected a kiln.Tensor, got {type(tensor).__name__}")
    if tensor.dtype not in allowed:
        raise_error(
            f"{what}: unsupported data type: expected a tensor of dtype {' or '.join(str(a) for a in allowed)}, "
            f"got {tensor.dtype}",
            [tensor],
        )


def static_shape(tensor: Tensor, what: str):
    shape = tensor._trace.shape
    if any(d < 0 for d in shape):
        raise_error(f"{what}: expected a tensor of static shape, got dynamic dimensions in {_shape_text(shape)}")
    return shape


def _shape_text(shape) -> str:
    return "(" + ", ".join("?" if d < 0 else str(d) for d in shape) + ("," if len(shape) == 1 else "") + ")"


FLOATING = (_dtype.float32, _dtype.float16, _dtype.bfloat16)
NUMERIC = (_dtype.float32, _dtype.float16, _dtype.bfloat16, _dtype.int8, _dtype.int32, _dtype.int64)
