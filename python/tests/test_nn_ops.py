"""gather, pad, pooling, resize, quantize/dequantize, copy; logger, config,
types — against numpy and torch, with their error messages."""

import numpy as np
import pytest
import torch

import kiln


def arr(shape, seed=0):
    return np.random.default_rng(seed).standard_normal(shape).astype(np.float32)


@pytest.mark.parametrize("dim, index", [(0, [2, 0]), (1, [[1], [0]]), (-1, 1)])
def test_gather_is_take(dim, index):
    x = arr((3, 4))
    idx = np.array(index, np.int32)
    np.testing.assert_array_equal(np.asarray(kiln.gather(kiln.Tensor(x), dim, kiln.Tensor(idx))),
                                  np.take(x, idx, axis=dim))
    with pytest.raises(kiln.KilnException, match=r"kiln.gather \(index\): unsupported data type"):
        kiln.gather(kiln.Tensor(x), 0, kiln.Tensor([0.0]))


def test_pad_matches_numpy():
    x = arr((2, 3))
    np.testing.assert_array_equal(np.asarray(kiln.pad(kiln.Tensor(x), [(1, 0), (2, 1)], value=5.0)),
                                  np.pad(x, [(1, 0), (2, 1)], constant_values=5.0))
    np.testing.assert_array_equal(np.asarray(kiln.pad(kiln.Tensor(x), [(0, 0), (-1, 1)])),
                                  np.pad(x, [(0, 0), (0, 1)])[:, 1:])
    with pytest.raises(kiln.KilnException, match="one \\(before, after\\) pair per dimension"):
        kiln.pad(kiln.Tensor(x), [(1, 1)])


@pytest.mark.parametrize("spatial", [1, 2, 3])
def test_pooling_matches_torch(spatial):
    x = arr((2, 3) + (6,) * spatial)
    kernel, stride, padding = (3,) * spatial, (2,) * spatial, [(1, 1)] * spatial
    t = torch.from_numpy(x)
    maxpool = getattr(torch.nn.functional, f"max_pool{spatial}d")
    avgpool = getattr(torch.nn.functional, f"avg_pool{spatial}d")
    np.testing.assert_allclose(np.asarray(kiln.maxpool(kiln.Tensor(x), kernel, stride, padding)),
                               maxpool(t, kernel, stride, 1).numpy(), rtol=1e-6)
    np.testing.assert_allclose(np.asarray(kiln.avgpool(kiln.Tensor(x), kernel, stride, padding)),
                               avgpool(t, kernel, stride, 1, count_include_pad=True).numpy(), rtol=1e-5, atol=1e-6)
    with pytest.raises(kiln.KilnException, match="expected an input of rank"):
        kiln.maxpool(kiln.Tensor(arr((6,) * spatial)), kernel)


@pytest.mark.parametrize("mode, torch_mode, align", [("nearest", "nearest", False), ("linear", "bilinear", False),
                                                     ("linear", "bilinear", True), ("cubic", "bicubic", True)])
def test_resize_matches_torch(mode, torch_mode, align):
    x = arr((1, 2, 3, 5))
    out = kiln.resize(kiln.Tensor(x), output_shape=(1, 2, 6, 10), mode=mode, align_corners=align)
    kw = {} if mode == "nearest" else {"align_corners": align}
    ref = torch.nn.functional.interpolate(torch.from_numpy(x), size=(6, 10), mode=torch_mode, **kw).numpy()
    np.testing.assert_allclose(np.asarray(out), ref, rtol=1e-5, atol=1e-5)
    assert kiln.resize(kiln.Tensor(x), scales=(1, 1, 2, 2), mode=mode, align_corners=align).shape == (1, 2, 6, 10)
    with pytest.raises(kiln.KilnException, match="unsupported resize mode"):
        kiln.resize(kiln.Tensor(x), output_shape=(1, 2, 6, 10), mode="area")


def test_quantize_round_trip_per_tensor_and_per_channel():
    x = arr((4, 8)) * 3
    q = kiln.quantize(kiln.Tensor(x), 0.05, kiln.int8)
    np.testing.assert_array_equal(np.asarray(q), np.clip(np.round(x / 0.05), -128, 127).astype(np.int8))
    scales = np.abs(x).max(1) / 127
    qc = kiln.quantize(kiln.Tensor(x), kiln.Tensor(scales), kiln.int8, dim=0)
    back = kiln.dequantize(qc, kiln.Tensor(scales), kiln.float32, dim=0)
    np.testing.assert_allclose(np.asarray(back), x, atol=float(scales.max()) / 2 + 1e-6)
    with pytest.raises(kiln.KilnException, match="a 1-D \\(per-channel\\) scale needs dim"):
        kiln.quantize(kiln.Tensor(x), kiln.Tensor(scales), kiln.int8)
    with pytest.raises(kiln.KilnException, match="expected dtype to be one of int8, int4, float8"):
        kiln.quantize(kiln.Tensor(x), 0.1, kiln.int32)


def test_copy_and_tensor_copy():
    x = kiln.Tensor([1.0, 2.0]) + 1
    y = x.copy(kiln.device("cpu"))
    assert y.tolist() == [2.0, 3.0] and y.device == kiln.device("cpu")
    with pytest.raises(kiln.KilnException, match="unrecognized device kind"):
        kiln.device("tpu")


def test_logger_verbosity(capsys):
    kiln.logger.verbose("hidden")
    with kiln.logger.use_verbosity("verbose"):
        kiln.logger.verbose("shown")
    err = capsys.readouterr().err
    assert "shown" in err and "hidden" not in err
    assert kiln.logger.verbosity == "info"


def test_config_input_validation_and_types():
    exe = kiln.compile(lambda x: x * 2.0, args=[kiln.InputInfo((2,), kiln.float32)])
    with pytest.raises(kiln.KilnException, match="wrong dtype"):
        exe(np.ones((2,), np.int32))
    kiln.config.enable_input_validation = False
    try:
        assert exe(np.ones((2,), np.float32)).tolist() == [2.0, 2.0]
    finally:
        kiln.config.enable_input_validation = True
    assert kiln.TripyException is kiln.KilnException
    assert kiln.types.ShapeLike is not None
