"""Quantize and dequantize: per-tensor, per-channel and block scales."""

import numbers

import numpy as np

from kiln import _dtype
from kiln.exception import raise_error
from kiln.ops import _utils
from kiln.tensor import Tensor
from kiln.trace import ops as trace_ops

_QUANTIZED = (_dtype.int8, _dtype.int4, _dtype.float8)


def _scale(scale, dtype, input, dim, what):
    if not isinstance(scale, Tensor):
        if isinstance(scale, numbers.Number):
            scale = np.array(scale)
        scale = _utils.constant(np.asarray(scale), dtype)
    if scale.dtype != dtype:
        raise_error(f"{what}: expected the scale to have dtype {dtype}, got {scale.dtype}")
    if scale.rank == 1 and dim is None:
        raise_error(f"{what}: a 1-D (per-channel) scale needs dim, the channel dimension")
    if scale.rank == 0 and dim is not None:
        raise_error(f"{what}: a 0-D (per-tensor) scale takes no dim, got dim={dim}")
    if scale.rank == 1:
        dim = _utils.normalize_dim(dim, input.rank, "dim")
        if scale.shape[0] != input.shape[dim]:
            raise_error(f"{what}: expected {input.shape[dim]} scales (dimension {dim} of the input), "
                        f"got {scale.shape[0]}", [input])
    elif scale.rank not in (0, input.rank):
        raise_error(f"{what}: expected a 0-D, 1-D or rank-{input.rank} (block) scale, got rank {scale.rank}")
    return scale, dim


def quantize(input: Tensor, scale, dtype, dim=None) -> Tensor:
    """
    ``round(input / scale)`` saturated to ``dtype`` (``kiln.int8``,
    ``kiln.int4`` or ``kiln.float8``). ``scale`` is a number or 0-D tensor
    (per tensor), a 1-D sequence with ``dim`` (per channel), or of the
    input's rank (blocks).

    .. code-block:: python

        q = kiln.quantize(kiln.Tensor([1.0, -2.6, 300.0]), 0.5, kiln.int8)
        assert q.tolist() == [2, -5, 127]
    """
    what = "kiln.quantize"
    _utils.check_dtype_in(input, _utils.FLOATING, what)
    if dtype not in _QUANTIZED:
        raise_error(f"{what}: expected dtype to be one of int8, int4, float8, got {dtype}")
    scale, dim = _scale(scale, input.dtype, input, dim, what)
    return _utils.make(trace_ops.Quantize, [input, scale], what, dtype=dtype, axis=dim)


def dequantize(input: Tensor, scale, dtype, dim=None) -> Tensor:
    """
    ``input * scale`` as ``dtype`` (``float32``, ``float16`` or
    ``bfloat16``): the inverse of :func:`quantize`.

    .. code-block:: python

        x = kiln.dequantize(kiln.Tensor([2, -5], dtype=kiln.int8), 0.5, kiln.float32)
        assert x.tolist() == [1.0, -2.5]
    """
    what = "kiln.dequantize"
    _utils.check_dtype_in(input, _QUANTIZED, what)
    if dtype not in _utils.FLOATING:
        raise_error(f"{what}: expected dtype to be one of float32, float16, bfloat16, got {dtype}")
    scale, dim = _scale(scale, dtype, input, dim, what)
    return _utils.make(trace_ops.Dequantize, [input, scale], what, dtype=dtype, axis=dim)
