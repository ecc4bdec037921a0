"""kiln.Module, Linear, LayerNorm: parameters, state dicts, numerics."""

import numpy as np
import pytest

import kiln
from conftest import random


class Block(kiln.Module):
    def __init__(self):
        super().__init__()
        self.norm = kiln.LayerNorm(4)
        self.layers = [kiln.Linear(4, 8), kiln.Linear(8, 4, bias=False)]
        self.scale = kiln.ones((4,))

    def forward(self, x):
        h = kiln.relu(self.layers[0](self.norm(x)))
        return self.layers[1](h) * self.scale


def test_named_parameters_nested():
    names = [n for n, _ in Block().named_parameters()]
    assert names == ["scale", "norm.weight", "norm.bias", "layers.0.weight", "layers.0.bias", "layers.1.weight"]


def test_linear_matches_numpy():
    layer = kiln.Linear(5, 3)
    x = random((2, 5), seed=50)
    w, b = layer.weight.numpy(), layer.bias.numpy()
    assert w.shape == (3, 5) and b.shape == (3,)
    np.testing.assert_allclose(layer(kiln.Tensor(x)).numpy(), x @ w.T + b, rtol=1e-5, atol=1e-6)


def test_layernorm_matches_numpy():
    norm = kiln.LayerNorm(6)
    norm.load_state_dict({"weight": random((6,), seed=51), "bias": random((6,), seed=52)})
    x = random((3, 6), seed=53)
    mu = x.mean(-1, keepdims=True)
    var = x.var(-1, keepdims=True)
    expected = (x - mu) / np.sqrt(var + 1e-5) * norm.weight.numpy() + norm.bias.numpy()
    np.testing.assert_allclose(norm(kiln.Tensor(x)).numpy(), expected, rtol=1e-4, atol=1e-5)


def test_state_dict_roundtrip():
    a, b = Block(), Block()
    b.load_state_dict(a.state_dict())
    x = random((2, 4), seed=54)
    np.testing.assert_allclose(a(kiln.Tensor(x)).numpy(), b(kiln.Tensor(x)).numpy())
    for (name_a, ta), (name_b, tb) in zip(a.named_parameters(), b.named_parameters()):
        assert name_a == name_b
        np.testing.assert_array_equal(ta.numpy(), tb.numpy())


def test_state_dict_numpy_values_and_compile():
    model = Block()
    state = {k: v.numpy() for k, v in model.state_dict().items()}
    model2 = Block()
    model2.load_state_dict(state)
    exe = kiln.compile(model2, args=[kiln.InputInfo((2, 4), kiln.float32)])
    x = random((2, 4), seed=55)
    np.testing.assert_allclose(exe(x).numpy(), model(kiln.Tensor(x)).numpy(), rtol=1e-5, atol=1e-6)


def test_load_state_dict_shape_mismatch():
    layer = kiln.Linear(2, 3)
    with pytest.raises(kiln.KilnException) as info:
        layer.load_state_dict({"weight": np.zeros((2, 3), np.float32), "bias": np.zeros(3, np.float32)})
    assert "'weight': wrong shape: expected (3, 2), got (2, 3)" in str(info.value)


def test_load_state_dict_dtype_mismatch():
    layer = kiln.Linear(2, 3)
    with pytest.raises(kiln.KilnException, match=r"'bias': wrong dtype: expected float32, got int32"):
        layer.load_state_dict({"weight": np.zeros((3, 2), np.float32), "bias": np.zeros(3, np.int32)})


def test_load_state_dict_missing_and_unexpected_keys():
    layer = kiln.Linear(2, 3)
    with pytest.raises(kiln.KilnException) as info:
        layer.load_state_dict({"weight": np.zeros((3, 2), np.float32), "bais": np.zeros(3, np.float32)})
    message = str(info.value)
    assert "missing keys" in message and "'bias'" in message
    assert "unexpected keys" in message and "'bais'" in message
    missing, unexpected = layer.load_state_dict({"weight": np.zeros((3, 2), np.float32)}, strict=False)
    assert missing == {"bias"} and unexpected == set()
    assert layer.weight.tolist() == [[0.0, 0.0]] * 3


def test_sequential():
    mlp = kiln.Sequential(kiln.Linear(4, 8), kiln.Linear(8, 2))
    assert len(mlp) == 2
    assert [n for n, _ in mlp.named_parameters()] == ["0.weight", "0.bias", "1.weight", "1.bias"]
    assert mlp(kiln.ones((3, 4))).shape == (3, 2)
