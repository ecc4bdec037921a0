"""The MLIR text the frontend emits (no compiler needed)."""

import re

import numpy as np

import kiln
from kiln.trace import lower


def test_ops_carry_user_locations():
    x = kiln.Tensor([[1.0, 2.0, 3.0]])
    y = kiln.relu(x) + 1.0
    text = lower([y._trace]).mlir
    assert 'loc("' in text and "test_mlir.py" in text
    for line in text.splitlines():
        if "tensorrt." in line:
            assert re.search(r'loc\(".*test_mlir\.py":\d+:\d+\)$', line), line


def test_large_constants_are_hex():
    w = kiln.Tensor(np.arange(64, dtype=np.float32).reshape(8, 8))
    text = lower([(w * 2.0)._trace]).mlir
    assert 'dense<"0x000000000000803F' in text  # 0.0f then 1.0f, little-endian
    assert "dense<2.0> : tensor<1x1xf32>" in text


def test_eager_lowering_passes_data_as_arguments():
    a = kiln.Tensor(np.ones((2, 2), np.float32))
    b = kiln.Tensor(np.zeros((2, 2), np.float32))
    fn = lower([(a @ b)._trace], constants_as_arguments=True)
    assert "tensorrt.constant" not in fn.mlir
    assert fn.mlir.startswith("func.func @main(%arg0: tensor<2x2xf32>")
    assert len(fn.arguments) == 2


def test_rank_alignment_uses_expand_rank():
    text = lower([(kiln.ones((2, 3)) + kiln.ones((3,)))._trace]).mlir
    assert '"tensorrt.expand_rank"(%1) : (tensor<3xf32>) -> (tensor<1x3xf32>)' in text
    assert '"tensorrt.element_wise"(%0, %2) <{elementwiseOperation = #tensorrt.element_wise_operation<kSUM>}>' in text


def test_transpose_prints_affine_map():
    text = lower([kiln.permute(kiln.ones((2, 3, 4)), (2, 0, 1))._trace]).mlir
    assert "permutation = affine_map<(d0, d1, d2) -> (d2, d0, d1)>" in text


def test_compile_mlir_is_reachable_from_the_package():
    import numpy as np

    import kiln

    exe = kiln.compiler.compile_mlir(
        """func.func @main(%a: tensor<3xf32>) -> tensor<3xf32> {
  %0 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kABS>} %a : tensor<3xf32>
  return %0 : tensor<3xf32>
}"""
    )
    out = exe(np.array([-1.0, 2.0, -3.0], np.float32))
    np.testing.assert_array_equal(np.asarray(out), [1.0, 2.0, 3.0])
