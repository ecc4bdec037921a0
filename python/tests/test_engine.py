"""The native layer (kiln._C) and the eager compile cache."""

import numpy as np
import pytest

import kiln
from kiln import _C, _eager

ADD = """
func.func @main(%a: tensor<2x2xf32>, %b: tensor<2x2xf32>) -> tensor<2x2xf32> {
  %0 = tensorrt.element_wise <kSUM>(%a, %b : tensor<2x2xf32>, tensor<2x2xf32>) -> tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}
"""


def test_native_compile_run_and_signature():
    engine = _C.compile(ADD)
    assert [(dtype, shape) for _, dtype, shape in engine.inputs] == [("f32", (2, 2)), ("f32", (2, 2))]
    assert [(dtype, shape) for _, dtype, shape in engine.outputs] == [("f32", (2, 2))]
    a = np.arange(4, dtype=np.float32).reshape(2, 2)
    (out,) = engine.run([a, a])
    np.testing.assert_array_equal(out, a + a)


def test_native_bytes_roundtrip():
    engine = _C.compile(ADD)
    data = engine.to_bytes()
    assert data[:7] == b"KILNENG"
    clone = _C.Engine.from_bytes(data)
    a = np.ones((2, 2), np.float32)
    np.testing.assert_array_equal(clone.run([a, a])[0], engine.run([a, a])[0])
    with pytest.raises(_C.KilnError):
        _C.Engine.from_bytes(data[:-3])


def test_native_run_checks_inputs():
    engine = _C.compile(ADD)
    with pytest.raises(_C.KilnError):
        engine.run([np.ones((2, 2), np.float32)])
    with pytest.raises(_C.KilnError):
        engine.run([np.ones((2, 3), np.float32), np.ones((2, 2), np.float32)])


def test_bool_outputs_are_numpy_bool():
    out = (kiln.Tensor([1.0, 3.0]) > 2.0).numpy()
    assert out.dtype == np.bool_
    assert out.tolist() == [False, True]


def test_eager_cache_reuses_engines_across_values():
    def step(x):
        return kiln.relu(x) * 2.0

    step(kiln.Tensor(np.ones((3, 3), np.float32))).numpy()
    misses = _eager.stats["misses"]
    for seed in range(3):
        data = np.random.default_rng(seed).standard_normal((3, 3)).astype(np.float32)
        np.testing.assert_allclose(step(kiln.Tensor(data)).numpy(), np.maximum(data, 0) * 2)
    assert _eager.stats["misses"] == misses


def test_evaluated_tensor_is_materialized():
    x = kiln.Tensor([1.0, 2.0]) + 1.0
    x.eval()
    y = x * 3.0
    assert y.tolist() == [6.0, 9.0]


def test_rank0_tensors():
    t = kiln.Tensor(3.0) + 1
    assert t.shape == () and t.tolist() == 4.0
    exe = kiln.compile(lambda x: x * 2.0, args=[kiln.InputInfo((), kiln.float32)])
    assert exe(np.array(1.5, np.float32)).tolist() == 3.0


def test_bool_equality():
    a, b = kiln.Tensor([True, False, True]), kiln.Tensor([True, True, False])
    assert (a == b).tolist() == [True, False, False]
    assert (a != b).tolist() == [False, True, True]
