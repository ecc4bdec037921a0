"""The nvtripy functions added for issue 11, against numpy (and torch where
numpy has no equivalent), with their error messages."""

import numpy as np
import pytest
import torch

import kiln


def arr(shape, dtype=np.float32, seed=0):
    return np.random.default_rng(seed).standard_normal(shape).astype(dtype)


def test_bool_reductions():
    x = np.array([[True, False, True], [True, True, True]])
    for dim in (None, 0, 1):
        assert kiln.all(kiln.Tensor(x), dim=dim).tolist() == np.all(x, axis=dim).tolist()
        assert kiln.any(kiln.Tensor(~x), dim=dim).tolist() == np.any(~x, axis=dim).tolist()
    with pytest.raises(kiln.KilnException, match="kiln.all: unsupported data type: expected a tensor of dtype bool"):
        kiln.all(kiln.ones((2,)))


@pytest.mark.parametrize("dim, keepdim", [(None, False), (0, False), (1, True), (-1, False)])
def test_argmax_argmin(dim, keepdim):
    x = arr((3, 5))
    got_max = kiln.argmax(kiln.Tensor(x), dim=dim, keepdim=keepdim)
    got_min = kiln.argmin(kiln.Tensor(x), dim=dim, keepdim=keepdim)
    assert got_max.dtype == kiln.int32
    np.testing.assert_array_equal(np.asarray(got_max), np.argmax(x, axis=dim, keepdims=keepdim))
    np.testing.assert_array_equal(np.asarray(got_min), np.argmin(x, axis=dim, keepdims=keepdim))


def test_topk_matches_torch():
    x = arr((4, 6))
    values, indices = kiln.topk(kiln.Tensor(x), k=3, dim=1)
    ref = torch.topk(torch.from_numpy(x), k=3, dim=1)
    np.testing.assert_allclose(np.asarray(values), ref.values.numpy())
    np.testing.assert_array_equal(np.asarray(indices), ref.indices.numpy())
    with pytest.raises(kiln.KilnException, match="expected k <= 6"):
        kiln.topk(kiln.Tensor(x), k=7, dim=1)


@pytest.mark.parametrize("dtype", [np.float32, np.int32])
def test_cumsum(dtype):
    x = (arr((3, 4)) * 4).astype(dtype)
    for dim in (0, 1, -1):
        np.testing.assert_allclose(np.asarray(kiln.cumsum(kiln.Tensor(x), dim=dim)), np.cumsum(x, axis=dim),
                                   rtol=1e-5, atol=1e-5)


def test_sin_cos_abs_invert_or():
    x = arr((5,))
    np.testing.assert_allclose(np.asarray(kiln.sin(kiln.Tensor(x))), np.sin(x), rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(np.asarray(kiln.cos(kiln.Tensor(x))), np.cos(x), rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(np.asarray(abs(kiln.Tensor(x))), np.abs(x))
    b = np.array([True, False, True])
    assert (~kiln.Tensor(b)).tolist() == (~b).tolist()
    assert (kiln.Tensor(b) | kiln.Tensor(~b)).tolist() == [True] * 3
    with pytest.raises(kiln.KilnException, match="operator '~': unsupported data type"):
        ~kiln.ones((2,))


def test_modulo_and_floor_division_follow_python():
    a, b = np.array([7, -7, 5, -5], np.int32), np.array([3, 3, -2, -2], np.int32)
    assert (kiln.Tensor(a) % kiln.Tensor(b)).tolist() == (a % b).tolist()
    assert (kiln.Tensor(a) // kiln.Tensor(b)).tolist() == (a // b).tolist()
    x = np.array([5.5, -5.5], np.float32)
    np.testing.assert_allclose(np.asarray(kiln.Tensor(x) % 2.0), x % 2.0, rtol=1e-6)
    assert (7 % kiln.Tensor([4])).tolist() == [3]


def test_no_implicit_promotion():
    with pytest.raises(kiln.KilnException, match="expected operands of the same dtype, got float32, int32"):
        kiln.ones((2,)) + kiln.ones((2,), dtype=kiln.int32)


def test_equal_and_allclose_return_bools():
    a = kiln.Tensor([1.0, 2.0])
    assert kiln.equal(a, kiln.Tensor([1.0, 2.0])) is True
    assert kiln.equal(a, kiln.Tensor([1.0, 3.0])) is False
    assert kiln.equal(a, kiln.Tensor([[1.0, 2.0]])) is False
    assert kiln.allclose(input=a, other=kiln.Tensor([1.0, 2.0 + 1e-7]))


def test_like_creation_and_iota():
    x = kiln.Tensor(np.zeros((2, 3), np.int32))
    assert kiln.full_like(x, 4).tolist() == np.full((2, 3), 4).tolist()
    assert kiln.ones_like(x, dtype=kiln.float32).dtype == kiln.float32
    assert kiln.zeros_like(kiln.ones((2,))).tolist() == [0.0, 0.0]
    np.testing.assert_array_equal(np.asarray(kiln.iota((2, 3), dim=0)), np.broadcast_to(np.arange(2)[:, None], (2, 3)))
    assert kiln.iota_like(x, dim=1).tolist() == [[0, 1, 2], [0, 1, 2]]
    with pytest.raises(kiln.KilnException, match="kiln.full: cannot fill a int32 tensor with the fractional value 1.5"):
        kiln.full((2,), 1.5, dtype=kiln.int32)


@pytest.mark.parametrize("diagonal", [-1, 0, 2])
def test_tril_triu(diagonal):
    x = arr((2, 3, 4))
    np.testing.assert_array_equal(np.asarray(kiln.tril(kiln.Tensor(x), diagonal)), np.tril(x, diagonal))
    np.testing.assert_array_equal(np.asarray(kiln.triu(kiln.Tensor(x), diagonal)), np.triu(x, diagonal))


def test_outer_expand_repeat_flip_split():
    a, b = arr((3,)), arr((4,), seed=1)
    np.testing.assert_allclose(np.asarray(kiln.outer(kiln.Tensor(a), kiln.Tensor(b))), np.outer(a, b), rtol=1e-6)
    x = arr((3, 1))
    np.testing.assert_array_equal(np.asarray(kiln.expand(kiln.Tensor(x), (2, 3, 4))), np.broadcast_to(x, (2, 3, 4)))
    np.testing.assert_array_equal(np.asarray(kiln.expand(kiln.Tensor(x), (-1, 5))), np.broadcast_to(x, (3, 5)))
    y = arr((2, 3))
    np.testing.assert_array_equal(np.asarray(kiln.repeat(kiln.Tensor(y), 2, dim=1)), np.repeat(y, 2, axis=1))
    np.testing.assert_array_equal(np.asarray(kiln.flip(kiln.Tensor(y))), np.flip(y))
    np.testing.assert_array_equal(np.asarray(kiln.flip(kiln.Tensor(y), dim=0)), np.flip(y, 0))
    parts = kiln.split(kiln.Tensor(y), [1, 2], dim=1)
    for got, want in zip(parts, np.split(y, [1], axis=1)):
        np.testing.assert_array_equal(np.asarray(got), want)
    with pytest.raises(kiln.KilnException, match="cannot expand dimension 0 of size 3 to 4"):
        kiln.expand(kiln.Tensor(x), (4, 2))
    with pytest.raises(kiln.KilnException, match="add up to 3"):
        kiln.split(kiln.Tensor(y), [1, 1], dim=1)


def test_tensor_methods():
    x = kiln.Tensor(arr((2, 3, 4)))
    assert x.reshape((6, 4)).shape == (6, 4)
    assert x.transpose(0, 2).shape == (4, 3, 2)
    assert x.permute((1, 0, 2)).shape == (3, 2, 4)
    assert x.flatten().shape == (24,)
    assert x.unsqueeze(0).squeeze(0).shape == (2, 3, 4)
    assert x.cast(kiln.float16).dtype == kiln.float16


@pytest.mark.parametrize("dtype", [kiln.bfloat16, kiln.float16])
def test_half_types_roundtrip(dtype):
    x = kiln.Tensor([1.5, -2.0], dtype=dtype)
    assert (x * 2).tolist() == [3.0, -4.0]
    assert kiln.cast(x, kiln.float32).tolist() == [1.5, -2.0]


def test_dtype_classes():
    assert issubclass(kiln.float32, kiln.floating) and issubclass(kiln.int8, kiln.integer)
    assert isinstance(kiln.bfloat16, kiln.dtype) and kiln.int4.itemsize == 0.5 and kiln.bool.name == "bool"
