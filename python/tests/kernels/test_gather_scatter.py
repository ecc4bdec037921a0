"""Reference gather / gather_nd / gather_elements / scatter_nd / scatter_elements /
one_hot / shape kernels against numpy and PyTorch."""

import ml_dtypes
import numpy as np
import pytest

from kiln import _C
from _kernel_util import compile_and_run, dtype_params, func, profile, sample, ttype

ALL_TYPES = [np.float32, np.float16, ml_dtypes.bfloat16, np.int8, np.int32, np.int64, np.bool_]
SCATTER_TYPES = [np.float32, np.float16, ml_dtypes.bfloat16, np.int8, np.int32, np.int64]


def gather(data, indices, axis, nbd=0, result_shape=None):
    if result_shape is None:
        result_shape = np.take(data, indices, axis=axis).shape
    res = ttype(result_shape, data.dtype)
    body = (
        f"tensorrt.gather {{axis = {axis} : i64, numBroadcastDims = {nbd} : i64}} "
        f"ins(%a0, %a1 : {ttype(data.shape, data.dtype)}, {ttype(indices.shape, indices.dtype)}) -> {res}"
    )
    text = func([(ttype(data.shape, data.dtype), None), (ttype(indices.shape, indices.dtype), None)], body, res)
    return compile_and_run(text, [data, indices])[0]


# --- gather (kDEFAULT) ------------------------------------------------------


@pytest.mark.parametrize("dtype", dtype_params(ALL_TYPES))
@pytest.mark.parametrize("index_type", [np.int32, np.int64])
def test_gather_dtypes(dtype, index_type):
    data = sample((4, 5, 3), dtype, seed=1)
    indices = np.array([[3, 0], [-1, 2], [1, -5]], index_type)
    out = gather(data, indices, axis=1)
    np.testing.assert_array_equal(out, np.take(data, indices, axis=1))


@pytest.mark.parametrize(
    "shape, ishape, axis",
    [((7,), (), 0), ((7,), (4,), 0), ((3, 4), (2, 3), 0), ((3, 4), (5,), 1), ((2, 3, 4, 5), (2, 2), 3),
     ((2, 3, 4), (0,), 1), ((1, 6), (3, 1), 1), ((2, 3, 4), (2, 1, 2), 2)],
)
def test_gather_shapes(shape, ishape, axis):
    data = sample(shape, np.float32, seed=2)
    rng = np.random.default_rng(3)
    n = shape[axis]
    indices = rng.integers(-n, n, size=ishape).astype(np.int32)
    np.testing.assert_array_equal(gather(data, indices, axis), np.take(data, indices, axis=axis))


@pytest.mark.parametrize("dshape, ishape", [((3, 5, 2), (3, 4)), ((1, 5, 2), (3, 4)), ((3, 5, 2), (1, 4))])
def test_gather_broadcast_dim(dshape, ishape):
    data = sample(dshape, np.float32, seed=4)
    indices = np.random.default_rng(5).integers(-5, 5, size=ishape).astype(np.int64)
    b = max(dshape[0], ishape[0])
    expected = np.stack(
        [np.take(data[0 if dshape[0] == 1 else i], indices[0 if ishape[0] == 1 else i], axis=0) for i in range(b)]
    )
    out = gather(data, indices, axis=1, nbd=1, result_shape=expected.shape)
    np.testing.assert_array_equal(out, expected)


def test_gather_nan_inf_are_copied():
    data = np.array([np.nan, np.inf, -np.inf, 1.0], np.float32)
    indices = np.array([3, 2, 1, 0, 0], np.int32)
    np.testing.assert_array_equal(gather(data, indices, 0), data[indices])


def test_gather_out_of_range_index_is_refused():
    data = sample((4, 3), np.float32)
    with pytest.raises(_C.KilnError, match="index 4 at position 1 is out of bounds for a dimension of size 4"):
        gather(data, np.array([0, 4], np.int32), 0, result_shape=(2, 3))
    with pytest.raises(_C.KilnError, match="index -5"):
        gather(data, np.array([-5], np.int32), 0, result_shape=(1, 3))


def test_gather_dynamic_indices():
    res = "tensor<4x?xf32>"
    body = "tensorrt.gather {axis = 1 : i64} ins(%a0, %a1 : tensor<4x6xf32>, tensor<?xi32>) -> tensor<4x?xf32>"
    text = func([("tensor<4x6xf32>", None), ("tensor<?xi32>", profile("[1]", "[4]", "[16]"))], body, res)
    engine = _C.compile(text)
    data = sample((4, 6), np.float32, seed=6)
    for n in (3, 11):
        idx = np.random.default_rng(n).integers(-6, 6, size=(n,)).astype(np.int32)
        np.testing.assert_array_equal(engine.run([data, idx])[0], np.take(data, idx, axis=1))


# --- gather_nd (kND) --------------------------------------------------------


def gather_nd(data, indices):
    k = indices.shape[-1]
    res_shape = indices.shape[:-1] + data.shape[k:]
    res = ttype(res_shape, data.dtype)
    args = [(ttype(data.shape, data.dtype), None), (ttype(indices.shape, indices.dtype), None)]
    body = f"tensorrt.gather_nd data(%a0) indices(%a1) : ({args[0][0]}, {args[1][0]}) -> {res}"
    return compile_and_run(func(args, body, res), [data, indices])[0]


def numpy_gather_nd(data, indices):
    k = indices.shape[-1]
    flat = indices.reshape(-1, k)
    slices = [data[tuple(t)] for t in flat]
    return np.array(slices, dtype=data.dtype).reshape(indices.shape[:-1] + data.shape[k:])


@pytest.mark.parametrize("dtype", dtype_params(ALL_TYPES))
def test_gather_nd_dtypes(dtype):
    data = sample((4, 3, 5), dtype, seed=7)
    indices = np.array([[0, 2], [3, -1], [-4, 0]], np.int32)
    np.testing.assert_array_equal(gather_nd(data, indices), numpy_gather_nd(data, indices))


@pytest.mark.parametrize(
    "shape, ishape", [((6,), (3, 1)), ((6, 7, 8), (5, 2)), ((6, 7, 8), (2, 2, 3)), ((3, 4), (1,)), ((3, 4), (0, 2))]
)
def test_gather_nd_shapes(shape, ishape):
    data = sample(shape, np.float32, seed=8)
    rng = np.random.default_rng(9)
    k = ishape[-1]
    indices = np.stack([rng.integers(-shape[j], shape[j], size=ishape[:-1]) for j in range(k)], axis=-1)
    indices = indices.reshape(ishape).astype(np.int64)
    np.testing.assert_array_equal(gather_nd(data, indices), numpy_gather_nd(data, indices))


# --- gather_elements (kELEMENT) ---------------------------------------------


def gather_elements(data, indices, axis):
    res = ttype(indices.shape, data.dtype)
    args = [(ttype(data.shape, data.dtype), None), (ttype(indices.shape, indices.dtype), None)]
    body = f"tensorrt.gather_elements {{axis = {axis} : i64}} ins(%a0, %a1 : {args[0][0]}, {args[1][0]}) -> {res}"
    return compile_and_run(func(args, body, res), [data, indices])[0]


@pytest.mark.parametrize("dtype", dtype_params(ALL_TYPES))
def test_gather_elements_dtypes(dtype):
    data = sample((3, 5), dtype, seed=10)
    indices = np.random.default_rng(11).integers(0, 5, size=(3, 4)).astype(np.int32)
    np.testing.assert_array_equal(gather_elements(data, indices, 1), np.take_along_axis(data, indices, axis=1)[:, :4])


@pytest.mark.parametrize(
    "shape, ishape, axis",
    [((5,), (8,), 0), ((4, 3), (2, 3), 0), ((4, 3), (4, 7), 1), ((2, 3, 4), (2, 2, 6), 2), ((2, 3, 4), (1, 5, 2), 1)],
)
def test_gather_elements_vs_torch(shape, ishape, axis):
    torch = pytest.importorskip("torch")
    data = sample(shape, np.float32, seed=12)
    indices = np.random.default_rng(13).integers(0, shape[axis], size=ishape).astype(np.int64)
    expected = torch.gather(torch.from_numpy(data), axis, torch.from_numpy(indices)).numpy()
    np.testing.assert_array_equal(gather_elements(data, indices, axis), expected)


def test_gather_elements_negative_indices():
    data = sample((3, 4), np.float32, seed=14)
    indices = np.array([[-1, 0], [-4, 3], [2, -2]], np.int32)
    expected = np.take_along_axis(data[:, :], np.where(indices < 0, indices + 4, indices), axis=1)
    np.testing.assert_array_equal(gather_elements(data, indices, 1), expected)


# --- scatter_nd / scatter_elements ------------------------------------------


def scatter_nd(data, indices, updates):
    t = ttype(data.shape, data.dtype)
    args = [(t, None), (ttype(indices.shape, indices.dtype), None), (ttype(updates.shape, updates.dtype), None)]
    body = (
        f"tensorrt.scatter_nd data(%a0 : {t}) indices(%a1 : {args[1][0]}) updates(%a2 : {args[2][0]})"
    )
    return compile_and_run(func(args, body, t), [data, indices, updates])[0]


def numpy_scatter_nd(data, indices, updates):
    out = data.copy()
    k = indices.shape[-1]
    flat_updates = updates.reshape((-1,) + data.shape[k:])
    for t, u in zip(indices.reshape(-1, k), flat_updates):
        out[tuple(t)] = u
    return out


@pytest.mark.parametrize("dtype", dtype_params(SCATTER_TYPES))
def test_scatter_nd_dtypes(dtype):
    data = sample((4, 4, 4), dtype, seed=15)
    indices = np.array([[0], [2]], np.int32)
    updates = sample((2, 4, 4), dtype, seed=16)
    np.testing.assert_array_equal(scatter_nd(data, indices, updates), numpy_scatter_nd(data, indices, updates))


@pytest.mark.parametrize(
    "shape, ishape",
    [((8,), (4, 1)), ((4, 5), (3, 2)), ((4, 5, 6), (2, 2)), ((4, 5, 6), (2, 2, 1)), ((4, 5), (0, 2))],
)
def test_scatter_nd_shapes(shape, ishape):
    rng = np.random.default_rng(17)
    k = ishape[-1]
    # Distinct tuples: TensorRT leaves duplicates undefined.
    cells = int(np.prod(shape[:k]))
    count = int(np.prod(ishape[:-1]))
    flat = rng.permutation(cells)[:count]
    tuples = np.stack(np.unravel_index(flat, shape[:k]), axis=-1) - np.array(shape[:k]) * rng.integers(0, 2, size=(count, k))
    indices = tuples.reshape(ishape).astype(np.int64)
    data = sample(shape, np.float32, seed=18)
    updates = sample(ishape[:-1] + shape[k:], np.float32, seed=19)
    np.testing.assert_array_equal(scatter_nd(data, indices, updates), numpy_scatter_nd(data, indices, updates))


def test_scatter_nd_duplicates_last_wins():
    data = np.zeros((3,), np.float32)
    indices = np.array([[1], [1], [-2]], np.int32)
    updates = np.array([5.0, 6.0, 7.0], np.float32)
    np.testing.assert_array_equal(scatter_nd(data, indices, updates), [0.0, 7.0, 0.0])


def scatter_elements(data, indices, updates, axis):
    t = ttype(data.shape, data.dtype)
    args = [(t, None), (ttype(indices.shape, indices.dtype), None), (ttype(updates.shape, updates.dtype), None)]
    body = (
        f"tensorrt.scatter_elements {{axis = {axis} : i64}} data(%a0 : {t}) indices(%a1 : {args[1][0]}) "
        f"updates(%a2 : {args[2][0]})"
    )
    return compile_and_run(func(args, body, t), [data, indices, updates])[0]


@pytest.mark.parametrize("dtype", dtype_params(SCATTER_TYPES))
def test_scatter_elements_dtypes(dtype):
    data = sample((3, 4), dtype, seed=20)
    indices = np.array([[3, 0], [1, 2], [0, 1]], np.int32)
    updates = sample((3, 2), dtype, seed=21)
    expected = data.copy()
    for i in range(3):
        for j in range(2):
            expected[i, indices[i, j]] = updates[i, j]
    np.testing.assert_array_equal(scatter_elements(data, indices, updates, 1), expected)


@pytest.mark.parametrize(
    "shape, ishape, axis", [((6,), (3,), 0), ((5, 4), (2, 4), 0), ((5, 4), (5, 3), 1), ((3, 4, 5), (2, 3, 4), 2), ((3, 4, 5), (3, 2, 5), 1)]
)
def test_scatter_elements_vs_torch(shape, ishape, axis):
    torch = pytest.importorskip("torch")
    rng = np.random.default_rng(22)
    # Unique targets along `axis` per line, so torch's order does not matter.
    perm = np.argsort(rng.random(ishape[:axis] + (shape[axis],) + ishape[axis + 1:]), axis=axis)
    indices = np.take(perm, np.arange(ishape[axis]), axis=axis).astype(np.int64)
    data = sample(shape, np.float32, seed=23)
    updates = sample(ishape, np.float32, seed=24)
    expected = torch.from_numpy(data.copy()).scatter(axis, torch.from_numpy(indices), torch.from_numpy(updates)).numpy()
    np.testing.assert_array_equal(scatter_elements(data, indices, updates, axis), expected)


def test_scatter_elements_put_along_axis_negative_indices():
    data = sample((2, 5), np.float32, seed=25)
    indices = np.array([[-1], [-5]], np.int64)
    updates = np.array([[10.0], [20.0]], np.float32)
    expected = data.copy()
    np.put_along_axis(expected, indices % 5, updates, axis=1)
    np.testing.assert_array_equal(scatter_elements(data, indices, updates, 1), expected)


def test_scatter_elements_duplicates_last_wins():
    data = np.zeros((4,), np.int32)
    indices = np.array([2, 2, 2], np.int32)
    updates = np.array([1, 2, 3], np.int32)
    np.testing.assert_array_equal(scatter_elements(data, indices, updates, 0), [0, 0, 3, 0])


def test_scatter_bad_index_message():
    data = np.zeros((4,), np.float32)
    with pytest.raises(_C.KilnError, match="index 9 at position 0 is out of bounds"):
        scatter_elements(data, np.array([9], np.int32), np.array([1.0], np.float32), 0)


# --- one_hot ----------------------------------------------------------------


def one_hot(indices, values, depth, axis):
    res_shape = list(indices.shape)
    a = axis if axis >= 0 else axis + indices.ndim + 1
    res_shape.insert(a, depth)
    res = ttype(res_shape, values.dtype)
    args = [(ttype(indices.shape, np.int32), None), (ttype((2,), values.dtype), None), ("tensor<i32>", None)]
    body = (
        f"tensorrt.one_hot {{axis = {axis} : si64}} ins(%a0, %a1, %a2 : {args[0][0]}, {args[1][0]}, tensor<i32>) -> {res}"
    )
    return compile_and_run(func(args, body, res), [indices, values, np.array(depth, np.int32)])[0]


def numpy_one_hot(indices, values, depth, axis):
    idx = np.where(indices < 0, indices + depth, indices)
    hot = idx[..., None] == np.arange(depth)
    out = np.where(hot, values[1], values[0]).astype(values.dtype)
    return np.moveaxis(out, -1, axis if axis >= 0 else axis)


@pytest.mark.parametrize("dtype", dtype_params(SCATTER_TYPES))
def test_one_hot_dtypes(dtype):
    indices = np.array([[0, 2, -1], [4, 1, 3]], np.int32)
    values = np.array([-1, 5], dtype)
    np.testing.assert_array_equal(one_hot(indices, values, 5, -1), numpy_one_hot(indices, values, 5, -1))


@pytest.mark.parametrize("shape, axis", [((), 0), ((), -1), ((6,), 0), ((6,), 1), ((6,), -2), ((2, 3), 1), ((2, 3), -3), ((2, 3), 2)])
def test_one_hot_axes(shape, axis):
    indices = np.random.default_rng(26).integers(-4, 4, size=shape).astype(np.int32)
    values = np.array([0.5, 2.0], np.float32)
    out = one_hot(indices, values, 4, axis)
    a = axis if axis >= 0 else axis + len(shape) + 1
    np.testing.assert_array_equal(out, numpy_one_hot(indices, values, 4, a))


def test_one_hot_out_of_range_is_all_off():
    indices = np.array([5, -6, 2], np.int32)
    values = np.array([0, 1], np.int32)
    np.testing.assert_array_equal(one_hot(indices, values, 3, -1), [[0, 0, 0], [0, 0, 0], [0, 0, 1]])


def test_one_hot_matches_torch():
    torch = pytest.importorskip("torch")
    indices = np.random.default_rng(27).integers(0, 7, size=(3, 4)).astype(np.int32)
    expected = torch.nn.functional.one_hot(torch.from_numpy(indices).long(), 7).numpy().astype(np.int64)
    np.testing.assert_array_equal(one_hot(indices, np.array([0, 1], np.int64), 7, -1), expected)


def test_one_hot_depth_mismatch_is_refused():
    text = func(
        [("tensor<3xi32>", None), ("tensor<2xf32>", None), ("tensor<i32>", None)],
        "tensorrt.one_hot {axis = -1 : si64} ins(%a0, %a1, %a2 : tensor<3xi32>, tensor<2xf32>, tensor<i32>) -> tensor<3x4xf32>",
        "tensor<3x4xf32>",
    )
    engine = _C.compile(text)
    with pytest.raises(_C.KilnError, match="should have shape \\[3, 5\\]"):
        engine.run([np.zeros(3, np.int32), np.zeros(2, np.float32), np.array(5, np.int32)])


# --- shape ------------------------------------------------------------------


@pytest.mark.parametrize("shape", [(7,), (2, 3), (1, 0, 4), (2, 3, 4, 5)])
@pytest.mark.parametrize("dtype", [np.float32, np.int8, np.bool_], ids=lambda t: np.dtype(t).name)
def test_shape(shape, dtype):
    t = ttype(shape, dtype)
    res = f"tensor<{len(shape)}xi32>"
    text = func([(t, None)], f"tensorrt.shape %a0 : {t} -> {res}", res)
    out = compile_and_run(text, [sample(shape, dtype)])[0]
    assert out.dtype == np.int32
    np.testing.assert_array_equal(out, shape)


def test_shape_of_dynamic_input():
    text = func(
        [("tensor<?x3x?xf32>", profile("[1, 3, 1]", "[2, 3, 4]", "[8, 3, 8]"))],
        "tensorrt.shape %a0 : tensor<?x3x?xf32> -> tensor<3xi32>",
        "tensor<3xi32>",
    )
    engine = _C.compile(text)
    for shape in [(2, 3, 4), (7, 3, 1)]:
        np.testing.assert_array_equal(engine.run([np.zeros(shape, np.float32)])[0], shape)
