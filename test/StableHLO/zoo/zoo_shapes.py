"""Zoo cases: data movement, contractions and window reductions beyond the
first cases (dynamic slices, interior padding, transposed convolution,
min/prod windows). See zoo.py for the Case fields."""

from typing import List

import jax.numpy as jnp
from jax import lax

from zoo import Case, _f32, _i32


def _scalar_i32():
    return ((), "int32")


def _kv_cache_fill(cache, steps):
    """Writes row t of `steps` into row t of the cache, one step per loop
    iteration, as a decoder fills its KV cache."""
    def body(t, c):
        return lax.dynamic_update_slice(c, lax.dynamic_slice(steps, (t, 0), (1, steps.shape[1])), (t, 0))
    return lax.fori_loop(0, steps.shape[0], body, cache)


def _conv_t(x, w, strides, padding, dims):
    return lax.conv_transpose(x, w, strides, padding, dimension_numbers=dims)


def _avg_pool_excluding_padding(x):
    window, strides = (1, 3, 3, 1), (1, 2, 2, 1)
    sums = lax.reduce_window(x, 0.0, lax.add, window, strides, "SAME")
    counts = lax.reduce_window(jnp.ones_like(x), 0.0, lax.add, window, strides, "SAME")
    return sums / counts


CASES: List[Case] = [
    # Dynamic slices: run-time starts, clamped so the window fits (the
    # index range runs past both ends).
    Case("dynamic_slice_2d", lambda x, i, j: lax.dynamic_slice(x, (i, j), (2, 3)),
         [_f32(5, 6), _scalar_i32(), _scalar_i32()], low=-4, high=9),
    Case("dynamic_index_row", lambda x, i: x[i] * 2.0, [_f32(5, 6), _scalar_i32()], low=-5, high=5),
    Case("dynamic_update_slice_2d", lambda x, u, i, j: lax.dynamic_update_slice(x, u, (i, j)),
         [_f32(5, 6), _f32(2, 3), _scalar_i32(), _scalar_i32()], low=-4, high=9),
    Case("dynamic_update_slice_rows", lambda x, u, i: lax.dynamic_update_slice(x, u, (0, i, 0)) + 1.0,
         [_f32(2, 6, 4), _f32(2, 1, 4), _scalar_i32()], low=-3, high=8),
    Case("kv_cache_fori_loop", _kv_cache_fill, [_f32(6, 4), _f32(6, 4)]),
    # Interior padding (negative edge padding crops).
    Case("pad_interior", lambda x: lax.pad(x, 0.0, ((1, 2, 1), (0, -1, 2))), [_f32(3, 4)]),
    Case("pad_interior_value", lambda x, v: lax.pad(x, v, ((-1, 1, 2), (2, 0, 1), (0, 0, 0))),
         [_f32(3, 2, 2), _f32()]),
    # Transposed convolution (lhs dilation) and other convolution forms.
    Case("conv_transpose_1d_valid", lambda x, w: _conv_t(x, w, (2,), "VALID", ("NWC", "WIO", "NWC")),
         [_f32(2, 5, 3), _f32(3, 3, 4)]),
    Case("conv_transpose_2d_nhwc_same", lambda x, w: _conv_t(x, w, (2, 2), "SAME", ("NHWC", "HWIO", "NHWC")),
         [_f32(1, 5, 5, 3), _f32(3, 3, 3, 4)]),
    Case("conv_transpose_2d_nchw_valid", lambda x, w: _conv_t(x, w, (2, 2), "VALID", ("NCHW", "OIHW", "NCHW")),
         [_f32(2, 3, 4, 5), _f32(4, 3, 3, 2)]),
    Case("conv_transpose_kernel_flip", lambda x, w: lax.conv_transpose(
        x, w, (2, 2), "SAME", dimension_numbers=("NHWC", "HWIO", "NHWC"), transpose_kernel=True),
         [_f32(1, 4, 4, 3), _f32(4, 4, 5, 3)]),
    Case("conv_lhs_rhs_dilated_strided", lambda x, w: lax.conv_general_dilated(
        x, w, (2, 1), [(3, 4), (0, 1)], lhs_dilation=(3, 2), rhs_dilation=(2, 1)),
         [_f32(1, 2, 5, 4), _f32(3, 2, 3, 2)]),
    Case("conv_negative_padding", lambda x, w: lax.conv_general_dilated(x, w, (1, 1), [(-1, 2), (1, -2)]),
         [_f32(1, 2, 6, 7), _f32(3, 2, 3, 3)]),
    Case("conv_depthwise", lambda x, w: lax.conv_general_dilated(
        x, w, (1, 1), "SAME", dimension_numbers=("NHWC", "HWIO", "NHWC"), feature_group_count=4),
         [_f32(2, 6, 6, 4), _f32(3, 3, 1, 8)]),
    Case("conv_batch_groups", lambda x, w: lax.conv_general_dilated(x, w, (1,), "VALID", batch_group_count=2),
         [_f32(4, 3, 7), _f32(6, 3, 3)]),
    # Window reductions beyond float max/sum pooling.
    Case("reduce_window_min", lambda x: lax.reduce_window(x, jnp.inf, lax.min, (2, 2), (1, 1), "VALID"),
         [_f32(4, 5)]),
    Case("reduce_window_prod", lambda x: lax.reduce_window(x, 1.0, lax.mul, (1, 3), (1, 2), "SAME"),
         [_f32(3, 7)], low=0.5, high=1.5),
    Case("reduce_window_dilated", lambda x: lax.reduce_window(
        x, -jnp.inf, lax.max, (2, 3), (1, 2), [(1, 0), (2, 1)], base_dilation=(2, 1), window_dilation=(1, 2)),
         [_f32(4, 9)]),
    Case("reduce_window_int_max", lambda x: lax.reduce_window(x, jnp.iinfo(jnp.int32).min, lax.max,
                                                              (2, 2), (2, 2), "SAME"),
         [_i32(5, 6)], low=-100, high=100),
    Case("reduce_window_bool_or", lambda x: lax.reduce_window(x > 0.5, False, lax.bitwise_or, (3,), (1,), "SAME")
         .astype(jnp.float32), [_f32(8)]),
    Case("cummax_cummin", lambda x: lax.cummax(x, axis=0) + lax.cummin(x, axis=1), [_f32(6, 5)]),
    Case("cumprod", lambda x: jnp.cumprod(x, axis=1), [_f32(3, 7)], low=0.5, high=1.5),
    Case("cumsum_int", lambda x: jnp.cumsum(x, axis=0), [_i32(9, 2)], low=-50, high=50),
    Case("max_pool_same", lambda x: lax.reduce_window(x, -jnp.inf, lax.max, (1, 3, 3, 1), (1, 2, 2, 1), "SAME"),
         [_f32(2, 7, 7, 3)]),
    Case("avg_pool_excluding_padding", _avg_pool_excluding_padding, [_f32(1, 7, 6, 2)]),
]
