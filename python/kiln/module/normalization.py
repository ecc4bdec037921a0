"""Batch, group and instance normalization over ``[N, C, ...]`` inputs."""

import numpy as np

from kiln import _dtype
from kiln.exception import raise_error
from kiln.module.module import Module
from kiln.ops import _utils
from kiln.tensor import Tensor
from kiln.trace import ops as trace_ops


def _check_input(x, channels, dtype, what):
    _utils.check_tensor(x, what)
    if x.rank < 2:
        raise_error(f"{what}: expected an input of rank >= 2 ([N, C, ...]), got shape {x.shape}", [x])
    if x._trace.shape[1] >= 0 and x._trace.shape[1] != channels:
        raise_error(f"{what}: expected {channels} channels (dimension 1), got shape {x.shape}", [x])
    if x.dtype != dtype:
        raise_error(f"{what}: expected an input of dtype {dtype} (the parameters'), got {x.dtype}", [x])


def _per_channel(t: Tensor, rank: int) -> Tensor:
    return t.reshape((1, t.shape[0]) + (1,) * (rank - 2))


def _check_dtype(dtype, what):
    if dtype not in _utils.FLOATING:
        raise_error(f"{what}: expected dtype float32, float16 or bfloat16, got {dtype!r}")


class BatchNorm(Module):
    """
    Inference batch normalization: ``(x - running_mean) / sqrt(running_var +
    eps) * weight + bias`` per channel (dimension 1), like
    ``torch.nn.BatchNormNd`` in eval mode.

    .. code-block:: python

        bn = kiln.BatchNorm(3)
        assert bn(kiln.ones((2, 3, 4))).shape == (2, 3, 4)
    """

    def __init__(self, num_features: int, dtype=_dtype.float32, eps: float = 1e-5):
        super().__init__()
        _check_dtype(dtype, "kiln.BatchNorm")
        #: The number of channels.
        self.num_features = num_features
        #: The parameters' data type.
        self.dtype = dtype
        #: Added to the variance.
        self.eps = eps
        self.weight = Tensor(np.ones(num_features), dtype=dtype)
        self.bias = Tensor(np.zeros(num_features), dtype=dtype)
        self.running_mean = Tensor(np.zeros(num_features), dtype=dtype)
        self.running_var = Tensor(np.ones(num_features), dtype=dtype)

    def forward(self, x: Tensor) -> Tensor:
        from kiln.ops.unary import rsqrt

        _check_input(x, self.num_features, self.dtype, "kiln.BatchNorm")
        scale = self.weight * rsqrt(self.running_var + self.eps)
        shift = self.bias - self.running_mean * scale
        return x * _per_channel(scale, x.rank) + _per_channel(shift, x.rank)


class InstanceNorm(Module):
    """
    Normalizes each channel of each sample over its spatial dimensions, then
    scales by ``weight`` and shifts by ``bias`` per channel, like
    ``torch.nn.InstanceNormNd(affine=True)``.

    .. code-block:: python

        norm = kiln.InstanceNorm(2)
        assert norm(kiln.ones((1, 2, 4, 4))).shape == (1, 2, 4, 4)
    """

    def __init__(self, num_channels: int, dtype=_dtype.float32, eps: float = 1e-5):
        super().__init__()
        _check_dtype(dtype, "kiln.InstanceNorm")
        #: The number of channels.
        self.num_channels = num_channels
        #: The parameters' data type.
        self.dtype = dtype
        #: Added to the variance.
        self.eps = eps
        self.weight = Tensor(np.ones(num_channels), dtype=dtype)
        self.bias = Tensor(np.zeros(num_channels), dtype=dtype)

    def forward(self, x: Tensor) -> Tensor:
        what = "kiln.InstanceNorm"
        _check_input(x, self.num_channels, self.dtype, what)
        if x.rank < 3:
            raise_error(f"{what}: expected spatial dimensions ([N, C, spatial...]), got shape {x.shape}", [x])
        axes = list(range(2, x.rank))
        return _utils.make(trace_ops.Normalization,
                           [x, _per_channel(self.weight, x.rank), _per_channel(self.bias, x.rank)], what,
                           axes=axes, eps=self.eps)


class GroupNorm(Module):
    """
    Splits the channels into ``num_groups`` groups and normalizes each group
    of each sample, then scales and shifts per channel, like
    ``torch.nn.GroupNorm``.

    .. code-block:: python

        norm = kiln.GroupNorm(2, 4)
        assert norm(kiln.ones((1, 4, 3))).shape == (1, 4, 3)
    """

    def __init__(self, num_groups: int, num_channels: int, dtype=_dtype.float32, eps: float = 1e-5):
        super().__init__()
        _check_dtype(dtype, "kiln.GroupNorm")
        if num_groups < 1 or num_channels % num_groups:
            raise_error(f"kiln.GroupNorm: expected num_groups to divide num_channels ({num_channels}), "
                        f"got {num_groups}")
        #: The number of channel groups.
        self.num_groups = num_groups
        #: The number of channels.
        self.num_channels = num_channels
        #: The parameters' data type.
        self.dtype = dtype
        #: Added to the variance.
        self.eps = eps
        self.weight = Tensor(np.ones(num_channels), dtype=dtype)
        self.bias = Tensor(np.zeros(num_channels), dtype=dtype)

    def forward(self, x: Tensor) -> Tensor:
        from kiln.ops.reduce import mean
        from kiln.ops.unary import rsqrt

        _check_input(x, self.num_channels, self.dtype, "kiln.GroupNorm")
        shape = x.shape
        grouped = x.reshape((shape[0], self.num_groups, -1))
        centered = grouped - mean(grouped, 2, keepdim=True)
        normalized = centered * rsqrt(mean(centered * centered, 2, keepdim=True) + self.eps)
        out = normalized.reshape(shape)
        return out * _per_channel(self.weight, x.rank) + _per_channel(self.bias, x.rank)
