"""Element type conversion."""

from kiln import _dtype
from kiln.exception import raise_error
from kiln.ops import _utils
from kiln.tensor import Tensor
from kiln.trace import ops as trace_ops


def cast(input: Tensor, dtype: _dtype.dtype) -> Tensor:
    """
    Converts the elements to ``dtype``. Float to int truncates toward zero;
    anything to bool is ``x != 0``.

    .. code-block:: python

        x = kiln.cast(kiln.Tensor([1.7, -1.7]), kiln.int32)
        assert x.tolist() == [1, -1]
    """
    if not isinstance(dtype, _dtype.dtype):
        raise_error(f"kiln.cast: expected a kiln dtype such as kiln.float32, got {dtype!r}")
    if input.dtype == dtype:
        return input
    return _utils.make(trace_ops.Cast, [input], input.shape, dtype)
