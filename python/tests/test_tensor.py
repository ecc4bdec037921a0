"""kiln.Tensor: construction, metadata, conversion and printing."""

import numpy as np
import pytest

import kiln


@pytest.mark.parametrize(
    "data, dtype, shape",
    [
        ([1.0, 2.0], kiln.float32, (2,)),
        ([[1, 2], [3, 4]], kiln.int32, (2, 2)),
        (3.5, kiln.float32, ()),
        ([True, False], kiln.bool, (2,)),
        (np.zeros((2, 3), dtype=np.int64), kiln.int64, (2, 3)),
        (np.zeros((4,), dtype=np.float16), kiln.float16, (4,)),
    ],
)
def test_construction_infers_dtype_and_shape(data, dtype, shape):
    t = kiln.Tensor(data)
    assert t.dtype == dtype
    assert t.shape == shape
    assert t.rank == len(shape)


def test_explicit_dtype_converts():
    t = kiln.Tensor([1, 2, 3], dtype=kiln.float16)
    assert t.dtype == kiln.float16
    assert t.numpy().dtype == np.float16


def test_numpy_roundtrip_and_copy_semantics():
    source = np.arange(6, dtype=np.float32).reshape(2, 3)
    t = kiln.Tensor(source)
    source[0, 0] = 100.0  # the tensor owns its data
    out = t.numpy()
    assert out[0, 0] == 0.0
    np.testing.assert_array_equal(np.asarray(t), np.arange(6, dtype=np.float32).reshape(2, 3))
    assert t.tolist() == [[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]]


def test_dlpack_in_and_out():
    source = np.arange(4, dtype=np.int32)
    t = kiln.Tensor(_DLPackOnly(source))
    assert t.dtype == kiln.int32
    back = np.from_dlpack(t + 1)
    np.testing.assert_array_equal(back, source + 1)
    assert t.__dlpack_device__() == (1, 0)


class _DLPackOnly:
    """A producer that exposes only the DLPack protocol."""

    def __init__(self, array):
        self._array = array

    def __dlpack__(self, **kwargs):
        return self._array.__dlpack__(**kwargs)

    def __dlpack_device__(self):
        return self._array.__dlpack_device__()


def test_repr_evaluates():
    t = kiln.Tensor([[1.0, 2.0]]) * 2
    text = repr(t)
    assert text == "tensor(\n    [[2, 4]], \n    dtype=float32, loc=cpu:0, shape=(1, 2))"
    assert repr(kiln.Tensor([1.5, 2.0])) == "tensor([1.5, 2], dtype=float32, loc=cpu:0, shape=(2,))"
    assert repr(kiln.Tensor([[1.5, 2.0], [3.0, 4.0]])) == (
        "tensor(\n    [[1.5, 2],\n     [3, 4]], \n    dtype=float32, loc=cpu:0, shape=(2, 2))"
    )
    assert "dtype=float32" in text and "shape=(1, 2)" in text
    assert str(t) == text


def test_unsupported_dtype_rejected():
    with pytest.raises(kiln.KilnException, match="unsupported element type"):
        kiln.Tensor(np.zeros(3, dtype=np.complex64))


def test_tensor_from_tensor_and_cast():
    a = kiln.Tensor([1.5, 2.5])
    b = kiln.Tensor(a, dtype=kiln.int32)
    assert b.dtype == kiln.int32
    assert b.tolist() == [1, 2]


def test_scalar_conversions():
    t = kiln.sum(kiln.Tensor([1.0, 2.0]))
    assert float(t) == 3.0
    assert int(kiln.Tensor(7)) == 7
    assert bool(kiln.Tensor([1.0]) > 0)
    assert len(kiln.ones((5, 2))) == 5


def test_float64_arrays_are_refused_not_narrowed():
    with pytest.raises(kiln.KilnException, match="unsupported element type float64"):
        kiln.Tensor(np.zeros((2,), dtype=np.float64))
    assert kiln.Tensor(np.zeros((2,), dtype=np.float64), dtype=kiln.float32).dtype == kiln.float32


@pytest.mark.parametrize(
    "data, dtype, message",
    [
        ([3000000000], None, "does not fit in int32"),
        ([300], kiln.int8, "does not fit in int8"),
        ([1.5], kiln.int32, "fractional values"),
    ],
)
def test_values_a_dtype_cannot_hold_are_refused(data, dtype, message):
    with pytest.raises(kiln.KilnException, match=message):
        kiln.Tensor(data, dtype=dtype)
    assert kiln.Tensor([3000000000], dtype=kiln.int64).tolist() == [3000000000]


def test_missing_attribute_suggests_the_function():
    with pytest.raises(AttributeError, match="kiln.sum is a function"):
        kiln.ones((2,)).sum()
    with pytest.raises(AttributeError, match="did you mean Tensor.reshape"):
        kiln.ones((2,)).reshap


def test_iterating_is_a_clear_type_error():
    with pytest.raises(TypeError, match="Iterating over tensors is not supported"):
        list(kiln.ones((2,)))


def test_item_ndim_device():
    x = kiln.Tensor([[7]])
    assert x.item() == 7 and x.ndim == 2 and x.device.kind == "cpu"
