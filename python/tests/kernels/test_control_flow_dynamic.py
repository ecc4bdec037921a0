"""tensorrt.if / while / for whose region values have dynamic (`?`) shapes.

Region block arguments take the shapes of the values passed in, region steps
get theirs from the kernels' shape rules each time the region runs, and the
results take the shapes of what the region yields. Each case compiles one
engine and runs it at several shapes inside the profile against numpy.
"""

import numpy as np
import pytest

from kiln import _C


def profile(lo, opt, hi):
    return ("{tensorrt.shape_profile = #tensorrt.shape_profile<"
            f"min = {lo}, opt = {opt}, max = {hi}>}}")


P1 = profile([1], [4], [16])        # for tensor<?xf32>
P2 = profile([1, 1], [4, 4], [8, 8])  # for tensor<?x?xf32>
PB = profile([1, 3], [4, 3], [8, 3])  # for tensor<?x3xf32>


def engine_of(text):
    return _C.compile(text)


def run(engine, *inputs):
    return engine.run([np.array(x, order="C", copy=True) for x in inputs])


def data(shape, seed=0, dtype=np.float32):
    rng = np.random.default_rng(seed)
    return rng.uniform(-3, 3, size=shape).astype(dtype)


# ----------------------------------------------------------------------------
# tensorrt.if
# ----------------------------------------------------------------------------

IF_SAME_SHAPES = f"""
func.func @main(%c: tensor<i1>, %x: tensor<?x?xf32> {P2}, %y: tensor<?x?xf32> {P2}) -> tensor<?x?xf32> {{
  %r = tensorrt.if (%c : tensor<i1>) -> tensor<?x?xf32> {{
    %s = tensorrt.element_wise <kSUM>(%x, %y : tensor<?x?xf32>, tensor<?x?xf32>) -> tensor<?x?xf32>
    %t = tensorrt.element_wise <kPROD>(%s, %s : tensor<?x?xf32>, tensor<?x?xf32>) -> tensor<?x?xf32>
    tensorrt.yield %t : tensor<?x?xf32>
  }} else {{
    %n = tensorrt.unary {{unaryOperation = #tensorrt.unary_operation<kNEG>}} %x : tensor<?x?xf32>
    %m = tensorrt.element_wise <kMAX>(%n, %y : tensor<?x?xf32>, tensor<?x?xf32>) -> tensor<?x?xf32>
    tensorrt.yield %m : tensor<?x?xf32>
  }}
  return %r : tensor<?x?xf32>
}}
"""


@pytest.mark.parametrize("cond", [True, False])
def test_if_branches_compute_on_dynamic_tensors(cond):
    engine = engine_of(IF_SAME_SHAPES)
    for seed, shape in enumerate([(1, 1), (2, 5), (8, 8), (3, 1), (2, 5)]):
        x, y = data(shape, seed), data(shape, seed + 10)
        (out,) = run(engine, np.array(cond), x, y)
        expected = (x + y) * (x + y) if cond else np.maximum(-x, y)
        assert out.shape == shape
        np.testing.assert_allclose(out, expected, rtol=1e-6)


# The branches yield different sizes: the result's shape is known only once
# the condition (computed from the data) picks a branch.
IF_DIFFERENT_SHAPES = f"""
func.func @main(%x: tensor<?xf32> {P1}) -> (tensor<?xf32>, tensor<f32>) {{
  %s = tensorrt.reduce <kSUM> %x {{reduceAxes = array<i64: 0>}} : tensor<?xf32> -> tensor<f32>
  %zero = tensorrt.constant dense<0.0> : tensor<f32>
  %pos = tensorrt.element_wise <kGREATER>(%s, %zero : tensor<f32>, tensor<f32>) -> tensor<i1>
  %r = tensorrt.if (%pos : tensor<i1>) -> tensor<?xf32> {{
    %n = tensorrt.unary {{unaryOperation = #tensorrt.unary_operation<kNEG>}} %x : tensor<?xf32>
    %twice = tensorrt.concatenation {{axis = 0 : i32}} ins(%x, %n : tensor<?xf32>, tensor<?xf32>) -> tensor<?xf32>
    tensorrt.yield %twice : tensor<?xf32>
  }} else {{
    %a = tensorrt.unary {{unaryOperation = #tensorrt.unary_operation<kABS>}} %x : tensor<?xf32>
    tensorrt.yield %a : tensor<?xf32>
  }}
  %e = tensorrt.unary {{unaryOperation = #tensorrt.unary_operation<kEXP>}} %r : tensor<?xf32>
  %t = tensorrt.reduce <kSUM> %e {{reduceAxes = array<i64: 0>}} : tensor<?xf32> -> tensor<f32>
  return %r, %t : tensor<?xf32>, tensor<f32>
}}
"""


@pytest.mark.parametrize("n", [1, 3, 16])
@pytest.mark.parametrize("sign", [1.0, -1.0])
def test_if_branches_yield_different_shapes(n, sign):
    engine = engine_of(IF_DIFFERENT_SHAPES)
    x = (sign * (np.arange(n, dtype=np.float32) + 0.5)).astype(np.float32)
    r, t = run(engine, x)
    expected = np.concatenate([x, -x]) if x.sum() > 0 else np.abs(x)
    np.testing.assert_array_equal(r, expected)
    np.testing.assert_allclose(t, np.exp(expected).sum(), rtol=1e-5)


# The result type is static while the branches yield `?`: a run whose branch
# yields another size fails, naming the op.
IF_STATIC_RESULT = f"""
func.func @main(%c: tensor<i1>, %x: tensor<?xf32> {P1}) -> tensor<4xf32> {{
  %r = tensorrt.if (%c : tensor<i1>) -> tensor<4xf32> {{
    %d = tensorrt.element_wise <kSUM>(%x, %x : tensor<?xf32>, tensor<?xf32>) -> tensor<?xf32>
    tensorrt.yield %d : tensor<?xf32>
  }} else {{
    tensorrt.yield %x : tensor<?xf32>
  }}
  return %r : tensor<4xf32>
}}
"""


def test_if_static_result_takes_a_dynamic_yield_of_its_size():
    engine = engine_of(IF_STATIC_RESULT)
    x = data((4,), 3)
    np.testing.assert_array_equal(run(engine, np.array(True), x)[0], x + x)
    np.testing.assert_array_equal(run(engine, np.array(False), x)[0], x)


@pytest.mark.parametrize("cond,branch", [(True, "then"), (False, "else")])
def test_if_yield_that_does_not_fit_the_static_result_fails_with_its_location(cond, branch):
    engine = engine_of(IF_STATIC_RESULT)
    with pytest.raises(_C.KilnError) as info:
        run(engine, np.array(cond), data((5,), 1))
    message = str(info.value)
    assert f"{branch} region yields 5xf32 as result 0, which is 4xf32" in message
    assert "if (step 0, " in message and ":3:" in message  # the op's line


IF_NESTED = f"""
func.func @main(%c1: tensor<i1>, %c2: tensor<i1>, %x: tensor<?x3xf32> {PB}) -> tensor<?x3xf32> {{
  %one = tensorrt.constant dense<1.0> : tensor<1x1xf32>
  %r = tensorrt.if (%c1 : tensor<i1>) -> tensor<?x3xf32> {{
    %inner = tensorrt.if (%c2 : tensor<i1>) -> tensor<?x3xf32> {{
      %p = tensorrt.element_wise <kSUM>(%x, %one : tensor<?x3xf32>, tensor<1x1xf32>) -> tensor<?x3xf32>
      tensorrt.yield %p : tensor<?x3xf32>
    }} else {{
      %t = tensorrt.concatenation {{axis = 0 : i32}} ins(%x, %x : tensor<?x3xf32>, tensor<?x3xf32>) -> tensor<?x3xf32>
      tensorrt.yield %t : tensor<?x3xf32>
    }}
    %d = tensorrt.element_wise <kPROD>(%inner, %inner : tensor<?x3xf32>, tensor<?x3xf32>) -> tensor<?x3xf32>
    tensorrt.yield %d : tensor<?x3xf32>
  }} else {{
    %n = tensorrt.unary {{unaryOperation = #tensorrt.unary_operation<kNEG>}} %x : tensor<?x3xf32>
    tensorrt.yield %n : tensor<?x3xf32>
  }}
  return %r : tensor<?x3xf32>
}}
"""


@pytest.mark.parametrize("c1", [True, False])
@pytest.mark.parametrize("c2", [True, False])
def test_nested_if_on_dynamic_tensors(c1, c2):
    engine = engine_of(IF_NESTED)
    for rows in (1, 4, 8, 2):
        x = data((rows, 3), rows)
        (out,) = run(engine, np.array(c1), np.array(c2), x)
        if c1:
            inner = x + 1 if c2 else np.concatenate([x, x])
            expected = inner * inner
        else:
            expected = -x
        np.testing.assert_allclose(out, expected, rtol=1e-6)


# A value-dependent shape inside a branch (non_zero's count) sizes the
# branch's values and the if's result while the region runs.
IF_NON_ZERO = f"""
func.func @main(%x: tensor<?xf32> {P1}, %c: tensor<i1>) -> tensor<1x?xi32> {{
  %zero = tensorrt.constant dense<0.0> : tensor<1xf32>
  %r = tensorrt.if (%c : tensor<i1>) -> tensor<1x?xi32> {{
    %m = tensorrt.element_wise <kGREATER>(%x, %zero : tensor<?xf32>, tensor<1xf32>) -> tensor<?xi1>
    %nz = tensorrt.non_zero %m : tensor<?xi1> -> tensor<1x?xi32>
    tensorrt.yield %nz : tensor<1x?xi32>
  }} else {{
    %m = tensorrt.element_wise <kLESS>(%x, %zero : tensor<?xf32>, tensor<1xf32>) -> tensor<?xi1>
    %nz = tensorrt.non_zero %m : tensor<?xi1> -> tensor<1x?xi32>
    tensorrt.yield %nz : tensor<1x?xi32>
  }}
  return %r : tensor<1x?xi32>
}}
"""


@pytest.mark.parametrize("cond", [True, False])
def test_if_with_a_value_dependent_shape_inside(cond):
    engine = engine_of(IF_NON_ZERO)
    for seed, n in enumerate([1, 7, 16, 5]):
        x = data((n,), seed)
        x[0] = 0.0
        (out,) = run(engine, x, np.array(cond))
        expected = np.stack(np.nonzero(x > 0 if cond else x < 0)).astype(np.int32)
        assert out.shape == expected.shape
        np.testing.assert_array_equal(out, expected)


# ----------------------------------------------------------------------------
# tensorrt.while
# ----------------------------------------------------------------------------

WHILE_DOUBLE = f"""
func.func @main(%x: tensor<?x3xf32> {PB}, %limit: tensor<f32>) -> (tensor<?x3xf32>, tensor<i32>) {{
  %two = tensorrt.constant dense<2.0> : tensor<1x1xf32>
  %zero = tensorrt.constant dense<0> : tensor<i32>
  %one = tensorrt.constant dense<1> : tensor<i32>
  %r:2 = tensorrt.while (%x, %zero : tensor<?x3xf32>, tensor<i32>) -> tensor<?x3xf32>, tensor<i32> {{
  ^bb0(%v: tensor<?x3xf32>, %k: tensor<i32>):
    %a = tensorrt.unary {{unaryOperation = #tensorrt.unary_operation<kABS>}} %v : tensor<?x3xf32>
    %m = tensorrt.reduce <kMAX> %a {{reduceAxes = array<i64: 0, 1>}} : tensor<?x3xf32> -> tensor<f32>
    %go = tensorrt.element_wise <kLESS>(%m, %limit : tensor<f32>, tensor<f32>) -> tensor<i1>
    tensorrt.condition(%go : tensor<i1>) %v, %k : tensor<?x3xf32>, tensor<i32>
  }}, {{
  ^bb0(%v: tensor<?x3xf32>, %k: tensor<i32>):
    %d = tensorrt.element_wise <kPROD>(%v, %two : tensor<?x3xf32>, tensor<1x1xf32>) -> tensor<?x3xf32>
    %k1 = tensorrt.element_wise <kSUM>(%k, %one : tensor<i32>, tensor<i32>) -> tensor<i32>
    tensorrt.yield %d, %k1 : tensor<?x3xf32>, tensor<i32>
  }}
  return %r#0, %r#1 : tensor<?x3xf32>, tensor<i32>
}}
"""


@pytest.mark.parametrize("limit", [0.1, 10.0, 1000.0])
def test_while_doubles_a_dynamic_tensor(limit):
    engine = engine_of(WHILE_DOUBLE)
    for rows in (1, 5, 8, 3):
        x = data((rows, 3), rows) / 4
        v, k = x.copy(), 0
        while np.abs(v).max() < limit:
            v, k = v * 2, k + 1
        out, count = run(engine, x, np.array(limit, np.float32))
        assert out.shape == (rows, 3)
        np.testing.assert_array_equal(out, v)
        assert int(count) == k


# Shape-preserving work whose inner values change shape: each iteration
# takes the positive entries (non_zero's count varies) to update the state.
WHILE_INNER_DYNAMIC = f"""
func.func @main(%x: tensor<?xf32> {P1}, %n: tensor<i32>) -> tensor<?xf32> {{
  %zero = tensorrt.constant dense<0.0> : tensor<1xf32>
  %half = tensorrt.constant dense<0.5> : tensor<1xf32>
  %k0 = tensorrt.constant dense<0> : tensor<i32>
  %one = tensorrt.constant dense<1> : tensor<i32>
  %r:2 = tensorrt.while (%x, %k0 : tensor<?xf32>, tensor<i32>) -> tensor<?xf32>, tensor<i32> {{
  ^bb0(%v: tensor<?xf32>, %k: tensor<i32>):
    %go = tensorrt.element_wise <kLESS>(%k, %n : tensor<i32>, tensor<i32>) -> tensor<i1>
    tensorrt.condition(%go : tensor<i1>) %v, %k : tensor<?xf32>, tensor<i32>
  }}, {{
  ^bb0(%v: tensor<?xf32>, %k: tensor<i32>):
    %pos = tensorrt.element_wise <kGREATER>(%v, %zero : tensor<?xf32>, tensor<1xf32>) -> tensor<?xi1>
    %idx = tensorrt.non_zero %pos : tensor<?xi1> -> tensor<1x?xi32>
    %flat = tensorrt.collapse_rank %idx : tensor<1x?xi32> to tensor<?xi32>
    %vals = tensorrt.gather {{axis = 0 : i64}} ins(%v, %flat : tensor<?xf32>, tensor<?xi32>) -> tensor<?xf32>
    %sum = tensorrt.reduce <kSUM> %vals {{reduceAxes = array<i64: 0>, keepDimensions = true}} : tensor<?xf32> -> tensor<1xf32>
    %shift = tensorrt.element_wise <kPROD>(%sum, %half : tensor<1xf32>, tensor<1xf32>) -> tensor<1xf32>
    %next = tensorrt.element_wise <kSUB>(%v, %shift : tensor<?xf32>, tensor<1xf32>) -> tensor<?xf32>
    %k1 = tensorrt.element_wise <kSUM>(%k, %one : tensor<i32>, tensor<i32>) -> tensor<i32>
    tensorrt.yield %next, %k1 : tensor<?xf32>, tensor<i32>
  }}
  return %r#0 : tensor<?xf32>
}}
"""


@pytest.mark.parametrize("iterations", [0, 1, 4])
def test_while_with_value_dependent_shapes_in_its_body(iterations):
    engine = engine_of(WHILE_INNER_DYNAMIC)
    for n in (2, 9, 16):
        x = np.linspace(-2, 3, n).astype(np.float32)
        v = x.copy()
        for _ in range(iterations):
            v = (v - np.float32(0.5) * v[v > 0].sum(dtype=np.float32)).astype(np.float32)
        (out,) = run(engine, x, np.array(iterations, np.int32))
        np.testing.assert_allclose(out, v, rtol=1e-5, atol=1e-5)


# The body yields twice as many elements as it was given: TensorRT keeps a
# loop-carried value's shape, so the run fails naming the loop.
WHILE_GROWS = f"""
func.func @main(%x: tensor<?xf32> {P1}) -> tensor<?xf32> {{
  %big = tensorrt.constant dense<100.0> : tensor<f32>
  %r = tensorrt.while (%x : tensor<?xf32>) -> tensor<?xf32> {{
  ^bb0(%v: tensor<?xf32>):
    %s = tensorrt.reduce <kSUM> %v {{reduceAxes = array<i64: 0>}} : tensor<?xf32> -> tensor<f32>
    %go = tensorrt.element_wise <kLESS>(%s, %big : tensor<f32>, tensor<f32>) -> tensor<i1>
    tensorrt.condition(%go : tensor<i1>) %v : tensor<?xf32>
  }}, {{
  ^bb0(%v: tensor<?xf32>):
    %w = tensorrt.concatenation {{axis = 0 : i32}} ins(%v, %v : tensor<?xf32>, tensor<?xf32>) -> tensor<?xf32>
    tensorrt.yield %w : tensor<?xf32>
  }}
  return %r : tensor<?xf32>
}}
"""


def test_while_carried_value_that_changes_shape_fails_with_its_location():
    engine = engine_of(WHILE_GROWS)
    big = np.full((3,), 50.0, np.float32)
    np.testing.assert_array_equal(run(engine, big)[0], big)  # no iteration
    with pytest.raises(_C.KilnError) as info:
        run(engine, np.ones((3,), np.float32))
    message = str(info.value)
    assert "the body yields 6xf32 as loop-carried value 0, which is 3xf32" in message
    assert "keeps its shape across iterations" in message
    assert "while (step 0, " in message and ":4:" in message


# ----------------------------------------------------------------------------
# tensorrt.for
# ----------------------------------------------------------------------------

FOR_CARRIED = f"""
func.func @main(%lb: tensor<i32>, %ub: tensor<i32>, %x: tensor<?x?xf32> {P2}, %init: tensor<?x?xf32> {P2}) -> (tensor<?x?xf32>, tensor<?x?xf32>) {{
  %one = tensorrt.constant dense<1> : tensor<i32>
  %r:2 = tensorrt.for %i = %lb to %ub step %one init(%acc = %init, %p = %x) -> (tensor<?x?xf32>, tensor<?x?xf32>) {{
    %f = tensorrt.identity %i : tensor<i32> to tensor<f32>
    %fi = tensorrt.expand_rank %f : tensor<f32> to tensor<1x1xf32>
    %scaled = tensorrt.element_wise <kPROD>(%x, %fi : tensor<?x?xf32>, tensor<1x1xf32>) -> tensor<?x?xf32>
    %a = tensorrt.element_wise <kSUM>(%acc, %scaled : tensor<?x?xf32>, tensor<?x?xf32>) -> tensor<?x?xf32>
    %q = tensorrt.element_wise <kPROD>(%p, %x : tensor<?x?xf32>, tensor<?x?xf32>) -> tensor<?x?xf32>
    tensorrt.yield %a, %q : tensor<?x?xf32>, tensor<?x?xf32>
  }}
  return %r#0, %r#1 : tensor<?x?xf32>, tensor<?x?xf32>
}}
"""


@pytest.mark.parametrize("bounds", [(0, 4), (2, 5), (3, 3), (5, 1)])
def test_for_with_dynamic_carried_values(bounds):
    engine = engine_of(FOR_CARRIED)
    lb, ub = bounds
    for seed, shape in enumerate([(1, 1), (2, 7), (8, 8), (4, 3)]):
        x = data(shape, seed) / 2
        init = data(shape, seed + 5)
        acc, p = init.copy(), x.copy()
        for i in range(lb, ub):
            acc = acc + x * np.float32(i)
            p = p * x
        out_acc, out_p = run(engine, np.array(lb, np.int32), np.array(ub, np.int32), x, init)
        assert out_acc.shape == shape and out_p.shape == shape
        np.testing.assert_allclose(out_acc, acc, rtol=1e-5, atol=1e-6)
        np.testing.assert_allclose(out_p, p, rtol=1e-5, atol=1e-6)


FOR_WITH_IF = f"""
func.func @main(%x: tensor<?xf32> {P1}, %n: tensor<i32>) -> tensor<?xf32> {{
  %zero = tensorrt.constant dense<0> : tensor<i32>
  %one = tensorrt.constant dense<1> : tensor<i32>
  %two = tensorrt.constant dense<2> : tensor<i32>
  %r = tensorrt.for %i = %zero to %n step %one init(%v = %x) -> (tensor<?xf32>) {{
    %half = tensorrt.element_wise <kFLOOR_DIV>(%i, %two : tensor<i32>, tensor<i32>) -> tensor<i32>
    %back = tensorrt.element_wise <kPROD>(%half, %two : tensor<i32>, tensor<i32>) -> tensor<i32>
    %even = tensorrt.element_wise <kEQUAL>(%back, %i : tensor<i32>, tensor<i32>) -> tensor<i1>
    %w = tensorrt.if (%even : tensor<i1>) -> tensor<?xf32> {{
      %d = tensorrt.element_wise <kSUM>(%v, %v : tensor<?xf32>, tensor<?xf32>) -> tensor<?xf32>
      tensorrt.yield %d : tensor<?xf32>
    }} else {{
      %e = tensorrt.element_wise <kSUB>(%v, %x : tensor<?xf32>, tensor<?xf32>) -> tensor<?xf32>
      tensorrt.yield %e : tensor<?xf32>
    }}
    tensorrt.yield %w : tensor<?xf32>
  }}
  return %r : tensor<?xf32>
}}
"""


@pytest.mark.parametrize("n", [0, 1, 4, 7])
def test_for_containing_if_on_dynamic_tensors(n):
    engine = engine_of(FOR_WITH_IF)
    for size in (1, 6, 16):
        x = data((size,), size)
        v = x.copy()
        for i in range(n):
            v = v + v if i % 2 == 0 else v - x
        (out,) = run(engine, x, np.array(n, np.int32))
        np.testing.assert_allclose(out, v, rtol=1e-5, atol=1e-5)


WHILE_WITH_FOR = f"""
func.func @main(%x: tensor<?x?xf32> {P2}, %rounds: tensor<i32>) -> (tensor<?x?xf32>, tensor<i32>) {{
  %zero = tensorrt.constant dense<0> : tensor<i32>
  %one = tensorrt.constant dense<1> : tensor<i32>
  %three = tensorrt.constant dense<3> : tensor<i32>
  %r:2 = tensorrt.while (%x, %zero : tensor<?x?xf32>, tensor<i32>) -> tensor<?x?xf32>, tensor<i32> {{
  ^bb0(%v: tensor<?x?xf32>, %k: tensor<i32>):
    %go = tensorrt.element_wise <kLESS>(%k, %rounds : tensor<i32>, tensor<i32>) -> tensor<i1>
    tensorrt.condition(%go : tensor<i1>) %v, %k : tensor<?x?xf32>, tensor<i32>
  }}, {{
  ^bb0(%v: tensor<?x?xf32>, %k: tensor<i32>):
    %t = tensorrt.for %i = %zero to %three step %one init(%a = %v) -> (tensor<?x?xf32>) {{
      %s = tensorrt.element_wise <kSUM>(%a, %x : tensor<?x?xf32>, tensor<?x?xf32>) -> tensor<?x?xf32>
      tensorrt.yield %s : tensor<?x?xf32>
    }}
    %h = tensorrt.activation {{activationType = #tensorrt.activation_type<kTANH>}} %t : tensor<?x?xf32>
    %k1 = tensorrt.element_wise <kSUM>(%k, %one : tensor<i32>, tensor<i32>) -> tensor<i32>
    tensorrt.yield %h, %k1 : tensor<?x?xf32>, tensor<i32>
  }}
  return %r#0, %r#1 : tensor<?x?xf32>, tensor<i32>
}}
"""


@pytest.mark.parametrize("rounds", [0, 1, 3])
def test_while_containing_for_on_dynamic_tensors(rounds):
    engine = engine_of(WHILE_WITH_FOR)
    for shape in [(1, 8), (3, 2), (8, 8)]:
        x = data(shape, 2) / 3
        v = x.copy()
        for _ in range(rounds):
            v = np.tanh(v + 3 * x)
        out, k = run(engine, x, np.array(rounds, np.int32))
        np.testing.assert_allclose(out, v, rtol=1e-5, atol=1e-6)
        assert int(k) == max(rounds, 0)


# ----------------------------------------------------------------------------
# Engines: profiles, serialization, several shapes in one context
# ----------------------------------------------------------------------------


def test_shape_outside_the_profile_is_refused_with_its_bounds():
    engine = engine_of(FOR_CARRIED)
    x = np.zeros((9, 2), np.float32)
    bounds = [np.array(0, np.int32), np.array(2, np.int32)]
    with pytest.raises(_C.KilnError, match=r"input 2 \('arg2'\): dimension 0 is 9, outside its shape profile \[1, 8\]"):
        run(engine, *bounds, x, x)


def test_carried_operands_of_different_shapes_are_refused():
    engine = engine_of(FOR_CARRIED)
    bounds = [np.array(0, np.int32), np.array(2, np.int32)]
    with pytest.raises(_C.KilnError, match="do not broadcast|cannot pass|different"):
        run(engine, *bounds, np.zeros((2, 3), np.float32), np.zeros((3, 3), np.float32))


def test_dynamic_regions_survive_serialization():
    engine = _C.Engine.from_bytes(engine_of(WHILE_DOUBLE).to_bytes())
    for rows in (2, 7):
        x = np.ones((rows, 3), np.float32)
        out, k = run(engine, x, np.array(5.0, np.float32))
        np.testing.assert_array_equal(out, np.full((rows, 3), 8.0, np.float32))
        assert int(k) == 3


def test_one_engine_alternates_shapes_and_branches():
    engine = engine_of(IF_DIFFERENT_SHAPES)
    for n in (16, 1, 9, 16, 2):
        for sign in (1.0, -1.0):
            x = (sign * np.arange(1, n + 1, dtype=np.float32)).astype(np.float32)
            r, _ = run(engine, x)
            expected = np.concatenate([x, -x]) if x.sum() > 0 else np.abs(x)
            np.testing.assert_array_equal(r, expected)


@pytest.mark.parametrize("dtype,elem", [(np.int32, "i32"), (np.float16, "f16")])
def test_for_on_dynamic_tensors_of_other_types(dtype, elem):
    t = f"tensor<?x{elem}>"
    text = f"""
func.func @main(%x: {t} {P1}, %n: tensor<i32>) -> {t} {{
  %zero = tensorrt.constant dense<0> : tensor<i32>
  %one = tensorrt.constant dense<1> : tensor<i32>
  %r = tensorrt.for %i = %zero to %n step %one init(%v = %x) -> ({t}) {{
    %w = tensorrt.element_wise <kSUM>(%v, %x : {t}, {t}) -> {t}
    tensorrt.yield %w : {t}
  }}
  return %r : {t}
}}
"""
    engine = engine_of(text)
    for size in (1, 5, 16):
        x = (np.arange(size) % 5 - 2).astype(dtype)
        (out,) = run(engine, x, np.array(3, np.int32))
        assert out.dtype == dtype
        np.testing.assert_array_equal(out, (x * 4).astype(dtype))
