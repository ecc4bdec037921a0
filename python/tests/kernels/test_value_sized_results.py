"""Results sized by operand values when the engine runs: `shuffle` with a
`dynamic_reshape` operand, `resize_nearest` with an `output_shape` operand and
a dynamic result, `one_hot` whose depth is a run-time value (numpy oracle)."""

import numpy as np
import pytest

import kiln._C as _C
from kiln._C import KilnError

SHUFFLE = """
func.func @main(%x: tensor<?x8xf32> {tensorrt.shape_profile = #tensorrt.shape_profile<min = [1, 8], opt = [2, 8], max = [6, 8]>},
                %s: tensor<3xi32>) -> tensor<?x?x?xf32> {
  %0 = tensorrt.shuffle {first_transpose = array<i64: 1, 0>, second_transpose = array<i64: 0, 2, 1>} ins(%x, %s : tensor<?x8xf32>, tensor<3xi32>) -> tensor<?x?x?xf32>
  return %0 : tensor<?x?x?xf32>
}
"""

RESIZE = """
func.func @main(%x: tensor<2x3xf32>, %s: tensor<2xi32>) -> tensor<?x?xf32> {
  %0 = tensorrt.resize_nearest {
    coordinateTransformation = #tensorrt.resize_coordinate_transformation<kASYMMETRIC>,
    nearestRounding = #tensorrt.resize_round_mode<kFLOOR>,
    selectorForSinglePixel = #tensorrt.resize_selector<kFORMULA>} %x, %s : (tensor<2x3xf32>, tensor<2xi32>) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}
"""

ONE_HOT = """
func.func @main(%i: tensor<4xi32>, %v: tensor<2xf32>, %d: tensor<i32>) -> tensor<4x?xf32> {
  %0 = tensorrt.one_hot {axis = -1 : si64} ins(%i, %v, %d : tensor<4xi32>, tensor<2xf32>, tensor<i32>) -> tensor<4x?xf32>
  return %0 : tensor<4x?xf32>
}
"""


@pytest.mark.parametrize("rows,reshape,expected_middle", [
    (2, (4, 2, 2), (4, 2, 2)),
    (3, (2, -1, 3), (2, 4, 3)),
    (6, (0, 6, 1), (8, 6, 1)),
    (1, (1, 1, 8), (1, 1, 8)),
])
def test_shuffle_with_run_time_reshape(rows, reshape, expected_middle):
    x = np.arange(rows * 8, dtype=np.float32).reshape(rows, 8)
    got = _C.compile(SHUFFLE).run([x, np.array(reshape, np.int32)])[0]
    # Transpose, reshape (0 copies the input dim, -1 is inferred), transpose.
    np.testing.assert_array_equal(got, x.T.reshape(expected_middle).transpose(0, 2, 1))


def test_shuffle_reshape_with_wrong_element_count_is_an_error():
    with pytest.raises(KilnError, match="cannot reshape"):
        _C.compile(SHUFFLE).run([np.zeros((2, 8), np.float32), np.array((3, 3, 3), np.int32)])


@pytest.mark.parametrize("shape", [(4, 6), (2, 3), (6, 9), (1, 1), (3, 5)])
def test_resize_nearest_to_run_time_shape(shape):
    x = np.arange(6, dtype=np.float32).reshape(2, 3)
    got = _C.compile(RESIZE).run([x, np.array(shape, np.int32)])[0]
    # kASYMMETRIC + kFLOOR: source index floor(i * in / out).
    rows = [int(np.floor(i * 2 / shape[0])) for i in range(shape[0])]
    cols = [int(np.floor(j * 3 / shape[1])) for j in range(shape[1])]
    np.testing.assert_array_equal(got, x[np.ix_(rows, cols)])


def test_resize_negative_output_size_is_an_error():
    with pytest.raises(KilnError, match="negative size -4"):
        _C.compile(RESIZE).run([np.zeros((2, 3), np.float32), np.array((2, -4), np.int32)])


@pytest.mark.parametrize("depth", [3, 5, 1, 0])
def test_one_hot_with_run_time_depth(depth):
    ids = np.array([0, 2, -1, 4], np.int32)
    values = np.array([0.5, 7.0], np.float32)
    got = _C.compile(ONE_HOT).run([ids, values, np.array(depth, np.int32)])[0]
    expected = np.full((4, depth), 0.5, np.float32)
    for row, i in enumerate(ids):
        if -depth <= i < depth:
            expected[row, i % depth] = 7.0
    np.testing.assert_array_equal(got, expected)


def test_one_hot_negative_depth_is_an_error():
    with pytest.raises(KilnError, match=r"depth is negative \(-2\)"):
        _C.compile(ONE_HOT).run([np.zeros(4, np.int32), np.zeros(2, np.float32), np.array(-2, np.int32)])
