"""Comparisons (``== != < <= > >=``): bool tensors, broadcast numpy-style."""

from kiln import _dtype
from kiln.exception import raise_error
from kiln.ops import _utils
from kiln.ops.binary import _operands, broadcast_pair
from kiln.tensor import Tensor
from kiln.trace import ops as trace_ops


def _compare(kind: str, lhs, rhs, symbol: str) -> Tensor:
    what = f"operator '{symbol}'"
    lhs, rhs = _operands(lhs, rhs, what)
    _utils.check_same_dtype([lhs, rhs], what)
    lhs, rhs, shape = broadcast_pair(lhs, rhs, what)
    if lhs.dtype == _dtype.bool_:
        # The dialect compares numbers only; on bools, equality is NOT(XOR).
        if kind != "kEQUAL":
            raise_error(f"{what}: expected numeric operands, got bool; cast them with kiln.cast(x, kiln.int32) first")
        return _not(_utils.make(trace_ops.ElementWise, [lhs, rhs], shape, _dtype.bool_, kind="kXOR"))
    return _utils.make(trace_ops.ElementWise, [lhs, rhs], shape, _dtype.bool_, kind=kind)


def _logical(kind: str, lhs: Tensor, rhs: Tensor) -> Tensor:
    return _utils.make(trace_ops.ElementWise, [lhs, rhs], lhs.shape, _dtype.bool_, kind=kind)


def _not(x: Tensor) -> Tensor:
    return _utils.make(trace_ops.Unary, [x], x.shape, _dtype.bool_, kind="kNOT")


def equal(lhs, rhs) -> Tensor:
    """``lhs == rhs`` element-wise; a bool tensor.

    .. code-block:: python

        assert (kiln.Tensor([1, 2]) == 2).tolist() == [False, True]
    """
    return _compare("kEQUAL", lhs, rhs, "==")


def not_equal(lhs, rhs) -> Tensor:
    """``lhs != rhs`` element-wise; a bool tensor.

    .. code-block:: python

        assert (kiln.Tensor([1, 2]) != 2).tolist() == [True, False]
    """
    return _not(_compare("kEQUAL", lhs, rhs, "!="))


def less(lhs, rhs) -> Tensor:
    """``lhs < rhs`` element-wise; a bool tensor.

    .. code-block:: python

        assert (kiln.Tensor([1, 2]) < 2).tolist() == [True, False]
    """
    return _compare("kLESS", lhs, rhs, "<")


def greater(lhs, rhs) -> Tensor:
    """``lhs > rhs`` element-wise; a bool tensor.

    .. code-block:: python

        assert (kiln.Tensor([1, 2]) > 1).tolist() == [False, True]
    """
    return _compare("kGREATER", lhs, rhs, ">")


def less_equal(lhs, rhs) -> Tensor:
    """``lhs <= rhs`` element-wise; a bool tensor (false where either is NaN).

    .. code-block:: python

        assert (kiln.Tensor([1, 3]) <= 2).tolist() == [True, False]
    """
    return _logical("kOR", _compare("kLESS", lhs, rhs, "<="), _compare("kEQUAL", lhs, rhs, "<="))


def greater_equal(lhs, rhs) -> Tensor:
    """``lhs >= rhs`` element-wise; a bool tensor (false where either is NaN).

    .. code-block:: python

        assert (kiln.Tensor([1, 3]) >= 3).tolist() == [False, True]
    """
    return _logical("kOR", _compare("kGREATER", lhs, rhs, ">="), _compare("kEQUAL", lhs, rhs, ">="))
