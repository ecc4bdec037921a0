"""Helpers for the kernel tests: MLIR type spelling, compile-and-run."""

import ml_dtypes
import numpy as np

from kiln import _C

MLIR_TYPES = {
    np.dtype(np.float32): "f32",
    np.dtype(np.float16): "f16",
    np.dtype(ml_dtypes.bfloat16): "bf16",
    np.dtype(np.int8): "i8",
    np.dtype(np.int32): "i32",
    np.dtype(np.int64): "i64",
    np.dtype(np.bool_): "i1",
}


def ttype(shape, dtype):
    """`tensor<2x3xf32>` for a shape (None = dynamic) and numpy dtype."""
    dims = "".join(("?" if d is None else str(d)) + "x" for d in shape)
    return f"tensor<{dims}{MLIR_TYPES[np.dtype(dtype)]}>"


def func(args, body, result):
    """A @main over `args` (list of (type, attr-or-None)) returning %r."""
    params = ", ".join(f"%a{i}: {t}" + (f" {{{a}}}" if a else "") for i, (t, a) in enumerate(args))
    return f"func.func @main({params}) -> {result} {{\n  %r = {body}\n  return %r : {result}\n}}\n"


def _bf16_supported():
    try:
        engine = _C.compile(
            "func.func @main(%a: tensor<1xbf16>) -> tensor<1xbf16> {\n  return %a : tensor<1xbf16>\n}\n")
        engine.run([np.zeros(1, ml_dtypes.bfloat16)])
        return True
    except Exception:
        return False


BF16_OK = _bf16_supported()


def dtype_params(types):
    """pytest params over numpy dtypes; bf16 is skipped where the bindings lack it."""
    import pytest

    return [
        pytest.param(t, id=np.dtype(t).name,
                     marks=[] if BF16_OK or np.dtype(t) != np.dtype(ml_dtypes.bfloat16)
                     else [pytest.mark.skip(reason="bindings without bf16 arrays")])
        for t in types
    ]


def compile_and_run(text, inputs):
    engine = _C.compile(text)
    return engine.run(list(inputs))


def sample(shape, dtype, seed=0):
    rng = np.random.default_rng(seed)
    dtype = np.dtype(dtype)
    if dtype == np.bool_:
        return rng.integers(0, 2, size=shape).astype(np.bool_)
    if np.issubdtype(dtype, np.integer):
        return rng.integers(-100, 100, size=shape).astype(dtype)
    return rng.uniform(-4, 4, size=shape).astype(np.float32).astype(dtype)


def profile(lo, opt, hi):
    return f"tensorrt.shape_profile = #tensorrt.shape_profile<min = {lo}, opt = {opt}, max = {hi}>"
