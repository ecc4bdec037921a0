"""Zoo cases: gather, scatter, sort and dynamic slicing. See zoo.py for the Case fields.

Index arguments are drawn from the same [low, high) range as the other
arguments, so the ranges below are chosen to include negative indices
(which JAX wraps) and indices past the end (which gather clamps or fills and
scatter drops). Sorts put NaNs into their keys themselves, with
``jnp.where``, since the zoo draws finite inputs.
"""

from typing import List

import jax
import jax.numpy as jnp
from jax import lax

from zoo import Case, _f32, _i32


def _nan_where_large(x, limit=1.2):
    return jnp.where(x > limit, jnp.nan, x)


CASES: List[Case] = [
    # Gather.
    Case("gather_two_indices", lambda x, i, j: x[i, j], [_f32(4, 5, 6), _i32(3), _i32(3)], low=-4, high=7),
    Case("gather_split_indices", lambda x, a, b: x[a, :, b], [_f32(4, 5, 6), _i32(3), _i32(3)], low=-4, high=7),
    Case("gather_index_and_slice", lambda x, i: x[i, 1:3], [_f32(6, 4), _i32(5)], low=-6, high=8),
    Case("gather_after_slice", lambda x, ids: x[:, 1:3][ids], [_f32(4, 5), _i32(3)], low=-4, high=6),
    Case("take_along_axis", lambda x, ids: jnp.take_along_axis(x, ids, axis=1), [_f32(3, 5), _i32(3, 4)], low=-5, high=5),
    Case("take_along_axis_fill", lambda x, ids: jnp.take_along_axis(x, ids, axis=0, mode="fill", fill_value=-7.0),
         [_f32(4, 3), _i32(2, 3)], low=-6, high=6),
    Case("take_clip", lambda x, ids: jnp.take(x, ids, axis=1, mode="clip"), [_f32(3, 5), _i32(4)], low=-3, high=8),
    Case("take_fill", lambda x, ids: jnp.take(x, ids, axis=1, mode="fill", fill_value=-1.0), [_f32(3, 5), _i32(2, 3)],
         low=-7, high=8),
    Case("gather_vmap", jax.vmap(lambda x, i: x[i]), [_f32(3, 5, 2), _i32(3, 4)], low=-5, high=5),
    Case("gather_int_table", lambda t, i, j: t[i, j] * 3 + t[j, i], [_i32(6, 6), _i32(4), _i32(4)], low=-6, high=6),
    # Scatter. Duplicate indices are drawn often with these ranges; `set`
    # writes a value that depends on the index only, since which of several
    # updates to one element wins is unspecified.
    Case("scatter_set_duplicates", lambda x, i: x.at[i].set(i.astype(jnp.float32) * 2.0 + 0.5),
         [_f32(6), _i32(8)], low=-6, high=9),
    Case("scatter_set_window", lambda x, i, u: x.at[i, 1:3].set(u[:, :2] * 0 + i[:, None].astype(jnp.float32)),
         [_f32(6, 4), _i32(3), _f32(3, 4)], low=-6, high=8),
    Case("scatter_add_int", lambda x, i, u: x.at[i].add(u), [_i32(5, 2), _i32(7), _i32(7, 2)], low=-5, high=7),
    Case("scatter_mul_elements", lambda x, i, u: x.at[i, 1].mul(u), [_f32(6, 3), _i32(5), _f32(5)], low=-2, high=6),
    Case("scatter_min_max", lambda x, i, u: x.at[i].min(u) + x.at[i].max(u * 2.0),
         [_f32(6, 2), _i32(9), _f32(9, 2)], low=-3, high=7),
    Case("scatter_min_max_int", lambda x, i, u: x.at[i].min(u) * 100 + x.at[i].max(u),
         [_i32(5), _i32(9), _i32(9)], low=-5, high=7),
    Case("scatter_vmap_add", jax.vmap(lambda x, i, u: x.at[i].add(u)), [_f32(2, 6), _i32(2, 5), _f32(2, 5)], low=-6, high=7),
    Case("segment_sum", lambda d, s: jax.ops.segment_sum(d, s, num_segments=5), [_f32(8, 2), _i32(8)], low=0, high=7),
    Case("segment_max_int", lambda d, s: jax.ops.segment_max(d, s, num_segments=4), [_i32(9), _i32(9)], low=0, high=5),
    # Sort and top_k.
    Case("sort_nan_last", lambda x: jnp.sort(_nan_where_large(x), axis=0), [_f32(9, 3)]),
    Case("sort_descending_nan", lambda x: jnp.sort(_nan_where_large(x), axis=-1, descending=True), [_f32(2, 9)]),
    Case("argsort_nan_stable", lambda x: jnp.argsort(_nan_where_large(jnp.round(x))), [_f32(3, 11)]),
    Case("argsort_descending_ties", lambda x: jnp.argsort(jnp.round(x), descending=True), [_f32(12)]),
    Case("sort_int_axis0", lambda x: jnp.sort(x, axis=0), [_i32(7, 3)], low=-20, high=20),
    Case("sort_two_keys", lambda a, b, c: lax.sort((jnp.round(a), b, c), num_keys=2),
         [_f32(10), _f32(10), _f32(10)]),
    Case("lexsort_int_float", lambda a, b: jnp.lexsort((a, jnp.round(b))), [_f32(12), _f32(12)]),
    Case("lexsort_ints", lambda a, b: jnp.lexsort((a, b)), [_i32(12), _i32(12)], low=0, high=3),
    Case("top_k_nan", lambda x: lax.top_k(_nan_where_large(jnp.round(x * 2.0)), 4), [_f32(3, 8)]),
    Case("top_k_int", lambda x: lax.top_k(x, 3), [_i32(2, 9)], low=-5, high=5),
]
