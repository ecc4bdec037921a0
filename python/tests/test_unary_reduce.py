"""Activations, unary math, softmax and reductions against numpy."""

import math

import numpy as np
import pytest

import kiln
from conftest import DTYPES, random, tolerance

_erf = np.vectorize(math.erf)


def np_gelu(x):
    x64 = x.astype(np.float64)
    return (0.5 * x64 * (1.0 + _erf(x64 / math.sqrt(2.0)))).astype(x.dtype)


def np_softmax(x, axis):
    e = np.exp(x - x.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


UNARY = {
    "relu": (kiln.relu, lambda x: np.maximum(x, 0)),
    "gelu": (kiln.gelu, np_gelu),
    "sigmoid": (kiln.sigmoid, lambda x: 1 / (1 + np.exp(-x))),
    "exp": (kiln.exp, np.exp),
    "tanh": (kiln.tanh, np.tanh),
    "sqrt": (lambda t: kiln.sqrt(kiln.abs(t)), lambda x: np.sqrt(np.abs(x))),
    "log": (lambda t: kiln.log(kiln.abs(t) + 1), lambda x: np.log(np.abs(x) + 1)),
}


@pytest.mark.parametrize("name", sorted(UNARY))
@pytest.mark.parametrize("dtype", [kiln.float32, kiln.float16])
@pytest.mark.parametrize("shape", [(7,), (3, 5)])
def test_unary(name, dtype, shape):
    fn, ref = UNARY[name]
    x = random(shape, DTYPES[dtype], seed=11)
    out = fn(kiln.Tensor(x))
    assert out.dtype == dtype and out.shape == shape
    np.testing.assert_allclose(out.numpy().astype(np.float32), ref(x).astype(np.float32), **tolerance(DTYPES[dtype]))


def test_relu_on_ints():
    assert kiln.relu(kiln.Tensor([-3, 4])).tolist() == [0, 4]


@pytest.mark.parametrize("shape, dim", [((4, 6), 1), ((4, 6), 0), ((2, 3, 5), -1), ((8,), 0), ((2, 3), None)])
def test_softmax(shape, dim):
    x = random(shape, seed=12, low=-5, high=5)
    out = kiln.softmax(kiln.Tensor(x), dim)
    expected = np_softmax(x.reshape(-1), 0).reshape(shape) if dim is None else np_softmax(x, dim)
    assert out.shape == shape
    np.testing.assert_allclose(out.numpy(), expected, rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("name", ["sum", "mean", "max", "min"])
@pytest.mark.parametrize("dim, keepdim", [(None, False), (0, False), (1, True), ((0, 2), False), (-1, True)])
def test_reductions(name, dim, keepdim):
    x = random((3, 4, 5), seed=13)
    out = getattr(kiln, name)(kiln.Tensor(x), dim=dim, keepdim=keepdim)
    expected = getattr(np, name if name != "sum" else "sum")(x, axis=dim, keepdims=keepdim)
    assert out.shape == expected.shape
    np.testing.assert_allclose(out.numpy(), expected, rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize("dtype", [kiln.int32, kiln.int64])
def test_integer_sum_and_max(dtype):
    x = random((4, 5), DTYPES[dtype], seed=14)
    np.testing.assert_array_equal(kiln.sum(kiln.Tensor(x), dim=1).numpy(), x.sum(axis=1))
    np.testing.assert_array_equal(kiln.max(kiln.Tensor(x), dim=0).numpy(), x.max(axis=0))


def test_var_matches_numpy():
    x = random((4, 6), seed=15)
    np.testing.assert_allclose(kiln.var(kiln.Tensor(x), dim=1).numpy(), x.var(axis=1, ddof=1), rtol=1e-5)
