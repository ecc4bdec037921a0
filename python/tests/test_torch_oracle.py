"""PyTorch as a second oracle (skipped when torch is not installed)."""

import numpy as np
import pytest

import kiln
from conftest import random

torch = pytest.importorskip("torch")


@pytest.mark.parametrize("dim", [0, 1, -1])
def test_softmax_matches_torch(dim):
    x = random((4, 6, 5), seed=60, low=-4, high=4)
    expected = torch.softmax(torch.from_numpy(x), dim=dim).numpy()
    np.testing.assert_allclose(kiln.softmax(kiln.Tensor(x), dim).numpy(), expected, rtol=1e-5, atol=1e-6)


def test_gelu_matches_torch():
    x = random((64,), seed=61, low=-5, high=5)
    expected = torch.nn.functional.gelu(torch.from_numpy(x)).numpy()
    np.testing.assert_allclose(kiln.gelu(kiln.Tensor(x)).numpy(), expected, rtol=1e-5, atol=1e-6)


def test_linear_matches_torch():
    layer = kiln.Linear(7, 3)
    ref = torch.nn.Linear(7, 3)
    with torch.no_grad():
        ref.weight.copy_(torch.from_numpy(layer.weight.numpy()))
        ref.bias.copy_(torch.from_numpy(layer.bias.numpy()))
    x = random((5, 7), seed=62)
    with torch.no_grad():
        expected = ref(torch.from_numpy(x)).numpy()
    np.testing.assert_allclose(layer(kiln.Tensor(x)).numpy(), expected, rtol=1e-5, atol=1e-5)
