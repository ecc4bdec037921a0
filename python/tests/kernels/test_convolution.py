"""Reference `convolution` and `deconvolution` kernels against PyTorch.

Asymmetric pre/post padding is given to the oracle as explicit padding:
`F.pad` before a convolution, a crop after a transposed convolution.
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
    return "array<i64" + ("" if not values else ": " + ", ".join(str(v) for v in values)) + ">"


def dense(values, elem):
    """A `dense<...>` attribute of exactly these (already rounded) values."""
    return f"dense<{np.asarray(values, dtype=np.float64).tolist()}> : {ttype(values.shape, elem)}"


def out_size(n, k, s, pre, post, d, transposed):
    window = d * (k - 1) + 1
    if transposed:
        return (n - 1) * s + window - pre - post
    return (n + pre + post - window) // s + 1


def build(op, x_shape, w_shape, elem, stride, pre, post, dilation=None, groups=1, bias=True,
          static_kernel=None, static_bias=None, dyn_profile=None, cast_from=None):
    """MLIR text for one (de)convolution; returns (text, result shape)."""
    transposed = op == "deconvolution"
    spatial = len(x_shape) - 2
    dil = dilation or [1] * spatial
    channels = w_shape[1] * groups if transposed else w_shape[0]
    out = [x_shape[0], channels] + [
        out_size(x_shape[2 + i], w_shape[2 + i], stride[i], pre[i], post[i], dil[i], transposed)
        for i in range(spatial)
    ]
    arg_x_shape = x_shape if dyn_profile is None else dyn_profile[0]
    out_type_shape = out if dyn_profile is None else dyn_profile[1]
    io_elem = cast_from or elem
    args = [f"%x: {ttype(arg_x_shape, io_elem)}" + (f" {{{dyn_profile[2]}}}" if dyn_profile else "")]
    kernel_kw, bias_kw = ("kernelWeights", "biasWeights") if transposed else ("kernel", "bias")
    attrs = [f"stride = {arr(stride)}", f"pre_padding = {arr(pre)}", f"post_padding = {arr(post)}",
             f"num_groups = {groups} : ui32"]
    if dilation is not None:
        attrs.append(f"dilation = {arr(dilation)}")
    operands = ""
    if static_kernel is not None:
        attrs.append(f"{kernel_kw}Static = {dense(static_kernel, elem)}")
    else:
        args.append(f"%w: {ttype(w_shape, io_elem)}")
        operands += f" {kernel_kw}(%wc : {ttype(w_shape, elem)})"
    if static_bias is not None:
        attrs.append(f"{bias_kw}Static = {dense(static_bias, elem)}")
    elif bias:
        args.append(f"%b: {ttype([channels], io_elem)}")
        operands += f" {bias_kw}(%bc : {ttype([channels], elem)})"
    body = []
    # Convert inputs to the op's element type (bf16 runs go through f32).
    for name, shape in (("x", arg_x_shape), ("w", w_shape), ("b", [channels])):
        if f"%{name}:" not in " ".join(args):
            continue
        if cast_from:
            body.append(f"  %{name}c = tensorrt.identity %{name} : {ttype(shape, cast_from)} to {ttype(shape, elem)}")
    result_type = ttype(out_type_shape, elem)
    body.append(f"  %y = tensorrt.{op} {{{', '.join(attrs)}}} in(%xc : {ttype(arg_x_shape, elem)}){operands} -> {result_type}")
    ret = "%y"
    ret_type = result_type
    if cast_from:
        body.append(f"  %z = tensorrt.identity %y : {result_type} to {ttype(out_type_shape, cast_from)}")
        ret, ret_type = "%z", ttype(out_type_shape, cast_from)
    if not cast_from:
        body = [line.replace("%xc", "%x").replace("%wc", "%w").replace("%bc", "%b") for line in body]
    text = f"func.func @main({', '.join(args)}) -> {ret_type} {{\n" + "\n".join(body) + f"\n  return {ret} : {ret_type}\n}}\n"
    return text, out


def torch_conv(x, w, b, stride, pre, post, dilation, groups):
    spatial = x.ndim - 2
    pads = []
    for i in reversed(range(spatial)):
        pads += [pre[i], post[i]]
    xt = F.pad(torch.from_numpy(x.astype(np.float64)), pads)
    fn = [F.conv1d, F.conv2d, F.conv3d][spatial - 1]
    bt = None if b is None else torch.from_numpy(b.astype(np.float64))
    return fn(xt, torch.from_numpy(w.astype(np.float64)), bt, stride=stride, dilation=dilation, groups=groups).numpy()


def torch_deconv(x, w, b, stride, pre, post, dilation, groups):
    spatial = x.ndim - 2
    fn = [F.conv_transpose1d, F.conv_transpose2d, F.conv_transpose3d][spatial - 1]
    bt = None if b is None else torch.from_numpy(b.astype(np.float64))
    full = fn(torch.from_numpy(x.astype(np.float64)), torch.from_numpy(w.astype(np.float64)), bt,
              stride=stride, dilation=dilation, groups=groups).numpy()
    index = (slice(None), slice(None)) + tuple(slice(pre[i], full.shape[2 + i] - post[i]) for i in range(spatial))
    return full[index]


def sample(shape, dtype, seed, low=-1.0, high=1.0):
    rng = np.random.default_rng(seed)
    if np.dtype(dtype) == np.int8:
        return rng.integers(-4, 5, size=shape).astype(np.int8)
    return rng.uniform(low, high, size=shape).astype(dtype)


def tol(dtype):
    return {"rtol": 1e-2, "atol": 1e-2} if np.dtype(dtype) == np.float16 else {"rtol": 1e-5, "atol": 1e-5}


# (x shape, kernel shape, stride, pre, post, dilation, groups, bias)
CONV_CASES = [
    ((1, 3, 10), (4, 3, 3), [1], [0], [0], None, 1, True),
    ((2, 4, 11), (6, 2, 4), [2], [1], [2], [2], 2, True),
    ((1, 2, 7), (2, 1, 1), [3], [0], [0], None, 2, False),
    ((1, 3, 8, 8), (5, 3, 3, 3), [1, 1], [1, 1], [1, 1], None, 1, True),
    ((2, 4, 9, 7), (4, 2, 3, 2), [2, 1], [0, 1], [2, 0], [1, 2], 2, True),
    ((1, 6, 6, 6), (6, 1, 3, 3), [1, 2], [2, 0], [0, 1], [2, 1], 6, False),
    ((1, 1, 5, 5), (1, 1, 5, 5), [1, 1], [0, 0], [0, 0], None, 1, True),
    ((1, 2, 4, 4), (3, 2, 1, 1), [1, 1], [0, 0], [0, 0], None, 1, True),
    ((3, 2, 5, 6), (2, 2, 2, 2), [3, 3], [1, 2], [2, 1], None, 1, True),
    ((1, 2, 5, 5, 5), (4, 2, 3, 3, 3), [1, 1, 1], [1, 1, 1], [1, 1, 1], None, 1, True),
    ((1, 4, 6, 7, 5), (2, 2, 2, 3, 2), [2, 1, 2], [0, 1, 1], [1, 0, 0], [1, 2, 1], 2, True),
    ((2, 3, 4, 4, 4), (3, 1, 1, 2, 2), [1, 2, 1], [0, 0, 0], [0, 1, 1], None, 3, False),
]


@pytest.mark.parametrize("dtype", [np.float32, np.float16])
@pytest.mark.parametrize("case", range(len(CONV_CASES)))
def test_convolution(case, dtype):
    x_shape, w_shape, stride, pre, post, dilation, groups, has_bias = CONV_CASES[case]
    text, out = build("convolution", x_shape, w_shape, MLIR[np.dtype(dtype)], stride, pre, post, dilation, groups, has_bias)
    x, w = sample(x_shape, dtype, 1), sample(w_shape, dtype, 2)
    b = sample([out[1]], dtype, 3) if has_bias else None
    inputs = [x, w] + ([b] if has_bias else [])
    (y,) = _C.compile(text).run(inputs)
    assert y.dtype == dtype and list(y.shape) == out
    expected = torch_conv(x, w, b, stride, pre, post, dilation or [1] * len(stride), groups)
    np.testing.assert_allclose(y.astype(np.float64), expected, **tol(dtype))


# (x shape, kernel shape [C, K/G, window...], stride, pre, post, dilation, groups, bias)
DECONV_CASES = [
    ((1, 3, 5), (3, 2, 3), [1], [0], [0], None, 1, True),
    ((2, 4, 6), (4, 3, 4), [2], [1], [2], [2], 2, True),
    ((1, 2, 4), (2, 1, 2), [3], [0], [1], None, 1, False),
    ((1, 3, 4, 4), (3, 2, 3, 3), [2, 2], [0, 0], [0, 0], None, 1, True),
    ((2, 4, 3, 5), (4, 1, 3, 2), [2, 1], [1, 0], [0, 1], [1, 2], 4, True),
    ((1, 2, 5, 4), (2, 3, 2, 3), [1, 3], [1, 1], [1, 2], [2, 1], 1, False),
    ((1, 4, 3, 3), (4, 2, 1, 1), [2, 2], [0, 0], [1, 1], None, 2, True),
    ((1, 2, 3, 3, 3), (2, 2, 2, 2, 2), [2, 2, 2], [0, 0, 0], [0, 0, 0], None, 1, True),
    ((1, 4, 2, 3, 2), (4, 1, 3, 2, 2), [1, 2, 2], [1, 0, 1], [0, 1, 0], [1, 1, 2], 2, True),
]


@pytest.mark.parametrize("dtype", [np.float32, np.float16])
@pytest.mark.parametrize("case", range(len(DECONV_CASES)))
def test_deconvolution(case, dtype):
    x_shape, w_shape, stride, pre, post, dilation, groups, has_bias = DECONV_CASES[case]
    text, out = build("deconvolution", x_shape, w_shape, MLIR[np.dtype(dtype)], stride, pre, post, dilation, groups, has_bias)
    x, w = sample(x_shape, dtype, 4), sample(w_shape, dtype, 5)
    b = sample([out[1]], dtype, 6) if has_bias else None
    (y,) = _C.compile(text).run([x, w] + ([b] if has_bias else []))
    assert y.dtype == dtype and list(y.shape) == out
    expected = torch_deconv(x, w, b, stride, pre, post, dilation or [1] * len(stride), groups)
    np.testing.assert_allclose(y.astype(np.float64), expected, **tol(dtype))


@pytest.mark.parametrize("case", [0, 3, 4, 8])
def test_deconvolution_i8(case):
    """i8 accumulates exactly and saturates to [-128, 127]."""
    x_shape, w_shape, stride, pre, post, dilation, groups, has_bias = DECONV_CASES[case]
    text, out = build("deconvolution", x_shape, w_shape, "i8", stride, pre, post, dilation, groups, has_bias)
    x, w = sample(x_shape, np.int8, 7), sample(w_shape, np.int8, 8)
    b = sample([out[1]], np.int8, 9) if has_bias else None
    (y,) = _C.compile(text).run([x, w] + ([b] if has_bias else []))
    expected = torch_deconv(x, w, b, stride, pre, post, dilation or [1] * len(stride), groups)
    assert y.dtype == np.int8
    np.testing.assert_array_equal(y, np.clip(expected, -128, 127).astype(np.int8))


def test_deconvolution_i8_saturates():
    text, _ = build("deconvolution", (1, 4, 2, 2), (4, 1, 2, 2), "i8", [1, 1], [0, 0], [0, 0], bias=False)
    x = np.full((1, 4, 2, 2), 100, np.int8)
    w = np.array([1, -1, 1, -1] * 4, np.int8).reshape(4, 1, 2, 2)
    w[:, :, 0, 0] = 127
    (y,) = _C.compile(text).run([x, w])
    assert y[0, 0, 0, 0] == 127
    w[:, :, 0, 0] = -128
    (y,) = _C.compile(text).run([x, w])
    assert y[0, 0, 0, 0] == -128


@pytest.mark.parametrize("op, case", [("convolution", 1), ("convolution", 4), ("convolution", 5),
                                      ("convolution", 8), ("convolution", 10)])
def test_bf16_through_casts(op, case):
    """bf16 (convolution only; deconvolution takes i8/f16/f32) computes in f32
    and rounds once; inputs are cast from f32 in the graph."""
    import ml_dtypes

    cases = CONV_CASES if op == "convolution" else DECONV_CASES
    x_shape, w_shape, stride, pre, post, dilation, groups, has_bias = cases[case]
    text, out = build(op, x_shape, w_shape, "bf16", stride, pre, post, dilation, groups, has_bias, cast_from="f32")
    rounded = lambda a: a.astype(ml_dtypes.bfloat16).astype(np.float32)  # noqa: E731
    x, w = rounded(sample(x_shape, np.float32, 10)), rounded(sample(w_shape, np.float32, 11))
    b = rounded(sample([out[1]], np.float32, 12)) if has_bias else None
    (y,) = _C.compile(text).run([x, w] + ([b] if has_bias else []))
    oracle = torch_conv if op == "convolution" else torch_deconv
    expected = oracle(x, w, b, stride, pre, post, dilation or [1] * len(stride), groups)
    np.testing.assert_allclose(y, rounded(expected.astype(np.float32)), rtol=8e-3, atol=8e-3)


@pytest.mark.parametrize("op, static_kernel, static_bias", [
    ("convolution", True, False), ("convolution", True, True), ("convolution", False, True),
    ("deconvolution", True, True), ("deconvolution", False, True), ("deconvolution", True, False),
])
@pytest.mark.parametrize("dtype", [np.float32, np.float16])
def test_static_kernel_and_bias(op, static_kernel, static_bias, dtype):
    elem = MLIR[np.dtype(dtype)]
    if op == "convolution":
        x_shape, w_shape, stride, pre, post, dilation, groups = (1, 4, 6, 5), (6, 2, 3, 2), [1, 2], [1, 0], [0, 1], [2, 1], 2
        oracle = torch_conv
        channels = w_shape[0]
    else:
        x_shape, w_shape, stride, pre, post, dilation, groups = (1, 4, 3, 4), (4, 3, 2, 3), [2, 1], [0, 1], [1, 0], [1, 1], 2
        oracle = torch_deconv
        channels = w_shape[1] * groups
    x, w, b = sample(x_shape, dtype, 13), sample(w_shape, dtype, 14), sample([channels], dtype, 15)
    text, out = build(op, x_shape, w_shape, elem, stride, pre, post, dilation, groups, bias=True,
                      static_kernel=w if static_kernel else None, static_bias=b if static_bias else None)
    inputs = [x] + ([] if static_kernel else [w]) + ([] if static_bias else [b])
    (y,) = _C.compile(text).run(inputs)
    np.testing.assert_allclose(y.astype(np.float64), oracle(x, w, b, stride, pre, post, dilation, groups), **tol(dtype))


@pytest.mark.parametrize("op", ["convolution", "deconvolution"])
@pytest.mark.parametrize("special", [np.nan, np.inf, -np.inf])
def test_nan_and_inf_propagate(op, special):
    x_shape, w_shape = (1, 2, 5, 5), (2, 2, 3, 3)
    text, out = build(op, x_shape, w_shape, "f32", [1, 1], [1, 1], [1, 1])
    x, w, b = sample(x_shape, np.float32, 16), sample(w_shape, np.float32, 17), sample([2], np.float32, 18)
    x[0, 1, 2, 3] = special
    (y,) = _C.compile(text).run([x, w, b])
    oracle = torch_conv if op == "convolution" else torch_deconv
    expected = oracle(x, w, b, [1, 1], [1, 1], [1, 1], [1, 1], 1)
    assert np.isnan(expected).sum() + np.isinf(expected).sum() > 0
    np.testing.assert_allclose(y, expected, rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize("op", ["convolution", "deconvolution"])
def test_empty_batch(op):
    text, out = build(op, (0, 2, 4, 4), (2, 2, 3, 3), "f32", [1, 1], [0, 0], [0, 0])
    (y,) = _C.compile(text).run([np.zeros((0, 2, 4, 4), np.float32), sample((2, 2, 3, 3), np.float32, 1),
                                 sample([2], np.float32, 2)])
    assert list(y.shape) == out and y.size == 0


def test_dynamic_convolution():
    profile = "tensorrt.shape_profile = #tensorrt.shape_profile<min = [1, 3, 4, 4], opt = [2, 3, 8, 8], max = [4, 3, 16, 16]>"
    w_shape = (6, 3, 3, 3)
    text, _ = build("convolution", (1, 3, 8, 8), w_shape, "f32", [2, 1], [1, 0], [0, 1],
                    dyn_profile=([None, 3, None, None], [None, 6, None, None], profile))
    engine = _C.compile(text)
    w, b = sample(w_shape, np.float32, 19), sample([6], np.float32, 20)
    for shape in [(1, 3, 8, 8), (3, 3, 5, 11)]:
        x = sample(shape, np.float32, 21)
        (y,) = engine.run([x, w, b])
        np.testing.assert_allclose(y, torch_conv(x, w, b, [2, 1], [1, 0], [0, 1], [1, 1], 1), rtol=1e-5, atol=1e-5)


def test_dynamic_deconvolution():
    profile = "tensorrt.shape_profile = #tensorrt.shape_profile<min = [1, 4, 1], opt = [1, 4, 8], max = [2, 4, 32]>"
    w_shape = (4, 3, 3)
    text, _ = build("deconvolution", (1, 4, 8), w_shape, "f32", [2], [1], [0], dilation=[2], groups=2,
                    dyn_profile=([None, 4, None], [None, 6, None], profile))
    engine = _C.compile(text)
    w, b = sample(w_shape, np.float32, 22), sample([6], np.float32, 23)
    for shape in [(1, 4, 8), (2, 4, 3)]:
        x = sample(shape, np.float32, 24)
        (y,) = engine.run([x, w, b])
        np.testing.assert_allclose(y, torch_deconv(x, w, b, [2], [1], [0], [2], 2), rtol=1e-5, atol=1e-5)


def test_dynamic_input_too_small_for_window():
    profile = "tensorrt.shape_profile = #tensorrt.shape_profile<min = [1, 3, 1, 1], opt = [1, 3, 8, 8], max = [1, 3, 16, 16]>"
    text, _ = build("convolution", (1, 3, 8, 8), (2, 3, 3, 3), "f32", [1, 1], [0, 0], [0, 0],
                    dyn_profile=([1, 3, None, None], [1, 2, None, None], profile))
    engine = _C.compile(text)
    w, b = sample((2, 3, 3, 3), np.float32, 1), sample([2], np.float32, 2)
    with pytest.raises(Exception, match="too small for the window 3"):
        engine.run([sample((1, 3, 2, 8), np.float32, 3), w, b])


def test_groups_must_divide_channels():
    text, _ = build("convolution", (1, 3, 8, 8), (4, 1, 3, 3), "f32", [1, 1], [0, 0], [0, 0], groups=2)
    with pytest.raises(Exception, match=r"num_groups \(2\) to divide the input channels \(3\)"):
        _C.compile(text)


def test_wrong_kernel_shape_at_run_time():
    text, _ = build("convolution", (1, 4, 6, 6), (2, 4, 3, 3), "f32", [1, 1], [0, 0], [0, 0])
    engine = _C.compile(text)
    with pytest.raises(Exception, match="2x4x3x3"):
        engine.run([sample((1, 4, 6, 6), np.float32, 1), sample((2, 4, 2, 2), np.float32, 2),
                    sample([2], np.float32, 3)])
