"""einsum reference kernel against numpy.einsum and torch.einsum.

Diagonals (a letter repeated in one input), sums (a letter missing from the
result), implicit results (letters used once, alphabetically) and size-1
dims broadcasting across the two inputs; products accumulate in double.
"""

import numpy as np
import pytest

from _fn import compile_text, function, run, to_bf16, ttype

TOL = {"f32": dict(rtol=1e-5, atol=1e-5), "f16": dict(rtol=2e-3, atol=2e-3), "bf16": dict(rtol=1e-2, atol=1e-2)}

CASES = [
    ("ij,jk->ik", [(3, 4), (4, 5)]),
    ("bij,bjk->bik", [(2, 3, 4), (2, 4, 5)]),
    ("ij->ji", [(3, 5)]),
    ("ii->i", [(4, 4)]),
    ("ii", [(4, 4)]),
    ("ij->", [(3, 4)]),
    ("ij,ij->ij", [(3, 4), (3, 4)]),
    ("i,j->ij", [(3,), (5,)]),
    ("i,i", [(6,), (6,)]),
    ("ij,jk", [(2, 3), (3, 4)]),
    ("bhqd,bhkd->bhqk", [(1, 2, 3, 4), (1, 2, 5, 4)]),
    ("iij->j", [(3, 3, 2)]),
    ("ij,kj->ki", [(2, 3), (4, 3)]),
    ("ab, bc -> ca", [(2, 3), (3, 2)]),
    ("ijk->kij", [(2, 3, 4)]),
]


def einsum_text(eq, shapes, elem, out_shape):
    ins = ", ".join(f"%a{i}" for i in range(len(shapes)))
    types = ", ".join(ttype(s, elem) for s in shapes)
    line = f'%y = tensorrt.einsum {{equation = "{eq}"}} ins({ins} : {types}) -> {ttype(out_shape, elem)}'
    return function([(s, elem) for s in shapes], [(out_shape, elem)], [line], ["%y"])


def inputs(shapes, elem, seed):
    rng = np.random.default_rng(seed)
    xs = [rng.uniform(-1, 1, size=s).astype(np.float16 if elem == "f16" else np.float32) for s in shapes]
    return [to_bf16(x) if elem == "bf16" else x for x in xs]


@pytest.mark.parametrize("elem", ["f32", "f16", "bf16"])
@pytest.mark.parametrize("eq, shapes", CASES, ids=[c[0].replace(" ", "") for c in CASES])
def test_einsum(eq, shapes, elem):
    xs = inputs(shapes, elem, seed=len(eq))
    want = np.einsum(eq.replace(" ", ""), *[x.astype(np.float64) for x in xs])
    (got,) = run(einsum_text(eq, shapes, elem, want.shape), xs)
    assert got.shape == want.shape
    np.testing.assert_allclose(got.astype(np.float64), want, **TOL[elem])


@pytest.mark.parametrize("eq, shapes", [("ij,jk->ik", [(1, 4), (4, 3)]), ("bij,bjk->bik", [(1, 2, 3), (4, 3, 2)]),
                                        ("ij,ij->i", [(3, 1), (3, 5)])])
def test_einsum_size_one_broadcasts(eq, shapes):
    torch = pytest.importorskip("torch")
    xs = inputs(shapes, "f32", seed=5)
    # torch.einsum broadcasts size-1 dims the same way.
    want = torch.einsum(eq, *[torch.from_numpy(x) for x in xs]).numpy()
    (got,) = run(einsum_text(eq, shapes, "f32", want.shape), xs)
    np.testing.assert_allclose(got, want, rtol=1e-5, atol=1e-5)


def test_einsum_matches_torch():
    torch = pytest.importorskip("torch")
    xs = inputs([(2, 3, 4), (4, 5)], "f32", seed=8)
    want = torch.einsum("bij,jk->bik", *[torch.from_numpy(x) for x in xs]).numpy()
    (got,) = run(einsum_text("bij,jk->bik", [(2, 3, 4), (4, 5)], "f32", want.shape), xs)
    np.testing.assert_allclose(got, want, rtol=1e-5, atol=1e-5)


def test_einsum_empty_contraction_gives_zeros():
    xs = [np.zeros((3, 0), np.float32), np.zeros((0, 2), np.float32)]
    (got,) = run(einsum_text("ij,jk->ik", [(3, 0), (0, 2)], "f32", (3, 2)), xs)
    np.testing.assert_array_equal(got, np.zeros((3, 2), np.float32))


def test_einsum_nan_and_inf_propagate():
    a = np.array([[1.0, np.nan], [np.inf, 1.0]], np.float32)
    b = np.array([[1.0, 0.0], [0.0, 1.0]], np.float32)
    (got,) = run(einsum_text("ij,jk->ik", [(2, 2), (2, 2)], "f32", (2, 2)), [a, b])
    np.testing.assert_array_equal(got, np.einsum("ij,jk->ik", a, b))


def test_einsum_dynamic_batch():
    text = function(
        [((None, 3, 4), "f32"), ((None, 4, 2), "f32")], [((None, 3, 2), "f32")],
        ['%y = tensorrt.einsum {equation = "bij,bjk->bik"} ins(%a0, %a1 : tensor<?x3x4xf32>, tensor<?x4x2xf32>) '
         "-> tensor<?x3x2xf32>"],
        ["%y"], profiles={0: ([1, 3, 4], [2, 3, 4], [6, 3, 4]), 1: ([1, 4, 2], [2, 4, 2], [6, 4, 2])})
    engine = compile_text(text)
    for b in (1, 5):
        xs = inputs([(b, 3, 4), (b, 4, 2)], "f32", seed=b)
        (got,) = engine.run(xs)
        np.testing.assert_allclose(got, np.einsum("bij,bjk->bik", *xs), rtol=1e-5, atol=1e-5)


def test_einsum_dynamic_mismatch_is_refused():
    text = function(
        [((None, 4), "f32"), ((None, 2), "f32")], [((None, 2), "f32")],
        ['%y = tensorrt.einsum {equation = "ij,jk->ik"} ins(%a0, %a1 : tensor<?x4xf32>, tensor<?x2xf32>) '
         "-> tensor<?x2xf32>"],
        ["%y"], profiles={0: ([1, 4], [2, 4], [6, 4]), 1: ([1, 2], [4, 2], [6, 2])})
    engine = compile_text(text)
    with pytest.raises(Exception, match="label 'j' has sizes 4 and 3"):
        engine.run([np.zeros((2, 4), np.float32), np.zeros((3, 2), np.float32)])


def test_einsum_rejects_mismatched_labels():
    import kiln._C
    with pytest.raises(kiln._C.CompileError, match="labeled 'j'"):
        compile_text(einsum_text("ij,jk->ik", [(2, 3), (4, 2)], "f32", (2, 2)))


def test_einsum_rank_zero_operand():
    xs = [np.array(2.5, np.float32), np.arange(4, dtype=np.float32)]
    (got,) = run(einsum_text(",i->i", [(), (4,)], "f32", (4,)), xs)
    np.testing.assert_array_equal(got, 2.5 * np.arange(4, dtype=np.float32))
