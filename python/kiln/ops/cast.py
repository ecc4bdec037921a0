"""Element type conversion."""

from kiln import _dtype
from kiln.exception import raise_error
from kiln.ops import _utils
from kiln.ops._registry import register_tensor_method
from kiln.tensor import Tensor
from kiln.trace import ops as trace_ops


@register_tensor_method("cast")
def cast(input: Tensor, dtype: _dtype.dtype) -> Tensor:
    """
    Converts the elements to ``dtype``. Float to int truncates toward zero;
    anything to bool is ``x != 0``.

    .. code-block:: python

        x = kiln.cast(kiln.Tensor([1.7, -1.7]), kiln.int32)
        assert x.tolist() == [1, -1]
    """
    _utils.check_tensor(input, "kiln.cast")
    if not _dtype.is_dtype(dtype):
        raise_error(f"kiln.cast: expected a kiln dtype such as kiln.float32, got {dtype!r}")
    if input.dtype == dtype:
        return input
    if input.dtype == _dtype.bool_ and dtype in (_dtype.float8, _dtype.int4):
        raise_error(f"kiln.cast: cannot cast bool to {dtype}")
    return _utils.make(trace_ops.Cast, [input], "kiln.cast", dtype=dtype)
