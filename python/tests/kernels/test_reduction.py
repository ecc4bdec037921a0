"""top_k, argmin and argmax reference kernels against numpy and PyTorch.

Order: best first; equal values keep input order (stable), so argmin/argmax
give the first occurrence; NaN counts as the best value for kMAX and kMIN.
"""

import numpy as np
import pytest

from _fn import NP, function, run, compile_text, to_bf16, ttype

FLOATS = ["f32", "f16", "bf16"]
ALL = FLOATS + ["i32", "i64"]


def make(shape, elem, seed, ties=False):
    rng = np.random.default_rng(seed)
    if elem in ("i32", "i64") or ties:
        x = rng.integers(-4, 5, size=shape)
    else:
        x = rng.uniform(-10, 10, size=shape)
    x = x.astype(NP.get(elem, np.float32))
    return to_bf16(x) if elem == "bf16" else x


def expected_top_k(x, k, axis, largest):
    key = x.astype(np.float64)
    key = np.where(np.isnan(key), -np.inf if largest else np.inf, -key if largest else key)
    # NaN is the best value: map it before everything else.
    key = np.where(np.isnan(x.astype(np.float64)), -np.inf, key)
    order = np.argsort(key, axis=axis, kind="stable")
    idx = np.take(order, np.arange(k), axis=axis)
    return np.take_along_axis(x, idx, axis=axis), idx.astype(np.int32)


def top_k_text(shape, elem, k, axis, op):
    out = list(shape)
    out[axis] = k
    line = (f"%v, %i = tensorrt.top_k <{op}> {{k = {k} : i64, axis = {axis} : i64}} %a0 : "
            f"{ttype(shape, elem)} -> {ttype(out, elem)}, {ttype(out, 'i32')}")
    return function([(shape, elem)], [(out, elem), (out, "i32")], [line], ["%v", "%i"])


@pytest.mark.parametrize("elem", ALL)
@pytest.mark.parametrize("op", ["kMAX", "kMIN"])
@pytest.mark.parametrize("shape, k, axis", [((7,), 3, 0), ((4, 9), 4, 1), ((5, 3, 6), 2, 0), ((2, 5, 4), 5, 1)])
def test_top_k(elem, op, shape, k, axis):
    x = make(shape, elem, seed=sum(shape) + k, ties=(axis == 1))
    values, indices = run(top_k_text(shape, elem, k, axis, op), [x])
    want_v, want_i = expected_top_k(x, k, axis, op == "kMAX")
    np.testing.assert_array_equal(indices, want_i)
    np.testing.assert_array_equal(values, want_v)


@pytest.mark.parametrize("elem", FLOATS)
def test_top_k_matches_torch_values(elem):
    torch = pytest.importorskip("torch")
    x = make((6, 11), elem, seed=3)
    values, indices = run(top_k_text((6, 11), elem, 4, 1, "kMAX"), [x])
    ref = torch.topk(torch.from_numpy(x.astype(np.float32)), 4, dim=1)
    np.testing.assert_array_equal(values.astype(np.float32), ref.values.numpy())
    np.testing.assert_array_equal(indices, ref.indices.numpy())


def test_top_k_ties_keep_input_order():
    x = np.array([[2, 7, 7, 1, 7, 2]], np.float32)
    v, i = run(top_k_text((1, 6), "f32", 4, 1, "kMAX"), [x])
    assert i.tolist() == [[1, 2, 4, 0]] and v.tolist() == [[7, 7, 7, 2]]
    v, i = run(top_k_text((1, 6), "f32", 3, 1, "kMIN"), [x])
    assert i.tolist() == [[3, 0, 5]] and v.tolist() == [[1, 2, 2]]


@pytest.mark.parametrize("op", ["kMAX", "kMIN"])
def test_top_k_nan_and_inf(op):
    x = np.array([1.0, np.nan, -np.inf, np.inf, np.nan], np.float32)
    v, i = run(top_k_text((5,), "f32", 4, 0, op), [x])
    if op == "kMAX":
        assert i.tolist() == [1, 4, 3, 0]
    else:
        assert i.tolist() == [1, 4, 2, 0]
    np.testing.assert_array_equal(v, x[i])


def test_top_k_k_equals_axis_size_sorts():
    x = make((3, 4), "f32", seed=9)
    v, i = run(top_k_text((3, 4), "f32", 4, 1, "kMIN"), [x])
    np.testing.assert_array_equal(v, np.sort(x, axis=1))


def test_top_k_empty_batch():
    x = np.zeros((0, 5), np.float32)
    v, i = run(top_k_text((0, 5), "f32", 2, 1, "kMAX"), [x])
    assert v.shape == (0, 2) and i.shape == (0, 2)


def arg_text(which, shape, elem, axis):
    out = list(shape)
    out[axis] = 1
    line = (f"%v, %i = tensorrt.{which} {{axis = {axis} : i64}} %a0 : "
            f"{ttype(shape, elem)} -> {ttype(out, elem)}, {ttype(out, 'i32')}")
    return function([(shape, elem)], [(out, elem), (out, "i32")], [line], ["%v", "%i"])


@pytest.mark.parametrize("elem", ALL)
@pytest.mark.parametrize("which", ["argmin", "argmax"])
@pytest.mark.parametrize("shape, axis", [((9,), 0), ((4, 6), 0), ((4, 6), 1), ((3, 1, 5), 1), ((2, 3, 5), 2)])
def test_argmin_argmax(elem, which, shape, axis):
    x = make(shape, elem, seed=len(shape) * 10 + axis, ties=True)
    v, i = run(arg_text(which, shape, elem, axis), [x])
    want = getattr(np, which)(x, axis=axis)
    np.testing.assert_array_equal(i, np.expand_dims(want, axis).astype(np.int32))
    np.testing.assert_array_equal(v, np.take_along_axis(x, i.astype(np.int64), axis=axis))


@pytest.mark.parametrize("which", ["argmin", "argmax"])
def test_argmin_argmax_nan_like_numpy_and_torch(which):
    torch = pytest.importorskip("torch")
    x = np.array([[3.0, np.nan, -1.0, np.nan], [0.5, 2.0, 2.0, -7.0]], np.float32)
    v, i = run(arg_text(which, (2, 4), "f32", 1), [x])
    want = getattr(np, which)(x, axis=1)
    np.testing.assert_array_equal(i[:, 0], want)
    np.testing.assert_array_equal(i[:, 0], getattr(torch, which)(torch.from_numpy(x), dim=1).numpy())


def test_top_k_dynamic_batch():
    text = function(
        [((None, 6), "f32")], [((None, 2), "f32"), ((None, 2), "i32")],
        ["%v, %i = tensorrt.top_k <kMAX> {k = 2 : i64, axis = 1 : i64} %a0 : "
         "tensor<?x6xf32> -> tensor<?x2xf32>, tensor<?x2xi32>"],
        ["%v", "%i"], profiles={0: ([1, 6], [4, 6], [8, 6])})
    engine = compile_text(text)
    for rows in (3, 8):
        x = make((rows, 6), "f32", seed=rows)
        v, i = engine.run([x])
        want_v, want_i = expected_top_k(x, 2, 1, True)
        np.testing.assert_array_equal(i, want_i)
        np.testing.assert_array_equal(v, want_v)


def test_argmax_dynamic_axis_length():
    text = function(
        [((None, None), "f32")], [((None, 1), "f32"), ((None, 1), "i32")],
        ["%v, %i = tensorrt.argmax {axis = 1 : i64} %a0 : tensor<?x?xf32> -> tensor<?x1xf32>, tensor<?x1xi32>"],
        ["%v", "%i"], profiles={0: ([1, 1], [2, 8], [4, 16])})
    engine = compile_text(text)
    for n in (1, 13):
        x = make((2 + n % 2, n), "f32", seed=n)
        _, i = engine.run([x])
        np.testing.assert_array_equal(i[:, 0], np.argmax(x, axis=1))


def test_top_k_rejects_k_larger_than_axis():
    import kiln._C
    with pytest.raises(kiln._C.CompileError, match="k"):
        compile_text(top_k_text((2, 3), "f32", 4, 1, "kMAX"))


def test_top_k_dynamic_axis_shorter_than_k_is_refused():
    text = function(
        [((None, None), "f32")], [((None, 3), "f32"), ((None, 3), "i32")],
        ["%v, %i = tensorrt.top_k <kMIN> {k = 3 : i64, axis = 1 : i64} %a0 : "
         "tensor<?x?xf32> -> tensor<?x3xf32>, tensor<?x3xi32>"],
        ["%v", "%i"], profiles={0: ([1, 1], [2, 8], [4, 16])})
    engine = compile_text(text)
    with pytest.raises(Exception, match="k = 3 exceeds dimension 1"):
        engine.run([np.zeros((2, 2), np.float32)])


def test_argmin_dynamic_axis_with_static_results():
    text = function(
        [((2, None), "f32")], [((2, 1), "f32"), ((2, 1), "i32")],
        ["%v, %i = tensorrt.argmin {axis = 1 : i64} %a0 : tensor<2x?xf32> -> tensor<2x1xf32>, tensor<2x1xi32>"],
        ["%v", "%i"], profiles={0: ([2, 1], [2, 8], [2, 16])})
    engine = compile_text(text)
    for n in (1, 16):
        x = make((2, n), "f32", seed=n, ties=True)
        v, i = engine.run([x])
        np.testing.assert_array_equal(i[:, 0], np.argmin(x, axis=1))
        np.testing.assert_array_equal(v[:, 0], np.min(x, axis=1))
    with pytest.raises(Exception, match="16"):
        engine.run([np.zeros((2, 17), np.float32)])
