"""Convolution and transposed convolution over 1 to 3 spatial dimensions."""

from typing import Optional, Sequence, Tuple

import numpy as np

from kiln import _dtype
from kiln.exception import raise_error
from kiln.module.module import Module
from kiln.ops import _utils
from kiln.tensor import Tensor
from kiln.trace import ops as trace_ops


def _init(shape, fan_in, dtype):
    bound = 1.0 / np.sqrt(max(fan_in, 1))
    return Tensor(np.random.default_rng().uniform(-bound, bound, shape), dtype=dtype)


class _ConvBase(Module):
    _what = None

    def __init__(self, in_channels, out_channels, kernel_dims, stride, padding, dilation, groups, bias, dtype):
        super().__init__()
        what = self._what
        if not _dtype.is_dtype(dtype) or dtype not in (_dtype.float32, _dtype.float16, _dtype.bfloat16):
            raise_error(f"{what}: expected dtype float32, float16 or bfloat16, got {dtype!r}")
        kernel_dims = tuple(int(k) for k in kernel_dims)
        spatial = len(kernel_dims)
        if not 1 <= spatial <= 3:
            raise_error(f"{what}: expected 1 to 3 kernel dimensions, got {kernel_dims}")
        groups = 1 if groups is None else int(groups)
        if groups < 1 or in_channels % groups or out_channels % groups:
            raise_error(f"{what}: expected groups to divide in_channels ({in_channels}) and out_channels "
                        f"({out_channels}), got groups={groups}")
        #: The parameters' data type.
        self.dtype = dtype
        #: Step of the window along each spatial dimension.
        self.stride = tuple(int(s) for s in stride) if stride is not None else (1,) * spatial
        #: (before, after) zero padding of each spatial dimension.
        self.padding = tuple(tuple(int(v) for v in p) for p in padding) if padding is not None else ((0, 0),) * spatial
        #: Spacing between kernel elements.
        self.dilation = tuple(int(d) for d in dilation) if dilation is not None else (1,) * spatial
        #: Channel groups, each convolved separately.
        self.groups = groups
        for name, values in (("stride", self.stride), ("dilation", self.dilation)):
            if len(values) != spatial or any(v < 1 for v in values):
                raise_error(f"{what}: expected {spatial} positive {name} values, got {values}")
        if len(self.padding) != spatial or any(len(p) != 2 for p in self.padding):
            raise_error(f"{what}: expected {spatial} (before, after) padding pairs, got {self.padding}")
        self.in_channels, self.out_channels, self.kernel_dims = in_channels, out_channels, kernel_dims
        self.weight = _init(self._weight_shape(), in_channels // groups * int(np.prod(kernel_dims)), dtype)
        self.bias = _init((out_channels,), in_channels // groups * int(np.prod(kernel_dims)), dtype) if bias else None

    def forward(self, input: Tensor) -> Tensor:
        """Applies the convolution to ``input`` of shape ``[N, C, spatial...]``."""
        what = self._what
        spatial = len(self.kernel_dims)
        _utils.check_tensor(input, what)
        if input.rank != spatial + 2:
            raise_error(f"{what}: expected an input of rank {spatial + 2} ([N, C] + {spatial} spatial dimensions), "
                        f"got shape {input.shape}", [input])
        if input.dtype != self.dtype:
            raise_error(f"{what}: expected an input of dtype {self.dtype} (the parameters'), got {input.dtype}", [input])
        channels = input._trace.shape[1]
        if channels >= 0 and channels != self.in_channels:
            raise_error(f"{what}: expected {self.in_channels} input channels (dimension 1), got shape {input.shape}",
                        [input])
        operands = [input, self.weight] + ([self.bias] if self.bias is not None else [])
        return _utils.make(self._op, operands, what, stride=list(self.stride),
                           pre=[p[0] for p in self.padding], post=[p[1] for p in self.padding],
                           groups=self.groups, dilation=list(self.dilation))


class Conv(_ConvBase):
    """
    Convolution with ``out_channels`` filters over 1 to 3 spatial
    dimensions (as many as ``kernel_dims`` has), like ``torch.nn.ConvNd``
    with explicit (before, after) padding. ``weight`` has shape
    ``[out_channels, in_channels / groups, *kernel_dims]``.

    .. code-block:: python

        conv = kiln.Conv(3, 8, (3, 3), padding=((1, 1), (1, 1)))
        assert conv(kiln.ones((1, 3, 5, 5))).shape == (1, 8, 5, 5)
    """

    _what = "kiln.Conv"
    _op = trace_ops.Convolution

    def __init__(self, in_channels: int, out_channels: int, kernel_dims: Sequence[int],
                 stride: Optional[Sequence[int]] = None, padding: Optional[Sequence[Tuple[int, int]]] = None,
                 dilation: Optional[Sequence[int]] = None, groups: Optional[int] = None, bias: bool = True,
                 dtype=_dtype.float32):
        super().__init__(in_channels, out_channels, kernel_dims, stride, padding, dilation, groups, bias, dtype)

    def _weight_shape(self):
        return (self.out_channels, self.in_channels // self.groups) + self.kernel_dims


class ConvTranspose(_ConvBase):
    """
    Transposed convolution (the gradient of :class:`Conv` with respect to
    its input), like ``torch.nn.ConvTransposeNd``: padding crops the output.
    ``weight`` has shape ``[in_channels, out_channels / groups, *kernel_dims]``.

    .. code-block:: python

        up = kiln.ConvTranspose(4, 2, (2, 2), stride=(2, 2))
        assert up(kiln.ones((1, 4, 3, 3))).shape == (1, 2, 6, 6)
    """

    _what = "kiln.ConvTranspose"
    _op = trace_ops.Deconvolution

    def __init__(self, in_channels: int, out_channels: int, kernel_dims: Sequence[int],
                 stride: Optional[Sequence[int]] = None, padding: Optional[Sequence[Tuple[int, int]]] = None,
                 dilation: Optional[Sequence[int]] = None, groups: Optional[int] = None, bias: bool = True,
                 dtype=_dtype.float32):
        if dtype == _dtype.bfloat16:
            raise_error("kiln.ConvTranspose: expected dtype float32 or float16, got bfloat16")
        super().__init__(in_channels, out_channels, kernel_dims, stride, padding, dilation, groups, bias, dtype)

    def _weight_shape(self):
        return (self.in_channels, self.out_channels // self.groups) + self.kernel_dims
