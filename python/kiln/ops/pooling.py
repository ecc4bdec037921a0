"""Max and average pooling over the spatial dimensions of ``[N, C, spatial...]``."""

from typing import Optional, Sequence, Tuple

from kiln.exception import raise_error
from kiln.ops import _utils
from kiln.tensor import Tensor
from kiln.trace import ops as trace_ops


def _pool(input, kind, kernel_dims, stride, padding, what, exclude_padding=None):
    from kiln import _dtype

    _utils.check_dtype_in(input, (_dtype.float32, _dtype.float16, _dtype.bfloat16, _dtype.int8), what)
    kernel_dims = [int(k) for k in kernel_dims]
    spatial = len(kernel_dims)
    if not 1 <= spatial <= 3:
        raise_error(f"{what}: expected 1 to 3 kernel dimensions, got {len(kernel_dims)}")
    if input.rank != spatial + 2:
        raise_error(f"{what}: expected an input of rank {spatial + 2} ([N, C] + {spatial} spatial dimensions) for a "
                    f"{spatial}-D kernel, got rank {input.rank}", [input])
    stride = [1] * spatial if stride is None else [int(s) for s in stride]
    padding = [(0, 0)] * spatial if padding is None else [tuple(int(v) for v in p) for p in padding]
    if len(stride) != spatial or len(padding) != spatial:
        raise_error(f"{what}: expected {spatial} strides and {spatial} (before, after) paddings, "
                    f"got {stride} and {padding}")
    return _utils.make(trace_ops.Pooling, [input], what, kind=kind, window=kernel_dims, stride=stride,
                       pre=[p[0] for p in padding], post=[p[1] for p in padding], exclude_padding=exclude_padding)


def maxpool(input: Tensor, kernel_dims: Sequence[int], stride: Optional[Sequence[int]] = None,
            padding: Optional[Sequence[Tuple[int, int]]] = None) -> Tensor:
    """
    The maximum of each ``kernel_dims`` window, moved by ``stride`` (default
    1) over the input padded by ``padding`` ((before, after) per spatial
    dimension), like ``torch.nn.functional.max_pool2d``.

    .. code-block:: python

        x = kiln.reshape(kiln.arange(16), (1, 1, 4, 4))
        assert kiln.maxpool(x, (2, 2), stride=(2, 2)).tolist() == [[[[5.0, 7.0], [13.0, 15.0]]]]
    """
    return _pool(input, "kMAX", kernel_dims, stride, padding, "kiln.maxpool")


def avgpool(input: Tensor, kernel_dims: Sequence[int], stride: Optional[Sequence[int]] = None,
            padding: Optional[Sequence[Tuple[int, int]]] = None) -> Tensor:
    """
    The mean of each window (padded positions count as zeros, as
    ``torch.nn.functional.avg_pool2d`` with ``count_include_pad=True``).

    .. code-block:: python

        x = kiln.reshape(kiln.arange(16), (1, 1, 4, 4))
        assert kiln.avgpool(x, (2, 2), stride=(2, 2)).tolist() == [[[[2.5, 4.5], [10.5, 12.5]]]]
    """
    return _pool(input, "kAVERAGE", kernel_dims, stride, padding, "kiln.avgpool", exclude_padding=False)
