"""kiln.compile / kiln.Executable: agreement with eager mode, save/load,
input validation."""

import os

import numpy as np
import pytest

import kiln
from conftest import next_line, random

THIS_FILE = os.path.basename(__file__)


def mlp(x, w1, w2):
    return kiln.softmax(kiln.relu(x @ w1) @ w2, dim=-1)


def make_exe():
    w1 = kiln.Tensor(random((8, 16), seed=40))
    w2 = kiln.Tensor(random((16, 4), seed=41))
    return kiln.compile(lambda x: mlp(x, w1, w2), args=[kiln.InputInfo((3, 8), kiln.float32)]), w1, w2


def test_compiled_matches_eager():
    exe, w1, w2 = make_exe()
    x = random((3, 8), seed=42)
    compiled = exe(x)
    eager = mlp(kiln.Tensor(x), w1, w2)
    assert isinstance(compiled, kiln.Tensor)
    np.testing.assert_allclose(compiled.numpy(), eager.numpy(), rtol=1e-5, atol=1e-6)


def test_accepts_tensors_and_keywords():
    def add(a, b):
        return a + b

    exe = kiln.compile(add, args=[kiln.InputInfo((2,), kiln.float32), kiln.InputInfo((2,), kiln.float32)])
    assert exe(kiln.Tensor([1.0, 2.0]), kiln.Tensor([3.0, 4.0])).tolist() == [4.0, 6.0]
    assert exe(np.ones(2, np.float32), b=np.ones(2, np.float32)).tolist() == [2.0, 2.0]
    assert list(exe.input_infos) == ["a", "b"]


def test_non_inputinfo_arguments_are_constants():
    def scale(x, factor):
        return x * factor

    exe = kiln.compile(scale, args=[kiln.InputInfo((3,), kiln.float32), 2.5])
    assert exe(np.array([1, 2, 4], np.float32)).tolist() == [2.5, 5.0, 10.0]
    assert len(exe.input_infos) == 1


def test_multiple_outputs():
    exe = kiln.compile(lambda x: (x + 1, kiln.sum(x, dim=0)), args=[kiln.InputInfo((2, 2), kiln.int32)])
    a, b = exe(np.array([[1, 2], [3, 4]], np.int32))
    assert a.tolist() == [[2, 3], [4, 5]]
    assert b.tolist() == [4, 6]


def test_save_load_roundtrip(tmp_path):
    exe, _, _ = make_exe()
    path = tmp_path / "mlp.kiln"
    exe.save(str(path))
    loaded = kiln.Executable.load(str(path))
    x = random((3, 8), seed=43)
    np.testing.assert_array_equal(loaded(x).numpy(), exe(x).numpy())
    assert [(i.shape, i.dtype) for i in loaded.input_infos.values()] == [((3, 8), kiln.float32)]


def test_load_refuses_bad_files(tmp_path):
    garbage = tmp_path / "garbage.kiln"
    garbage.write_bytes(b"definitely not an engine" * 10)
    with pytest.raises(kiln.KilnException, match="could not load the engine file"):
        kiln.Executable.load(str(garbage))

    exe, _, _ = make_exe()
    good = tmp_path / "good.kiln"
    exe.save(str(good))
    data = bytearray(good.read_bytes())
    data[len(data) // 2] ^= 0xFF  # corrupt the payload: the checksum must catch it
    corrupt = tmp_path / "corrupt.kiln"
    corrupt.write_bytes(bytes(data))
    with pytest.raises(kiln.KilnException, match="could not load"):
        kiln.Executable.load(str(corrupt))

    truncated = tmp_path / "truncated.kiln"
    truncated.write_bytes(good.read_bytes()[:40])
    with pytest.raises(kiln.KilnException):
        kiln.Executable.load(str(truncated))

    with pytest.raises(kiln.KilnException):
        kiln.Executable.load(str(tmp_path / "missing.kiln"))


def test_wrong_input_count():
    exe, _, _ = make_exe()
    x = random((3, 8))
    with pytest.raises(kiln.KilnException) as info:
        line = next_line()
        exe(x, x)
    message = str(info.value)
    assert "wrong number of inputs to the executable: expected 1 (x), got 2" in message
    assert f'{THIS_FILE}", line {line}' in message


def test_wrong_input_shape():
    exe, _, _ = make_exe()
    with pytest.raises(kiln.KilnException) as info:
        line = next_line()
        exe(random((8, 3)))
    message = str(info.value)
    assert "argument 'x': wrong shape: expected (3, 8), got (8, 3)" in message
    assert f"line {line}" in message and "exe(random((8, 3)))" in message


def test_wrong_input_dtype():
    exe, _, _ = make_exe()
    with pytest.raises(kiln.KilnException, match=r"argument 'x': wrong dtype: expected float32, got int32"):
        exe(np.zeros((3, 8), np.int32))


def test_input_info_bounds():
    info = kiln.InputInfo(((1, 2, 4), 8), kiln.float32)
    assert info.shape_bounds == kiln.Bounds((1, 8), (2, 8), (4, 8)) and info.shape == (None, 8)
    assert kiln.InputInfo(((2, 2, 2), 8), kiln.float32).shape == (2, 8)
    with pytest.raises(kiln.KilnException, match="expected 0 <= min <= opt <= max"):
        kiln.InputInfo(((4, 2, 1), 8), kiln.float32)


def test_non_contiguous_input_is_accepted():
    exe = kiln.compile(lambda x: x * 2, args=[kiln.InputInfo((3, 2), kiln.float32)])
    x = random((2, 3)).T  # Fortran-ordered view
    np.testing.assert_allclose(exe(x).numpy(), x * 2)


def test_function_must_return_tensors():
    with pytest.raises(kiln.KilnException, match="expected the function to return a kiln.Tensor"):
        kiln.compile(lambda x: 3, args=[kiln.InputInfo((2,), kiln.float32)])


def test_python_programs_are_folded_and_simplified():
    # The compiler runs one pipeline for every input: `1 + 2` on constants
    # folds, `maximum(x, 0)` becomes one relu step, so the engine has two
    # steps (relu, then the product) for the three element-wise ops traced.
    def f(x):
        three = kiln.Tensor(np.ones(4, np.float32)) + kiln.Tensor(np.full(4, 2.0, np.float32))
        return kiln.maximum(x, kiln.Tensor(np.zeros(4, np.float32))) * three

    exe = kiln.compile(f, args=[kiln.InputInfo((4,), kiln.float32)])
    assert exe.mlir.count("element_wise_operation<") == 3
    assert exe._engine.num_steps == 2
    x = np.array([-1.0, 0.5, 2.0, -3.0], np.float32)
    np.testing.assert_array_equal(exe(x).numpy(), np.maximum(x, 0) * 3)
