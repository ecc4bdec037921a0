"""Arithmetic on two tensors (``+ - * / // % **``, maximum, minimum), with
numpy-style broadcasting and Python scalars. As in nvtripy, the operands must
have the same dtype (no implicit promotion)."""

from kiln import _dtype
from kiln.exception import raise_error
from kiln.ops import _utils
from kiln.ops._registry import register_tensor_method
from kiln.tensor import Tensor
from kiln.trace import ops as trace_ops


def operands(lhs, rhs, what):
    if not isinstance(lhs, Tensor) and not isinstance(rhs, Tensor):
        raise_error(f"{what}: expected at least one kiln.Tensor operand")
    if not isinstance(lhs, Tensor):
        lhs = _utils.to_tensor(lhs, rhs, what)
    if not isinstance(rhs, Tensor):
        rhs = _utils.to_tensor(rhs, lhs, what)
    return lhs, rhs


def broadcast_pair(lhs: Tensor, rhs: Tensor, what: str):
    """Checks numpy broadcasting and aligns ranks (the dialect broadcasts
    only size-1 dimensions of equal-rank operands)."""
    rank = _utils.check_broadcast([lhs._trace.shape, rhs._trace.shape], what, [lhs, rhs])
    return _utils.expand_rank(lhs, rank), _utils.expand_rank(rhs, rank)


def elementwise(kind: str, lhs, rhs, what: str, allowed=_utils.NUMERIC) -> Tensor:
    lhs, rhs = operands(lhs, rhs, what)
    _utils.check_same_dtype([lhs, rhs], what)
    _utils.check_dtype_in(lhs, allowed, what)
    lhs, rhs = broadcast_pair(lhs, rhs, what)
    return _utils.make(trace_ops.ElementWise, [lhs, rhs], what, kind=kind)


@register_tensor_method("__add__")
def add(self, other) -> Tensor:
    """``self + other``, element-wise, broadcast numpy-style.

    .. code-block:: python

        assert (kiln.Tensor([1, 2]) + kiln.Tensor([2, 3])).tolist() == [3, 5]
    """
    return elementwise("kSUM", self, other, "operator '+'", _utils.NUMERIC + (_dtype.bool_,))


@register_tensor_method("__radd__")
def radd(self, other) -> Tensor:
    return elementwise("kSUM", other, self, "operator '+'", _utils.NUMERIC + (_dtype.bool_,))


@register_tensor_method("__sub__")
def sub(self, other) -> Tensor:
    """``self - other``, element-wise.

    .. code-block:: python

        assert (kiln.Tensor([3.0, 1.0]) - 1).tolist() == [2.0, 0.0]
    """
    return elementwise("kSUB", self, other, "operator '-'")


@register_tensor_method("__rsub__")
def rsub(self, other) -> Tensor:
    return elementwise("kSUB", other, self, "operator '-'")


@register_tensor_method("__mul__")
def mul(self, other) -> Tensor:
    """``self * other``, element-wise.

    .. code-block:: python

        assert (kiln.Tensor([1.0, 2.0]) * 3).tolist() == [3.0, 6.0]
    """
    return elementwise("kPROD", self, other, "operator '*'", _utils.NUMERIC + (_dtype.bool_,))


@register_tensor_method("__rmul__")
def rmul(self, other) -> Tensor:
    return elementwise("kPROD", other, self, "operator '*'", _utils.NUMERIC + (_dtype.bool_,))


@register_tensor_method("__truediv__")
def truediv(self, other) -> Tensor:
    """``self / other``, element-wise; integer division truncates toward zero, as in TensorRT.

    .. code-block:: python

        assert (kiln.Tensor([3.0, 1.0]) / 2).tolist() == [1.5, 0.5]
    """
    return elementwise("kDIV", self, other, "operator '/'")


@register_tensor_method("__rtruediv__")
def rtruediv(self, other) -> Tensor:
    return elementwise("kDIV", other, self, "operator '/'")


def _floor_div(lhs, rhs, what):
    lhs, rhs = operands(lhs, rhs, what)
    _utils.check_same_dtype([lhs, rhs], what)
    _utils.check_dtype_in(lhs, _utils.NUMERIC, what)
    lhs, rhs = broadcast_pair(lhs, rhs, what)
    return _utils.make(trace_ops.ElementWise, [lhs, rhs], what, kind="kFLOOR_DIV")


@register_tensor_method("__floordiv__")
def floordiv(self, other) -> Tensor:
    """``self // other``: division rounded toward negative infinity.

    .. code-block:: python

        assert (kiln.Tensor([7, -7]) // 2).tolist() == [3, -4]
    """
    return _floor_div(self, other, "operator '//'")


@register_tensor_method("__rfloordiv__")
def rfloordiv(self, other) -> Tensor:
    return _floor_div(other, self, "operator '//'")


def _mod(lhs, rhs):
    what = "operator '%'"
    lhs, rhs = operands(lhs, rhs, what)
    # Python's modulo: the result has the divisor's sign.
    return lhs - _floor_div(lhs, rhs, what) * rhs


@register_tensor_method("__mod__")
def mod(self, other) -> Tensor:
    """``self % other`` with Python's sign convention (the result has the divisor's sign).

    .. code-block:: python

        assert (kiln.Tensor([7, -7]) % 3).tolist() == [1, 2]
    """
    return _mod(self, other)


@register_tensor_method("__rmod__")
def rmod(self, other) -> Tensor:
    return _mod(other, self)


@register_tensor_method("__pow__")
def pow(self, other) -> Tensor:
    """``self ** other``, element-wise.

    .. code-block:: python

        assert (kiln.Tensor([2.0, 3.0]) ** 2).tolist() == [4.0, 9.0]
    """
    return elementwise("kPOW", self, other, "operator '**'")


@register_tensor_method("__rpow__")
def rpow(self, other) -> Tensor:
    return elementwise("kPOW", other, self, "operator '**'")


def maximum(lhs, rhs) -> Tensor:
    """
    The element-wise maximum of two tensors (broadcast numpy-style).

    .. code-block:: python

        out = kiln.maximum(kiln.Tensor([1.0, 5.0]), kiln.Tensor([3.0, 2.0]))
        assert out.tolist() == [3.0, 5.0]
    """
    return elementwise("kMAX", lhs, rhs, "kiln.maximum")


def minimum(lhs, rhs) -> Tensor:
    """
    The element-wise minimum of two tensors (broadcast numpy-style).

    .. code-block:: python

        out = kiln.minimum(kiln.Tensor([1.0, 5.0]), kiln.Tensor([3.0, 2.0]))
        assert out.tolist() == [1.0, 2.0]
    """
    return elementwise("kMIN", lhs, rhs, "kiln.minimum")


@register_tensor_method("__or__")
def logical_or(self, other) -> Tensor:
    """``self | other`` on bool tensors.

    .. code-block:: python

        a = kiln.Tensor([True, False])
        assert (a | kiln.Tensor([False, False])).tolist() == [True, False]
    """
    return elementwise("kOR", self, other, "operator '|'", (_dtype.bool_,))
