"""Reference non_zero kernel (INonZeroLayer) against np.nonzero.

The result is [rank, count] i32 (the op's ODS): one row per input dimension,
one column per non-zero element in row-major order. Its column count depends
on the input's values, so the runtime sizes it while the engine runs. Floats:
NaN (and Inf) count as non-zero, -0.0 as zero.
"""

import ml_dtypes
import numpy as np
import pytest

from kiln import _C
from _kernel_util import compile_and_run, dtype_params, func, profile, sample, ttype

TYPES = [np.bool_, np.int8, np.int32, np.float16, ml_dtypes.bfloat16, np.float32]
SHAPES = [(7,), (3, 5), (2, 3, 4), (2, 1, 3, 5), (1, 1, 1, 1)]


def expected(x):
    x = np.asarray(x)
    if x.dtype == ml_dtypes.bfloat16:
        x = x.astype(np.float32)
    return np.stack(np.nonzero(x)).reshape(x.ndim, -1).astype(np.int32)


def non_zero(x, arg_type=None, attr=None):
    t = arg_type or ttype(x.shape, x.dtype)
    res = f"tensor<{x.ndim}x?xi32>"
    text = func([(t, attr)], f"tensorrt.non_zero %a0 : {t} -> {res}", res)
    return compile_and_run(text, [x])[0]


def sparse(shape, dtype, seed, keep=0.5):
    """A sample with about `keep` of its elements non-zero."""
    x = sample(shape, dtype, seed=seed)
    mask = np.random.default_rng(seed + 100).uniform(size=shape) < keep
    return np.where(mask, x, np.zeros((), x.dtype)).astype(x.dtype)


def check(x):
    got = non_zero(x)
    assert got.dtype == np.int32
    np.testing.assert_array_equal(got, expected(x))


@pytest.mark.parametrize("dtype", dtype_params(TYPES))
@pytest.mark.parametrize("shape", SHAPES, ids=lambda s: "x".join(map(str, s)))
def test_non_zero(dtype, shape):
    check(sparse(shape, dtype, seed=len(shape)))


@pytest.mark.parametrize("dtype", dtype_params(TYPES))
@pytest.mark.parametrize("shape", [(5,), (3, 4), (2, 2, 3, 2)], ids=lambda s: "x".join(map(str, s)))
def test_non_zero_all_zero(dtype, shape):
    x = np.zeros(shape, dtype)
    got = non_zero(x)
    assert got.shape == (len(shape), 0)
    np.testing.assert_array_equal(got, expected(x))


@pytest.mark.parametrize("dtype", dtype_params(TYPES))
@pytest.mark.parametrize("shape", [(5,), (3, 4), (2, 2, 3, 2)], ids=lambda s: "x".join(map(str, s)))
def test_non_zero_all_non_zero(dtype, shape):
    x = np.ones(shape, dtype) if dtype == np.bool_ else (np.arange(np.prod(shape)).reshape(shape) % 7 + 1).astype(dtype)
    got = non_zero(x)
    assert got.shape == (len(shape), int(np.prod(shape)))
    np.testing.assert_array_equal(got, expected(x))


@pytest.mark.parametrize("dtype", dtype_params([np.float16, ml_dtypes.bfloat16, np.float32]))
def test_non_zero_float_specials(dtype):
    # NaN and ±Inf are non-zero; -0.0 is zero (as `x != 0`).
    x = np.array([[0.0, -0.0, np.nan, 1.0], [-np.inf, -0.0, 0.0, np.inf], [1e-3, -2.5, -0.0, np.nan]],
                 np.float32).astype(dtype)
    got = non_zero(x)
    np.testing.assert_array_equal(got, [[0, 0, 1, 1, 2, 2, 2], [2, 3, 0, 3, 0, 1, 3]])
    np.testing.assert_array_equal(got, expected(x))


def test_non_zero_subnormal_is_non_zero():
    x = np.array([0.0, np.float32(1e-45), -np.float32(1e-45), -0.0], np.float32)
    np.testing.assert_array_equal(non_zero(x), [[1, 2]])


@pytest.mark.parametrize("dtype", [np.int8, np.int32])
def test_non_zero_integer_extremes(dtype):
    info = np.iinfo(dtype)
    x = np.array([info.min, 0, info.max, -1, 0], dtype)
    np.testing.assert_array_equal(non_zero(x), [[0, 2, 3]])


@pytest.mark.parametrize("shape", [(0,), (2, 0, 3), (0, 4)], ids=lambda s: "x".join(map(str, s)))
def test_non_zero_empty_input(shape):
    x = np.zeros(shape, np.float32)
    got = non_zero(x)
    assert got.shape == (len(shape), 0)


def test_non_zero_dynamic_input():
    t = "tensor<?x4xf32>"
    text = func([(t, profile("[1, 4]", "[3, 4]", "[8, 4]"))],
                f"tensorrt.non_zero %a0 : {t} -> tensor<2x?xi32>", "tensor<2x?xi32>")
    engine = _C.compile(text)
    for rows, seed in [(3, 1), (8, 2), (1, 3), (3, 4)]:
        x = sparse((rows, 4), np.float32, seed=seed)
        np.testing.assert_array_equal(engine.run([x])[0], expected(x))


def test_non_zero_dynamic_rank3_two_dims():
    t = "tensor<?x3x?xi32>"
    text = func([(t, profile("[1, 3, 1]", "[2, 3, 2]", "[4, 3, 5]"))],
                f"tensorrt.non_zero %a0 : {t} -> tensor<3x?xi32>", "tensor<3x?xi32>")
    engine = _C.compile(text)
    for shape in [(2, 3, 5), (4, 3, 1), (1, 3, 2)]:
        x = sparse(shape, np.int32, seed=sum(shape))
        np.testing.assert_array_equal(engine.run([x])[0], expected(x))


def test_non_zero_same_engine_different_counts():
    # Static input, but the count (and so the result shape) changes per run.
    text = func([("tensor<3x3xf32>", None)],
                "tensorrt.non_zero %a0 : tensor<3x3xf32> -> tensor<2x?xi32>", "tensor<2x?xi32>")
    engine = _C.compile(text)
    for x in [np.eye(3, dtype=np.float32), np.zeros((3, 3), np.float32), np.ones((3, 3), np.float32),
              np.triu(np.ones((3, 3), np.float32))]:
        np.testing.assert_array_equal(engine.run([x])[0], expected(x))


# non_zero of an intermediate value: its count is only known once the step
# before it has run, so the shapes after it resolve mid-run.
CHAIN = """
func.func @main(%x: tensor<3x4xf32>) -> (tensor<2xi32>, tensor<?x2xi32>, tensor<2x?xi32>) {
  %m = tensorrt.element_wise <kPROD>(%x, %x : tensor<3x4xf32>, tensor<3x4xf32>) -> tensor<3x4xf32>
  %nz = tensorrt.non_zero %m : tensor<3x4xf32> -> tensor<2x?xi32>
  %s = tensorrt.reduce <kSUM> %nz {reduceAxes = array<i64: 1>} : tensor<2x?xi32> -> tensor<2xi32>
  %t = tensorrt.transpose {permutation = affine_map<(d0, d1) -> (d1, d0)>} %nz : tensor<2x?xi32> to tensor<?x2xi32>
  %d = tensorrt.element_wise <kSUM>(%nz, %nz : tensor<2x?xi32>, tensor<2x?xi32>) -> tensor<2x?xi32>
  return %s, %t, %d : tensor<2xi32>, tensor<?x2xi32>, tensor<2x?xi32>
}
"""


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_non_zero_feeds_later_ops(seed):
    engine = _C.compile(CHAIN)
    for x in [sparse((3, 4), np.float32, seed=seed), np.zeros((3, 4), np.float32),
              np.ones((3, 4), np.float32)]:
        s, t, d = engine.run([x])
        want = expected(x * x)
        np.testing.assert_array_equal(s, want.sum(axis=1, dtype=np.int32))
        np.testing.assert_array_equal(t, want.T)
        np.testing.assert_array_equal(d, want + want)


def test_non_zero_of_non_zero():
    # The second non_zero reads a buffer whose shape was itself resolved mid-run.
    text = """
func.func @main(%x: tensor<2x3xi32>) -> tensor<2x?xi32> {
  %a = tensorrt.non_zero %x : tensor<2x3xi32> -> tensor<2x?xi32>
  %b = tensorrt.non_zero %a : tensor<2x?xi32> -> tensor<2x?xi32>
  return %b : tensor<2x?xi32>
}
"""
    engine = _C.compile(text)
    x = np.array([[0, 5, 0], [7, 0, 1]], np.int32)
    np.testing.assert_array_equal(engine.run([x])[0], expected(expected(x)))


def test_non_zero_bad_input_dtype():
    text = func([("tensor<3xf32>", None)],
                "tensorrt.non_zero %a0 : tensor<3xf32> -> tensor<1x?xi32>", "tensor<1x?xi32>")
    engine = _C.compile(text)
    with pytest.raises(Exception, match="expected 3xf32, got 3xi32"):
        engine.run([np.zeros(3, np.int32)])


def test_non_zero_rejects_i64_input():
    # The op accepts i1, i8, i32, f16, bf16 and f32 only.
    with pytest.raises(Exception):
        _C.compile(func([("tensor<3xi64>", None)],
                        "tensorrt.non_zero %a0 : tensor<3xi64> -> tensor<1x?xi32>", "tensor<1x?xi32>"))


@pytest.mark.parametrize("value, count", [(3.0, 1), (0.0, 0), (-0.0, 0), (np.nan, 1)])
def test_non_zero_rank0(value, count):
    got = non_zero(np.array(value, np.float32))
    assert got.shape == (0, count)
