"""Kiln: an inference compiler with an nvtripy-compatible Python frontend.

.. code-block:: python

    import kiln

    x = kiln.Tensor([[1.0, 2.0], [3.0, 4.0]])
    print(kiln.softmax(x @ x, dim=1))
"""

__version__ = "0.1.0"

from kiln._dtype import dtype, float16, float32, int8, int32, int64
from kiln._dtype import bool_ as bool
from kiln.exception import KilnException
from kiln.tensor import Tensor

from kiln.ops.binary import maximum, minimum
from kiln.ops.cast import cast
from kiln.ops.comparison import equal, greater, greater_equal, less, less_equal, not_equal
from kiln.ops.concatenate import concatenate, stack
from kiln.ops.creation import arange, full, ones, zeros
from kiln.ops.matmul import matmul
from kiln.ops.reduce import max, mean, min, prod, sum, var
from kiln.ops.shape import flatten, permute, reshape, squeeze, transpose, unsqueeze
from kiln.ops.softmax import softmax
from kiln.ops.unary import abs, exp, gelu, log, relu, rsqrt, sigmoid, silu, sqrt, tanh
from kiln.ops.where import masked_fill, where

from kiln.backend.compile import compile
from kiln.backend.executable import Executable
from kiln.backend.input_info import InputInfo

from kiln.module.layernorm import LayerNorm
from kiln.module.linear import Linear
from kiln.module.module import Module
from kiln.module.sequential import Sequential

# `kiln.compiler.compile_mlir` compiles MLIR text (tensorrt or StableHLO).
from kiln import compiler


def allclose(a, b, rtol: float = 1e-5, atol: float = 1e-8) -> "builtins.bool":
    """
    Whether two tensors (or arrays) are element-wise equal within tolerance,
    like ``numpy.allclose``.

    .. code-block:: python

        assert kiln.allclose(kiln.Tensor([1.0]), kiln.Tensor([1.0 + 1e-7]))
    """
    import numpy as np

    return builtins.bool(np.allclose(np.asarray(a), np.asarray(b), rtol=rtol, atol=atol))


import builtins  # noqa: E402  (after the exports above, which shadow some builtins)
