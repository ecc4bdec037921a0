"""The zoo: JAX functions whose StableHLO Kiln must compile and run like JAX.

Each case names a function, the shapes and dtypes of its arguments, and, for
programs that need a kernel Kiln does not have yet, the reason it is
expected to fail (pytest marks those ``xfail(strict=True)``, so they flip to
failures the day the kernel lands and the mark must be removed).

Only ``generate.py`` and the pytest module import this file; both need jax.

The cases live in several modules: this one (the first cases) and one
``zoo_<topic>.py`` per topic, listed in ``_MODULES`` below. A topic module
imports ``Case`` and the helpers from here and defines its own ``CASES``
list; names must be unique across the whole zoo.
"""

import re
from dataclasses import dataclass, field
from typing import Callable, Dict, List, Optional, Tuple, Union

import jax
import jax.numpy as jnp
from jax import lax


@dataclass
class Case:
    name: str
    fn: Callable
    # (shape, dtype) per argument; a shape entry may be the name of a
    # symbolic dimension (e.g. ("b", 16)) bounded in `dims`.
    args: List[Tuple[Tuple[Union[int, str], ...], str]]
    xfail: Optional[str] = None
    # Inputs are drawn from [low, high) (integers: randint in that range).
    low: float = -2.0
    high: float = 2.0
    tolerance: float = 1e-4
    tags: List[str] = field(default_factory=list)
    # Extra kiln-compile arguments the saved program needs (lit test only).
    compile_args: List[str] = field(default_factory=list)
    # Writes the program text when it is not `jax.jit(fn).lower(...)`
    # (sharded or donating programs); `fn` is still what the results are
    # compared with.
    lowering: Optional[Callable[["Case"], str]] = None
    # (min, opt, max) of each symbolic dimension named in `args`. Such a case
    # is exported with jax.export (symbolic shapes), compiled with a shape
    # profile per dynamic argument (also put in `compile_args`) and run at
    # several sizes (`run_sizes`).
    dims: Dict[str, Tuple[int, int, int]] = field(default_factory=dict)

    def __post_init__(self):
        if self.dims and not self.compile_args:
            self.compile_args = [
                f"--shape-profile={i}:" + ":".join("x".join(map(str, s)) for s in bounds)
                for i, bounds in shape_profiles(self).items()
            ]


def _f32(*shape):
    return (tuple(shape), "float32")


def _i32(*shape):
    return (tuple(shape), "int32")


def _layer_norm(x, gamma, beta):
    mean = jnp.mean(x, axis=-1, keepdims=True)
    var = jnp.var(x, axis=-1, keepdims=True)
    return (x - mean) * lax.rsqrt(var + 1e-5) * gamma + beta


def _rms_norm(x, w):
    return x * lax.rsqrt(jnp.mean(x * x, axis=-1, keepdims=True) + 1e-6) * w


def _mlp(x, w1, b1, w2, b2):
    return jax.nn.relu(x @ w1 + b1) @ w2 + b2


def _attention(q, k, v):
    scores = jnp.einsum("bqd,bkd->bqk", q, k) / jnp.sqrt(jnp.float32(q.shape[-1]))
    mask = jnp.tril(jnp.ones((q.shape[1], k.shape[1]), bool))
    scores = jnp.where(mask, scores, -1e9)
    return jnp.einsum("bqk,bkd->bqd", jax.nn.softmax(scores, axis=-1), v)


def _gpt_block(x, wq, wk, wv, wo, w1, w2):
    h = _rms_norm(x, 1.0)
    attn = _attention(h @ wq, h @ wk, h @ wv) @ wo
    x = x + attn
    return x + jax.nn.gelu(_rms_norm(x, 1.0) @ w1) @ w2


CASES: List[Case] = [
    # Pointwise math.
    Case("add_mul", lambda a, b: a + b * 2.0, [_f32(4, 8), _f32(4, 8)]),
    Case("sub_div", lambda a, b: (a - b) / (jnp.abs(b) + 1.0), [_f32(3, 5), _f32(3, 5)]),
    Case("max_min_neg", lambda a, b: jnp.maximum(a, -b) + jnp.minimum(a, b), [_f32(6), _f32(6)]),
    Case("unary_math", lambda x: jnp.exp(x) + jnp.log(jnp.abs(x) + 1.0) + jnp.sin(x) * jnp.cos(x), [_f32(2, 7)]),
    Case("sqrt_rsqrt", lambda x: jnp.sqrt(x) + lax.rsqrt(x), [_f32(10)], low=0.1, high=4.0),
    Case("tanh_logistic", lambda x: jnp.tanh(x) + jax.nn.sigmoid(x), [_f32(3, 4)]),
    Case("floor_ceil_round", lambda x: jnp.floor(x) + jnp.ceil(x) * 2.0 + jnp.round(x) * 4.0, [_f32(16)], low=-5.0, high=5.0),
    Case("sign_tan", lambda x: jnp.sign(x) + jnp.tan(x * 0.5), [_f32(9)]),
    Case("log1p_expm1", lambda x: jnp.log1p(x) + jnp.expm1(x), [_f32(8)], low=-0.5, high=2.0),
    Case("erf_erfc", lambda x: jax.scipy.special.erf(x) + jax.scipy.special.erfc(x) * 0.5, [_f32(12)]),
    Case("chlo_hyperbolic", lambda x: jnp.sinh(x) + jnp.cosh(x) + jnp.arcsinh(x) + jnp.arctan(x), [_f32(6)]),
    Case("power_square", lambda x, y: jnp.power(x, y) + jnp.square(y), [_f32(5), _f32(5)], low=0.5, high=2.0),
    Case("clip", lambda x: jnp.clip(x, -0.5, 0.75), [_f32(4, 4)]),
    Case("remainder", lambda a: jnp.remainder(a, 1.5) + jnp.fmod(a, 1.25), [_f32(10)], low=-4.0, high=4.0),
    Case("relu_gelu", lambda x: jax.nn.relu(x) + jax.nn.gelu(x) + jax.nn.gelu(x, approximate=False), [_f32(3, 8)]),
    # Comparison, select, conversion.
    Case("compare_where", lambda a, b: jnp.where(a > b, a, b) + jnp.where(a <= b, 1.0, 0.0), [_f32(3, 4), _f32(3, 4)]),
    Case("compare_all", lambda a, b: ((a >= b).astype(jnp.float32) + (a != b).astype(jnp.float32) * 2.0
                                      + (a < b).astype(jnp.float32) * 4.0 + (a == a).astype(jnp.float32) * 8.0),
         [_f32(6), _f32(6)]),
    Case("logical", lambda a, b: jnp.logical_and(a > 0, b > 0) | jnp.logical_not(a > b) ^ (b < 0.5), [_f32(8), _f32(8)]),
    Case("convert_int", lambda x: x.astype(jnp.int32) * 3 + 1, [_f32(7)], low=-10.0, high=10.0),
    Case("int_arith", lambda a, b: (a + b) * a - jnp.maximum(a, b) + a // (jnp.abs(b) + 1), [_i32(5), _i32(5)], low=-20, high=20),
    Case("is_finite", lambda x: jnp.where(jnp.isfinite(x / (x - x.max())), x, 0.0), [_f32(6)]),
    # Contractions.
    Case("matmul", lambda a, b: a @ b, [_f32(3, 4), _f32(4, 5)]),
    Case("matvec", lambda a, v: a @ v, [_f32(3, 4), _f32(4)]),
    Case("dot_vectors", lambda a, b: jnp.dot(a, b), [_f32(6), _f32(6)]),
    Case("batched_matmul", lambda a, b: jnp.einsum("bij,bjk->bik", a, b), [_f32(2, 3, 4), _f32(2, 4, 5)]),
    Case("matmul_transposed_rhs", lambda a, b: a @ b.T, [_f32(3, 4), _f32(5, 4)]),
    Case("dot_general_odd_dims", lambda a, b: jnp.einsum("ibj,kjb->bik", a, b), [_f32(3, 2, 4), _f32(5, 4, 2)]),
    Case("dot_two_contractions", lambda a, b: jnp.einsum("abc,bcd->ad", a, b), [_f32(2, 3, 4), _f32(3, 4, 5)]),
    Case("outer_product", lambda a, b: jnp.outer(a, b), [_f32(3), _f32(4)]),
    # Reductions.
    Case("reduce_sum", lambda x: jnp.sum(x, axis=1) + jnp.sum(x), [_f32(3, 4)]),
    Case("reduce_max_axes", lambda x: jnp.max(x, axis=(0, 2)), [_f32(3, 4, 5)]),
    Case("reduce_min_prod", lambda x: jnp.min(x, axis=0) + jnp.prod(x, axis=0), [_f32(3, 4)], low=0.5, high=1.5),
    Case("reduce_mean_var", lambda x: jnp.mean(x, axis=-1) + jnp.var(x, axis=-1), [_f32(4, 6)]),
    Case("reduce_any_all", lambda x: jnp.any(x > 1.0, axis=0).astype(jnp.float32) + jnp.all(x > -1.5, axis=1).sum(), [_f32(3, 4)]),
    Case("reduce_int_sum", lambda x: jnp.sum(x, axis=0) + jnp.max(x), [_i32(4, 3)], low=-50, high=50),
    Case("softmax", lambda x: jax.nn.softmax(x, axis=-1), [_f32(3, 10)]),
    Case("log_softmax", lambda x: jax.nn.log_softmax(x, axis=0), [_f32(5, 3)]),
    # Shape ops.
    Case("broadcast_add", lambda a, b: a + b, [_f32(2, 4), _f32(4)]),
    Case("broadcast_outer", lambda a, b: a[:, None, :] * b[None, :, None], [_f32(2, 3), _f32(5)]),
    Case("transpose_reshape", lambda x: x.T.reshape(2, 6) + 1.0, [_f32(3, 4)]),
    Case("transpose_3d", lambda x: jnp.transpose(x, (2, 0, 1)) * 2.0, [_f32(2, 3, 4)]),
    Case("concatenate", lambda a, b: jnp.concatenate([a, b, a], axis=0), [_f32(2, 3), _f32(1, 3)]),
    Case("slice_strided", lambda x: x[1:3, ::2] + x[:2, 2:5] + x[::3, 1::2].sum(), [_f32(4, 5)]),
    Case("pad_reverse", lambda x: jnp.pad(x, ((1, 2), (0, 1))) + 1.0, [_f32(3, 4)]),
    Case("flip", lambda x: jnp.flip(x, axis=1) - x[::-1], [_f32(3, 4)]),
    Case("iota_arange", lambda x: x * jnp.arange(8, dtype=jnp.float32) + jnp.arange(8)[::-1], [_f32(2, 8)]),
    Case("squeeze_expand", lambda x: jnp.expand_dims(jnp.squeeze(x, 1), 0) * 3.0, [_f32(4, 1, 3)]),
    # Models.
    Case("layer_norm", _layer_norm, [_f32(4, 16), _f32(16), _f32(16)]),
    Case("rms_norm", _rms_norm, [_f32(3, 32), _f32(32)]),
    Case("mlp", _mlp, [_f32(8, 16), _f32(16, 32), _f32(32), _f32(32, 4), _f32(4)], low=-1.0, high=1.0),
    Case("attention_causal", _attention, [_f32(2, 6, 8), _f32(2, 6, 8), _f32(2, 6, 8)], low=-1.0, high=1.0),
    Case("gpt_block", _gpt_block, [_f32(1, 8, 16), _f32(16, 16), _f32(16, 16), _f32(16, 16), _f32(16, 16),
                                   _f32(16, 32), _f32(32, 16)], low=-0.5, high=0.5),
    Case("private_calls", lambda x: jax.nn.relu(jnp.where(x > 0, x, 2 * x)) + jnp.clip(x, 0.0, 1.0), [_f32(5)]),
    # Indexing, selection, scans.
    Case("argmax", lambda x: jnp.argmax(x, axis=-1), [_f32(3, 5)]),
    Case("argmin_axis0", lambda x: jnp.argmin(x, axis=0), [_f32(4, 3)]),
    Case("top_k", lambda x: lax.top_k(x, 2)[0], [_f32(3, 5)]),
    Case("top_k_indices", lambda x: lax.top_k(x, 3)[1], [_f32(2, 6)]),
    Case("cumsum", lambda x: jnp.cumsum(x, axis=0), [_f32(6)]),
    Case("cumsum_axis1", lambda x: jnp.cumsum(x, axis=1), [_f32(3, 5)]),
    Case("embedding", lambda table, ids: table[ids], [_f32(10, 4), _i32(3)], low=0, high=10),
    Case("take_axis1", lambda x, ids: x[:, ids], [_f32(2, 5, 3), _i32(4)], low=0, high=5),
    Case("scatter_add", lambda x, ids, u: x.at[ids].add(u), [_f32(6, 3), _i32(4), _f32(4, 3)], low=0, high=6),
    Case("scatter_add_1d", lambda x, ids, u: x.at[ids].add(u), [_f32(6), _i32(5), _f32(5)], low=-6, high=6),
    Case("one_hot", lambda ids: jax.nn.one_hot(ids, 5), [_i32(4)], low=0, high=5),
    Case("atan2", lambda a, b: jnp.arctan2(a, b), [_f32(5), _f32(5)]),
    # Control flow.
    Case("fori_loop", lambda x: lax.fori_loop(0, 3, lambda i, v: v * 2.0 + 1.0, x), [_f32(4)]),
    Case("while_loop", lambda x: lax.while_loop(lambda c: c[0] < 5, lambda c: (c[0] + 1, c[1] * 1.5 - 0.25),
                                                (0, x))[1], [_f32(3)]),
    Case("cond", lambda p, x: lax.cond(p[0] > 0, lambda v: v + 1.0, lambda v: v - 1.0, x), [_f32(1), _f32(4)]),
    Case("switch", lambda p, x: lax.switch((p[0] > 0).astype(jnp.int32) + (p[0] > 1).astype(jnp.int32),
                                           [lambda v: v * 2.0, lambda v: v + 3.0, jnp.sin], x),
         [_f32(1), _f32(4)], low=-1.0, high=2.0),
    # Convolution and pooling.
    Case("conv2d_nchw", lambda x, w: lax.conv_general_dilated(x, w, (1, 1), "SAME"), [_f32(1, 3, 8, 8), _f32(4, 3, 3, 3)]),
    Case("conv1d_nwc", lambda x, w: lax.conv_general_dilated(x, w, (1,), [(1, 1)], dimension_numbers=("NWC", "WIO", "NWC")),
         [_f32(2, 10, 3), _f32(3, 3, 5)]),
    Case("conv2d_nhwc_groups", lambda x, w: lax.conv_general_dilated(
        x, w, (2, 2), "SAME", rhs_dilation=(2, 2), dimension_numbers=("NHWC", "HWIO", "NHWC"), feature_group_count=2),
         [_f32(2, 9, 9, 4), _f32(3, 3, 2, 6)]),
    Case("max_pool_nhwc", lambda x: lax.reduce_window(x, -jnp.inf, lax.max, (1, 2, 2, 1), (1, 2, 2, 1), "VALID"),
         [_f32(2, 8, 8, 3)]),
    Case("avg_pool_same", lambda x: lax.reduce_window(x, 0.0, lax.add, (1, 1, 3, 3), (1, 1, 1, 1), "SAME") / 9.0,
         [_f32(1, 2, 6, 6)]),
    Case("sort", lambda x: jnp.sort(x), [_f32(7)]),
    Case("argsort", lambda x: jnp.argsort(x, axis=-1), [_f32(3, 7)]),
    Case("sort_pairs_descending", lambda k, v: lax.sort((-k, v), num_keys=1)[1], [_f32(2, 5), _f32(2, 5)]),
]

def concrete_shapes(case: Case, sizes: Dict[str, int]) -> List[Tuple[int, ...]]:
    """The argument shapes with each symbolic dimension set from `sizes`."""
    return [tuple(sizes[d] if isinstance(d, str) else d for d in shape) for shape, _ in case.args]


def shape_profiles(case: Case) -> Dict[int, Tuple[Tuple[int, ...], ...]]:
    """{argument position: (min, opt, max) shapes} for the dynamic arguments."""
    profiles = {}
    for i, (shape, _) in enumerate(case.args):
        if any(isinstance(d, str) for d in shape):
            profiles[i] = tuple(
                tuple(case.dims[d][k] if isinstance(d, str) else d for d in shape) for k in range(3)
            )
    return profiles


def run_sizes(case: Case) -> List[Dict[str, int]]:
    """The symbolic sizes a dynamic case runs at: opt, min and max."""
    return [{d: bounds[k] for d, bounds in case.dims.items()} for k in (1, 0, 2)]


def example_args(case: Case):
    """Abstract arguments for lowering (symbolic shapes for dynamic cases)."""
    if not case.dims:
        return [jax.ShapeDtypeStruct(shape, jnp.dtype(dtype)) for shape, dtype in case.args]
    from jax import export

    scope = export.SymbolicScope()
    return [
        jax.ShapeDtypeStruct(export.symbolic_shape(", ".join(map(str, shape)), scope=scope), jnp.dtype(dtype))
        for shape, dtype in case.args
    ]


def _without_locations(text: str) -> str:
    """jax.export's module text without its debug locations (source paths and
    lines), keeping the names of arguments (`loc("x")`)."""
    text = re.sub(r"^#loc.*\n", "", text, flags=re.M)
    return re.sub(r" loc\((?:#loc\d*|unknown)\)", "", text)


def lower(case: Case) -> str:
    if case.lowering:
        return case.lowering(case)
    if case.dims:
        from jax import export

        return _without_locations(export.export(jax.jit(case.fn))(*example_args(case)).mlir_module())
    return jax.jit(case.fn).lower(*example_args(case)).as_text()


# Topic modules; each defines CASES. Imported last, after Case and the helpers exist.
_MODULES = ["zoo_ops", "zoo_shapes", "zoo_indexing", "zoo_dynamic", "zoo_models", "zoo_inputs"]
for _module in _MODULES:
    CASES += __import__(_module).CASES

BY_NAME = {case.name: case for case in CASES}
assert len(BY_NAME) == len(CASES), "zoo case names must be unique"
