"""Every public function, given arguments of the wrong kind or dtype,
answers with a KilnException at the caller's line (never an internal
AttributeError/TypeError/IndexError, never a compiler failure)."""

import inspect

import numpy as np
import pytest

import kiln

_SAMPLE = {
    "dim": 0, "dim0": 0, "dim1": 1, "k": 1, "shape": (2, 3), "dtype": kiln.float32, "value": 1.0, "perm": (1, 0),
    "dims": 0, "scale": 1.0, "kernel_dims": (2,), "sizes": (2, 3), "repeats": 2, "num_split_or_sizes": 1,
    "pad": [(0, 0), (0, 0)],
}
_SKIP = {"compile", "load_safetensors", "copy"}
_BAD = {"str": "abc", "None": None, "rank0": kiln.Tensor(1.0), "bool": kiln.Tensor([[True, False, True]] * 2),
        "int": kiln.Tensor([[1, 2, 3]] * 2)}


def _calls():
    for name in sorted(dir(kiln)):
        func = getattr(kiln, name)
        if name.startswith("_") or name in _SKIP or not inspect.isfunction(func):
            continue
        required = [p for p in inspect.signature(func).parameters.values() if p.default is inspect.Parameter.empty]
        if required:
            yield pytest.param(func, required, id=name)


@pytest.mark.parametrize("func, required", list(_calls()))
def test_bad_arguments_raise_kiln_exceptions(func, required):
    good = kiln.ones((2, 3))
    for label, bad in _BAD.items():
        rest = [_SAMPLE.get(p.name, good) for p in required[1:]]
        try:
            out = func(bad, *rest)
            if isinstance(out, kiln.Tensor):
                out.eval()
        except kiln.KilnException as e:
            message = str(e)
            assert "compiler rejected" not in message and "engine failed" not in message, (label, message)
            assert "test_error_sweep.py" in message, (label, message)


@pytest.mark.parametrize("method", ["reshape", "transpose", "permute", "flatten", "squeeze", "unsqueeze", "cast"])
def test_tensor_methods_with_bad_arguments(method):
    with pytest.raises(kiln.KilnException):
        getattr(kiln.ones((2, 3)), method)("abc", *(["abc"] if method == "transpose" else []))


@pytest.mark.parametrize("dtype", [kiln.int32, kiln.bool, kiln.float16])
def test_dtype_constraints_are_stated(dtype):
    x = kiln.Tensor(np.ones((2, 2)), dtype=dtype)
    try:
        kiln.exp(x).eval()
    except kiln.KilnException as e:
        assert "kiln.exp: unsupported data type: expected a tensor of dtype float32 or float16 or bfloat16" in str(e)
    else:
        assert dtype == kiln.float16
