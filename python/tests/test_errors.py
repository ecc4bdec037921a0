"""Frontend and compiler errors point at the user's line."""

import os

import numpy as np
import pytest

import kiln
from conftest import next_line

THIS_FILE = os.path.basename(__file__)


def assert_points_here(message: str, line: int, code: str):
    assert f'{THIS_FILE}", line {line}' in message, message
    assert code in message, message
    caret_line = message.splitlines()[[i for i, l in enumerate(message.splitlines()) if code in l][0] + 1]
    assert "^" in caret_line, message


def test_matmul_shape_mismatch():
    a, b = kiln.ones((2, 3)), kiln.ones((4, 5))
    with pytest.raises(kiln.KilnException) as info:
        line = next_line()
        c = a @ b
    message = str(info.value)
    assert "shape mismatch in matrix multiply" in message
    assert "got (2, 3) @ (4, 5) (3 != 4)" in message
    assert_points_here(message, line, "c = a @ b")
    # The caret sits under `a @ b`, not under `c =`.
    lines = message.splitlines()
    code_index = [i for i, l in enumerate(lines) if "c = a @ b" in l][0]
    assert lines[code_index + 1].index("^") == lines[code_index].index("a @ b")
    assert lines[code_index + 1].count("^") == len("a @ b")


def test_bad_broadcast():
    a, b = kiln.ones((2, 3)), kiln.ones((4,))
    with pytest.raises(kiln.KilnException) as info:
        line = next_line()
        a + b
    message = str(info.value)
    assert "could not broadcast shapes (2, 3) and (4,)" in message
    assert "expected each dimension to be equal or 1, got 3 vs 4" in message
    assert_points_here(message, line, "a + b")


def test_bad_dim():
    x = kiln.ones((2, 3))
    with pytest.raises(kiln.KilnException) as info:
        line = next_line()
        kiln.softmax(x, dim=2)
    message = str(info.value)
    assert "dimension out of range: expected dim in [-2, 1] for a tensor of rank 2, got 2" in message
    assert_points_here(message, line, "kiln.softmax(x, dim=2)")


def test_dtype_mismatch():
    with pytest.raises(kiln.KilnException, match="expected operands of the same dtype, got float32, int32"):
        kiln.ones((2,)) + kiln.ones((2,), dtype=kiln.int32)


def test_reshape_size_mismatch():
    with pytest.raises(kiln.KilnException, match=r"expected the new shape to hold 6 elements .* got \(4, 2\)"):
        kiln.reshape(kiln.ones((2, 3)), (4, 2))


def test_squeeze_non_unit_dim():
    with pytest.raises(kiln.KilnException, match="expected dimension 0 to have size 1, got 2"):
        kiln.squeeze(kiln.ones((2, 3)), 0)


def test_index_out_of_range():
    with pytest.raises(kiln.KilnException, match=r"expected an index in \[-3, 2\] .* got 3"):
        kiln.ones((3,))[3]


def test_error_inside_module_points_at_forward():
    class Bad(kiln.Module):
        def __init__(self):
            super().__init__()
            self.w = kiln.ones((5, 5))

        def forward(self, x):
            return x @ self.w

    with pytest.raises(kiln.KilnException) as info:
        Bad()(kiln.ones((2, 3)))
    assert "return x @ self.w" in str(info.value)
    assert "note: the operand" in str(info.value)


def test_error_during_compile_points_at_user_code():
    def f(x):
        return x + kiln.ones((7,))

    with pytest.raises(kiln.KilnException) as info:
        kiln.compile(f, args=[kiln.InputInfo((2, 3), kiln.float32)])
    assert "return x + kiln.ones((7,))" in str(info.value)


def test_int_matmul_rejected():
    with pytest.raises(kiln.KilnException, match="expected a tensor of dtype float32 or float16 or bfloat16, got int32"):
        kiln.Tensor([[1, 2]]) @ kiln.Tensor([[1], [2]])


def test_native_compile_error_has_diagnostics():
    from kiln import _C

    with pytest.raises(_C.CompileError) as info:
        _C.compile('func.func @main(%a: tensor<2xf32>) -> tensor<2xf32> {\n  %0 = "not.an_op"(%a) : (tensor<2xf32>) -> tensor<2xf32>\n  return %0 : tensor<2xf32>\n}\n', "bad.mlir")
    assert "bad.mlir:2" in str(info.value)
    assert issubclass(_C.CompileError, _C.KilnError)


def test_compiler_diagnostic_carries_user_location():
    # Hand-built trace with a deliberately invalid op, so the compiler (not the
    # frontend) rejects it; its diagnostic must name this file and line.
    from kiln.ops import _utils
    from kiln.trace import ops as trace_ops

    x = kiln.ones((2, 3))
    line = next_line()
    bad = _utils.make(trace_ops.Softmax, [x], result=((2, 3), kiln.float32), axis=7)
    with pytest.raises(kiln.KilnException) as info:
        bad.numpy()
    message = str(info.value)
    assert "the Kiln compiler rejected the traced program" in message
    assert f"{THIS_FILE}:{line}:" in message, message


def test_invalid_op_is_refused_while_tracing_at_the_user_line():
    from kiln.ops import _utils
    from kiln.trace import ops as trace_ops

    x = kiln.ones((2, 3))
    with pytest.raises(kiln.KilnException) as info:
        line = next_line()
        _utils.make(trace_ops.Softmax, [x], "softmax", axis=7)
    message = str(info.value)
    assert message.startswith("softmax: invalid operands:") and f"line {line}" in message, message


def test_compile_mlir_missing_file_is_named():
    with pytest.raises(kiln.KilnException, match="no such file: 'typo.mlir'"):
        kiln.compiler.compile_mlir("typo.mlir")


def test_save_to_a_bad_path_is_a_kiln_exception(tmp_path):
    exe = kiln.compile(lambda x: x + 1.0, args=[kiln.InputInfo((1,), kiln.float32)])
    with pytest.raises(kiln.KilnException, match="could not save the executable"):
        exe.save(str(tmp_path / "missing-dir" / "f.kiln"))
