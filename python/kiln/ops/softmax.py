"""Softmax."""

from typing import Optional

from kiln.ops import _utils
from kiln.ops.shape import reshape
from kiln.tensor import Tensor
from kiln.trace import ops as trace_ops


def softmax(input: Tensor, dim: Optional[int] = None) -> Tensor:
    """
    ``exp(x_i) / sum_j exp(x_j)`` along ``dim``; over all elements when
    ``dim`` is ``None``. Computed stably (the maximum is subtracted first).

    .. code-block:: python

        x = kiln.Tensor([[1.0, 1.0], [0.0, 2.0]])
        out = kiln.softmax(x, dim=1)   # [[0.5, 0.5], [0.1192, 0.8808]]
    """
    _utils.check_dtype_in(input, _utils.FLOATING, "kiln.softmax")
    original_shape = input.shape
    if dim is None:
        input = reshape(input, (-1,))
        dim = 0
    dim = _utils.normalize_dim(dim, input.rank, "dim")
    if input.rank < 2:  # TensorRT's softmax wants rank >= 2, as in nvtripy
        input = reshape(input, tuple(input.shape) + (1,) * (2 - input.rank))
    out = _utils.make(trace_ops.Softmax, [input], "kiln.softmax", axis=dim)
    return reshape(out, original_shape)
