"""Kiln: an inference compiler with an nvtripy-compatible Python frontend.

.. code-block:: python

    import kiln

    x = kiln.Tensor([[1.0, 2.0], [3.0, 4.0]])
    print(kiln.softmax(x @ x, dim=1))
"""

__version__ = "0.1.0"

from kiln._dtype import dtype, floating, integer, float32, float16, bfloat16, float8, int4, int8, int32, int64
from kiln._dtype import bool_ as bool
from kiln.exception import KilnException
from kiln.exception import KilnException as TripyException  # nvtripy's name
from kiln.logger import logger
from kiln import config, types
from kiln.tensor import Tensor
from kiln.dimension_size import DimensionSize
from kiln.device import device

from kiln.ops.binary import maximum, minimum
from kiln.ops.cast import cast
from kiln.ops.comparison import allclose, equal, greater, greater_equal, less, less_equal, not_equal
from kiln.ops.concatenate import concatenate, stack
from kiln.ops.creation import (arange, full, full_like, iota, iota_like, ones, ones_like, tril, triu, zeros,
                               zeros_like)
from kiln.ops.matmul import matmul, outer
from kiln.ops.reduce import all, any, argmax, argmin, cumsum, max, mean, min, prod, sum, topk, var
from kiln.ops.shape import expand, flatten, flip, permute, repeat, reshape, split, squeeze, transpose, unsqueeze
from kiln.ops.softmax import softmax
from kiln.ops.unary import abs, cos, exp, gelu, log, relu, rsqrt, sigmoid, silu, sin, sqrt, tanh
from kiln.ops.where import masked_fill, where
from kiln.ops.copy import copy
from kiln.ops.gather import gather
from kiln.ops.pad import pad
from kiln.ops.pooling import avgpool, maxpool
from kiln.ops.quantize import dequantize, quantize
from kiln.ops.resize import resize

from kiln.ops import _checked

_checked.check_all(globals(), [n for n, v in list(globals().items())
                               if callable(v) and getattr(v, "__module__", "").startswith("kiln.ops.")
                               and not isinstance(v, type)])
del _checked

from kiln.ops import _registry, slice as _slice  # noqa: F401  (registers __getitem__)

_registry.install(Tensor)
del _registry, _slice

from kiln.backend.compile import compile
from kiln.backend.executable import Executable
from kiln.backend.input_info import Bounds, DimensionInputInfo, InputInfo, NamedDimension
from kiln.stream import Stream, default_stream

from kiln.module.conv import Conv, ConvTranspose
from kiln.module.embedding import Embedding
from kiln.module.layernorm import LayerNorm
from kiln.module.linear import Linear
from kiln.module.module import Module
from kiln.module.normalization import BatchNorm, GroupNorm, InstanceNorm
from kiln.module.safetensors import load_safetensors
from kiln.module.sequential import Sequential

# `kiln.compiler.compile_mlir` compiles MLIR text (tensorrt or StableHLO).
from kiln import compiler


