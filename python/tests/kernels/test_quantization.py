"""Reference quantize / dequantize / dynamic_quantize kernels against numpy
formulas and ml_dtypes.

quantize: q = saturate(round_half_even(x / s)) computed in f32, i8 [-128, 127],
i4 [-8, 7], f8E4M3FN +-448 (round to nearest even on the f8 grid). dequantize:
q * s in f32, rounded to the result type. Scale rank picks per-tensor (0-D),
per-channel (1-D + axis) or block (input rank) granularity.
"""

import ml_dtypes
import numpy as np
import pytest

from kiln import _C

F8 = np.dtype(ml_dtypes.float8_e4m3fn)
I4 = np.dtype(ml_dtypes.int4)
F4 = np.dtype(ml_dtypes.float4_e2m1fn)
BF16 = np.dtype(ml_dtypes.bfloat16)
NAMES = {np.dtype(np.float32): "f32", np.dtype(np.float16): "f16", BF16: "bf16",
         np.dtype(np.int8): "i8", F8: "f8E4M3FN", I4: "i4", F4: "f4E2M1FN"}
FLOAT_TYPES = [np.float32, np.float16, ml_dtypes.bfloat16]
RANGES = {np.dtype(np.int8): (-128, 127), I4: (-8, 7), F8: (-448, 448), F4: (-6, 6)}


def ttype(shape, dtype):
    dims = "".join(("?" if d is None else str(d)) + "x" for d in shape)
    return f"tensor<{dims}{NAMES[np.dtype(dtype)]}>"


def run_op(op, x, scale, result_dtype, axis=None, shape=None, profile=None):
    shape = x.shape if shape is None else shape
    attrs = f"{{axis = {axis} : i32}} " if axis is not None else ""
    arg0 = ttype(shape, x.dtype)
    if profile:
        arg0 += (f" {{tensorrt.shape_profile = #tensorrt.shape_profile<min = {profile[0]}, "
                 f"opt = {profile[1]}, max = {profile[2]}>}}")
    res = ttype(shape, result_dtype)
    text = (f"func.func @main(%a0: {arg0}, %a1: {ttype(scale.shape, scale.dtype)}) -> {res} {{\n"
            f"  %r = tensorrt.{op} {attrs}in(%a0 : {ttype(shape, x.dtype)}) "
            f"scale(%a1 : {ttype(scale.shape, scale.dtype)}) -> {res}\n"
            f"  return %r : {res}\n}}\n")
    engine = _C.compile(text)
    return engine, engine.run([x, scale])[0]


def expand_scale(scale, shape, axis):
    """The scale of every element, as f32, by the granularity rules."""
    s = np.asarray(scale).astype(np.float32)
    if s.ndim == 0:
        return np.broadcast_to(s, shape)
    if axis is not None:
        view = [1] * len(shape)
        view[axis] = shape[axis]
        return np.broadcast_to(s.reshape(view), shape)
    for d in range(len(shape)):
        s = np.repeat(s, shape[d] // s.shape[d], axis=d)
    return s


def quantize_ref(x, scale, dtype, axis=None):
    q = x.astype(np.float32) / expand_scale(scale, x.shape, axis)
    lo, hi = RANGES[np.dtype(dtype)]
    if np.dtype(dtype) in (F8, F4):
        return np.clip(q, lo, hi).astype(dtype).astype(np.float32)
    q = np.where(np.isnan(q), 0, np.clip(np.rint(q), lo, hi))
    return q.astype(np.float32)


def dequantize_ref(q, scale, dtype, axis=None):
    y = q.astype(np.float32) * expand_scale(scale, q.shape, axis)
    return y.astype(dtype)


def sample(shape, dtype, seed=0, lo=-300.0, hi=300.0):
    rng = np.random.default_rng(seed)
    return rng.uniform(lo, hi, size=shape).astype(np.float32).astype(dtype)


def codes(dtype, shape, seed=0):
    """Random values of a quantized type, as that type."""
    rng = np.random.default_rng(seed)
    if np.dtype(dtype) == np.int8:
        return rng.integers(-128, 128, size=shape).astype(np.int8)
    if np.dtype(dtype) == I4:
        return rng.integers(-8, 8, size=shape).astype(I4)
    lo, hi = RANGES[np.dtype(dtype)]
    return rng.uniform(lo, hi, size=shape).astype(np.float32).astype(dtype)


def assert_same(out, expected):
    np.testing.assert_array_equal(np.asarray(out).astype(np.float32), np.asarray(expected, np.float32))


QTYPES = [np.int8, ml_dtypes.int4, ml_dtypes.float8_e4m3fn]


# --- quantize ----------------------------------------------------------------


@pytest.mark.parametrize("qtype", QTYPES, ids=lambda t: NAMES[np.dtype(t)])
@pytest.mark.parametrize("ftype", FLOAT_TYPES, ids=lambda t: NAMES[np.dtype(t)])
@pytest.mark.parametrize("shape", [(7,), (3, 5), (2, 3, 4)])
def test_quantize_per_tensor(shape, ftype, qtype):
    x = sample(shape, ftype, seed=len(shape))
    scale = np.array(2.5 if np.dtype(qtype) != I4 else 20.0, ftype)
    _, out = run_op("quantize", x, scale, qtype)
    assert out.dtype == np.dtype(qtype)
    assert_same(out, quantize_ref(x, scale, qtype))


@pytest.mark.parametrize("qtype", QTYPES, ids=lambda t: NAMES[np.dtype(t)])
@pytest.mark.parametrize("axis", [0, 1, 2])
def test_quantize_per_channel(axis, qtype):
    x = sample((3, 4, 5), np.float32, seed=axis)
    scale = np.linspace(0.5, 40.0, x.shape[axis]).astype(np.float32)
    _, out = run_op("quantize", x, scale, qtype, axis=axis)
    assert_same(out, quantize_ref(x, scale, qtype, axis))


@pytest.mark.parametrize("qtype", [ml_dtypes.int4, ml_dtypes.float8_e4m3fn], ids=["i4", "f8"])
@pytest.mark.parametrize("shape, sshape", [((8, 6), (2, 6)), ((8, 6), (8, 3)), ((2, 4, 6), (2, 1, 6)),
                                           ((4, 4), (1, 4))])
def test_quantize_block(shape, sshape, qtype):
    x = sample(shape, np.float32, seed=3)
    scale = np.random.default_rng(4).uniform(5, 60, size=sshape).astype(np.float32)
    _, out = run_op("quantize", x, scale, qtype)
    assert_same(out, quantize_ref(x, scale, qtype))


@pytest.mark.parametrize("qtype", QTYPES, ids=lambda t: NAMES[np.dtype(t)])
def test_quantize_edges(qtype):
    x = np.array([0.5, 1.5, 2.5, -0.5, -2.5, 3.5, 6.5, 7.5, -8.5, 127.5, -128.5, 1000.0,
                  -1000.0, np.inf, -np.inf, np.nan, 0.0, -0.0, 449.0, 464.0, 0.0029],
                 np.float32)
    _, out = run_op("quantize", x, np.array(1.0, np.float32), qtype)
    expected = quantize_ref(x, np.array(1.0, np.float32), qtype)
    assert_same(out, expected)
    if np.dtype(qtype) == np.int8:
        assert list(out[:5]) == [0, 2, 2, 0, -2]  # ties to even
        assert out[15] == 0  # NaN -> 0


F8_GRID = np.concatenate([
    np.ldexp(np.arange(0, 40) / 8.0, -9),  # subnormals and ties between them
    np.linspace(-500, 500, 201),
    [0.0009765625, 0.001953125 * 1.5, 15.5, 17.0, 240.0, 232.0, 248.0, 440.0, 456.0, 470.0],
]).astype(np.float32)


def test_f32_to_f8_conversion_grid():
    # quantize with scale 1 is the f32 -> f8E4M3FN conversion: nearest even,
    # saturating to +-448.
    _, out = run_op("quantize", F8_GRID, np.array(1.0, np.float32), ml_dtypes.float8_e4m3fn)
    expected = np.clip(F8_GRID, -448, 448).astype(F8)
    np.testing.assert_array_equal(out.view(np.uint8), expected.view(np.uint8))


def test_f8_to_f32_every_code():
    q = np.arange(256, dtype=np.uint8).view(F8)
    _, out = run_op("dequantize", q, np.array(1.0, np.float32), np.float32)
    np.testing.assert_array_equal(out, q.astype(np.float32))


@pytest.mark.parametrize("rtype", FLOAT_TYPES, ids=lambda t: NAMES[np.dtype(t)])
def test_f4_every_code(rtype):
    q = np.arange(16, dtype=np.uint8).view(F4)
    _, out = run_op("dequantize", q, np.array(0.5, np.float32).astype(rtype), rtype)
    assert_same(out, dequantize_ref(q, np.array(0.5, np.float32), rtype))


@pytest.mark.parametrize("n", [1, 2, 5, 16])
def test_i4_odd_and_even_counts(n):
    # Packing two per byte: odd counts leave half a byte.
    q = (np.arange(n) % 16 - 8).astype(np.int8).astype(I4)
    _, out = run_op("dequantize", q, np.array(1.0, np.float32), np.float32)
    np.testing.assert_array_equal(out, q.astype(np.float32))


# --- dequantize ------------------------------------------------------------------

DQTYPES = [np.int8, ml_dtypes.int4, ml_dtypes.float8_e4m3fn, ml_dtypes.float4_e2m1fn]


@pytest.mark.parametrize("rtype", FLOAT_TYPES, ids=lambda t: NAMES[np.dtype(t)])
@pytest.mark.parametrize("qtype", DQTYPES, ids=lambda t: NAMES[np.dtype(t)])
def test_dequantize_per_tensor(qtype, rtype):
    q = codes(qtype, (4, 6), seed=2)
    scale = np.array(0.375, np.float32).astype(rtype)
    _, out = run_op("dequantize", q, scale, rtype)
    assert out.dtype == np.dtype(rtype)
    assert_same(out, dequantize_ref(q, scale, rtype))


@pytest.mark.parametrize("qtype", DQTYPES, ids=lambda t: NAMES[np.dtype(t)])
@pytest.mark.parametrize("axis", [0, 1])
def test_dequantize_per_channel(axis, qtype):
    q = codes(qtype, (5, 3), seed=axis)
    scale = np.linspace(0.1, 2.0, q.shape[axis]).astype(np.float32)
    _, out = run_op("dequantize", q, scale, np.float32, axis=axis)
    assert_same(out, dequantize_ref(q, scale, np.float32, axis))


@pytest.mark.parametrize("qtype", [ml_dtypes.int4, ml_dtypes.float8_e4m3fn, ml_dtypes.float4_e2m1fn],
                         ids=["i4", "f8", "f4"])
@pytest.mark.parametrize("rtype", [np.float32, np.float16], ids=["f32", "f16"])
@pytest.mark.parametrize("shape, sshape", [((64, 16), (4, 16)), ((6, 32), (6, 2))])
def test_dequantize_block(shape, sshape, rtype, qtype):
    q = codes(qtype, shape, seed=5)
    scale = np.random.default_rng(6).uniform(0.01, 1, size=sshape).astype(np.float32).astype(rtype)
    _, out = run_op("dequantize", q, scale, rtype)
    assert_same(out, dequantize_ref(q, scale, rtype))


def test_i4_constant_is_packed():
    text = """func.func @main(%s: tensor<f32>) -> tensor<5xf32> {
  %c = tensorrt.constant dense<[-8, 7, -1, 0, 3]> : tensor<5xi4>
  %r = tensorrt.dequantize in(%c : tensor<5xi4>) scale(%s : tensor<f32>) -> tensor<5xf32>
  return %r : tensor<5xf32>
}
"""
    (out,) = _C.compile(text).run([np.array(2.0, np.float32)])
    np.testing.assert_array_equal(out, [-16, 14, -2, 0, 6])


@pytest.mark.parametrize("qtype", QTYPES, ids=lambda t: NAMES[np.dtype(t)])
def test_quantize_dequantize_round_trip(qtype):
    x = sample((4, 8), np.float32, seed=9, lo=-50, hi=50)
    scale = np.array(0.5 if np.dtype(qtype) == np.int8 else 8.0, np.float32)
    q = ttype(x.shape, qtype)
    text = f"""func.func @main(%x: tensor<4x8xf32>, %s: tensor<f32>) -> tensor<4x8xf32> {{
  %q = tensorrt.quantize in(%x : tensor<4x8xf32>) scale(%s : tensor<f32>) -> {q}
  %r = tensorrt.dequantize in(%q : {q}) scale(%s : tensor<f32>) -> tensor<4x8xf32>
  return %r : tensor<4x8xf32>
}}
"""
    (out,) = _C.compile(text).run([x, scale])
    np.testing.assert_array_equal(out, quantize_ref(x, scale, qtype) * np.float32(scale))


# --- dynamic shapes and bad input ---------------------------------------------


@pytest.mark.parametrize("n", [1, 6])
def test_quantize_dynamic_shape(n):
    x = sample((n, 4), np.float32, seed=n)
    scale = np.array(3.0, np.float32)
    _, out = run_op("quantize", x, scale, np.int8, shape=(None, 4), profile=([1, 4], [4, 4], [8, 4]))
    assert_same(out, quantize_ref(x, scale, np.int8))


@pytest.mark.parametrize("n", [2, 7])
def test_dequantize_dynamic_shape(n):
    q = codes(np.int8, (n, 3), seed=n)
    scale = np.array([0.5, 1.0, 2.0], np.float32)
    _, out = run_op("dequantize", q, scale, np.float32, axis=1, shape=(None, 3),
                    profile=([1, 3], [4, 3], [8, 3]))
    assert_same(out, dequantize_ref(q, scale, np.float32, 1))


def test_per_channel_scale_length_mismatch_at_run_time():
    scale = np.ones(4, np.float32)
    text_shape = (None,)
    with pytest.raises(_C.KilnError, match=r"per-channel scale 4xf32 needs one entry per index"):
        run_op("quantize", np.ones(5, np.float32), scale, np.int8, axis=0, shape=text_shape,
               profile=([1], [4], [8]))


def test_quantize_wrong_input_dtype():
    engine, _ = run_op("quantize", np.ones(3, np.float32), np.array(1.0, np.float32), np.int8)
    with pytest.raises(_C.KilnError, match=r"3xf32"):
        engine.run([np.ones(3, np.float16), np.array(1.0, np.float32)])


# --- dynamic_quantize ------------------------------------------------------------


def dynamic_quantize_ref(x, dqs, axis, block=16):
    x = np.moveaxis(x.astype(np.float32), axis, -1)
    blocks = x.reshape(x.shape[:-1] + (x.shape[-1] // block, block))
    amax = np.max(np.abs(blocks), axis=-1)
    scale = np.clip(amax / np.float32(6) / np.float32(dqs), -448, 448).astype(F8)
    effective = scale.astype(np.float32) * np.float32(dqs)
    with np.errstate(divide="ignore", invalid="ignore"):
        data = np.where(effective[..., None] == 0, 0, blocks / effective[..., None])
    data = np.clip(data, -6, 6).astype(F4).astype(np.float32).reshape(x.shape)
    return (np.moveaxis(data, -1, axis), np.moveaxis(scale.astype(np.float32), -1, axis))


@pytest.mark.parametrize("ftype", FLOAT_TYPES, ids=lambda t: NAMES[np.dtype(t)])
@pytest.mark.parametrize("shape, axis", [((4, 32), 1), ((32, 3), 0), ((2, 3, 16), 2), ((2, 48, 5), 1)])
@pytest.mark.parametrize("dqs", [1.0, 0.02])
def test_dynamic_quantize(shape, axis, ftype, dqs):
    x = sample(shape, ftype, seed=sum(shape), lo=-20, hi=20)
    sshape = list(shape)
    sshape[axis] //= 16
    d = np.array(dqs, np.float32).astype(ftype)
    text = f"""func.func @main(%x: {ttype(shape, ftype)}, %d: {ttype((), ftype)}) -> ({ttype(shape, F4)}, {ttype(sshape, F8)}) {{
  %q, %s = tensorrt.dynamic_quantize {{axis = {axis} : i32}} in(%x : {ttype(shape, ftype)}) double_quant_scale(%d : {ttype((), ftype)}) -> {ttype(shape, F4)}, {ttype(sshape, F8)}
  return %q, %s : {ttype(shape, F4)}, {ttype(sshape, F8)}
}}
"""
    data, scales = _C.compile(text).run([x, d])
    assert data.dtype == F4 and scales.dtype == F8
    want_data, want_scales = dynamic_quantize_ref(x, d.astype(np.float32), axis)
    assert_same(scales, want_scales)
    assert_same(data, want_data)


@pytest.mark.parametrize("rows", [1, 5])
def test_dynamic_quantize_with_a_dynamic_batch(rows):
    # One engine, batch bound per run: both results are sized by the shape
    # rule (data like x, scales one per 16-element block along axis 1).
    text = """func.func @main(%x: tensor<?x32xf32> {tensorrt.shape_profile = #tensorrt.shape_profile<min = [1, 32], opt = [4, 32], max = [8, 32]>}, %d: tensor<f32>) -> (tensor<?x32xf4E2M1FN>, tensor<?x2xf8E4M3FN>) {
  %q, %s = tensorrt.dynamic_quantize {axis = 1 : i32} in(%x : tensor<?x32xf32>) double_quant_scale(%d : tensor<f32>) -> tensor<?x32xf4E2M1FN>, tensor<?x2xf8E4M3FN>
  return %q, %s : tensor<?x32xf4E2M1FN>, tensor<?x2xf8E4M3FN>
}
"""
    x = sample((rows, 32), np.float32, seed=rows, lo=-20, hi=20)
    d = np.array(1.0, np.float32)
    data, scales = _C.compile(text).run([x, d])
    assert data.shape == (rows, 32) and scales.shape == (rows, 2)
    want_data, want_scales = dynamic_quantize_ref(x, np.float32(1.0), 1)
    assert_same(scales, want_scales)
    assert_same(data, want_data)
