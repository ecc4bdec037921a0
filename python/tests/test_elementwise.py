"""Binary arithmetic, comparisons and broadcasting against numpy."""

import operator

import numpy as np
import pytest

import kiln
from conftest import DTYPES, random, tolerance

ARITH = [operator.add, operator.sub, operator.mul]


@pytest.mark.parametrize("op", ARITH + [operator.truediv], ids=lambda o: o.__name__)
@pytest.mark.parametrize("dtype", [kiln.float32, kiln.float16])
@pytest.mark.parametrize("shape", [(5,), (2, 3), (2, 3, 4)])
def test_float_arithmetic(op, dtype, shape):
    a = random(shape, DTYPES[dtype], seed=1)
    b = random(shape, DTYPES[dtype], seed=2)
    if op is operator.truediv:
        b = np.where(np.abs(b) < 0.5, 1.0, b).astype(b.dtype)
    out = op(kiln.Tensor(a), kiln.Tensor(b))
    assert out.dtype == dtype and out.shape == shape
    np.testing.assert_allclose(out.numpy(), op(a, b), **tolerance(DTYPES[dtype]))


@pytest.mark.parametrize("op", ARITH, ids=lambda o: o.__name__)
@pytest.mark.parametrize("dtype", [kiln.int32, kiln.int64])
def test_int_arithmetic(op, dtype):
    a = random((3, 4), DTYPES[dtype], seed=3)
    b = random((3, 4), DTYPES[dtype], seed=4)
    out = op(kiln.Tensor(a), kiln.Tensor(b))
    assert out.dtype == dtype
    np.testing.assert_array_equal(out.numpy(), op(a, b))


def test_int_division_truncates_toward_zero():
    a = np.array([7, -7, 7, -7], dtype=np.int32)
    b = np.array([2, 2, -2, -2], dtype=np.int32)
    assert (kiln.Tensor(a) / kiln.Tensor(b)).tolist() == [3, -3, -3, 3]
    assert (kiln.Tensor(a) // kiln.Tensor(b)).tolist() == [3, -4, -4, 3]


@pytest.mark.parametrize(
    "shape_a, shape_b",
    [((2, 3), (3,)), ((4, 1), (1, 5)), ((2, 1, 3), (4, 1)), ((3,), (2, 3)), ((1,), (2, 2))],
)
def test_broadcasting(shape_a, shape_b):
    a, b = random(shape_a, seed=5), random(shape_b, seed=6)
    np.testing.assert_allclose((kiln.Tensor(a) + kiln.Tensor(b)).numpy(), a + b, rtol=1e-6)
    np.testing.assert_allclose((kiln.Tensor(a) * kiln.Tensor(b)).numpy(), a * b, rtol=1e-6)


def test_scalars_on_either_side():
    a = random((2, 3), seed=7)
    t = kiln.Tensor(a)
    np.testing.assert_allclose((t + 1).numpy(), a + 1, rtol=1e-6)
    np.testing.assert_allclose((2 * t).numpy(), 2 * a, rtol=1e-6)
    np.testing.assert_allclose((1 - t).numpy(), 1 - a, rtol=1e-6)
    np.testing.assert_allclose((t / 4).numpy(), a / 4, rtol=1e-6)
    np.testing.assert_allclose((1 / (kiln.abs(t) + 1)).numpy(), 1 / (np.abs(a) + 1), rtol=1e-6)
    np.testing.assert_allclose((-t).numpy(), -a)


def test_scalar_keeps_tensor_dtype():
    t = kiln.Tensor([1, 2, 3], dtype=kiln.int64) * 3
    assert t.dtype == kiln.int64
    assert t.tolist() == [3, 6, 9]


@pytest.mark.parametrize(
    "op", [operator.eq, operator.ne, operator.lt, operator.le, operator.gt, operator.ge], ids=lambda o: o.__name__
)
@pytest.mark.parametrize("dtype", [np.float32, np.int32])
def test_comparisons(op, dtype):
    a = np.array([[1, 2, 3], [4, 5, 6]], dtype=dtype)
    b = np.array([3, 2, 5], dtype=dtype)
    out = op(kiln.Tensor(a), kiln.Tensor(b))
    assert out.dtype == kiln.bool
    np.testing.assert_array_equal(out.numpy(), op(a, b))


def test_maximum_minimum_pow():
    a, b = random((3, 3), seed=8), random((3,), seed=9)
    np.testing.assert_allclose(kiln.maximum(kiln.Tensor(a), kiln.Tensor(b)).numpy(), np.maximum(a, b))
    np.testing.assert_allclose(kiln.minimum(kiln.Tensor(a), kiln.Tensor(b)).numpy(), np.minimum(a, b))
    np.testing.assert_allclose((kiln.abs(kiln.Tensor(a)) ** 2).numpy(), np.abs(a) ** 2, rtol=1e-5)


def test_numpy_array_on_the_left():
    a = random((2, 3), seed=10)
    out = a + kiln.Tensor(a)  # numpy defers to Tensor
    assert isinstance(out, kiln.Tensor)
    np.testing.assert_allclose(out.numpy(), 2 * a, rtol=1e-6)
