"""Element-wise selection."""

from kiln import _dtype
from kiln.exception import raise_error
from kiln.ops import _utils
from kiln.tensor import Tensor
from kiln.trace import ops as trace_ops


def where(condition: Tensor, input, other) -> Tensor:
    """
    ``input`` where ``condition`` is true, else ``other``; the three broadcast
    numpy-style. ``input`` or ``other`` may be a Python scalar.

    .. code-block:: python

        x = kiln.Tensor([1.0, -2.0, 3.0])
        assert kiln.where(x > 0, x, 0.0).tolist() == [1.0, 0.0, 3.0]
    """
    what = "kiln.where"
    if not isinstance(condition, Tensor) or condition.dtype != _dtype.bool_:
        got = condition.dtype if isinstance(condition, Tensor) else type(condition).__name__
        raise_error(f"{what}: expected condition to be a bool tensor, got {got}")
    if not isinstance(input, Tensor) and not isinstance(other, Tensor):
        raise_error(f"{what}: expected input or other to be a kiln.Tensor")
    if not isinstance(input, Tensor):
        input = _utils.to_tensor(input, other, what)
    if not isinstance(other, Tensor):
        other = _utils.to_tensor(other, input, what)
    _utils.check_same_dtype([input, other], what)
    rank = _utils.check_broadcast([condition._trace.shape, input._trace.shape, other._trace.shape], what,
                                  [condition, input, other])
    operands = [_utils.expand_rank(t, rank) for t in (condition, input, other)]
    return _utils.make(trace_ops.Select, operands, what)


def masked_fill(input: Tensor, mask: Tensor, value) -> Tensor:
    """
    ``value`` where ``mask`` is true, else ``input``.

    .. code-block:: python

        x = kiln.Tensor([1.0, 2.0])
        assert kiln.masked_fill(x, x > 1.5, 0.0).tolist() == [1.0, 0.0]
    """
    _utils.check_tensor(input, "kiln.masked_fill")
    return where(mask, value, input)
