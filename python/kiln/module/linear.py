"""Fully connected layer."""

import numpy as np

from kiln import _dtype
from kiln.module.module import Module
from kiln.ops.matmul import matmul
from kiln.tensor import Tensor


class Linear(Module):
    """
    ``y = x @ weight.T + bias``, applied to the last dimension.

    Args:
        in_features: Size of the input's last dimension.
        out_features: Size of the output's last dimension.
        bias: Whether to add a bias.
        dtype: Element type of the parameters.

    Parameters are initialized uniformly in ``[-1/sqrt(in), 1/sqrt(in)]``;
    load trained values with :meth:`load_state_dict`.

    .. code-block:: python

        layer = kiln.Linear(4, 2)
        out = layer(kiln.ones((3, 4)))
        assert out.shape == (3, 2)
    """

    def __init__(self, in_features: int, out_features: int, bias: bool = True, dtype: _dtype.dtype = _dtype.float32):
        super().__init__()
        self.in_features = in_features
        self.out_features = out_features
        self.dtype = dtype
        bound = 1.0 / np.sqrt(max(in_features, 1))
        rng = np.random.default_rng()
        self.weight = Tensor(rng.uniform(-bound, bound, (out_features, in_features)), dtype=dtype)
        if bias:
            self.bias = Tensor(rng.uniform(-bound, bound, (out_features,)), dtype=dtype)
        else:
            self.bias = None

    def forward(self, x: Tensor) -> Tensor:
        out = matmul(x, self.weight, transpose_other=True)
        if self.bias is not None:
            out = out + self.bias
        return out
