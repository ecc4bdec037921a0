"""Reference resize_nearest / resize_linear / resize_cubic kernels against PyTorch's
F.interpolate and a numpy restatement of TensorRT's coordinate rules."""

import itertools

import numpy as np
import pytest

from kiln import _C
from _kernel_util import compile_and_run, func, profile, sample, ttype

CT = "#tensorrt.resize_coordinate_transformation<{}>"
SEL = "#tensorrt.resize_selector<{}>"
ROUND = "#tensorrt.resize_round_mode<{}>"


def resize(kind, x, out_shape, transform="kHALF_PIXEL", selector="kFORMULA", rounding="kFLOOR", coeff=-0.75,
           scales=None, arg_type=None, attr=None, res_type=None):
    attrs = [f"coordinateTransformation = {CT.format(transform)}", f"selectorForSinglePixel = {SEL.format(selector)}"]
    if kind == "nearest":
        attrs.append(f"nearestRounding = {ROUND.format(rounding)}")
    if kind == "cubic":
        attrs.append(f"cubicCoeff = {coeff!r} : f32")
    if scales is not None:
        attrs.append(f"scales = array<f32: {', '.join(repr(float(s)) for s in scales)}>")
    t = arg_type or ttype(x.shape, x.dtype)
    res = res_type or ttype(out_shape, x.dtype)
    body = f"tensorrt.resize_{kind} {{{', '.join(attrs)}}} %a0 : ({t}) -> {res}"
    return compile_and_run(func([(t, attr)], body, res), [x])[0]


# --- numpy restatement of the documented rules --------------------------------


def coordinate(transform, selector, y, n_in, n_out, scale):
    if n_out == 1 and selector == "kUPPER":
        return np.float32(0)
    if transform == "kALIGN_CORNERS":
        return np.float32(0) if n_out == 1 else np.float32(n_in - 1) / np.float32(n_out - 1) * np.float32(y)
    step = np.float32(1.0 / scale) if scale else np.float32(n_in) / np.float32(n_out)
    if transform == "kASYMMETRIC":
        return step * np.float32(y)
    return step * (np.float32(y) + np.float32(0.5)) - np.float32(0.5)


def taps(kind, x, n_in, rounding, coeff):
    clamp = lambda i: min(max(i, 0), n_in - 1)  # noqa: E731
    if kind == "nearest":
        r = {"kHALF_UP": np.floor(x + np.float32(0.5)), "kHALF_DOWN": np.ceil(x - np.float32(0.5)),
             "kFLOOR": np.floor(x), "kCEIL": np.ceil(x)}[rounding]
        return [(clamp(int(r)), 1.0)]
    if kind == "linear":
        x = max(float(x), 0.0)
        i0 = clamp(int(np.floor(x)))
        t = x - i0
        return [(i0, 1.0)] if i0 == n_in - 1 or t == 0 else [(i0, 1 - t), (i0 + 1, t)]
    a = coeff
    w = lambda d: ((a + 2) * d - (a + 3)) * d * d + 1 if d <= 1 else (((a * d - 5 * a) * d + 8 * a) * d - 4 * a if d < 2 else 0)  # noqa: E731
    i = int(np.floor(x))
    t = float(x) - i
    if t == 0:
        return [(clamp(i), 1.0)]
    return [(clamp(i - 1), w(1 + t)), (clamp(i), w(t)), (clamp(i + 1), w(1 - t)), (clamp(i + 2), w(2 - t))]


def numpy_resize(kind, x, out_shape, transform="kHALF_PIXEL", selector="kFORMULA", rounding="kFLOOR", coeff=-0.75,
                 scales=None):
    rank = x.ndim
    resized = min(rank, 2 if kind == "cubic" else 3)
    per_dim = []
    for d in range(rank):
        if d < rank - resized:
            per_dim.append([[(y, 1.0)] for y in range(out_shape[d])])
            continue
        s = scales[d] if scales is not None else None
        per_dim.append([taps(kind, coordinate(transform, selector, y, x.shape[d], out_shape[d], s), x.shape[d],
                             rounding, coeff) for y in range(out_shape[d])])
    xf = x.astype(np.float64)
    out = np.zeros(out_shape, np.float64)
    for pos in itertools.product(*[range(n) for n in out_shape]):
        total = 0.0
        for combo in itertools.product(*[per_dim[d][pos[d]] for d in range(rank)]):
            weight = np.prod([c[1] for c in combo])
            total += weight * xf[tuple(c[0] for c in combo)]
        out[pos] = total
    if np.issubdtype(x.dtype, np.integer):
        info = np.iinfo(x.dtype)
        return np.clip(np.rint(out), info.min, info.max).astype(x.dtype)
    return out.astype(x.dtype)


def tol(dtype):
    return dict(rtol=1e-2, atol=1e-2) if np.dtype(dtype) == np.float16 else dict(rtol=1e-5, atol=1e-5)


# --- against PyTorch --------------------------------------------------------------


@pytest.mark.parametrize("dtype", [np.float32, np.float16, np.int8], ids=lambda t: np.dtype(t).name)
@pytest.mark.parametrize("size", [(8, 10), (3, 2), (5, 5), (1, 7), (13, 4)])
def test_nearest_vs_torch(dtype, size):
    torch = pytest.importorskip("torch")
    x = sample((2, 3, 5, 4), dtype, seed=1)
    expected = torch.nn.functional.interpolate(torch.from_numpy(x.astype(np.float32)), size=size, mode="nearest")
    out = resize("nearest", x, (2, 3) + size, transform="kASYMMETRIC", rounding="kFLOOR")
    np.testing.assert_array_equal(out, expected.numpy().astype(dtype))


@pytest.mark.parametrize("size", [(8, 10), (3, 2), (7, 9)])
def test_nearest_exact_vs_torch(size):
    torch = pytest.importorskip("torch")
    x = sample((1, 2, 5, 4), np.float32, seed=2)
    expected = torch.nn.functional.interpolate(torch.from_numpy(x), size=size, mode="nearest-exact").numpy()
    out = resize("nearest", x, (1, 2) + size, transform="kHALF_PIXEL", rounding="kHALF_UP")
    np.testing.assert_array_equal(out, expected)


@pytest.mark.parametrize("dtype", [np.float32, np.float16], ids=lambda t: np.dtype(t).name)
@pytest.mark.parametrize("align", [False, True])
@pytest.mark.parametrize("size", [(8, 10), (3, 2), (1, 1), (6, 4), (11, 3)])
def test_bilinear_vs_torch(dtype, align, size):
    torch = pytest.importorskip("torch")
    x = sample((2, 3, 6, 4), dtype, seed=3)
    expected = torch.nn.functional.interpolate(torch.from_numpy(x.astype(np.float32)), size=size, mode="bilinear",
                                               align_corners=align).numpy()
    out = resize("linear", x, (2, 3) + size, transform="kALIGN_CORNERS" if align else "kHALF_PIXEL")
    np.testing.assert_allclose(out.astype(np.float32), expected, **tol(dtype))


@pytest.mark.parametrize("align", [False, True])
def test_linear_1d_and_trilinear_vs_torch(align):
    torch = pytest.importorskip("torch")
    transform = "kALIGN_CORNERS" if align else "kHALF_PIXEL"
    x1 = sample((2, 3, 7), np.float32, seed=4)
    e1 = torch.nn.functional.interpolate(torch.from_numpy(x1), size=(12,), mode="linear", align_corners=align).numpy()
    np.testing.assert_allclose(resize("linear", x1, (2, 3, 12), transform=transform), e1, rtol=1e-5, atol=1e-5)
    x3 = sample((1, 2, 3, 4, 5), np.float32, seed=5)
    e3 = torch.nn.functional.interpolate(torch.from_numpy(x3), size=(5, 3, 8), mode="trilinear",
                                         align_corners=align).numpy()
    np.testing.assert_allclose(resize("linear", x3, (1, 2, 5, 3, 8), transform=transform), e3, rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize("dtype", [np.float32, np.float16], ids=lambda t: np.dtype(t).name)
@pytest.mark.parametrize("align", [False, True])
@pytest.mark.parametrize("size", [(8, 10), (3, 2), (5, 5), (12, 7)])
def test_bicubic_vs_torch(dtype, align, size):
    torch = pytest.importorskip("torch")
    x = sample((1, 2, 5, 6), dtype, seed=6)
    expected = torch.nn.functional.interpolate(torch.from_numpy(x.astype(np.float32)), size=size, mode="bicubic",
                                               align_corners=align).numpy()
    out = resize("cubic", x, (1, 2) + size, transform="kALIGN_CORNERS" if align else "kHALF_PIXEL", coeff=-0.75)
    np.testing.assert_allclose(out.astype(np.float32), expected, **tol(dtype))


@pytest.mark.parametrize("kind, mode", [("linear", "bilinear"), ("cubic", "bicubic"), ("nearest", "nearest")])
@pytest.mark.parametrize("factor", [2.0, 1.5, 0.5])
def test_scales_vs_torch(kind, mode, factor):
    torch = pytest.importorskip("torch")
    x = sample((1, 2, 5, 6), np.float32, seed=7)
    kwargs = {} if mode == "nearest" else {"align_corners": False}
    expected = torch.nn.functional.interpolate(torch.from_numpy(x), scale_factor=factor, mode=mode, **kwargs).numpy()
    transform = "kASYMMETRIC" if kind == "nearest" else "kHALF_PIXEL"
    out = resize(kind, x, expected.shape, transform=transform, scales=[1.0, 1.0, factor, factor])
    np.testing.assert_allclose(out, expected, rtol=1e-5, atol=1e-5)


# --- every transformation / selector / rounding mode, against numpy -----------------------------


@pytest.mark.parametrize("transform", ["kALIGN_CORNERS", "kASYMMETRIC", "kHALF_PIXEL"])
@pytest.mark.parametrize("rounding", ["kHALF_UP", "kHALF_DOWN", "kFLOOR", "kCEIL"])
def test_nearest_modes(transform, rounding):
    x = sample((2, 5, 6), np.float32, seed=8)
    for out_shape in [(2, 9, 4), (2, 3, 11)]:
        out = resize("nearest", x, out_shape, transform=transform, rounding=rounding)
        np.testing.assert_array_equal(out, numpy_resize("nearest", x, out_shape, transform, rounding=rounding))


@pytest.mark.parametrize("kind", ["nearest", "linear", "cubic"])
@pytest.mark.parametrize("transform", ["kALIGN_CORNERS", "kASYMMETRIC", "kHALF_PIXEL"])
@pytest.mark.parametrize("selector", ["kFORMULA", "kUPPER"])
def test_single_pixel_selector(kind, transform, selector):
    x = sample((3, 6, 5), np.float32, seed=9)
    out_shape = (3, 1, 4)
    out = resize(kind, x, out_shape, transform=transform, selector=selector, rounding="kHALF_UP")
    expected = numpy_resize(kind, x, out_shape, transform, selector, rounding="kHALF_UP")
    np.testing.assert_allclose(out, expected, rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize("kind", ["linear", "cubic"])
@pytest.mark.parametrize("transform", ["kALIGN_CORNERS", "kASYMMETRIC"])
def test_asymmetric_and_align_corners_numpy(kind, transform):
    x = sample((2, 4, 5), np.float32, seed=10)
    out = resize(kind, x, (2, 7, 3), transform=transform)
    np.testing.assert_allclose(out, numpy_resize(kind, x, (2, 7, 3), transform), rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize("coeff", [-0.5, -0.75, -1.0])
def test_cubic_coefficient(coeff):
    x = sample((4, 5), np.float32, seed=11)
    out = resize("cubic", x, (9, 7), coeff=coeff)
    np.testing.assert_allclose(out, numpy_resize("cubic", x, (9, 7), coeff=coeff), rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize("kind", ["linear", "cubic"])
def test_int8_rounds_and_saturates(kind):
    x = np.array([[-128, 127, -128, 127], [127, -128, 127, -128], [0, 5, -7, 100]], np.int8)
    out = resize(kind, x, (5, 7))
    np.testing.assert_array_equal(out, numpy_resize(kind, x, (5, 7)))


def test_nearest_copies_nan_and_inf():
    x = np.array([[np.nan, np.inf], [-np.inf, 1.0]], np.float32)
    out = resize("nearest", x, (4, 4), transform="kASYMMETRIC")
    np.testing.assert_array_equal(out, np.repeat(np.repeat(x, 2, 0), 2, 1))


def test_linear_nan_spreads_to_neighbours_only():
    x = np.zeros((1, 5), np.float32)
    x[0, 0] = np.nan
    out = resize("linear", x, (1, 10))
    assert np.isnan(out[0, :2]).all() and not np.isnan(out[0, 3:]).any()


def test_resize_dynamic_batch():
    body_t = "tensor<?x2x4x4xf32>"
    res_t = "tensor<?x2x8x6xf32>"
    attrs = f"coordinateTransformation = {CT.format('kHALF_PIXEL')}, selectorForSinglePixel = {SEL.format('kFORMULA')}"
    text = func([(body_t, profile("[1, 2, 4, 4]", "[2, 2, 4, 4]", "[5, 2, 4, 4]"))],
                f"tensorrt.resize_linear {{{attrs}}} %a0 : ({body_t}) -> {res_t}", res_t)
    engine = _C.compile(text)
    for n in (1, 4):
        x = sample((n, 2, 4, 4), np.float32, seed=n)
        np.testing.assert_allclose(engine.run([x])[0], numpy_resize("linear", x, (n, 2, 8, 6)), rtol=1e-5, atol=1e-5)


def test_resize_dynamic_with_scales():
    t = "tensor<1x1x?x?xf32>"
    attrs = (f"coordinateTransformation = {CT.format('kASYMMETRIC')}, nearestRounding = {ROUND.format('kFLOOR')}, "
             f"scales = array<f32: 1.0, 1.0, 2.0, 3.0>, selectorForSinglePixel = {SEL.format('kFORMULA')}")
    text = func([(t, profile("[1, 1, 1, 1]", "[1, 1, 4, 4]", "[1, 1, 8, 8]"))],
                f"tensorrt.resize_nearest {{{attrs}}} %a0 : ({t}) -> {t}", t)
    engine = _C.compile(text)
    for shape in [(1, 1, 2, 3), (1, 1, 5, 1)]:
        x = sample(shape, np.float32, seed=12)
        np.testing.assert_array_equal(engine.run([x])[0], np.repeat(np.repeat(x, 2, 2), 3, 3))


def test_resize_output_shape_must_match_result():
    x = sample((1, 1, 2, 2), np.float32)
    t, res = "tensor<1x1x2x2xf32>", "tensor<1x1x4x4xf32>"
    attrs = f"coordinateTransformation = {CT.format('kHALF_PIXEL')}, selectorForSinglePixel = {SEL.format('kFORMULA')}"
    text = func([(t, None), ("tensor<4xi32>", None)],
                f"tensorrt.resize_linear {{{attrs}}} %a0, %a1 : ({t}, tensor<4xi32>) -> {res}", res)
    engine = _C.compile(text)
    good = engine.run([x, np.array([1, 1, 4, 4], np.int32)])[0]
    np.testing.assert_allclose(good, numpy_resize("linear", x, (1, 1, 4, 4)), rtol=1e-5, atol=1e-5)
    with pytest.raises(_C.KilnError, match="output_shape holds 5 for dim 2"):
        engine.run([x, np.array([1, 1, 5, 4], np.int32)])
