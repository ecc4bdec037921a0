"""Reference padding kernel (zero padding, negative = crop) against np.pad."""

import numpy as np
import pytest

from kiln import _C
from _kernel_util import compile_and_run, func, profile, sample, ttype

TYPES = [np.float32, np.float16, np.int8, np.int32]


def expected_padding(x, pre, post):
    out = x
    for j, (a, b) in enumerate(zip(pre, post)):
        axis = x.ndim - len(pre) + j
        width = [(0, 0)] * x.ndim
        width[axis] = (max(a, 0), max(b, 0))
        out = np.pad(out, width)
        index = [slice(None)] * x.ndim
        index[axis] = slice(-min(a, 0), out.shape[axis] + min(b, 0))
        out = out[tuple(index)]
    return out


def padding(x, pre, post, arg_type=None, attr=None):
    expected_shape = expected_padding(x, pre, post).shape
    res = ttype(expected_shape, x.dtype)
    t = arg_type or ttype(x.shape, x.dtype)
    if arg_type:
        res = ttype([None if s is None else e for s, e in zip(parse_dims(arg_type), expected_shape)], x.dtype)
    body = (
        f"tensorrt.padding {{prePadding = array<i64: {', '.join(map(str, pre))}>, "
        f"postPadding = array<i64: {', '.join(map(str, post))}>}} ins(%a0 : {t}) -> {res}"
    )
    return compile_and_run(func([(t, attr)], body, res), [x])[0]


def parse_dims(t):
    dims = t[len("tensor<"):-1].split("x")[:-1]
    return [None if d == "?" else int(d) for d in dims]


@pytest.mark.parametrize("dtype", TYPES, ids=lambda t: np.dtype(t).name)
@pytest.mark.parametrize(
    "pre, post",
    [((0, 0), (0, 0)), ((1, 2), (3, 0)), ((2, 2), (2, 2)), ((-1, 0), (0, -2)), ((2, -1), (-1, 3)), ((-3, -1), (-1, -1))],
)
def test_padding(dtype, pre, post):
    x = sample((2, 3, 5, 4), dtype, seed=1)
    np.testing.assert_array_equal(padding(x, pre, post), expected_padding(x, pre, post))


@pytest.mark.parametrize("shape", [(1, 1, 1, 1), (2, 1, 3, 3, 2), (1, 2, 0, 3)])
def test_padding_shapes(shape):
    x = sample(shape, np.float32, seed=2)
    np.testing.assert_array_equal(padding(x, (1, 1), (2, 0)), expected_padding(x, (1, 1), (2, 0)))


def test_padding_crop_to_empty():
    x = sample((1, 1, 3, 4), np.float32, seed=3)
    np.testing.assert_array_equal(padding(x, (-2, 0), (-1, 0)), np.zeros((1, 1, 0, 4), np.float32))


def test_padding_matches_torch():
    torch = pytest.importorskip("torch")
    x = sample((2, 3, 5, 6), np.float32, seed=4)
    # F.pad takes (left, right, top, bottom) for the last two dims; negative crops.
    expected = torch.nn.functional.pad(torch.from_numpy(x), (2, -1, -1, 3)).numpy()
    np.testing.assert_array_equal(padding(x, (-1, 2), (3, -1)), expected)


def test_padding_keeps_nan_inf():
    x = np.full((1, 1, 2, 2), np.nan, np.float32)
    x[0, 0, 1, 1] = np.inf
    np.testing.assert_array_equal(padding(x, (1, 0), (0, 1)), expected_padding(x, (1, 0), (0, 1)))


def test_padding_dynamic():
    t = "tensor<?x3x?x4xf32>"
    body = "tensorrt.padding {prePadding = array<i64: 1, -1>, postPadding = array<i64: 2, 1>} ins(%a0 : tensor<?x3x?x4xf32>) -> tensor<?x3x?x4xf32>"
    text = func([(t, profile("[1, 3, 1, 4]", "[2, 3, 5, 4]", "[4, 3, 9, 4]"))], body, t)
    engine = _C.compile(text)
    for shape in [(2, 3, 5, 4), (4, 3, 1, 4)]:
        x = sample(shape, np.float32, seed=5)
        np.testing.assert_array_equal(engine.run([x])[0], expected_padding(x, (1, -1), (2, 1)))
