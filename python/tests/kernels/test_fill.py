"""linspace, random_uniform and random_normal reference kernels.

The random kernels are counter-based (splitmix64 of seed and element index,
Box-Muller for normal samples), so their values are checked exactly against
a Python restatement of the generator, and statistically against the
distribution.
"""

import math

import numpy as np
import pytest

from _fn import NP, compile_text, function, run, ttype

MASK = (1 << 64) - 1


def bits(seed, counter):
    z = (seed + (counter + 1) * 0x9E3779B97F4A7C15) & MASK
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return z ^ (z >> 31)


def u01(seed, counter):
    return (bits(seed, counter) >> 11) * 2.0**-53


def ref_uniform(n, low, high, seed):
    return np.array([low + (high - low) * u01(seed, i) for i in range(n)])


def ref_normal(n, mean, std, seed):
    return np.array([mean + std * math.sqrt(-2 * math.log(1 - u01(seed, 2 * i))) * math.cos(2 * math.pi * u01(seed, 2 * i + 1))
                     for i in range(n)])


# ----------------------------------------------------------------------------
# linspace


@pytest.mark.parametrize("elem", ["f32", "i32", "i64"])
@pytest.mark.parametrize("n, start, step", [(1, 0.0, 1.0), (7, 2.0, 3.0), (5, -4.0, -2.0), (0, 1.0, 1.0), (16, 0.0, 0.0)])
def test_linspace_static(n, start, step, elem):
    line = f"%r = tensorrt.linspace [{start:.1f}][static][{step:.1f}] : {ttype((n,), elem)}"
    (got,) = run(function([], [((n,), elem)], [line], ["%r"]), [])
    np.testing.assert_array_equal(got, (start + step * np.arange(n)).astype(NP[elem]))


def test_linspace_static_fraction_f32():
    (got,) = run(function([], [((5,), "f32")], ["%r = tensorrt.linspace [0.5][static][0.25] : tensor<5xf32>"], ["%r"]), [])
    np.testing.assert_array_equal(got, np.float32(0.5) + np.float32(0.25) * np.arange(5, dtype=np.float32))


@pytest.mark.parametrize("elem", ["f32", "i32", "i64"])
@pytest.mark.parametrize("shape", [(3, 4), (2, 3, 5), (6,), (1, 1)])
def test_linspace_dynamic_start_and_steps(shape, elem):
    rank = len(shape)
    line = (f"%r = tensorrt.linspace [%a0 : {ttype((), elem)}][static][%a1 : {ttype((rank,), elem)}] : "
            f"{ttype(shape, elem)}")
    text = function([((), elem), ((rank,), elem)], [(shape, elem)], [line], ["%r"])
    start = np.array(3, NP[elem])
    steps = np.array([2, -1, 5][:rank], NP[elem]) if elem != "f32" else np.array([0.5, -1.25, 2.0][:rank], np.float32)
    (got,) = run(text, [start, steps])
    idx = np.indices(shape)
    want = start.astype(np.float64) + sum(steps[d].astype(np.float64) * idx[d] for d in range(rank))
    np.testing.assert_allclose(got.astype(np.float64), want, rtol=1e-6)
    assert got.dtype == NP[elem]


def test_linspace_with_static_shape_operand():
    line = "%r = tensorrt.linspace [%a0 : tensor<f32>][%a1 : tensor<2xi32>][%a2 : tensor<2xf32>] : tensor<2x3xf32>"
    text = function([((), "f32"), ((2,), "i32"), ((2,), "f32")], [((2, 3), "f32")], [line], ["%r"])
    (got,) = run(text, [np.float32(1), np.array([2, 3], np.int32), np.array([10, 1], np.float32)])
    np.testing.assert_array_equal(got, [[1, 2, 3], [11, 12, 13]])
    with pytest.raises(Exception, match="shape operand holds size 4 for dim 1"):
        run(text, [np.float32(1), np.array([2, 4], np.int32), np.array([10, 1], np.float32)])


def test_linspace_shape_from_operand_values():
    line = "%r = tensorrt.linspace [%a0 : tensor<f32>][%a1 : tensor<2xi32>][%a2 : tensor<2xf32>] : tensor<?x?xf32>"
    text = function([((), "f32"), ((2,), "i32"), ((2,), "f32")], [((None, None), "f32")], [line], ["%r"])
    engine = compile_text(text)
    for shape in ((2, 3), (4, 1), (0, 5)):
        (got,) = engine.run([np.array(1, np.float32), np.array(shape, np.int32), np.array([10, 1], np.float32)])
        idx = np.indices(shape)
        np.testing.assert_array_equal(got, (1 + 10 * idx[0] + idx[1]).astype(np.float32))
    with pytest.raises(Exception, match="negative size -3"):
        engine.run([np.array(1, np.float32), np.array([2, -3], np.int32), np.array([10, 1], np.float32)])


@pytest.mark.parametrize("op", ["random_uniform", "random_normal"])
def test_random_shape_from_operand_values(op):
    line = f"%r = tensorrt.{op} shape(%a0 : tensor<2xi32>) -> tensor<?x?xf32>"
    engine = compile_text(function([((2,), "i32")], [((None, None), "f32")], [line], ["%r"]))
    ref = ref_uniform if op == "random_uniform" else ref_normal
    for shape in ((3, 4), (1, 7)):
        (got,) = engine.run([np.array(shape, np.int32)])
        np.testing.assert_array_equal(got, ref(int(np.prod(shape)), 0.0, 1.0, 0).reshape(shape).astype(np.float32))


def test_random_dynamic_result_without_shape_operand_is_rejected():
    import kiln._C
    text = function([], [((None,), "f32")], ["%r = tensorrt.random_uniform -> tensor<?xf32>"], ["%r"])
    with pytest.raises(kiln._C.CompileError):
        compile_text(text)


# ----------------------------------------------------------------------------
# random_uniform / random_normal


def uniform_text(shape, elem, low=None, high=None, seed=None):
    attrs = []
    if low is not None:
        attrs += [f"static_low = {low:e}", f"static_high = {high:e}"]
    if seed is not None:
        attrs.append(f"seed = {seed} : i64")
    a = f" {{{', '.join(attrs)}}}" if attrs else ""
    return function([], [(shape, elem)], [f"%r = tensorrt.random_uniform{a} -> {ttype(shape, elem)}"], ["%r"])


def normal_text(shape, elem, mean=None, std=None, seed=None):
    attrs = []
    if mean is not None:
        attrs += [f"static_mean = {mean:e}", f"static_std = {std:e}"]
    if seed is not None:
        attrs.append(f"seed = {seed} : i64")
    a = f" {{{', '.join(attrs)}}}" if attrs else ""
    return function([], [(shape, elem)], [f"%r = tensorrt.random_normal{a} -> {ttype(shape, elem)}"], ["%r"])


@pytest.mark.parametrize("elem", ["f32", "f16"])
@pytest.mark.parametrize("low, high, seed", [(None, None, None), (-1.0, 1.0, 7), (2.0, 2.0, 3), (-5.0, 10.0, 123456789)])
@pytest.mark.parametrize("shape", [(4, 5), (17,)])
def test_random_uniform_exact_values(shape, low, high, seed, elem):
    (got,) = run(uniform_text(shape, elem, low, high, seed), [])
    lo, hi = (0.0, 1.0) if low is None else (low, high)
    want = ref_uniform(int(np.prod(shape)), lo, hi, seed or 0).reshape(shape).astype(np.float32).astype(NP[elem])
    np.testing.assert_array_equal(got, want)
    assert ((got >= lo) & (got <= hi)).all()


@pytest.mark.parametrize("elem", ["f32", "f16"])
@pytest.mark.parametrize("mean, std, seed", [(None, None, None), (3.0, 0.5, 11), (-1.0, 0.0, 2)])
def test_random_normal_exact_values(mean, std, seed, elem):
    (got,) = run(normal_text((3, 7), elem, mean, std, seed), [])
    m, s = (0.0, 1.0) if mean is None else (mean, std)
    want = ref_normal(21, m, s, seed or 0).reshape(3, 7).astype(np.float32).astype(NP[elem])
    np.testing.assert_array_equal(got, want)


def test_random_is_reproducible_and_seeded():
    a = run(uniform_text((64,), "f32", seed=5), [])[0]
    b = compile_text(uniform_text((64,), "f32", seed=5))
    assert np.array_equal(a, b.run([])[0]) and np.array_equal(a, b.run([])[0])
    c = run(uniform_text((64,), "f32", seed=6), [])[0]
    assert not np.array_equal(a, c)


def test_random_uniform_statistics():
    (x,) = run(uniform_text((200000,), "f32", -2.0, 6.0, seed=1), [])
    assert abs(x.mean() - 2.0) < 0.03 and abs(x.var() - 64 / 12) < 0.05
    hist, _ = np.histogram(x, bins=8, range=(-2, 6))
    assert (np.abs(hist / len(x) - 1 / 8) < 0.005).all()


def test_random_normal_statistics():
    (x,) = run(normal_text((200000,), "f32", 1.5, 2.0, seed=9), [])
    assert abs(x.mean() - 1.5) < 0.03 and abs(x.std() - 2.0) < 0.03
    z = (x - 1.5) / 2.0
    assert abs((np.abs(z) < 1).mean() - 0.6827) < 0.01


def test_random_dynamic_parameters():
    line = "%r = tensorrt.random_uniform low(%a0 : tensor<f32>) high(%a1 : tensor<f32>) -> tensor<10xf32>"
    text = function([((), "f32"), ((), "f32")], [((10,), "f32")], [line], ["%r"])
    engine = compile_text(text)
    (got,) = engine.run([np.array(10, np.float32), np.array(20, np.float32)])
    np.testing.assert_array_equal(got, ref_uniform(10, 10.0, 20.0, 0).astype(np.float32))
    with pytest.raises(Exception, match=r"low \(3\) exceeds high \(1\)"):
        engine.run([np.array(3, np.float32), np.array(1, np.float32)])
    line = "%r = tensorrt.random_normal mean(%a0 : tensor<f32>) std(%a1 : tensor<f32>) -> tensor<6xf32>"
    text = function([((), "f32"), ((), "f32")], [((6,), "f32")], [line], ["%r"])
    (got,) = run(text, [np.array(-2, np.float32), np.array(3, np.float32)])
    np.testing.assert_array_equal(got, ref_normal(6, -2.0, 3.0, 0).astype(np.float32))


def test_random_uniform_rejects_low_above_high():
    import kiln._C
    with pytest.raises(kiln._C.CompileError, match="at most static_high"):
        compile_text(uniform_text((3,), "f32", 2.0, 1.0))
