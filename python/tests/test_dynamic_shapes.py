"""kiln.compile with dynamic shapes: one executable for every shape in its
inputs' bounds, shape arithmetic on DimensionSize, named dimensions and
dimension-size inputs."""

import numpy as np
import pytest

import kiln
from conftest import next_line


def test_one_executable_runs_every_batch_in_its_bounds(rng):
    def f(x, w):
        return kiln.relu(x @ w) + 1.0

    exe = kiln.compile(f, args=[kiln.InputInfo(((1, 4, 16), 8), kiln.float32), kiln.InputInfo((8, 6), kiln.float32)])
    w = rng.standard_normal((8, 6)).astype(np.float32)
    for batch in (1, 5, 16):
        x = rng.standard_normal((batch, 8)).astype(np.float32)
        np.testing.assert_allclose(np.asarray(exe(x, w)), np.maximum(x @ w, 0) + 1, rtol=1e-5, atol=1e-5)
    assert exe.input_infos["x"].shape_bounds.max == (16, 8)
    assert repr(exe) == "Executable(x: float32[?, 8], w: float32[8, 6]) -> (float32[?, 6])"


def test_outside_the_bounds_is_refused_with_them():
    exe = kiln.compile(lambda x: x * 2.0, args=[kiln.InputInfo(((1, 2, 4), 3), kiln.float32)])
    with pytest.raises(kiln.KilnException) as info:
        line = next_line()
        exe(np.ones((5, 3), np.float32))
    message = str(info.value)
    assert "dimension 0 has size 5, outside its shape profile [1, 4]" in message
    assert f"line {line}" in message


def test_shape_arithmetic_and_reshape_with_minus_one(rng):
    def f(x):
        n = x.shape[0]
        assert isinstance(n, kiln.DimensionSize)
        return kiln.reshape(x, (n * 2, -1))

    exe = kiln.compile(f, args=[kiln.InputInfo(((1, 3, 8), 6), kiln.float32)])
    for batch in (1, 3, 8):
        x = rng.standard_normal((batch, 6)).astype(np.float32)
        np.testing.assert_array_equal(np.asarray(exe(x)), x.reshape(batch * 2, 3))


def test_dynamic_slicing_and_reductions(rng):
    def f(x):
        return kiln.sum(x[:, 1:3], dim=1), kiln.softmax(x, dim=0), x[1:]

    exe = kiln.compile(f, args=[kiln.InputInfo(((2, 4, 16), 8), kiln.float32)])
    for batch in (2, 9):
        x = rng.standard_normal((batch, 8)).astype(np.float32)
        total, soft, tail = exe(x)
        np.testing.assert_allclose(np.asarray(total), x[:, 1:3].sum(1), rtol=1e-5, atol=1e-5)
        e = np.exp(x - x.max(0))
        np.testing.assert_allclose(np.asarray(soft), e / e.sum(0), rtol=1e-5, atol=1e-6)
        np.testing.assert_array_equal(np.asarray(tail), x[1:])


def test_full_and_expand_take_dimension_sizes():
    def f(x):
        return kiln.full((x.shape[0], 2), 3.0) + kiln.expand(kiln.ones((1, 2)), (x.shape[0], 2))

    exe = kiln.compile(f, args=[kiln.InputInfo(((1, 2, 5), 4), kiln.float32)])
    np.testing.assert_array_equal(np.asarray(exe(np.zeros((3, 4), np.float32))), np.full((3, 2), 4.0))


def test_named_dimensions_must_match_across_inputs():
    batch = kiln.NamedDimension("batch", 1, 2, 4)
    exe = kiln.compile(lambda a, b: a + b,
                       args=[kiln.InputInfo((batch, 3), kiln.float32), kiln.InputInfo((batch, 3), kiln.float32)])
    assert exe.input_infos["a"].dimension_names == {0: "batch"}
    out = exe(np.ones((2, 3), np.float32), np.ones((2, 3), np.float32))
    assert out.tolist() == [[2.0] * 3] * 2
    with pytest.raises(kiln.KilnException, match="named dimension 'batch' must be equal in every input"):
        exe(np.ones((2, 3), np.float32), np.ones((3, 3), np.float32))


def test_dimension_input_sizes_the_result():
    def f(x, n):
        return kiln.reshape(x, (n, -1))

    exe = kiln.compile(f, args=[kiln.InputInfo((12,), kiln.float32), kiln.DimensionInputInfo((1, 2, 12))])
    x = np.arange(12, dtype=np.float32)
    for n in (2, 3, 4):
        np.testing.assert_array_equal(np.asarray(exe(x, n)), x.reshape(n, -1))
    np.testing.assert_array_equal(np.asarray(exe(x, kiln.DimensionSize(6))), x.reshape(6, 2))
    with pytest.raises(kiln.KilnException, match=r"argument 'n': expected a value in \[1, 12\]"):
        exe(x, 13)


def test_evaluating_a_traced_value_is_a_clear_error():
    def f(x):
        if kiln.sum(x) > 0:  # a Python `if` on a traced value
            return x
        return -x

    with pytest.raises(kiln.KilnException, match="cannot evaluate a tensor that depends on an input of kiln.compile"):
        kiln.compile(f, args=[kiln.InputInfo((2,), kiln.float32)])


def test_error_on_an_operand_made_on_the_same_line_renders():
    with pytest.raises(kiln.KilnException, match="could not broadcast"):
        kiln.compile(lambda x: x + kiln.ones((3,)), args=[kiln.InputInfo((2,), kiln.float32)])
