"""normalization, ragged_softmax, parametric_relu and f16/bf16 softmax
reference kernels against numpy and PyTorch.

normalization: biased (population) variance, two-pass in double; group
normalization (num_groups = G) with one scale/bias value per group, like
TensorRT's INormalizationLayer.
"""

import numpy as np
import pytest

from _fn import NP, compile_text, function, run, to_bf16, ttype

FLOATS = ["f32", "f16", "bf16"]
TOL = {"f32": dict(rtol=1e-5, atol=1e-5), "f16": dict(rtol=5e-3, atol=5e-3), "bf16": dict(rtol=3e-2, atol=3e-2)}


def rand(shape, elem, seed, low=-3.0, high=3.0):
    x = np.random.default_rng(seed).uniform(low, high, size=shape).astype(NP.get(elem, np.float32))
    return to_bf16(x) if elem == "bf16" else x


def norm_text(shape, pshape, elem, axes, eps=None, groups=None):
    attrs = [f"axis = array<i64: {', '.join(map(str, axes))}>"]
    if eps is not None:
        attrs.append(f"eps = {eps:e} : f32")
    if groups is not None:
        attrs.append(f"num_groups = {groups} : i32")
    t, p = ttype(shape, elem), ttype(pshape, elem)
    line = f"%n = tensorrt.normalization {{{', '.join(attrs)}}} (%a0 : {t}, %a1 : {p}, %a2 : {p}) -> {t}"
    return function([(shape, elem), (pshape, elem), (pshape, elem)], [(shape, elem)], [line], ["%n"])


def np_norm(x, scale, bias, axes, eps):
    x = x.astype(np.float64)
    mean = x.mean(axis=tuple(axes), keepdims=True)
    var = ((x - mean) ** 2).mean(axis=tuple(axes), keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * scale.astype(np.float64) + bias.astype(np.float64)


NORMS = [  # input shape, scale/bias shape, axes
    ((2, 3, 8), (1, 1, 8), [2]),  # layer
    ((5, 8), (1, 8), [1]),  # layer, rank 2
    ((2, 3, 4), (1, 3, 4), [1, 2]),  # layer over two dims
    ((4, 3, 5), (1, 3, 1), [0]),  # batch
    ((2, 3, 4, 5), (1, 3, 1, 1), [2, 3]),  # instance
    ((3, 1, 6), (1, 1, 1), [2]),  # size-1 scale broadcast
]


@pytest.mark.parametrize("elem", FLOATS)
@pytest.mark.parametrize("eps", [None, 0.1])
@pytest.mark.parametrize("shape, pshape, axes", NORMS)
def test_normalization(shape, pshape, axes, eps, elem):
    x, s, b = rand(shape, elem, 1), rand(pshape, elem, 2), rand(pshape, elem, 3)
    (got,) = run(norm_text(shape, pshape, elem, axes, eps), [x, s, b])
    want = np_norm(x, s, b, axes, 1e-5 if eps is None else eps)
    np.testing.assert_allclose(got.astype(np.float64), want, **TOL[elem])


@pytest.mark.parametrize("elem", FLOATS)
@pytest.mark.parametrize("shape, groups", [((2, 6, 4, 4), 3), ((1, 4, 5), 2), ((3, 8, 2, 3), 8), ((2, 6, 3), 6)])
def test_group_normalization_matches_torch(shape, groups, elem):
    torch = pytest.importorskip("torch")
    pshape = (1, groups) + (1,) * (len(shape) - 2)
    x, s, b = rand(shape, elem, 4), rand(pshape, elem, 5), rand(pshape, elem, 6)
    (got,) = run(norm_text(shape, pshape, elem, list(range(2, len(shape))), groups=groups), [x, s, b])
    per_channel = shape[1] // groups
    weight = torch.from_numpy(s.astype(np.float64).reshape(groups)).repeat_interleave(per_channel)
    bias = torch.from_numpy(b.astype(np.float64).reshape(groups)).repeat_interleave(per_channel)
    want = torch.group_norm(torch.from_numpy(x.astype(np.float64)), groups, weight, bias, eps=1e-5).numpy()
    np.testing.assert_allclose(got.astype(np.float64), want, **TOL[elem])


def test_layer_norm_matches_torch():
    torch = pytest.importorskip("torch")
    x, s, b = rand((4, 16, 32), "f32", 7), rand((1, 1, 32), "f32", 8), rand((1, 1, 32), "f32", 9)
    (got,) = run(norm_text((4, 16, 32), (1, 1, 32), "f32", [2]), [x, s, b])
    want = torch.layer_norm(torch.from_numpy(x), (32,), torch.from_numpy(s.reshape(32)), torch.from_numpy(b.reshape(32)))
    np.testing.assert_allclose(got, want.numpy(), rtol=1e-5, atol=1e-5)


def test_instance_norm_matches_torch():
    torch = pytest.importorskip("torch")
    x, s, b = rand((2, 3, 4, 5), "f32", 10), rand((1, 3, 1, 1), "f32", 11), rand((1, 3, 1, 1), "f32", 12)
    (got,) = run(norm_text((2, 3, 4, 5), (1, 3, 1, 1), "f32", [2, 3]), [x, s, b])
    want = torch.nn.functional.instance_norm(torch.from_numpy(x), weight=torch.from_numpy(s.reshape(3)),
                                             bias=torch.from_numpy(b.reshape(3)), eps=1e-5)
    np.testing.assert_allclose(got, want.numpy(), rtol=1e-5, atol=1e-5)


def test_normalization_is_stable_for_large_offsets():
    x = (1e4 + rand((2, 64), "f32", 13, -1, 1)).astype(np.float32)
    s, b = np.ones((1, 64), np.float32), np.zeros((1, 64), np.float32)
    (got,) = run(norm_text((2, 64), (1, 64), "f32", [1]), [x, s, b])
    np.testing.assert_allclose(got, np_norm(x, s, b, [1], 1e-5), rtol=1e-4, atol=1e-4)


def test_normalization_constant_row_gives_bias_and_nan_stays_in_its_row():
    x = np.array([[2.0, 2.0, 2.0], [1.0, np.nan, 3.0]], np.float32)
    s, b = np.full((1, 3), 5.0, np.float32), np.array([[0.5, -1.0, 2.0]], np.float32)
    (got,) = run(norm_text((2, 3), (1, 3), "f32", [1]), [x, s, b])
    np.testing.assert_array_equal(got[0], b[0])
    assert np.isnan(got[1]).all()


def test_normalization_dynamic_batch():
    text = norm_text((None, 4, 6), (1, 1, 6), "f32", [2]).replace(
        "%x0: tensor<?x4x6xf32>",
        "%x0: tensor<?x4x6xf32> {tensorrt.shape_profile = #tensorrt.shape_profile<min = [1, 4, 6], opt = [2, 4, 6], max = [8, 4, 6]>}")
    engine = compile_text(text)
    s, b = rand((1, 1, 6), "f32", 1), rand((1, 1, 6), "f32", 2)
    for n in (1, 7):
        x = rand((n, 4, 6), "f32", n)
        (got,) = engine.run([x, s, b])
        np.testing.assert_allclose(got, np_norm(x, s, b, [2], 1e-5), rtol=1e-5, atol=1e-5)


def test_group_normalization_rejects_groups_not_dividing_channels():
    import kiln._C
    with pytest.raises(kiln._C.CompileError, match="divide the number of channels"):
        compile_text(norm_text((2, 6, 4), (1, 4, 1), "f32", [2], groups=4))


# ----------------------------------------------------------------------------
# ragged_softmax


def ragged_text(shape, elem):
    bshape = shape[:-1] + (1,)
    line = f"%p = tensorrt.ragged_softmax ins(%a0, %a1 : {ttype(shape, elem)}, {ttype(bshape, 'i32')}) -> {ttype(shape, elem)}"
    return function([(shape, elem), (bshape, "i32")], [(shape, elem)], [line], ["%p"])


def np_ragged(x, bounds):
    x = x.astype(np.float64)
    out = np.zeros_like(x)
    flat, fb, fo = x.reshape(-1, x.shape[-1]), bounds.reshape(-1), out.reshape(-1, x.shape[-1])
    for r in range(flat.shape[0]):
        n = int(np.clip(fb[r], 0, x.shape[-1]))
        if n:
            e = np.exp(flat[r, :n] - flat[r, :n].max())
            fo[r, :n] = e / e.sum()
    return out


@pytest.mark.parametrize("elem", FLOATS)
@pytest.mark.parametrize("shape", [(1, 3, 5), (2, 4, 7), (1, 1, 1)])
def test_ragged_softmax(shape, elem):
    x = rand(shape, elem, 3, -10, 10)
    bounds = np.random.default_rng(4).integers(0, shape[-1] + 2, size=shape[:-1] + (1,)).astype(np.int32)
    bounds.reshape(-1)[0] = shape[-1]
    (got,) = run(ragged_text(shape, elem), [x, bounds])
    np.testing.assert_allclose(got.astype(np.float64), np_ragged(x, bounds), **TOL[elem])


def test_ragged_softmax_bounds_edges():
    x = np.array([[[1.0, 2.0, 3.0], [1.0, 2.0, 3.0], [1.0, 2.0, 3.0], [5.0, 5.0, 5.0]]], np.float32)
    bounds = np.array([[[0], [1], [9], [-2]]], np.int32)
    (got,) = run(ragged_text((1, 4, 3), "f32"), [x, bounds])
    np.testing.assert_allclose(got, np_ragged(x, bounds), rtol=1e-6)
    assert got[0, 1].tolist() == [1.0, 0.0, 0.0] and got[0, 3].tolist() == [0.0, 0.0, 0.0]


# ----------------------------------------------------------------------------
# parametric_relu


def prelu_text(shape, sshape, elem):
    line = f"%y = tensorrt.parametric_relu ins(%a0, %a1 : {ttype(shape, elem)}, {ttype(sshape, elem)}) -> {ttype(shape, elem)}"
    return function([(shape, elem), (sshape, elem)], [(shape, elem)], [line], ["%y"])


@pytest.mark.parametrize("elem", FLOATS)
@pytest.mark.parametrize("shape, sshape", [((8, 16), (1, 16)), ((2, 3, 4), (1, 3, 1)), ((5,), (5,)), ((4, 4), (1, 1)), ((), ())])
def test_parametric_relu(shape, sshape, elem):
    x, s = rand(shape, elem, 5), rand(sshape, elem, 6, 0, 1)
    (got,) = run(prelu_text(shape, sshape, elem), [x, s])
    want = np.where(x > 0, x.astype(np.float64), x.astype(np.float64) * s.astype(np.float64))
    np.testing.assert_allclose(got.astype(np.float64), want, **TOL[elem])


def test_parametric_relu_matches_torch_prelu():
    torch = pytest.importorskip("torch")
    x, s = rand((2, 3, 5), "f32", 7), rand((1, 3, 1), "f32", 8, 0, 1)
    (got,) = run(prelu_text((2, 3, 5), (1, 3, 1), "f32"), [x, s])
    want = torch.nn.functional.prelu(torch.from_numpy(x), torch.from_numpy(s.reshape(3)))
    np.testing.assert_allclose(got, want.numpy(), rtol=1e-6)


def test_parametric_relu_i8_saturates():
    x = np.array([[-128, -3, 0, 5, 127]], np.int8)
    s = np.array([[2]], np.int8)
    (got,) = run(prelu_text((1, 5), (1, 1), "i8"), [x, s])
    assert got.tolist() == [[-128, -6, 0, 5, 127]]
    s = np.array([[-2]], np.int8)
    (got,) = run(prelu_text((1, 5), (1, 1), "i8"), [x, s])
    assert got.tolist() == [[127, 6, 0, 5, 127]]


def test_parametric_relu_nan_inf():
    x = np.array([np.nan, -np.inf, np.inf, -0.0], np.float32)
    (got,) = run(prelu_text((4,), (1,), "f32"), [x, np.array([0.5], np.float32)])
    assert np.isnan(got[0]) and got[1] == -np.inf and got[2] == np.inf and got[3] == 0


# ----------------------------------------------------------------------------
# softmax on f16 / bf16 (the existing kernel computes in double and rounds once)


@pytest.mark.parametrize("elem", ["f16", "bf16"])
@pytest.mark.parametrize("shape, axis", [((4, 7), 1), ((4, 7), 0), ((2, 3, 5), 2), ((9,), 0)])
def test_softmax_half_types(shape, axis, elem):
    torch = pytest.importorskip("torch")
    x = rand(shape, elem, 9, -20, 20)
    line = f"%y = tensorrt.softmax {{axis = {axis} : i64}} %a0 : {ttype(shape, elem)}"
    (got,) = run(function([(shape, elem)], [(shape, elem)], [line], ["%y"]), [x])
    want = torch.softmax(torch.from_numpy(x.astype(np.float64)), dim=axis).numpy()
    np.testing.assert_allclose(got.astype(np.float64), want, **TOL[elem])


def test_ragged_softmax_and_prelu_dynamic():
    prof = "{tensorrt.shape_profile = #tensorrt.shape_profile<min = [1, 1, 4], opt = [1, 3, 4], max = [2, 8, 4]>}"
    text = ragged_text((None, None, 4), "f32").replace("%x0: tensor<?x?x4xf32>", f"%x0: tensor<?x?x4xf32> {prof}").replace(
        "%x1: tensor<?x?x1xi32>", "%x1: tensor<?x?x1xi32> " + prof.replace("4]", "1]"))
    engine = compile_text(text)
    for shape in ((1, 2, 4), (2, 8, 4)):
        x = rand(shape, "f32", 1)
        bounds = np.random.default_rng(2).integers(0, 5, size=shape[:-1] + (1,)).astype(np.int32)
        (got,) = engine.run([x, bounds])
        np.testing.assert_allclose(got, np_ragged(x, bounds), rtol=1e-6, atol=1e-7)
    text = prelu_text((None, 3), (1, 3), "f32").replace(
        "%x0: tensor<?x3xf32>", "%x0: tensor<?x3xf32> {tensorrt.shape_profile = #tensorrt.shape_profile<min = [0, 3], opt = [4, 3], max = [9, 3]>}")
    engine = compile_text(text)
    s = np.array([[0.1, 0.2, 0.3]], np.float32)
    for n in (0, 9):
        x = rand((n, 3), "f32", n)
        (got,) = engine.run([x, s])
        np.testing.assert_allclose(got, np.where(x > 0, x, x * s), rtol=1e-6)


def test_normalization_operand_mismatch_at_run_time_is_refused():
    text = norm_text((None, 6), (1, 6), "f32", [1]).replace(
        "%x0: tensor<?x6xf32>", "%x0: tensor<?x6xf32> {tensorrt.shape_profile = #tensorrt.shape_profile<min = [1, 6], opt = [2, 6], max = [4, 6]>}")
    engine = compile_text(text)
    with pytest.raises(Exception, match=r"outside its shape profile \[1, 4\]"):
        engine.run([np.zeros((5, 6), np.float32), np.ones((1, 6), np.float32), np.zeros((1, 6), np.float32)])
