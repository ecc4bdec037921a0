import sys

import numpy as np
import pytest

import kiln

DTYPES = {kiln.float32: np.float32, kiln.float16: np.float16, kiln.int32: np.int32, kiln.int64: np.int64}


def next_line() -> int:
    """Line number of the caller's next line (for asserting error locations)."""
    return sys._getframe(1).f_lineno + 1


def random(shape, dtype=np.float32, seed=0, low=-2.0, high=2.0):
    rng = np.random.default_rng(seed)
    if np.issubdtype(dtype, np.integer):
        return rng.integers(-5, 6, size=shape).astype(dtype)
    return rng.uniform(low, high, size=shape).astype(dtype)


def tolerance(dtype):
    return {"rtol": 2e-2, "atol": 2e-2} if np.dtype(dtype) == np.float16 else {"rtol": 1e-5, "atol": 1e-5}


@pytest.fixture
def rng():
    return np.random.default_rng(1234)
