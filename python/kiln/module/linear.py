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

    def __init__(self, in_features: int, out_features: int, bias: bool = True, dtype: _dtype.dtype = _dtype.float32,
                 quant_dtype=None, weight_quant_dim=None):
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
        #: With a quantized dtype (kiln.int8, int4, float8), the weight is
        #: quantized by ``weight_scale`` (per tensor, or per channel along
        #: ``weight_quant_dim``) and dequantized before the product, and the
        #: input too when ``input_scale`` is set.
        self.quant_dtype = quant_dtype
        self.weight_quant_dim = weight_quant_dim
        self.weight_scale = None
        self.input_scale = None
        if quant_dtype is not None:
            scale_shape = (self.weight.shape[weight_quant_dim],) if weight_quant_dim is not None else ()
            self.weight_scale = Tensor(np.ones(scale_shape), dtype=dtype)

    def _optional_keys(self):
        return {"input_scale"}

    def forward(self, x: Tensor) -> Tensor:
        weight = self.weight
        if self.quant_dtype is not None:
            from kiln.ops.quantize import dequantize, quantize

            dim = self.weight_quant_dim
            weight = dequantize(quantize(weight, self.weight_scale, self.quant_dtype, dim), self.weight_scale,
                                self.dtype, dim)
            if isinstance(self.input_scale, Tensor):
                x = dequantize(quantize(x, self.input_scale, self.quant_dtype), self.input_scale, self.dtype)
        out = matmul(x, weight, transpose_other=True)
        if self.bias is not None:
            out = out + self.bias
        return out
