"""Data-movement kernels on i4, whose elements are packed two per byte: the
copies move nibbles (odd sizes put elements mid-byte), checked against numpy."""

import ml_dtypes
import numpy as np
import pytest

from kiln import _C

I4 = ml_dtypes.int4


def t(shape):
    return f"tensor<{'x'.join(map(str, shape))}xi4>"


def run(args, line, out_shape, inputs):
    params = ", ".join(f"%a{i}: {t(s)}" for i, s in enumerate(args))
    text = f"func.func @main({params}) -> {t(out_shape)} {{\n  %r = {line}\n  return %r : {t(out_shape)}\n}}\n"
    (out,) = _C.compile(text).run(inputs)
    assert out.dtype == np.dtype(I4)
    return out.astype(np.int8)


def values(shape, start=-8):
    n = int(np.prod(shape))
    return ((np.arange(n) + start + 8) % 16 - 8).astype(I4).reshape(shape)


@pytest.mark.parametrize("shape", [(3, 3), (2, 5), (1, 7), (4, 2)])
def test_transpose(shape):
    x = values(shape)
    out = run([shape], f"tensorrt.transpose {{permutation = affine_map<(d0, d1) -> (d1, d0)>}} %a0 : "
                       f"{t(shape)} to {t(shape[::-1])}", shape[::-1], [x])
    np.testing.assert_array_equal(out, x.astype(np.int8).T)


@pytest.mark.parametrize("shape", [(3, 1, 5), (2, 3, 3)])
def test_shuffle_transpose_reshape(shape):
    x = values(shape, start=3)
    mid = (shape[2], shape[0], shape[1])
    out_shape = (shape[2], shape[0] * shape[1])
    line = (f"tensorrt.shuffle {{first_transpose = array<i64: 2, 0, 1>, reshape = array<i64: {out_shape[0]}, "
            f"{out_shape[1]}>, second_transpose = array<i64: 0, 1>}} ins(%a0 : {t(shape)}) -> {t(out_shape)}")
    out = run([shape], line, out_shape, [x])
    np.testing.assert_array_equal(out, x.astype(np.int8).transpose(2, 0, 1).reshape(out_shape))
    assert mid[0] == out_shape[0]


@pytest.mark.parametrize("shape,dims,out_shape", [((1, 3), "0, 1", (3, 3)), ((3,), "1", (5, 3)),
                                                  ((3, 1), "0, 1", (3, 5))])
def test_broadcast(shape, dims, out_shape):
    x = values(shape, start=-2)
    out = run([shape], f"tensorrt.broadcast %a0 broadcast_dims<{dims}> : {t(shape)} to {t(out_shape)}",
              out_shape, [x])
    np.testing.assert_array_equal(out, np.broadcast_to(x.astype(np.int8), out_shape))


@pytest.mark.parametrize("shape", [(5,), (3, 3), (1,)])
def test_copy_ops_keep_values(shape):
    x = values(shape, start=1)
    n = int(np.prod(shape))
    out = run([shape], f"tensorrt.reshape %a0 : {t(shape)} to {t((n,))}", (n,), [x])
    np.testing.assert_array_equal(out, x.astype(np.int8).reshape(n))
