"""`tensorrt.slice` with run-time start/size/stride operands: the runtime reads
the operand values when the engine runs (the size operand sizes the result),
checked against numpy indexing."""

import numpy as np
import pytest

import kiln._C as _C
from kiln._C import KilnError

PROFILE = "{tensorrt.shape_profile = #tensorrt.shape_profile<min = [1, 1], opt = [4, 4], max = [16, 16]>}"


def _engine(start="%start: tensor<2xi32>", size="%size: tensor<2xi32>", stride="%stride: tensor<2xi32>",
            fill="", mode="", result="tensor<?x?xf32>"):
    args = [f"%x: tensor<?x?xf32> {PROFILE}"]
    for text in (start, size, stride):
        if text.startswith("%"):
            args.append(text.replace(":", "", 1).replace(" tensor", ": tensor", 1))
    attrs = f" {{mode = #tensorrt.slice_mode<{mode}>}}" if mode else ""
    text = (
        f"func.func @main({', '.join(args)}) -> {result} {{\n"
        f"  %r = tensorrt.slice %x[{start}][{size}][{stride}]{fill}{attrs} : tensor<?x?xf32> to {result}\n"
        f"  return %r : {result}\n}}\n"
    )
    return _C.compile(text)


def _i32(*values):
    return np.array(values, np.int32)


@pytest.mark.parametrize(
    "shape,start,size,stride",
    [
        ((5, 6), (1, 2), (3, 2), (1, 1)),
        ((5, 6), (0, 0), (5, 6), (1, 1)),
        ((8, 7), (1, 0), (3, 4), (2, 2)),
        ((4, 9), (3, 8), (4, 3), (-1, -3)),
        ((3, 3), (2, 1), (0, 2), (1, 1)),
        ((1, 16), (0, 15), (1, 16), (1, -1)),
    ],
)
def test_all_operands_at_run_time(shape, start, size, stride):
    x = np.arange(np.prod(shape), dtype=np.float32).reshape(shape)
    got = _engine().run([x, _i32(*start), _i32(*size), _i32(*stride)])[0]
    rows = [start[0] + i * stride[0] for i in range(size[0])]
    cols = [start[1] + j * stride[1] for j in range(size[1])]
    np.testing.assert_array_equal(got, x[np.ix_(rows, cols)] if rows and cols else np.zeros(size, np.float32))


def test_one_engine_many_shapes():
    engine = _engine()
    for n in (2, 7, 16):
        x = np.random.default_rng(n).standard_normal((n, n)).astype(np.float32)
        got = engine.run([x, _i32(1, 0), _i32(n - 1, n), _i32(1, 1)])[0]
        np.testing.assert_array_equal(got, x[1:, :])


def test_static_start_and_stride_with_run_time_size():
    engine = _engine(start="1, 0", stride="1, 1")
    x = np.arange(20, dtype=np.float32).reshape(4, 5)
    np.testing.assert_array_equal(engine.run([x, _i32(3, 5)])[0], x[1:4, :])
    np.testing.assert_array_equal(engine.run([x, _i32(2, 2)])[0], x[1:3, :2])


def test_run_time_start_static_size():
    engine = _engine(size="2, 2", stride="1, 1", result="tensor<2x2xf32>")
    x = np.arange(16, dtype=np.float32).reshape(4, 4)
    for start in [(0, 0), (2, 1), (1, 2)]:
        np.testing.assert_array_equal(engine.run([x, _i32(*start)])[0],
                                      x[start[0]:start[0] + 2, start[1]:start[1] + 2])


def test_fill_mode_with_run_time_start():
    engine = _engine(size="3, 3", stride="1, 1", mode="kFILL", result="tensor<3x3xf32>")
    x = np.arange(4, dtype=np.float32).reshape(2, 2) + 1
    got = engine.run([x, _i32(-1, -1)])[0]
    expected = np.zeros((3, 3), np.float32)
    expected[1:, 1:] = x
    np.testing.assert_array_equal(got, expected)


def test_out_of_bounds_run_time_start_is_an_error():
    engine = _engine(size="2, 2", stride="1, 1", result="tensor<2x2xf32>")
    x = np.zeros((3, 3), np.float32)
    with pytest.raises(KilnError, match="out of bounds for size 3"):
        engine.run([x, _i32(2, 0)])


def test_negative_run_time_size_is_an_error():
    x = np.zeros((3, 3), np.float32)
    with pytest.raises(KilnError, match="negative size -1"):
        _engine().run([x, _i32(0, 0), _i32(-1, 2), _i32(1, 1)])


def test_size_operand_of_wrong_length_is_refused_at_binding():
    engine = _engine(start="0, 0", stride="1, 1")
    with pytest.raises(KilnError, match=r"input 1 \('arg1'\): expected 2xi32, got 3xi32"):
        engine.run([np.zeros((3, 3), np.float32), _i32(1, 1, 1)])
