"""reshape, transpose, permute, (un)squeeze, slicing, concatenate, cast, where, matmul."""

import numpy as np
import pytest

import kiln
from conftest import random


def test_reshape_with_inferred_dim():
    x = random((2, 3, 4), seed=20)
    out = kiln.reshape(kiln.Tensor(x), (4, -1))
    assert out.shape == (4, 6)
    np.testing.assert_array_equal(out.numpy(), x.reshape(4, -1))


@pytest.mark.parametrize("shape, dims", [((2, 3), (0, 1)), ((2, 3, 4), (0, 2)), ((2, 3, 4), (-1, -2))])
def test_transpose(shape, dims):
    x = random(shape, seed=21)
    np.testing.assert_array_equal(kiln.transpose(kiln.Tensor(x), *dims).numpy(), np.swapaxes(x, *dims))


def test_permute():
    x = random((2, 3, 4), seed=22)
    np.testing.assert_array_equal(kiln.permute(kiln.Tensor(x), (2, 0, 1)).numpy(), x.transpose(2, 0, 1))


def test_unsqueeze_squeeze():
    x = random((2, 3), seed=23)
    u = kiln.unsqueeze(kiln.Tensor(x), 1)
    assert u.shape == (2, 1, 3)
    assert kiln.unsqueeze(kiln.Tensor(x), -1).shape == (2, 3, 1)
    s = kiln.squeeze(u, 1)
    np.testing.assert_array_equal(s.numpy(), x)


@pytest.mark.parametrize(
    "index",
    [
        (slice(1, 3), slice(None), 0),
        (-1,),
        (slice(None, None, 2), slice(None), slice(-2, None)),
        (Ellipsis, 1),
        (slice(None), slice(None, None, -1)),
        (0, None, slice(1, None)),
    ],
    ids=str,
)
def test_slicing(index):
    x = random((4, 3, 5), seed=24)
    out = kiln.Tensor(x)[index]
    expected = x[index]
    assert out.shape == expected.shape
    np.testing.assert_array_equal(out.numpy(), expected)


@pytest.mark.parametrize("dim", [0, 1, -1])
def test_concatenate(dim):
    a, b = random((2, 3), seed=25), random((2, 3), seed=26)
    out = kiln.concatenate([kiln.Tensor(a), kiln.Tensor(b), kiln.Tensor(a)], dim=dim)
    np.testing.assert_array_equal(out.numpy(), np.concatenate([a, b, a], axis=dim))


@pytest.mark.parametrize(
    "src, dst", [(np.float32, kiln.int32), (np.int32, kiln.float32), (np.float32, kiln.float16), (np.int32, kiln.bool)]
)
def test_cast(src, dst):
    x = np.array([[-1.7, 0.0, 2.5]]).astype(src)
    out = kiln.cast(kiln.Tensor(x), dst)
    assert out.dtype == dst
    np.testing.assert_array_equal(out.numpy(), x.astype(dst.numpy))


def test_where_broadcasts_and_takes_scalars():
    x = random((3, 4), seed=27)
    out = kiln.where(kiln.Tensor(x) > 0, kiln.Tensor(x), 0.0)
    np.testing.assert_array_equal(out.numpy(), np.where(x > 0, x, 0.0))
    cond = np.array([True, False, True, False])
    out = kiln.where(kiln.Tensor(cond), kiln.Tensor(x), kiln.Tensor(-x))
    np.testing.assert_array_equal(out.numpy(), np.where(cond, x, -x))


@pytest.mark.parametrize(
    "shape_a, shape_b",
    [((2, 3), (3, 4)), ((5, 2, 3), (5, 3, 4)), ((5, 2, 3), (3, 4)), ((1, 2, 3), (4, 3, 2)), ((3,), (3, 4)),
     ((2, 3), (3,)), ((3,), (3,))],
)
def test_matmul(shape_a, shape_b):
    a, b = random(shape_a, seed=28), random(shape_b, seed=29)
    out = kiln.Tensor(a) @ kiln.Tensor(b)
    expected = a @ b
    assert out.shape == expected.shape
    np.testing.assert_allclose(out.numpy(), expected, rtol=1e-5, atol=1e-5)


def test_matmul_float16():
    a, b = random((4, 8), np.float16, seed=30), random((8, 2), np.float16, seed=31)
    out = kiln.Tensor(a) @ kiln.Tensor(b)
    assert out.dtype == kiln.float16
    np.testing.assert_allclose(out.numpy().astype(np.float32), a.astype(np.float32) @ b.astype(np.float32),
                               rtol=1e-2, atol=1e-2)
