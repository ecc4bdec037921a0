"""Layer normalization, written with reductions and element-wise ops (the
compiler may raise the pattern back to one fused step)."""

from typing import Sequence, Union

import numpy as np

from kiln import _dtype
from kiln.exception import raise_error
from kiln.module.module import Module
from kiln.ops.reduce import mean
from kiln.ops.unary import rsqrt
from kiln.tensor import Tensor


class LayerNorm(Module):
    """
    Normalizes over the last ``len(normalized_shape)`` dimensions to zero mean
    and unit variance, then scales by ``weight`` and shifts by ``bias``.

    Args:
        normalized_shape: The trailing shape to normalize over.
        dtype: Element type of the parameters.
        eps: Added to the variance for numerical stability.

    .. code-block:: python

        norm = kiln.LayerNorm(4)
        out = norm(kiln.Tensor([[1.0, 2.0, 3.0, 4.0]]))   # mean 0, variance 1
    """

    def __init__(self, normalized_shape: Union[int, Sequence[int]], dtype: _dtype.dtype = _dtype.float32,
                 eps: float = 1e-5):
        super().__init__()
        if isinstance(normalized_shape, int):
            normalized_shape = (normalized_shape,)
        #: The trailing shape normalized over.
        self.normalized_shape = tuple(normalized_shape)
        #: Added to the variance.
        self.eps = eps
        #: The parameters' data type.
        self.dtype = dtype
        self.weight = Tensor(np.ones(self.normalized_shape), dtype=dtype)
        self.bias = Tensor(np.zeros(self.normalized_shape), dtype=dtype)

    def forward(self, x: Tensor) -> Tensor:
        n = len(self.normalized_shape)
        if tuple(x.shape[x.rank - n :]) != self.normalized_shape:
            raise_error(
                f"LayerNorm: expected the input's trailing shape to be {self.normalized_shape}, got {x.shape}", [x]
            )
        dims = list(range(x.rank - n, x.rank))
        centered = x - mean(x, dims, keepdim=True)
        variance = mean(centered * centered, dims, keepdim=True)
        return centered * rsqrt(variance + self.eps) * self.weight + self.bias
