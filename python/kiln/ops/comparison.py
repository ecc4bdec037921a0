"""Comparisons (``== != < <= > >=``): bool tensors, broadcast numpy-style."""

import numpy as np

from kiln import _dtype
from kiln.exception import raise_error
from kiln.ops import _utils
from kiln.ops._registry import register_tensor_method
from kiln.ops.binary import broadcast_pair, operands
from kiln.tensor import Tensor
from kiln.trace import ops as trace_ops


def _compare(kind: str, lhs, rhs, what: str) -> Tensor:
    lhs, rhs = operands(lhs, rhs, what)
    _utils.check_same_dtype([lhs, rhs], what)
    lhs, rhs = broadcast_pair(lhs, rhs, what)
    if lhs.dtype == _dtype.bool_:
        # The dialect compares numbers only; on bools, equality is NOT(XOR).
        if kind != "kEQUAL":
            raise_error(f"{what}: expected numeric operands, got bool; cast them with kiln.cast(x, kiln.int32) first")
        return _not(_utils.make(trace_ops.ElementWise, [lhs, rhs], what, kind="kXOR"))
    return _utils.make(trace_ops.ElementWise, [lhs, rhs], what, kind=kind)


def _logical(kind: str, lhs: Tensor, rhs: Tensor) -> Tensor:
    return _utils.make(trace_ops.ElementWise, [lhs, rhs], kind=kind)


def _not(x: Tensor) -> Tensor:
    return _utils.make(trace_ops.Unary, [x], kind="kNOT")


@register_tensor_method("__eq__")
def eq(self, other) -> Tensor:
    """``self == other`` element-wise; a bool tensor.

    .. code-block:: python

        assert (kiln.Tensor([1, 2]) == 2).tolist() == [False, True]
    """
    return _compare("kEQUAL", self, other, "operator '=='")


@register_tensor_method("__ne__")
def ne(self, other) -> Tensor:
    """``self != other`` element-wise; a bool tensor.

    .. code-block:: python

        assert (kiln.Tensor([1, 2]) != 2).tolist() == [True, False]
    """
    return _not(_compare("kEQUAL", self, other, "operator '!='"))


@register_tensor_method("__lt__")
def lt(self, other) -> Tensor:
    """``self < other`` element-wise; a bool tensor.

    .. code-block:: python

        assert (kiln.Tensor([1, 2]) < 2).tolist() == [True, False]
    """
    return _compare("kLESS", self, other, "operator '<'")


@register_tensor_method("__gt__")
def gt(self, other) -> Tensor:
    """``self > other`` element-wise; a bool tensor.

    .. code-block:: python

        assert (kiln.Tensor([1, 2]) > 1).tolist() == [False, True]
    """
    return _compare("kGREATER", self, other, "operator '>'")


@register_tensor_method("__le__")
def le(self, other) -> Tensor:
    """``self <= other`` element-wise (false where either is NaN).

    .. code-block:: python

        assert (kiln.Tensor([1, 3]) <= 2).tolist() == [True, False]
    """
    return _logical("kOR", _compare("kLESS", self, other, "operator '<='"), _compare("kEQUAL", self, other, "operator '<='"))


@register_tensor_method("__ge__")
def ge(self, other) -> Tensor:
    """``self >= other`` element-wise (false where either is NaN).

    .. code-block:: python

        assert (kiln.Tensor([1, 3]) >= 3).tolist() == [False, True]
    """
    return _logical("kOR", _compare("kGREATER", self, other, "operator '>='"), _compare("kEQUAL", self, other, "operator '>='"))


def equal(input: Tensor, other: Tensor) -> bool:
    """
    Whether two tensors have the same shape and the same values, as a Python
    bool (like ``torch.equal``; the ``==`` operator compares element-wise).

    .. code-block:: python

        assert kiln.equal(kiln.Tensor([1, 2]), kiln.Tensor([1, 2]))
        assert not kiln.equal(kiln.Tensor([1, 2]), kiln.Tensor([1, 3]))
    """
    what = "kiln.equal"
    _utils.check_tensor(input, what, "input")
    _utils.check_tensor(other, what, "other")
    _utils.check_same_dtype([input, other], what)
    if input.shape != other.shape:
        return False
    from kiln.ops.reduce import all as all_

    return bool(all_(_compare("kEQUAL", input, other, what)))


# The element-wise forms, by their functional names.
def not_equal(lhs, rhs) -> Tensor:
    """``lhs != rhs`` element-wise.

    .. code-block:: python

        assert kiln.not_equal(kiln.Tensor([1, 2]), 2).tolist() == [True, False]
    """
    return ne(lhs, rhs) if isinstance(lhs, Tensor) else ne(_utils.to_tensor(lhs, rhs, "kiln.not_equal"), rhs)


def less(lhs, rhs) -> Tensor:
    """``lhs < rhs`` element-wise.

    .. code-block:: python

        assert kiln.less(kiln.Tensor([1, 2]), 2).tolist() == [True, False]
    """
    return _compare("kLESS", lhs, rhs, "kiln.less")


def greater(lhs, rhs) -> Tensor:
    """``lhs > rhs`` element-wise.

    .. code-block:: python

        assert kiln.greater(kiln.Tensor([1, 2]), 1).tolist() == [False, True]
    """
    return _compare("kGREATER", lhs, rhs, "kiln.greater")


def less_equal(lhs, rhs) -> Tensor:
    """``lhs <= rhs`` element-wise.

    .. code-block:: python

        assert kiln.less_equal(kiln.Tensor([1, 3]), 2).tolist() == [True, False]
    """
    return le(*operands(lhs, rhs, "kiln.less_equal"))


def greater_equal(lhs, rhs) -> Tensor:
    """``lhs >= rhs`` element-wise.

    .. code-block:: python

        assert kiln.greater_equal(kiln.Tensor([1, 3]), 3).tolist() == [False, True]
    """
    return ge(*operands(lhs, rhs, "kiln.greater_equal"))


def allclose(input: Tensor, other: Tensor, rtol: float = 1e-05, atol: float = 1e-08) -> bool:
    """
    Whether ``|input - other| <= atol + rtol * |other|`` holds for every
    element (the tensors broadcast), as a Python bool.

    .. code-block:: python

        assert kiln.allclose(kiln.Tensor([1.0]), kiln.Tensor([1.0 + 1e-7]))
        assert not kiln.allclose(kiln.Tensor([1.0]), kiln.Tensor([1.1]))
    """
    what = "kiln.allclose"
    for name, value in (("input", input), ("other", other)):
        if not isinstance(value, (Tensor, list, tuple, np.ndarray)) and not _utils.is_scalar(value):
            raise_error(f"{what}: expected '{name}' to be a kiln.Tensor or array, got {type(value).__name__}")
    if not isinstance(input, Tensor) and isinstance(other, Tensor):
        input = Tensor(input, dtype=other.dtype)
    if not isinstance(other, Tensor) and isinstance(input, Tensor):
        other = Tensor(other, dtype=input.dtype)
    _utils.check_tensor(input, what, "input")
    _utils.check_same_dtype([input, other], what)
    _utils.check_dtype_in(input, _utils.FLOATING, what)
    from kiln.ops.reduce import all as all_
    from kiln.ops.unary import abs as abs_

    return bool(all_(le(abs_(input - other), atol + rtol * abs_(other))))
