"""Arithmetic on two tensors (``+ - * / // **``, maximum, minimum), with
numpy-style broadcasting and Python scalars."""

from kiln import _dtype
from kiln.exception import raise_error
from kiln.ops import _utils
from kiln.tensor import Tensor
from kiln.trace import ops as trace_ops

_SYMBOLS = {"kSUM": "+", "kSUB": "-", "kPROD": "*", "kDIV": "/", "kFLOOR_DIV": "//", "kPOW": "**"}


def _operands(lhs, rhs, what):
    if not isinstance(lhs, Tensor) and not isinstance(rhs, Tensor):
        raise_error(f"{what}: expected at least one kiln.Tensor operand")
    if not isinstance(lhs, Tensor):
        lhs = _utils.to_tensor(lhs, rhs, what)
    if not isinstance(rhs, Tensor):
        rhs = _utils.to_tensor(rhs, lhs, what)
    return lhs, rhs


def broadcast_pair(lhs: Tensor, rhs: Tensor, what: str):
    """Checks numpy broadcasting and aligns ranks; returns (lhs, rhs, result shape)."""
    shape = _utils.broadcast_shapes([lhs.shape, rhs.shape], what, [lhs, rhs])
    return _utils.expand_rank(lhs, len(shape)), _utils.expand_rank(rhs, len(shape)), shape


def elementwise(kind: str, lhs, rhs, symbol: str = None, result_dtype=None) -> Tensor:
    what = f"operator '{symbol}'" if symbol else kind
    lhs, rhs = _operands(lhs, rhs, what)
    _utils.check_same_dtype([lhs, rhs], what)
    if lhs.dtype == _dtype.bool_ and kind not in ("kAND", "kOR", "kXOR", "kEQUAL"):
        raise_error(f"{what}: expected numeric operands, got bool; cast them with kiln.cast(x, kiln.int32) first")
    lhs, rhs, shape = broadcast_pair(lhs, rhs, what)
    return _utils.make(trace_ops.ElementWise, [lhs, rhs], shape, result_dtype or lhs.dtype, kind=kind)


def maximum(lhs, rhs) -> Tensor:
    """
    The element-wise maximum of two tensors (broadcast numpy-style).

    .. code-block:: python

        out = kiln.maximum(kiln.Tensor([1.0, 5.0]), kiln.Tensor([3.0, 2.0]))
        assert out.tolist() == [3.0, 5.0]
    """
    return elementwise("kMAX", lhs, rhs, "maximum")


def minimum(lhs, rhs) -> Tensor:
    """
    The element-wise minimum of two tensors (broadcast numpy-style).

    .. code-block:: python

        out = kiln.minimum(kiln.Tensor([1.0, 5.0]), kiln.Tensor([3.0, 2.0]))
        assert out.tolist() == [1.0, 2.0]
    """
    return elementwise("kMIN", lhs, rhs, "minimum")
