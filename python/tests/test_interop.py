"""DLPack both ways with numpy, torch and JAX; executables take their
arrays; modules that compile themselves on first call."""

import jax.numpy as jnp
import numpy as np
import pytest
import torch

import kiln


def test_torch_in_and_out():
    t = torch.arange(6, dtype=torch.float32).reshape(2, 3)
    x = kiln.Tensor(t)
    assert x.dtype == kiln.float32 and x.shape == (2, 3)
    assert torch.equal(torch.from_dlpack(x * 2), t * 2)
    assert kiln.Tensor(torch.ones(2, dtype=torch.bfloat16)).dtype == kiln.bfloat16
    assert torch.from_dlpack(kiln.Tensor([True, False])).tolist() == [True, False]


def test_jax_in_and_out():
    y = kiln.Tensor(jnp.ones((2, 2), jnp.float16))
    assert y.dtype == kiln.float16
    np.testing.assert_array_equal(np.asarray(jnp.from_dlpack(y + 1)), np.full((2, 2), 2, np.float16))


def test_numpy_views_are_copied():
    a = np.zeros(3, np.float32)
    x = kiln.Tensor(a)
    a[0] = 5
    assert x.tolist() == [0.0, 0.0, 0.0] and np.from_dlpack(x).tolist() == [0.0, 0.0, 0.0]


def test_executables_take_torch_and_jax_arrays():
    exe = kiln.compile(lambda a: a * 2.0, args=[kiln.InputInfo((2, 3), kiln.float32)])
    assert exe(torch.ones(2, 3)).tolist() == [[2.0] * 3] * 2
    assert exe(jnp.ones((2, 3), jnp.float32)).tolist() == [[2.0] * 3] * 2
    with pytest.raises(kiln.KilnException, match="wrong dtype: expected float32, got int32"):
        exe(torch.ones(2, 3, dtype=torch.int32))


def test_auto_compile_reuses_one_executable_for_a_range():
    model = kiln.Sequential(kiln.Linear(4, 2), kiln.relu).auto_compile({0: (1, 8, 64)})
    x = np.random.default_rng(0).standard_normal((3, 4)).astype(np.float32)
    w, b = (np.asarray(t) for t in model.state_dict().values())
    np.testing.assert_allclose(np.asarray(model(x)), np.maximum(x @ w.T + b, 0), rtol=1e-5, atol=1e-6)
    model(np.ones((9, 4), np.float32))
    assert len(model.compiled_executables) == 1
    model(np.ones((65, 4), np.float32))  # outside the range: a second executable
    assert len(model.compiled_executables) == 2


def test_auto_compiled_submodule_traces_inside_compile():
    inner = kiln.Linear(2, 2).auto_compile()
    exe = kiln.compile(lambda x: inner(x) + 1.0, args=[kiln.InputInfo((1, 2), kiln.float32)])
    assert exe(np.zeros((1, 2), np.float32)).shape == (1, 2) and not inner.compiled_executables
