"""`tensorrt.broadcast` with a run-time `shape` operand: the runtime reads the
shape when the engine runs and sizes the result from it (numpy oracle)."""

import numpy as np
import pytest

import kiln._C as _C
from kiln._C import KilnError

TEXT = """
func.func @main(%x: tensor<?x1xf32> {tensorrt.shape_profile = #tensorrt.shape_profile<min = [1, 1], opt = [2, 1], max = [8, 1]>},
                %s: tensor<3xi32>) -> tensor<?x?x?xf32> {
  %0 = tensorrt.broadcast %x broadcast_dims<0, 2> shape(%s : tensor<3xi32>) : tensor<?x1xf32> to tensor<?x?x?xf32>
  return %0 : tensor<?x?x?xf32>
}
"""


def _expected(x, shape):
    # Operand dims 0 and 1 map to result dims 0 and 2.
    return np.broadcast_to(x[:, None, :], shape)


@pytest.mark.parametrize("rows,shape", [(2, (2, 3, 4)), (1, (5, 2, 1)), (3, (3, 1, 6)), (1, (1, 4, 3)), (4, (4, 0, 2))])
def test_broadcast_to_run_time_shape(rows, shape):
    engine = _C.compile(TEXT)
    x = np.arange(rows, dtype=np.float32).reshape(rows, 1) + 1
    got = engine.run([x, np.array(shape, np.int32)])[0]
    np.testing.assert_array_equal(got, _expected(x, shape))


def test_one_engine_many_shapes():
    engine = _C.compile(TEXT)
    for shape in [(2, 2, 2), (2, 7, 3), (6, 1, 1)]:
        x = np.random.default_rng(shape[1]).standard_normal((shape[0], 1)).astype(np.float32)
        np.testing.assert_array_equal(engine.run([x, np.array(shape, np.int32)])[0], _expected(x, shape))


def test_shape_that_does_not_fit_the_operand_is_an_error():
    engine = _C.compile(TEXT)
    with pytest.raises(KilnError, match=r"operand dimension 0 \(2\) cannot broadcast to result dimension 0 \(3\)"):
        engine.run([np.ones((2, 1), np.float32), np.array((3, 2, 2), np.int32)])


def test_negative_size_is_an_error():
    engine = _C.compile(TEXT)
    with pytest.raises(KilnError, match="negative size -2"):
        engine.run([np.ones((2, 1), np.float32), np.array((2, -2, 2), np.int32)])
