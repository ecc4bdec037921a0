"""Zoo cases: inputs JAX writes in other forms: sharded modules, resource constants. See zoo.py for the Case fields.

Sharded programs are lowered for a 2-device CPU mesh. A JAX process fixes
its device count when it starts (the pytest process has one CPU device), so
those programs are written by a fresh Python process started with
``--xla_force_host_platform_device_count=2`` (``_on_two_devices``); the
case's ``fn``, which the results are compared with, is the same function
over a 1-device mesh, which this process has.
"""

import functools
import os
import subprocess
import sys
from typing import Callable, Dict, List

import jax
import jax.numpy as jnp
import numpy as np
from jax.sharding import NamedSharding
from jax.sharding import PartitionSpec as P

from zoo import Case, _f32


def example_args(case: Case):
    # zoo.example_args is defined after zoo imports this module.
    return [jax.ShapeDtypeStruct(shape, jnp.dtype(dtype)) for shape, dtype in case.args]


@functools.lru_cache(maxsize=None)
def _mesh(devices: int, axis_type=jax.sharding.AxisType.Auto):
    return jax.make_mesh((devices,), ("x",), axis_types=(axis_type,))


# Each sharded program, given the number of devices of its mesh: the function
# (for `fn`) and its lowering (run in the 2-device process).
_SHARDED: Dict[str, Callable[[int], tuple]] = {}


def _sharded(name):
    def register(make):
        _SHARDED[name] = make
        return make
    return register


def _on_two_devices(case: Case) -> str:
    """The program of `case` lowered for a 2-device mesh, by a fresh process."""
    env = dict(os.environ, JAX_PLATFORMS="cpu")
    env["XLA_FLAGS"] = (env.get("XLA_FLAGS", "") + " --xla_force_host_platform_device_count=2").strip()
    code = ("import jax, zoo, zoo_inputs\n"
            "assert jax.device_count() == 2, jax.devices()\n"
            f"print(zoo_inputs._SHARDED[{case.name!r}](2)[1](zoo.BY_NAME[{case.name!r}]), end='')\n")
    done = subprocess.run([sys.executable, "-c", code], cwd=os.path.dirname(os.path.abspath(__file__)), env=env,
                          capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(f"lowering {case.name} on two devices failed:\n{done.stderr}")
    return done.stdout


def _sharded_case(name, args, **kwargs) -> Case:
    return Case(name, _SHARDED[name](1)[0], args, lowering=_on_two_devices, tags=["sharded"], **kwargs)


@_sharded("sharded_mlp")
def _sharded_mlp(devices):
    """Data-parallel rows, weights split by column then by row, a constraint
    between the layers: Shardy's mesh, argument/result shardings and
    `sdy.sharding_constraint`."""
    mesh = _mesh(devices)

    def mlp(x, w1, b1, w2):
        h = jax.nn.relu(x @ w1 + b1)
        h = jax.lax.with_sharding_constraint(h, NamedSharding(mesh, P("x", None)))
        return h @ w2

    def lowering(case):
        rows, cols = NamedSharding(mesh, P("x", None)), NamedSharding(mesh, P(None, "x"))
        jitted = jax.jit(mlp, in_shardings=(rows, cols, NamedSharding(mesh, P("x")), rows), out_shardings=rows)
        return jitted.lower(*example_args(case)).as_text()

    return mlp, lowering


@_sharded("sharding_constraint_2d")
def _sharding_constraint_2d(devices):
    """Only constraints (no argument shardings), one of them on an
    intermediate used twice."""
    mesh = _mesh(devices)

    def f(x):
        y = jax.lax.with_sharding_constraint(jnp.sin(x) * 2.0, NamedSharding(mesh, P(None, "x")))
        z = jax.lax.with_sharding_constraint(y.sum(axis=1), NamedSharding(mesh, P("x")))
        return y * z[:, None] + 1.0

    return f, lambda case: jax.jit(f).lower(*example_args(case)).as_text()


@_sharded("shard_map_replicated")
def _shard_map_replicated(devices):
    """`shard_map` whose specs replicate everything: `sdy.manual_computation`
    whose body sees whole values, so one device computes the same."""
    mesh = _mesh(devices)

    def f(x, w):
        body = jax.shard_map(lambda a, b: jnp.tanh(a @ b) * 2.0, mesh=mesh, in_specs=(P(), P()), out_specs=P())
        return body(x, w) + 1.0

    return f, lambda case: jax.jit(f).lower(*example_args(case)).as_text()


@_sharded("reshard_explicit")
def _reshard_explicit(devices):
    """Explicit sharding mode: `jax.sharding.reshard` and the sharding types
    of every intermediate become `sdy.sharding_constraint`s."""
    mesh = _mesh(devices, jax.sharding.AxisType.Explicit)

    def f(x):
        y = jax.sharding.reshard(jnp.exp(x), NamedSharding(mesh, P(None, "x"))) * 2.0
        return jax.sharding.reshard(y, NamedSharding(mesh, P("x", None))) - x

    def lowering(case):
        (shape, dtype), = case.args
        arg = jax.ShapeDtypeStruct(shape, jnp.dtype(dtype), sharding=NamedSharding(mesh, P("x", None)))
        return jax.jit(f).lower(arg).as_text()

    return f, lowering


def _without_shardy(make):
    """The same program as JAX writes it with the GSPMD partitioner:
    `mhlo.sharding` strings and sharding custom calls instead of `sdy`."""
    def make_gspmd(devices):
        fn, lowering = make(devices)

        def lower_gspmd(case):
            jax.config.update("jax_use_shardy_partitioner", False)
            return lowering(case)

        return fn, lower_gspmd
    return make_gspmd


_SHARDED["gspmd_sharded_mlp"] = _without_shardy(_sharded_mlp)
_SHARDED["gspmd_shard_map_replicated"] = _without_shardy(_shard_map_replicated)


_BIG_W = ((np.arange(48 * 40) % 97 - 48) / 64).astype(np.float32).reshape(48, 40)
_BIG_MASK = (np.arange(40) % 3 == 0)


def _big_constants(x):
    """Constants large enough that JAX prints them as hex `dense<"0x...">`."""
    return jnp.where(_BIG_MASK, x @ _BIG_W, -x[:, :40])


def _donating(case: Case) -> str:
    """A donated argument: `tf.aliasing_output` names the result that
    reuses its buffer."""
    return jax.jit(case.fn, donate_argnums=(0,)).lower(*example_args(case)).as_text()


def _shard_alike(x, y):
    from jax.experimental.shard_alike import shard_alike
    a, b = shard_alike(x * 2.0, y)
    return a - b


CASES: List[Case] = [
    _sharded_case("sharded_mlp", [_f32(8, 16), _f32(16, 32), _f32(32), _f32(32, 4)], low=-1.0, high=1.0),
    _sharded_case("sharding_constraint_2d", [_f32(4, 6)]),
    _sharded_case("shard_map_replicated", [_f32(4, 8), _f32(8, 6)], low=-1.0, high=1.0),
    _sharded_case("reshard_explicit", [_f32(6, 4)]),
    _sharded_case("gspmd_sharded_mlp", [_f32(8, 16), _f32(16, 32), _f32(32), _f32(32, 4)], low=-1.0, high=1.0),
    _sharded_case("gspmd_shard_map_replicated", [_f32(4, 8), _f32(8, 6)], low=-1.0, high=1.0),
    Case("shard_alike", _shard_alike, [_f32(3, 5), _f32(3, 5)]),
    Case("big_constants", _big_constants, [_f32(4, 48)], low=-1.0, high=1.0),
    Case("donated_args", lambda x, y: x * 2.0 + y, [_f32(4, 3), _f32(4, 3)], lowering=_donating),
]
