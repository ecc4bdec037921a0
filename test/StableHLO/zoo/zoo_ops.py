"""Zoo cases: elementwise, shape and contraction ops beyond the first cases. See zoo.py for the Case fields.

The pointwise cases cover every integer op with negative values, wrapping
products and shift amounts outside [0, 32) (integer inputs are drawn from
[low, high) for every argument, so a range like [-40, 40) gives both), and
the special functions over the ranges their accuracy is stated for in
lib/Conversion/StableHLOToTensorRT/Elementwise.cpp."""

from typing import List

import jax
import jax.numpy as jnp
from jax import lax

from zoo import Case, _f32, _i32  # noqa: F401


def _i8(*shape):
    return (tuple(shape), "int8")


def _f16(*shape):
    return (tuple(shape), "float16")


def _int_edges(a):
    """Every integer op on the edge values (INT_MIN, INT_MAX, -1, 0, ...) and
    shift amounts 0, 31, 32, -1. `a` is all zeros (drawn from [0, 1)); adding
    it keeps the values run-time ones (XLA's constant folder traps on x / 0)."""
    x = jnp.array([-2**31, 2**31 - 1, -1, 0, 1, -2, 12345, -2**31], jnp.int32) + a
    s = jnp.array([0, 1, 31, 32, 33, -1, 16, -1], jnp.int32) + a
    return jnp.stack([lax.shift_left(x, s), lax.shift_right_arithmetic(x, s), lax.shift_right_logical(x, s),
                      lax.population_count(x), lax.clz(x), x & s, x | s, x ^ s, ~x, lax.div(x, s), lax.rem(x, s),
                      jnp.abs(x), -x, jnp.sign(x), x * x])


def _bf16_trig(x):
    """In bf16 inside; the Python frontend cannot pass bf16 arrays yet, so
    the argument and the result are f32."""
    x = x.astype(jnp.bfloat16)
    return (jnp.tan(x) + jnp.sinh(x) + jnp.arctan(x) + jnp.arccosh(x + 2.0)).astype(jnp.float32)


def _spread(a):
    """Large values with every bit pattern: the product wraps."""
    return a * 98765431


# Integer cases compare exactly (tolerance 0).
CASES: List[Case] = [
    # Shifts: amounts in [-40, 40), so negative and >= 32 amounts (0, or the
    # sign for the arithmetic right shift) are covered.
    Case("int_shift_left", lambda a, b: lax.shift_left(_spread(a), b), [_i32(4, 20), _i32(4, 20)], low=-40, high=40, tolerance=0),
    Case("int_shift_right_arithmetic", lambda a, b: lax.shift_right_arithmetic(_spread(a), b),
         [_i32(4, 20), _i32(4, 20)], low=-40, high=40, tolerance=0),
    Case("int_shift_right_logical", lambda a, b: lax.shift_right_logical(_spread(a), b),
         [_i32(4, 20), _i32(4, 20)], low=-40, high=40, tolerance=0),
    Case("int_shift_small", lambda a, b: (a << 3) + (a >> 2) + lax.shift_right_logical(a, 28) + (b << 31),
         [_i32(16), _i32(16)], low=-1000, high=1000, tolerance=0),
    # Bitwise logic on integers (a loop over the bits), with constant masks
    # (a floor division) and not.
    Case("int_bitwise", lambda a, b: (_spread(a) & _spread(b)) + ((a * 31) | _spread(b)) - (_spread(a) ^ b) + ~a,
         [_i32(3, 7), _i32(3, 7)], low=-50, high=50, tolerance=0),
    Case("int_and_masks", lambda a: (a & 7) + (a & 1) * 10 + (a & -16) + (_spread(a) & 0xFFFF) + (a & 0x5A5A),
         [_i32(24)], low=-100, high=100, tolerance=0),
    Case("int_popcnt_clz", lambda a: lax.population_count(_spread(a)) + lax.clz(_spread(a)) * 100 + lax.clz(a) * 10000,
         [_i32(5, 6)], low=-20, high=20, tolerance=0),
    # Division by zero is -1 and x % 0 is x (as XLA); jnp's floor forms too.
    Case("int_div_rem", lambda a, b: lax.div(a, b) + lax.rem(a, b) * 100 + (a // (b + 100)) * 7 + a % 7,
         [_i32(6, 7), _i32(6, 7)], low=-10, high=10, tolerance=0),
    Case("int_abs_sign_power", lambda a, b: jnp.abs(a) + jnp.sign(a) * 3 - a * 5 + jnp.power(a, jnp.abs(b) % 6)
         + lax.integer_pow(a, 3), [_i32(12), _i32(12)], low=-9, high=9, tolerance=0),
    Case("int8_bits", lambda a, b: lax.shift_right_logical(a, b) + lax.population_count(a) + (a ^ b) - (a << b)
         + lax.clz(b) + (a | b), [_i8(10), _i8(10)], low=-128, high=127, tolerance=0),
    Case("int_edge_values", _int_edges, [_i32(8)], low=0, high=1, tolerance=0),
    # Special functions, f32, over the ranges of their stated accuracy.
    Case("erf_inv", lambda x: jax.scipy.special.erfinv(x), [_f32(50)], low=-0.999, high=0.999),
    Case("lgamma_digamma", lambda x: jax.scipy.special.gammaln(x) + jax.scipy.special.digamma(x) * 0.5,
         [_f32(40)], low=0.05, high=20.0),
    Case("lgamma_reflection", lambda x: jax.scipy.special.gammaln(x), [_f32(40)], low=-9.5, high=0.5),
    Case("digamma_reflection", lambda x: jax.scipy.special.digamma(x), [_f32(40)], low=-9.5, high=0.5),
    Case("cbrt", lambda x: jnp.cbrt(x) + jnp.cbrt(jnp.round(x) ** 3) * 2.0, [_f32(30)], low=-30.0, high=30.0),
    Case("sign_inf_checks", lambda x: jnp.sign(x) + jnp.isinf(1.0 / jnp.round(x)) * 2.0 + jnp.isneginf(jnp.log(jnp.abs(x)))
         + jnp.isposinf(jnp.exp(x * 50.0)) * 4.0, [_f32(30)], low=-3.0, high=3.0),
    # Half precision: composed in f32 and rounded once; bf16 trigonometry
    # that TensorRT's layers take only in f16/f32.
    Case("f16_cbrt_lgamma", lambda x: jnp.cbrt(x) + jax.scipy.special.gammaln(x), [_f16(16)], low=0.5, high=6.0,
         tolerance=2e-3),
    Case("f16_erf_inv", lambda x: jax.scipy.special.erfinv(x), [_f16(16)], low=-0.9, high=0.9, tolerance=2e-3),
    Case("bf16_trig", _bf16_trig, [_f32(12)], low=-1.0, high=1.0, tolerance=2e-2),
]
