"""Zoo cases: programs with dynamic (symbolic) dimensions. See zoo.py for the Case fields.

Each case names its symbolic dimensions in its argument shapes (``("b", 16)``)
and bounds them in ``dims``; it is exported with jax.export, compiled with a
shape profile per dynamic argument and run at the profile's opt, min and max.
"""

from typing import List

import jax
import jax.numpy as jnp
from jax import lax

from zoo import Case, _attention, _layer_norm, _mlp  # noqa: F401

B = {"b": (1, 4, 16)}


def _dyn(name, fn, args, **kw):
    return Case(name, fn, [(shape, "float32") for shape in args], dims=kw.pop("dims", B), **kw)


CASES: List[Case] = [
    _dyn("dyn_mlp", _mlp, [("b", 16), (16, 32), (32,), (32, 4), (4,)], low=-1.0, high=1.0),
    _dyn("dyn_softmax", lambda x: jax.nn.softmax(x, axis=-1), [("b", 10)]),
    _dyn("dyn_layer_norm", _layer_norm, [("b", 16), (16,), (16,)]),
    _dyn("dyn_attention", _attention, [("b", 6, 8), ("b", 6, 8), ("b", 6, 8)], low=-1.0, high=1.0),
    _dyn("dyn_broadcast", lambda a, v: a * v + jnp.tanh(a) / 2.0 - a.mean(axis=1, keepdims=True),
         [("b", 4), (4,)]),
    _dyn("dyn_reduce_batch", lambda x: jnp.sum(x, axis=0) + jnp.max(x, axis=(0, 2))[:, None], [("b", 3, 5)]),
    _dyn("dyn_flatten", lambda x, w: x.reshape(x.shape[0], -1) @ w, [("b", 2, 3), (6, 4)]),
    _dyn("dyn_arange", lambda x: x + jnp.arange(x.shape[0], dtype=jnp.float32)[:, None] * 0.5, [("b", 3)]),
    # x[1:] of a symbolic b is a dynamic_gather → tensorrt.slice at run-time start/size.
    _dyn("dyn_slice", lambda x: x[1:] * 2.0 - x[:-1], [("b", 4)], dims={"b": (2, 4, 16)}),
    _dyn("dyn_two_dims", lambda x, y: (jnp.tanh(x) * y[None, :]).sum(axis=1) + jnp.max(x, axis=0).sum(),
         [("b", "n"), ("n",)], dims={"b": (1, 3, 8), "n": (2, 5, 7)}),
]
