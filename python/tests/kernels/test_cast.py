"""Reference `cast` kernel: every pair of the dialect's cast types, against
numpy and ml_dtypes, with NaN / Inf / overflow edges.

Rules under test (docs/engine-format.md, Cast.cpp): float -> float rounds to
nearest even (f16/bf16 overflow to inf); float -> integer truncates toward
zero and saturates, NaN -> 0; integer -> integer wraps; anything -> i1 is
x != 0.
"""

import ml_dtypes
import numpy as np
import pytest

from kiln import _C

BF16 = np.dtype(ml_dtypes.bfloat16)
TYPES = {
    "f32": np.dtype(np.float32),
    "f16": np.dtype(np.float16),
    "bf16": BF16,
    "i8": np.dtype(np.int8),
    "ui8": np.dtype(np.uint8),
    "i32": np.dtype(np.int32),
    "i64": np.dtype(np.int64),
    "i1": np.dtype(np.bool_),
}
FLOATS = {"f32", "f16", "bf16"}

FLOAT_EDGES = [0.0, -0.0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.7, 7.9, -8.9, 100.9,
               -129.5, 127.99, 255.5, 256.0, 300.0, -300.0, 65504.0, 70000.0,
               3.0e9, -3.0e9, 1.0e19, -1.0e19, 1.0e30, np.inf, -np.inf, np.nan,
               -np.nan, 1.0e-8, 3.14159]
INT_EDGES = [0, 1, -1, 2, 7, -8, 100, 127, -128, 128, 255, 256, -129, 1000,
             65504, 70000, 2**31 - 1, -(2**31), 2**31, 2**40 + 3, -(2**40),
             2**62, -(2**63), 2**63 - 1]


def ttype(shape, name):
    dims = "".join(("?" if d is None else str(d)) + "x" for d in shape)
    return f"tensor<{dims}{name}>"


def cast_program(src, dst, shape, profile=None):
    arg = ttype(shape, src) + (
        f" {{tensorrt.shape_profile = #tensorrt.shape_profile<min = {profile[0]}, "
        f"opt = {profile[1]}, max = {profile[2]}>}}" if profile else "")
    res = ttype(shape, dst)
    return (f"func.func @main(%a0: {arg}) -> {res} {{\n"
            f"  %r = tensorrt.cast %a0 : {ttype(shape, src)} to {res}\n"
            f"  return %r : {res}\n}}\n")


def source_values(src):
    """Edge values representable as `src` (ints wrapped into its range)."""
    dtype = TYPES[src]
    if src in FLOATS:
        with np.errstate(over="ignore"):
            return np.array(FLOAT_EDGES, np.float64).astype(np.float32).astype(dtype)
    if src == "i1":
        return np.array([True, False, True, True, False, False])
    info = np.iinfo(dtype)
    # Keep only values in range so the input holds exactly what we list.
    return np.array([v for v in INT_EDGES if info.min <= v <= info.max], dtype)


def expected_cast(x, src, dst):
    out = TYPES[dst]
    if dst == "i1":
        return x.astype(np.float64) != 0 if src in FLOATS else x != 0
    if src == "i1":
        return x.astype(np.int64).astype(np.float32).astype(out)
    if dst in FLOATS:
        if src in FLOATS:
            with np.errstate(over="ignore"):
                return x.astype(np.float32).astype(out)
        # integer -> float: round to nearest in f32 (exact for what we list
        # in f16/bf16 after that), as the kernel does.
        with np.errstate(over="ignore"):
            return x.astype(np.float32).astype(out)
    info = np.iinfo(out)
    if src in FLOATS:
        values = []
        for v in x.astype(np.float64).tolist():
            if np.isnan(v):
                values.append(0)
            elif v >= info.max:
                values.append(info.max)
            elif v <= info.min:
                values.append(info.min)
            else:
                values.append(int(np.trunc(v)))
        return np.array(values, out)
    # integer -> integer wraps (two's complement), like numpy.
    return np.array([((int(v) - info.min) % (1 << info.bits)) + info.min
                     for v in x.tolist()], out)


def as_comparable(array, name):
    if name in FLOATS:
        return np.asarray(array).astype(np.float32)
    return np.asarray(array)


@pytest.mark.parametrize("dst", list(TYPES))
@pytest.mark.parametrize("src", list(TYPES))
def test_cast_every_pair(src, dst):
    x = source_values(src)
    engine = _C.compile(cast_program(src, dst, x.shape))
    (out,) = engine.run([x])
    assert out.dtype == TYPES[dst]
    np.testing.assert_array_equal(as_comparable(out, dst),
                                  as_comparable(expected_cast(x, src, dst), dst))


@pytest.mark.parametrize("src, dst", [("f32", "f16"), ("f32", "bf16"), ("f16", "i8"),
                                      ("bf16", "i32"), ("i64", "i8"), ("i32", "ui8")])
@pytest.mark.parametrize("shape", [(), (1,), (2, 3), (2, 1, 4), (0, 3)])
def test_cast_shapes(src, dst, shape):
    rng = np.random.default_rng(len(shape))
    if src in FLOATS:
        x = rng.uniform(-300, 300, size=shape).astype(np.float32).astype(TYPES[src])
    else:
        x = rng.integers(-1000, 1000, size=shape).astype(TYPES[src])
    (out,) = _C.compile(cast_program(src, dst, shape)).run([x])
    assert out.shape == shape
    np.testing.assert_array_equal(as_comparable(out, dst),
                                  as_comparable(expected_cast(x.reshape(-1), src, dst), dst).reshape(shape))


def test_cast_rounds_half_to_even_into_f16():
    # 2049 lies halfway between f16 neighbours 2048 and 2050: ties to even.
    x = np.array([2049.0, 2051.0, 65519.0, 65520.0, -65520.0, 5.96e-8, 2.98e-8], np.float32)
    (out,) = _C.compile(cast_program("f32", "f16", x.shape)).run([x])
    with np.errstate(over="ignore"):  # 65520 overflows f16 to inf, on purpose
        expected = x.astype(np.float16)
    np.testing.assert_array_equal(out, expected)
    assert out[0] == 2048 and out[1] == 2052 and np.isinf(out[3]) and out[6] == 0


def test_cast_float_to_int_truncates_and_saturates():
    x = np.array([2.9, -2.9, 1e10, -1e10, np.nan, np.inf, -np.inf], np.float32)
    (out,) = _C.compile(cast_program("f32", "i32", x.shape)).run([x])
    np.testing.assert_array_equal(out, [2, -2, 2**31 - 1, -(2**31), 0, 2**31 - 1, -(2**31)])


@pytest.mark.parametrize("n", [1, 5, 17])
def test_cast_dynamic_shape(n):
    engine = _C.compile(cast_program("f32", "i8", (None, 3), profile=([1, 3], [4, 3], [20, 3])))
    x = np.linspace(-200, 200, n * 3, dtype=np.float32).reshape(n, 3)
    (out,) = engine.run([x])
    np.testing.assert_array_equal(out, np.clip(np.trunc(x), -128, 127).astype(np.int8))


def test_cast_dynamic_shape_outside_profile():
    engine = _C.compile(cast_program("f32", "i8", (None, 3), profile=([1, 3], [4, 3], [8, 3])))
    with pytest.raises(_C.KilnError, match=r"8"):
        engine.run([np.zeros((9, 3), np.float32)])


def test_cast_wrong_input_dtype():
    engine = _C.compile(cast_program("f32", "i32", (4,)))
    with pytest.raises(_C.KilnError, match=r"4xf32"):
        engine.run([np.zeros(4, np.float16)])
