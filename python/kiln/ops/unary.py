"""Element-wise functions of one tensor: activations (relu, gelu, sigmoid,
tanh) and unary math (exp, log, sqrt, sin, cos, abs, negation, bitwise not)."""

from kiln import _dtype
from kiln.ops import _utils
from kiln.ops._registry import register_tensor_method
from kiln.tensor import Tensor
from kiln.trace import ops as trace_ops


def _activation(x: Tensor, kind: str, name: str, allowed=_utils.FLOATING, **params) -> Tensor:
    _utils.check_dtype_in(x, allowed, f"kiln.{name}")
    return _utils.make(trace_ops.Activation, [x], f"kiln.{name}", kind=kind, **params)


def _unary(x: Tensor, kind: str, name: str, allowed=_utils.FLOATING) -> Tensor:
    _utils.check_dtype_in(x, allowed, f"kiln.{name}")
    return _utils.make(trace_ops.Unary, [x], f"kiln.{name}", kind=kind)


def relu(input: Tensor) -> Tensor:
    """
    Rectified linear unit, ``max(x, 0)``, element-wise.

    .. code-block:: python

        assert kiln.relu(kiln.Tensor([-1.0, 2.0])).tolist() == [0.0, 2.0]
    """
    _utils.check_dtype_in(input, _utils.NUMERIC, "kiln.relu")
    if not input.dtype.is_floating:  # the runtime's activations are float-only
        from kiln.ops.binary import maximum

        return maximum(input, 0)
    return _activation(input, "kRELU", "relu")


def gelu(input: Tensor) -> Tensor:
    """
    Gaussian error linear unit, ``x * Phi(x)`` with the exact (erf) form.

    .. code-block:: python

        out = kiln.gelu(kiln.Tensor([0.0, 1.0]))   # [0.0, 0.8413]
    """
    return _activation(input, "kGELU_ERF", "gelu")


def sigmoid(input: Tensor) -> Tensor:
    """
    Logistic sigmoid ``1 / (1 + exp(-x))``, element-wise.

    .. code-block:: python

        assert kiln.sigmoid(kiln.Tensor([0.0])).tolist() == [0.5]
    """
    return _activation(input, "kSIGMOID", "sigmoid")


def tanh(input: Tensor) -> Tensor:
    """
    Hyperbolic tangent, element-wise.

    .. code-block:: python

        assert kiln.tanh(kiln.Tensor([0.0])).tolist() == [0.0]
    """
    return _activation(input, "kTANH", "tanh")


def silu(input: Tensor) -> Tensor:
    """
    Sigmoid linear unit ``x * sigmoid(x)``, element-wise.

    .. code-block:: python

        out = kiln.silu(kiln.Tensor([0.0, 1.0]))   # [0.0, 0.7311]
    """
    return input * sigmoid(input)


def exp(input: Tensor) -> Tensor:
    """
    ``e ** x``, element-wise.

    .. code-block:: python

        assert kiln.exp(kiln.Tensor([0.0])).tolist() == [1.0]
    """
    return _unary(input, "kEXP", "exp")


def log(input: Tensor) -> Tensor:
    """
    Natural logarithm, element-wise.

    .. code-block:: python

        assert kiln.log(kiln.Tensor([1.0])).tolist() == [0.0]
    """
    return _unary(input, "kLOG", "log")


def sqrt(input: Tensor) -> Tensor:
    """
    Square root, element-wise.

    .. code-block:: python

        assert kiln.sqrt(kiln.Tensor([4.0, 9.0])).tolist() == [2.0, 3.0]
    """
    return _unary(input, "kSQRT", "sqrt")


def rsqrt(input: Tensor) -> Tensor:
    """
    ``1 / sqrt(x)``, element-wise.

    .. code-block:: python

        assert kiln.rsqrt(kiln.Tensor([4.0])).tolist() == [0.5]
    """
    return _unary(sqrt(input), "kRECIP", "rsqrt")


def abs(input: Tensor) -> Tensor:
    """
    Absolute value, element-wise.

    .. code-block:: python

        assert kiln.abs(kiln.Tensor([-2, 3])).tolist() == [2, 3]
    """
    return _unary(input, "kABS", "abs", _utils.NUMERIC)


register_tensor_method("__abs__")(abs)


@register_tensor_method("__neg__")
def neg(input: Tensor) -> Tensor:
    """``-x``, element-wise (also the unary minus operator).

    .. code-block:: python

        assert (-kiln.Tensor([1.0, -2.0])).tolist() == [-1.0, 2.0]
    """
    return _unary(input, "kNEG", "neg", _utils.NUMERIC)


def sin(input: Tensor) -> Tensor:
    """
    Sine, element-wise (radians).

    .. code-block:: python

        assert kiln.sin(kiln.Tensor([0.0])).tolist() == [0.0]
    """
    return _unary(input, "kSIN", "sin")


def cos(input: Tensor) -> Tensor:
    """
    Cosine, element-wise (radians).

    .. code-block:: python

        assert kiln.cos(kiln.Tensor([0.0])).tolist() == [1.0]
    """
    return _unary(input, "kCOS", "cos")


@register_tensor_method("__invert__")
def invert(input: Tensor) -> Tensor:
    """``~x``: logical NOT of a bool tensor.

    .. code-block:: python

        assert (~kiln.Tensor([True, False])).tolist() == [False, True]
    """
    _utils.check_dtype_in(input, (_dtype.bool_,), "operator '~'")
    return _utils.make(trace_ops.Unary, [input], "operator '~'", kind="kNOT")
