"""Reference kernels of tensorrt.if / while / for / assertion (engine regions).

Each case builds a function in the tensorrt dialect, compiles it into an
engine and compares the run with the same computation in Python/numpy.
"""

import numpy as np
import pytest

from kiln import _C

NP = {"f32": np.float32, "f16": np.float16, "i32": np.int32, "i1": np.bool_}


def tensor_type(shape, dtype):
    return "tensor<" + "".join(f"{d}x" for d in shape) + dtype + ">"


def run(text, *inputs):
    engine = _C.compile(text)
    return engine.run([np.asarray(x) for x in inputs])


# ----------------------------------------------------------------------------
# tensorrt.if
# ----------------------------------------------------------------------------

IF_BINARY = """
func.func @main(%c: tensor<i1>, %a: {T}, %b: {T}) -> {T} {{
  %r = tensorrt.if (%c : tensor<i1>) -> {T} {{
    %s = tensorrt.element_wise <kSUM>(%a, %b : {T}, {T}) -> {T}
    tensorrt.yield %s : {T}
  }} else {{
    %p = tensorrt.element_wise <kPROD>(%a, %b : {T}, {T}) -> {T}
    tensorrt.yield %p : {T}
  }}
  return %r : {T}
}}
"""


@pytest.mark.parametrize("dtype", ["f32", "f16", "i32"])
@pytest.mark.parametrize("shape", [(), (4,), (2, 3)])
@pytest.mark.parametrize("cond", [True, False])
def test_if_runs_only_the_chosen_branch(dtype, shape, cond):
    t = tensor_type(shape, dtype)
    rng = np.random.default_rng(7)
    a = rng.integers(-4, 5, size=shape).astype(NP[dtype])
    b = rng.integers(-4, 5, size=shape).astype(NP[dtype])
    (out,) = run(IF_BINARY.format(T=t), np.array(cond), a, b)
    expected = a + b if cond else a * b
    assert out.dtype == expected.dtype
    np.testing.assert_array_equal(out, expected)


IF_I1 = """
func.func @main(%c: tensor<i1>, %a: tensor<3xi1>, %b: tensor<3xi1>) -> tensor<3xi1> {
  %r = tensorrt.if (%c : tensor<i1>) -> tensor<3xi1> {
    %s = tensorrt.element_wise <kAND>(%a, %b : tensor<3xi1>, tensor<3xi1>) -> tensor<3xi1>
    tensorrt.yield %s : tensor<3xi1>
  } else {
    %p = tensorrt.element_wise <kOR>(%a, %b : tensor<3xi1>, tensor<3xi1>) -> tensor<3xi1>
    tensorrt.yield %p : tensor<3xi1>
  }
  return %r : tensor<3xi1>
}
"""


@pytest.mark.parametrize("cond", [True, False])
def test_if_on_i1_values(cond):
    a = np.array([True, True, False])
    b = np.array([True, False, False])
    (out,) = run(IF_I1, np.array(cond), a, b)
    np.testing.assert_array_equal(out, (a & b) if cond else (a | b))


IF_MULTI = """
func.func @main(%c: tensor<i1>, %x: tensor<2xf32>, %n: tensor<i32>) -> (tensor<2xf32>, tensor<i32>) {
  %r:2 = tensorrt.if (%c : tensor<i1>) -> tensor<2xf32>, tensor<i32> {
    %e = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kNEG>} %x : tensor<2xf32>
    tensorrt.yield %e, %n : tensor<2xf32>, tensor<i32>
  } else {
    %k = tensorrt.constant dense<42> : tensor<i32>
    tensorrt.yield %x, %k : tensor<2xf32>, tensor<i32>
  }
  return %r#0, %r#1 : tensor<2xf32>, tensor<i32>
}
"""


@pytest.mark.parametrize("cond", [True, False])
def test_if_with_several_results_outer_values_and_constants(cond):
    x = np.array([1.5, -2.0], np.float32)
    out, n = run(IF_MULTI, np.array(cond), x, np.array(7, np.int32))
    np.testing.assert_array_equal(out, -x if cond else x)
    assert int(n) == (7 if cond else 42)


IF_NESTED = """
func.func @main(%c1: tensor<i1>, %c2: tensor<i1>, %a: tensor<3xf32>, %b: tensor<3xf32>) -> tensor<3xf32> {
  %r = tensorrt.if (%c1 : tensor<i1>) -> tensor<3xf32> {
    %inner = tensorrt.if (%c2 : tensor<i1>) -> tensor<3xf32> {
      %s = tensorrt.element_wise <kSUM>(%a, %b : tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
      tensorrt.yield %s : tensor<3xf32>
    } else {
      %d = tensorrt.element_wise <kSUB>(%a, %b : tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
      tensorrt.yield %d : tensor<3xf32>
    }
    %twice = tensorrt.element_wise <kSUM>(%inner, %inner : tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
    tensorrt.yield %twice : tensor<3xf32>
  } else {
    %m = tensorrt.element_wise <kMAX>(%a, %b : tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
    tensorrt.yield %m : tensor<3xf32>
  }
  return %r : tensor<3xf32>
}
"""


@pytest.mark.parametrize("c1", [True, False])
@pytest.mark.parametrize("c2", [True, False])
def test_nested_if(c1, c2):
    a = np.array([1.0, -2.0, 3.5], np.float32)
    b = np.array([0.5, 4.0, -1.0], np.float32)
    (out,) = run(IF_NESTED, np.array(c1), np.array(c2), a, b)
    if c1:
        expected = 2 * ((a + b) if c2 else (a - b))
    else:
        expected = np.maximum(a, b)
    np.testing.assert_allclose(out, expected, rtol=1e-6)


# ----------------------------------------------------------------------------
# tensorrt.while
# ----------------------------------------------------------------------------

WHILE_RUNNING_SUM = """
func.func @main(%n: tensor<i32>) -> (tensor<i32>, tensor<i32>) {
  %zero = tensorrt.constant dense<0> : tensor<i32>
  %one = tensorrt.constant dense<1> : tensor<i32>
  %r:2 = tensorrt.while (%zero, %zero : tensor<i32>, tensor<i32>) -> tensor<i32>, tensor<i32> {
  ^bb0(%i: tensor<i32>, %acc: tensor<i32>):
    %go = tensorrt.element_wise <kLESS>(%i, %n : tensor<i32>, tensor<i32>) -> tensor<i1>
    tensorrt.condition(%go : tensor<i1>) %i, %acc : tensor<i32>, tensor<i32>
  }, {
  ^bb0(%i: tensor<i32>, %acc: tensor<i32>):
    %next_acc = tensorrt.element_wise <kSUM>(%acc, %i : tensor<i32>, tensor<i32>) -> tensor<i32>
    %next_i = tensorrt.element_wise <kSUM>(%i, %one : tensor<i32>, tensor<i32>) -> tensor<i32>
    tensorrt.yield %next_i, %next_acc : tensor<i32>, tensor<i32>
  }
  return %r#0, %r#1 : tensor<i32>, tensor<i32>
}
"""


@pytest.mark.parametrize("n", [0, 1, 5, 10, 100])
def test_while_running_sum(n):
    i, acc = run(WHILE_RUNNING_SUM, np.array(n, np.int32))
    assert int(i) == max(n, 0)
    assert int(acc) == sum(range(n))


WHILE_FIBONACCI = """
func.func @main(%n: tensor<i32>) -> tensor<i64> {
  %k0 = tensorrt.constant dense<0> : tensor<i32>
  %one = tensorrt.constant dense<1> : tensor<i32>
  %f0 = tensorrt.constant dense<0> : tensor<i64>
  %f1 = tensorrt.constant dense<1> : tensor<i64>
  %r:3 = tensorrt.while (%k0, %f0, %f1 : tensor<i32>, tensor<i64>, tensor<i64>) -> tensor<i32>, tensor<i64>, tensor<i64> {
  ^bb0(%k: tensor<i32>, %a: tensor<i64>, %b: tensor<i64>):
    %go = tensorrt.element_wise <kLESS>(%k, %n : tensor<i32>, tensor<i32>) -> tensor<i1>
    tensorrt.condition(%go : tensor<i1>) %k, %a, %b : tensor<i32>, tensor<i64>, tensor<i64>
  }, {
  ^bb0(%k: tensor<i32>, %a: tensor<i64>, %b: tensor<i64>):
    %s = tensorrt.element_wise <kSUM>(%a, %b : tensor<i64>, tensor<i64>) -> tensor<i64>
    %k1 = tensorrt.element_wise <kSUM>(%k, %one : tensor<i32>, tensor<i32>) -> tensor<i32>
    tensorrt.yield %k1, %b, %s : tensor<i32>, tensor<i64>, tensor<i64>
  }
  return %r#1 : tensor<i64>
}
"""


def fibonacci(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


@pytest.mark.parametrize("n", [0, 1, 2, 10, 50, 90])
def test_while_fibonacci(n):
    (out,) = run(WHILE_FIBONACCI, np.array(n, np.int32))
    assert out.dtype == np.int64
    assert int(out) == fibonacci(n)


WHILE_THRESHOLD = """
func.func @main(%x: tensor<4xf32>, %limit: tensor<f32>) -> tensor<4xf32> {
  %two = tensorrt.constant dense<2.0> : tensor<4xf32>
  %r = tensorrt.while (%x : tensor<4xf32>) -> tensor<4xf32> {
  ^bb0(%v: tensor<4xf32>):
    %m = tensorrt.reduce <kMAX> %v {reduceAxes = array<i64: 0>} : tensor<4xf32> -> tensor<f32>
    %go = tensorrt.element_wise <kLESS>(%m, %limit : tensor<f32>, tensor<f32>) -> tensor<i1>
    tensorrt.condition(%go : tensor<i1>) %v : tensor<4xf32>
  }, {
  ^bb0(%v: tensor<4xf32>):
    %d = tensorrt.element_wise <kPROD>(%v, %two : tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
    tensorrt.yield %d : tensor<4xf32>
  }
  return %r : tensor<4xf32>
}
"""


@pytest.mark.parametrize("limit", [0.5, 3.0, 100.0, 1e6])
def test_while_doubles_until_the_max_crosses_a_threshold(limit):
    x = np.array([0.25, 1.0, -3.0, 0.5], np.float32)
    v = x.copy()
    while v.max() < limit:
        v = v * 2
    (out,) = run(WHILE_THRESHOLD, x, np.array(limit, np.float32))
    np.testing.assert_array_equal(out, v)


# The condition region passes on values other than its arguments: the loop's
# results are what `tensorrt.condition` passes when it stops.
WHILE_CONDITION_PASSES_NEW_VALUES = """
func.func @main(%x: tensor<i32>) -> tensor<i32> {
  %ten = tensorrt.constant dense<10> : tensor<i32>
  %three = tensorrt.constant dense<3> : tensor<i32>
  %r = tensorrt.while (%x : tensor<i32>) -> tensor<i32> {
  ^bb0(%v: tensor<i32>):
    %go = tensorrt.element_wise <kLESS>(%v, %ten : tensor<i32>, tensor<i32>) -> tensor<i1>
    %w = tensorrt.element_wise <kSUM>(%v, %three : tensor<i32>, tensor<i32>) -> tensor<i32>
    tensorrt.condition(%go : tensor<i1>) %w : tensor<i32>
  }, {
  ^bb0(%v: tensor<i32>):
    tensorrt.yield %v : tensor<i32>
  }
  return %r : tensor<i32>
}
"""


@pytest.mark.parametrize("start", [-5, 0, 9, 10, 25])
def test_while_results_come_from_the_condition(start):
    v = start
    while True:
        go, w = v < 10, v + 3
        if not go:
            break
        v = w
    (out,) = run(WHILE_CONDITION_PASSES_NEW_VALUES, np.array(start, np.int32))
    assert int(out) == w


# ----------------------------------------------------------------------------
# tensorrt.for
# ----------------------------------------------------------------------------

FOR_CARRIED = """
func.func @main(%lb: tensor<i32>, %ub: tensor<i32>, %step: tensor<i32>, %x: {T}, %init: {T}) -> ({T}, tensor<i32>) {{
  %zero = tensorrt.constant dense<0> : tensor<i32>
  %r:2 = tensorrt.for %i = %lb to %ub step %step init(%acc = %init, %isum = %zero) -> (tensor<{S}>, tensor<i32>) {{
    %a = tensorrt.element_wise <kSUM>(%acc, %x : {T}, {T}) -> {T}
    %s = tensorrt.element_wise <kSUM>(%isum, %i : tensor<i32>, tensor<i32>) -> tensor<i32>
    tensorrt.yield %a, %s : {T}, tensor<i32>
  }}
  return %r#0, %r#1 : {T}, tensor<i32>
}}
"""


@pytest.mark.parametrize("dtype", ["f32", "f16", "i32"])
@pytest.mark.parametrize("bounds", [(0, 5, 1), (2, 10, 3), (5, 5, 1), (7, 3, 1), (-4, 4, 2), (0, 10, 4)])
def test_for_with_loop_carried_tensors(dtype, bounds):
    lb, ub, step = bounds
    shape = (2, 3)
    t = tensor_type(shape, dtype)
    x = (np.arange(6).reshape(shape) % 4).astype(NP[dtype])
    init = np.full(shape, 1, NP[dtype])
    text = FOR_CARRIED.format(T=t, S="2x3x" + dtype)
    acc, isum = run(text, *(np.array(v, np.int32) for v in bounds), x, init)
    expected = init.copy()
    for _ in range(lb, ub, step):
        expected = expected + x
    np.testing.assert_array_equal(acc, expected)
    assert int(isum) == sum(range(lb, ub, step))


FOR_MATRIX_POWER = """
func.func @main(%m: tensor<2x2xf32>, %n: tensor<i32>) -> tensor<2x2xf32> {
  %zero = tensorrt.constant dense<0> : tensor<i32>
  %one = tensorrt.constant dense<1> : tensor<i32>
  %eye = tensorrt.constant dense<[[1.0, 0.0], [0.0, 1.0]]> : tensor<2x2xf32>
  %r = tensorrt.for %i = %zero to %n step %one init(%p = %eye) -> (tensor<2x2xf32>) {
    %q = tensorrt.matrix_multiply {op0 = #tensorrt.matrix_operation<kNONE>, op1 = #tensorrt.matrix_operation<kNONE>} ins(%p, %m : tensor<2x2xf32>, tensor<2x2xf32>) -> tensor<2x2xf32>
    tensorrt.yield %q : tensor<2x2xf32>
  }
  return %r : tensor<2x2xf32>
}
"""


@pytest.mark.parametrize("n", [0, 1, 3, 6])
def test_for_matrix_power(n):
    m = np.array([[1.0, 1.0], [1.0, 0.0]], np.float32)
    (out,) = run(FOR_MATRIX_POWER, m, np.array(n, np.int32))
    np.testing.assert_allclose(out, np.linalg.matrix_power(m, n), rtol=1e-6)


FOR_WITH_IF = """
func.func @main(%x: tensor<3xf32>, %n: tensor<i32>) -> tensor<3xf32> {
  %zero = tensorrt.constant dense<0> : tensor<i32>
  %one = tensorrt.constant dense<1> : tensor<i32>
  %two = tensorrt.constant dense<2> : tensor<i32>
  %r = tensorrt.for %i = %zero to %n step %one init(%v = %x) -> (tensor<3xf32>) {
    %half = tensorrt.element_wise <kFLOOR_DIV>(%i, %two : tensor<i32>, tensor<i32>) -> tensor<i32>
    %back = tensorrt.element_wise <kPROD>(%half, %two : tensor<i32>, tensor<i32>) -> tensor<i32>
    %even = tensorrt.element_wise <kEQUAL>(%back, %i : tensor<i32>, tensor<i32>) -> tensor<i1>
    %w = tensorrt.if (%even : tensor<i1>) -> tensor<3xf32> {
      %d = tensorrt.element_wise <kSUM>(%v, %v : tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
      tensorrt.yield %d : tensor<3xf32>
    } else {
      %e = tensorrt.element_wise <kSUB>(%v, %x : tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
      tensorrt.yield %e : tensor<3xf32>
    }
    tensorrt.yield %w : tensor<3xf32>
  }
  return %r : tensor<3xf32>
}
"""


@pytest.mark.parametrize("n", [0, 1, 4, 7])
def test_for_containing_if(n):
    x = np.array([1.0, -0.5, 2.0], np.float32)
    v = x.copy()
    for i in range(n):
        v = v + v if i % 2 == 0 else v - x
    (out,) = run(FOR_WITH_IF, x, np.array(n, np.int32))
    np.testing.assert_allclose(out, v, rtol=1e-6)


WHILE_WITH_FOR = """
func.func @main(%limit: tensor<i32>) -> tensor<i32> {
  %zero = tensorrt.constant dense<0> : tensor<i32>
  %one = tensorrt.constant dense<1> : tensor<i32>
  %three = tensorrt.constant dense<3> : tensor<i32>
  %r = tensorrt.while (%one : tensor<i32>) -> tensor<i32> {
  ^bb0(%v: tensor<i32>):
    %go = tensorrt.element_wise <kLESS>(%v, %limit : tensor<i32>, tensor<i32>) -> tensor<i1>
    tensorrt.condition(%go : tensor<i1>) %v : tensor<i32>
  }, {
  ^bb0(%v: tensor<i32>):
    %t = tensorrt.for %i = %zero to %three step %one init(%a = %v) -> (tensor<i32>) {
      %s = tensorrt.element_wise <kSUM>(%a, %i : tensor<i32>, tensor<i32>) -> tensor<i32>
      tensorrt.yield %s : tensor<i32>
    }
    %d = tensorrt.element_wise <kPROD>(%t, %v : tensor<i32>, tensor<i32>) -> tensor<i32>
    tensorrt.yield %d : tensor<i32>
  }
  return %r : tensor<i32>
}
"""


@pytest.mark.parametrize("limit", [0, 2, 1000])
def test_while_containing_for(limit):
    v = 1
    while v < limit:
        v = (v + 0 + 1 + 2) * v
    (out,) = run(WHILE_WITH_FOR, np.array(limit, np.int32))
    assert int(out) == v


def test_for_refuses_a_non_positive_step():
    text = FOR_CARRIED.format(T="tensor<2x3xf32>", S="2x3xf32")
    engine = _C.compile(text)
    x = np.zeros((2, 3), np.float32)
    bounds = [np.array(v, np.int32) for v in (0, 4, 0)]
    with pytest.raises(_C.KilnError, match="step must be positive, got 0"):
        engine.run(bounds + [x, x])


# ----------------------------------------------------------------------------
# tensorrt.assertion
# ----------------------------------------------------------------------------

ASSERTION = """
func.func @main(%a: tensor<{N}xf32>, %b: tensor<{N}xf32>) -> tensor<{N}xf32> {{
  %ok = tensorrt.element_wise <kLESS>(%a, %b : tensor<{N}xf32>, tensor<{N}xf32>) -> tensor<{N}xi1>
  tensorrt.assertion {{message = "a must be below b"}} ins(%ok : tensor<{N}xi1>)
  %d = tensorrt.element_wise <kSUB>(%b, %a : tensor<{N}xf32>, tensor<{N}xf32>) -> tensor<{N}xf32>
  return %d : tensor<{N}xf32>
}}
"""

ASSERTION_SCALAR = """
func.func @main(%a: tensor<f32>) -> tensor<f32> {
  %zero = tensorrt.constant dense<0.0> : tensor<f32>
  %ok = tensorrt.element_wise <kGREATER>(%a, %zero : tensor<f32>, tensor<f32>) -> tensor<i1>
  tensorrt.assertion {message = "a must be positive"} ins(%ok : tensor<i1>)
  return %a : tensor<f32>
}
"""


def test_assertion_passes_on_a_true_vector():
    a = np.array([1.0, 2.0, 3.0], np.float32)
    b = a + 1
    (out,) = run(ASSERTION.replace("{N}", "3").replace("{{", "{").replace("}}", "}"), a, b)
    np.testing.assert_array_equal(out, b - a)


def test_assertion_fails_with_its_message_and_element():
    a = np.array([1.0, 5.0, 3.0], np.float32)
    b = np.array([2.0, 4.0, 4.0], np.float32)
    text = ASSERTION.replace("{N}", "3").replace("{{", "{").replace("}}", "}")
    with pytest.raises(_C.KilnError, match=r"assertion failed: a must be below b \(element 1\)"):
        run(text, a, b)


@pytest.mark.parametrize("value,ok", [(1.0, True), (0.0, False), (-2.0, False), (float("nan"), False)])
def test_scalar_assertion(value, ok):
    engine = _C.compile(ASSERTION_SCALAR)
    a = np.array(value, np.float32)
    if ok:
        np.testing.assert_array_equal(engine.run([a])[0], a)
    else:
        with pytest.raises(_C.KilnError, match="assertion failed: a must be positive") as info:
            engine.run([a])
        assert "assertion (step" in str(info.value)


def test_assertion_in_a_branch_runs_only_when_taken():
    text = """
func.func @main(%c: tensor<i1>, %x: tensor<2xf32>) -> tensor<2xf32> {
  %r = tensorrt.if (%c : tensor<i1>) -> tensor<2xf32> {
    %f = tensorrt.constant dense<false> : tensor<i1>
    tensorrt.assertion {message = "then branch taken"} ins(%f : tensor<i1>)
    tensorrt.yield %x : tensor<2xf32>
  } else {
    tensorrt.yield %x : tensor<2xf32>
  }
  return %r : tensor<2xf32>
}
"""
    engine = _C.compile(text)
    x = np.array([1.0, 2.0], np.float32)
    np.testing.assert_array_equal(engine.run([np.array(False), x])[0], x)
    with pytest.raises(_C.KilnError, match="then branch taken"):
        engine.run([np.array(True), x])


# ----------------------------------------------------------------------------
# Engines, dynamic shapes and refused forms
# ----------------------------------------------------------------------------


def test_regions_survive_serialization():
    engine = _C.compile(WHILE_FIBONACCI)
    clone = _C.Engine.from_bytes(engine.to_bytes())
    assert int(clone.run([np.array(30, np.int32)])[0]) == fibonacci(30)


DYNAMIC_OUTSIDE = """
func.func @main(%x: tensor<?xf32> {tensorrt.shape_profile = #tensorrt.shape_profile<min = [1], opt = [4], max = [16]>}) -> (tensor<f32>, tensor<?xf32>) {
  %s = tensorrt.reduce <kSUM> %x {reduceAxes = array<i64: 0>} : tensor<?xf32> -> tensor<f32>
  %zero = tensorrt.constant dense<0.0> : tensor<f32>
  %pos = tensorrt.element_wise <kGREATER>(%s, %zero : tensor<f32>, tensor<f32>) -> tensor<i1>
  %r = tensorrt.if (%pos : tensor<i1>) -> tensor<f32> {
    tensorrt.yield %s : tensor<f32>
  } else {
    %n = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kNEG>} %s : tensor<f32>
    tensorrt.yield %n : tensor<f32>
  }
  %y = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kABS>} %x : tensor<?xf32>
  return %r, %y : tensor<f32>, tensor<?xf32>
}
"""


@pytest.mark.parametrize("size", [1, 5, 16])
def test_control_flow_in_an_engine_with_dynamic_shapes(size):
    engine = _C.compile(DYNAMIC_OUTSIDE)
    for n in (size, 3):
        x = np.linspace(-3, 2, n).astype(np.float32)
        r, y = engine.run([x])
        np.testing.assert_allclose(r, abs(x.sum(dtype=np.float32)), rtol=1e-5)
        np.testing.assert_array_equal(y, np.abs(x))


def test_dynamic_values_inside_a_region_run():
    # More cases with dynamic region values: test_control_flow_dynamic.py.
    text = """
func.func @main(%c: tensor<i1>, %x: tensor<?xf32> {tensorrt.shape_profile = #tensorrt.shape_profile<min = [1], opt = [4], max = [16]>}) -> tensor<?xf32> {
  %r = tensorrt.if (%c : tensor<i1>) -> tensor<?xf32> {
    tensorrt.yield %x : tensor<?xf32>
  } else {
    tensorrt.yield %x : tensor<?xf32>
  }
  return %r : tensor<?xf32>
}
"""
    engine = _C.compile(text)
    for n, cond in ((1, True), (7, False), (16, True)):
        x = np.arange(n, dtype=np.float32)
        np.testing.assert_array_equal(engine.run([np.array(cond), x])[0], x)
