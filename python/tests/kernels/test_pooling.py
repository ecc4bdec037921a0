"""Reference `pooling` kernel against PyTorch.

The oracle pads explicitly (-inf for max, 0 for averages) and pools without
padding, so asymmetric pre/post padding and any padding size are covered;
averages that exclude padding divide a window sum by a window count of the
non-padding positions. A few symmetric cases also check against
avg_pool/max_pool's own `padding` and `count_include_pad`.
"""

import numpy as np
import pytest

from kiln import _C

torch = pytest.importorskip("torch")
F = torch.nn.functional

MLIR = {np.dtype(np.float32): "f32", np.dtype(np.float16): "f16", np.dtype(np.int8): "i8"}


def ttype(shape, elem):
    dims = "".join(("?" if d is None else str(d)) + "x" for d in shape)
    return f"tensor<{dims}{elem}>"


def arr(values):
    return "array<i64: " + ", ".join(str(v) for v in values) + ">"


def out_shape(x_shape, window, stride, pre, post):
    return list(x_shape[:2]) + [(x_shape[2 + i] + pre[i] + post[i] - window[i]) // stride[i] + 1
                                for i in range(len(window))]


def build(x_shape, elem, kind, window, stride, pre, post, exclude=False, blend=0.5, dyn=None, cast_from=None):
    """MLIR text for one pooling; `kind` is MAX, AVERAGE or MAX_AVERAGE_BLEND."""
    out = out_shape(x_shape, window, stride, pre, post)
    attrs = [f"poolingType = #tensorrt.pooling_type<k{kind}>", f"windowSize = {arr(window)}",
             f"stride = {arr(stride)}", f"prePadding = {arr(pre)}", f"postPadding = {arr(post)}"]
    if kind != "MAX":
        attrs.append(f"averageCountExcludesPadding = {'true' if exclude else 'false'}")
    if kind == "MAX_AVERAGE_BLEND":
        attrs.append(f"blendFactor = {blend} : f32")
    in_shape, res_shape = (x_shape, out) if dyn is None else (dyn[0], dyn[1])
    io = cast_from or elem
    arg = f"%x: {ttype(in_shape, io)}" + (f" {{{dyn[2]}}}" if dyn else "")
    lines = []
    src = "%x"
    if cast_from:
        lines.append(f"  %xc = tensorrt.identity %x : {ttype(in_shape, io)} to {ttype(in_shape, elem)}")
        src = "%xc"
    lines.append(f"  %y = tensorrt.pooling {{{', '.join(attrs)}}} ins({src} : {ttype(in_shape, elem)}) -> {ttype(res_shape, elem)}")
    ret = "%y"
    if cast_from:
        lines.append(f"  %z = tensorrt.identity %y : {ttype(res_shape, elem)} to {ttype(res_shape, io)}")
        ret = "%z"
    rtype = ttype(res_shape, io)
    return f"func.func @main({arg}) -> {rtype} {{\n" + "\n".join(lines) + f"\n  return {ret} : {rtype}\n}}\n", out


def oracle(x, kind, window, stride, pre, post, exclude=False, blend=0.5):
    spatial = x.ndim - 2
    pads = []
    for i in reversed(range(spatial)):
        pads += [pre[i], post[i]]
    xt = torch.from_numpy(x.astype(np.float64))
    max_pool = [F.max_pool1d, F.max_pool2d, F.max_pool3d][spatial - 1]
    avg_pool = [F.avg_pool1d, F.avg_pool2d, F.avg_pool3d][spatial - 1]
    volume = float(np.prod(window))
    maximum = max_pool(F.pad(xt, pads, value=-np.inf), window, stride).numpy()
    sums = avg_pool(F.pad(xt, pads), window, stride).numpy() * volume
    if exclude:
        counts = avg_pool(F.pad(torch.ones_like(xt), pads), window, stride).numpy() * volume
        average = sums / counts
    else:
        average = sums / volume
    if kind == "MAX":
        return maximum
    if kind == "AVERAGE":
        return average
    return blend * maximum + (1 - blend) * average


def sample(shape, dtype, seed):
    rng = np.random.default_rng(seed)
    if np.dtype(dtype) == np.int8:
        return rng.integers(-128, 128, size=shape).astype(np.int8)
    return rng.uniform(-3, 3, size=shape).astype(dtype)


def tol(dtype):
    return {"rtol": 2e-3, "atol": 2e-3} if np.dtype(dtype) == np.float16 else {"rtol": 1e-6, "atol": 1e-6}


# (x shape, window, stride, pre, post)
CASES = [
    ((1, 2, 9), [3], [1], [0], [0]),
    ((2, 3, 10), [4], [3], [1], [2]),
    ((1, 1, 5), [2], [2], [1], [0]),
    ((1, 2, 6, 6), [2, 2], [2, 2], [0, 0], [0, 0]),
    ((2, 3, 7, 5), [3, 3], [2, 1], [1, 1], [1, 1]),
    ((1, 2, 6, 7), [3, 2], [1, 2], [2, 0], [0, 1]),
    ((1, 1, 4, 4), [4, 4], [1, 1], [0, 0], [0, 0]),
    ((1, 2, 5, 5), [1, 1], [2, 2], [0, 0], [0, 0]),
    ((1, 2, 4, 5, 6), [2, 2, 2], [2, 2, 2], [0, 0, 0], [0, 0, 0]),
    ((1, 2, 5, 4, 5), [3, 2, 3], [1, 2, 2], [1, 0, 1], [1, 1, 0]),
]
KINDS = [("MAX", False), ("AVERAGE", False), ("AVERAGE", True), ("MAX_AVERAGE_BLEND", False), ("MAX_AVERAGE_BLEND", True)]


@pytest.mark.parametrize("kind, exclude", KINDS)
@pytest.mark.parametrize("case", range(len(CASES)))
def test_pooling_f32(case, kind, exclude):
    x_shape, window, stride, pre, post = CASES[case]
    text, out = build(x_shape, "f32", kind, window, stride, pre, post, exclude, blend=0.25)
    x = sample(x_shape, np.float32, case)
    (y,) = _C.compile(text).run([x])
    assert list(y.shape) == out and y.dtype == np.float32
    np.testing.assert_allclose(y, oracle(x, kind, window, stride, pre, post, exclude, blend=0.25), rtol=1e-6, atol=1e-6)


@pytest.mark.parametrize("kind, exclude", KINDS)
@pytest.mark.parametrize("case", [1, 4, 5, 9])
def test_pooling_f16(case, kind, exclude):
    x_shape, window, stride, pre, post = CASES[case]
    text, out = build(x_shape, "f16", kind, window, stride, pre, post, exclude, blend=0.75)
    x = sample(x_shape, np.float16, case)
    (y,) = _C.compile(text).run([x])
    assert y.dtype == np.float16
    expected = oracle(x, kind, window, stride, pre, post, exclude, blend=0.75).astype(np.float16)
    np.testing.assert_allclose(y.astype(np.float32), expected.astype(np.float32), **tol(np.float16))


@pytest.mark.parametrize("kind, exclude", KINDS[:3])
@pytest.mark.parametrize("case", [4, 9])
def test_pooling_bf16_through_casts(case, kind, exclude):
    import ml_dtypes

    x_shape, window, stride, pre, post = CASES[case]
    text, out = build(x_shape, "bf16", kind, window, stride, pre, post, exclude, cast_from="f32")
    rounded = lambda a: a.astype(ml_dtypes.bfloat16).astype(np.float32)  # noqa: E731
    x = rounded(sample(x_shape, np.float32, case))
    (y,) = _C.compile(text).run([x])
    expected = rounded(oracle(x, kind, window, stride, pre, post, exclude).astype(np.float32))
    np.testing.assert_allclose(y, expected, rtol=1e-2, atol=1e-2)


@pytest.mark.parametrize("kind, exclude", KINDS)
@pytest.mark.parametrize("case", [1, 4, 9])
def test_pooling_i8(case, kind, exclude):
    """i8: max is exact; averages round half to even."""
    x_shape, window, stride, pre, post = CASES[case]
    text, out = build(x_shape, "i8", kind, window, stride, pre, post, exclude, blend=0.5)
    x = sample(x_shape, np.int8, case)
    (y,) = _C.compile(text).run([x])
    assert y.dtype == np.int8
    expected = np.clip(np.rint(oracle(x, kind, window, stride, pre, post, exclude, blend=0.5)), -128, 127)
    np.testing.assert_array_equal(y, expected.astype(np.int8))


@pytest.mark.parametrize("spatial", [1, 2, 3])
@pytest.mark.parametrize("include_pad", [True, False])
def test_matches_torch_avg_pool_padding(spatial, include_pad):
    """Symmetric padding: the same as avg_pool's own padding/count_include_pad."""
    x_shape = (2, 3) + (7,) * spatial
    window, stride, pad = [3] * spatial, [2] * spatial, [1] * spatial
    text, _ = build(x_shape, "f32", "AVERAGE", window, stride, pad, pad, exclude=not include_pad)
    x = sample(x_shape, np.float32, 30 + spatial)
    (y,) = _C.compile(text).run([x])
    avg_pool = [F.avg_pool1d, F.avg_pool2d, F.avg_pool3d][spatial - 1]
    expected = avg_pool(torch.from_numpy(x), window, stride, padding=1, count_include_pad=include_pad).numpy()
    np.testing.assert_allclose(y, expected, rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("spatial", [1, 2, 3])
def test_matches_torch_max_pool_padding(spatial):
    x_shape = (1, 2) + (6,) * spatial
    text, _ = build(x_shape, "f32", "MAX", [2] * spatial, [2] * spatial, [1] * spatial, [1] * spatial)
    x = sample(x_shape, np.float32, 40 + spatial) - 10  # all negative: padding must never win
    (y,) = _C.compile(text).run([x])
    max_pool = [F.max_pool1d, F.max_pool2d, F.max_pool3d][spatial - 1]
    np.testing.assert_array_equal(y, max_pool(torch.from_numpy(x), 2, 2, padding=1).numpy())


@pytest.mark.parametrize("kind", ["MAX", "AVERAGE"])
@pytest.mark.parametrize("special", [np.nan, np.inf, -np.inf])
def test_nan_and_inf(kind, special):
    x = sample((1, 1, 4, 4), np.float32, 50)
    x[0, 0, 1, 2] = special
    text, _ = build(x.shape, "f32", kind, [2, 2], [1, 1], [0, 0], [0, 0])
    (y,) = _C.compile(text).run([x])
    expected = oracle(x, kind, [2, 2], [1, 1], [0, 0], [0, 0])
    expected_torch = (F.max_pool2d if kind == "MAX" else F.avg_pool2d)(torch.from_numpy(x), 2, 1).numpy()
    np.testing.assert_allclose(y, expected, rtol=1e-6)
    np.testing.assert_allclose(y, expected_torch, rtol=1e-6)


def test_window_of_only_padding_yields_zero():
    x = np.full((1, 1, 2), 5.0, np.float32)
    for kind, exclude in KINDS:
        text, out = build(x.shape, "f32", kind, [1], [1], [1], [1], exclude)
        (y,) = _C.compile(text).run([x])
        np.testing.assert_array_equal(y, [[[0.0, 5.0, 5.0, 0.0]]], err_msg=f"{kind} exclude={exclude}")


def test_empty_batch():
    text, out = build((0, 2, 4, 4), "f32", "MAX", [2, 2], [2, 2], [0, 0], [0, 0])
    (y,) = _C.compile(text).run([np.zeros((0, 2, 4, 4), np.float32)])
    assert list(y.shape) == out


def test_dynamic_pooling():
    profile = "tensorrt.shape_profile = #tensorrt.shape_profile<min = [1, 2, 2, 2], opt = [1, 2, 8, 8], max = [3, 2, 16, 16]>"
    text, _ = build((1, 2, 8, 8), "f32", "AVERAGE", [3, 2], [2, 1], [1, 0], [0, 1], exclude=True,
                    dyn=([None, 2, None, None], [None, 2, None, None], profile))
    engine = _C.compile(text)
    for shape in [(1, 2, 8, 8), (3, 2, 5, 13)]:
        x = sample(shape, np.float32, 60)
        (y,) = engine.run([x])
        np.testing.assert_allclose(y, oracle(x, "AVERAGE", [3, 2], [2, 1], [1, 0], [0, 1], True), rtol=1e-6, atol=1e-6)


def test_dynamic_input_too_small_for_window():
    profile = "tensorrt.shape_profile = #tensorrt.shape_profile<min = [1, 1, 1], opt = [1, 1, 8], max = [1, 1, 16]>"
    text, _ = build((1, 1, 8), "f32", "MAX", [4], [1], [0], [0], dyn=([1, 1, None], [1, 1, None], profile))
    engine = _C.compile(text)
    with pytest.raises(Exception, match="too small for the window 4"):
        engine.run([np.zeros((1, 1, 3), np.float32)])


def test_blend_factor_out_of_range_is_rejected():
    text, _ = build((1, 1, 8), "f32", "MAX_AVERAGE_BLEND", [2], [2], [0], [0], blend=1.5)
    with pytest.raises(Exception, match=r"blendFactor in \[0, 1\]"):
        _C.compile(text)
