"""Zoo cases: small models and f16/bf16 programs. See zoo.py for the Case fields.

The models are written the way JAX users write them (jax.nn, jnp, lax), so
that they exercise what tensorrt-simplify raises after conversion: softmax,
layer normalization (jnp.var and flax's fast variance), GELU and SiLU.
Half-precision cases compare with a tolerance for their dtype.
"""

from typing import List

import jax
import jax.numpy as jnp
from jax import lax

from zoo import Case, _f32, _layer_norm

_F16_TOLERANCE = 1e-2
_BF16_TOLERANCE = 5e-2


def _f16(*shape):
    return (tuple(shape), "float16")


def _small_cnn(x, w1, b1, w2, b2, wd, bd):
    """conv, relu, 2x2 max pool, conv, relu, global average pool, dense."""
    dn = ("NHWC", "HWIO", "NHWC")
    h = lax.conv_general_dilated(x, w1, (1, 1), "SAME", dimension_numbers=dn) + b1
    h = jax.nn.relu(h)
    h = lax.reduce_window(h, -jnp.inf, lax.max, (1, 2, 2, 1), (1, 2, 2, 1), "VALID")
    h = lax.conv_general_dilated(h, w2, (1, 1), "SAME", dimension_numbers=dn) + b2
    h = jax.nn.relu(h)
    h = jnp.mean(h, axis=(1, 2))
    return h @ wd + bd


def _flax_layer_norm(x, scale, bias, epsilon=1e-6):
    """flax.linen.LayerNorm with use_fast_variance: var = E[x^2] - E[x]^2,
    clamped at 0, statistics without the reduced axis and expanded after."""
    mu = jnp.mean(x, axis=-1)
    mu2 = jnp.mean(lax.square(x), axis=-1)
    var = jnp.maximum(0.0, mu2 - lax.square(mu))
    mean = jnp.expand_dims(mu, -1)
    var = jnp.expand_dims(var, -1)
    y = x - mean
    mul = lax.rsqrt(var + epsilon) * scale.reshape(1, -1)
    return y * mul + bias.reshape(1, -1)


def _softmax_attention(x, wq, wk, wv, wo, gamma, beta):
    """Pre-norm single-head self-attention with a residual."""
    h = _layer_norm(x, gamma, beta)
    q, k, v = h @ wq, h @ wk, h @ wv
    scores = jnp.einsum("bqd,bkd->bqk", q, k) / jnp.sqrt(jnp.float32(q.shape[-1]))
    return x + jnp.einsum("bqk,bkd->bqd", jax.nn.softmax(scores, axis=-1), v) @ wo


def _mlp(x, w1, b1, w2, b2):
    return jax.nn.gelu(x @ w1 + b1) @ w2 + b2


def _mlp_bf16(*args):
    """The MLP computed in bf16. The Python frontend cannot pass bf16 arrays
    yet (kiln._dtype has no bfloat16), so the arguments and the result are
    f32 and the casts are part of the program."""
    return _mlp(*(a.astype(jnp.bfloat16) for a in args)).astype(jnp.float32)


def _silu_mlp(x, w1, w2, w3):
    """A SwiGLU-style block: silu(x w1) * (x w3), then w2; and swish."""
    return (jax.nn.silu(x @ w1) * (x @ w3)) @ w2 + jax.nn.swish(x)


CASES: List[Case] = [
    Case("model_small_cnn", _small_cnn,
         [_f32(2, 8, 8, 3), _f32(3, 3, 3, 8), _f32(8), _f32(3, 3, 8, 16), _f32(16), _f32(16, 10), _f32(10)],
         low=-1.0, high=1.0),
    Case("model_flax_layer_norm", _flax_layer_norm, [_f32(2, 6, 32), _f32(32), _f32(32)]),
    Case("model_softmax_attention", _softmax_attention,
         [_f32(2, 8, 16), _f32(16, 16), _f32(16, 16), _f32(16, 16), _f32(16, 16), _f32(16), _f32(16)],
         low=-0.5, high=0.5),
    Case("model_mlp_f16", _mlp, [_f16(8, 16), _f16(16, 32), _f16(32), _f16(32, 8), _f16(8)],
         low=-0.5, high=0.5, tolerance=_F16_TOLERANCE),
    Case("model_mlp_bf16", _mlp_bf16, [_f32(8, 16), _f32(16, 32), _f32(32), _f32(32, 8), _f32(8)],
         low=-0.5, high=0.5, tolerance=_BF16_TOLERANCE),
    Case("model_layer_norm_f16", _layer_norm, [_f16(4, 32), _f16(32), _f16(32)],
         tolerance=_F16_TOLERANCE),
    Case("model_silu_mlp", _silu_mlp, [_f32(4, 16), _f32(16, 32), _f32(32, 16), _f32(16, 32)],
         low=-0.5, high=0.5),
]
