"""Result types come from the dialect's type inference, through the
extension (kiln._C.infer_result_types), not from shape rules in Python."""

import pytest

import kiln
from kiln import _C
from kiln.trace import lower


def test_binding_infers_broadcast_result():
    ok, types, diagnostics = _C.infer_result_types(
        "tensorrt.element_wise",
        ["tensor<2x1xf32>", "tensor<1x3xf32>"],
        "{elementwiseOperation = #tensorrt.element_wise_operation<kSUM>}",
    )
    assert ok and types == ["tensor<2x3xf32>"] and diagnostics == ""


def test_binding_keeps_dynamic_dimensions():
    ok, types, _ = _C.infer_result_types(
        "tensorrt.matrix_multiply",
        ["tensor<?x4xf32>", "tensor<4x3xf32>"],
        "{op0 = #tensorrt.matrix_operation<kNONE>, op1 = #tensorrt.matrix_operation<kNONE>}",
    )
    assert ok and types == ["tensor<?x3xf32>"]


def test_binding_completes_shape_only_inference_with_an_element_type():
    assert _C.infer_result_types("tensorrt.cast", ["tensor<2xf32>"], "", "i32") == (True, ["tensor<2xi32>"], "")


@pytest.mark.parametrize(
    "name, operands, attributes, message",
    [
        ("tensorrt.nope", ["tensor<2xf32>"], "", "unknown operation 'tensorrt.nope'"),
        ("tensorrt.unary", ["tensor<2xf32"], "", "invalid operand type"),
        ("tensorrt.unary", ["tensor<2xf32>"], "{unaryOperation = 3", "invalid attribute dictionary"),
        ("tensorrt.unary", ["tensor<2xf32>"], "", "unaryOperation"),
        (
            "tensorrt.element_wise",
            ["tensor<2x2xf32>", "tensor<1x3xf32>"],
            "{elementwiseOperation = #tensorrt.element_wise_operation<kSUM>}",
            "to broadcast with size 2",
        ),
    ],
)
def test_binding_reports_why(name, operands, attributes, message):
    ok, types, diagnostics = _C.infer_result_types(name, operands, attributes)
    assert not ok and types == [] and message in diagnostics, diagnostics


def test_traced_types_are_the_compilers():
    y = kiln.ones((4, 1)) + kiln.ones((1, 5))
    assert y.shape == (4, 5)
    values, indices = kiln.topk(kiln.ones((3, 6)), k=2, dim=1)
    assert values.shape == indices.shape == (3, 2) and indices.dtype == kiln.int32


def test_one_generic_printer_for_every_op():
    text = lower([kiln.softmax(kiln.ones((2, 3)) * 2.0, dim=1)._trace]).mlir
    body = [line.strip() for line in text.splitlines()[1:-2]]
    assert body and all(line.split(" = ", 1)[1].startswith('"tensorrt.') for line in body), text
    assert '"tensorrt.softmax"(%2) <{axis = 1 : i64}> : (tensor<2x3xf32>) -> (tensor<2x3xf32>)' in text


def test_multi_result_ops_print_indexed_results():
    values, indices = kiln.topk(kiln.Tensor([3.0, 1.0, 2.0]), k=2, dim=0)
    text = lower([values._trace, indices._trace]).mlir
    assert "%1:2 = \"tensorrt.top_k\"" in text and "return %1#0, %1#1" in text
    assert values.tolist() == [3.0, 2.0] and indices.tolist() == [0, 2]


def test_dialect_refusal_points_at_the_user_line():
    from kiln.ops import _utils
    from kiln.trace import ops as trace_ops

    with pytest.raises(kiln.KilnException) as info:
        _utils.make(trace_ops.ElementWise, [kiln.ones((2, 2)), kiln.ones((1, 3))], "my_op", kind="kSUM")
    message = str(info.value)
    assert message.startswith("my_op: invalid operands: 'tensorrt.element_wise' op expected dimension 1")
    assert "test_type_inference.py" in message and "^^^" in message


def test_tensor_methods_are_registered_by_the_op_modules():
    from kiln.ops._registry import TENSOR_METHODS

    for name in ("__add__", "__matmul__", "__getitem__", "reshape", "transpose", "shape", "cast", "__invert__"):
        assert name in TENSOR_METHODS
        assert hasattr(kiln.Tensor, name)
    import kiln.tensor as tensor_module

    source = open(tensor_module.__file__).read()
    assert "kiln.ops" not in source.replace("kiln.ops._registry", "")
