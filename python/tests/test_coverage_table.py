"""docs/kernel-coverage.md matches what the compiler and kernels do now."""

import pathlib
import subprocess
import sys

import pytest

import kiln._C

pytest.importorskip("ml_dtypes")

ROOT = pathlib.Path(__file__).resolve().parents[2]


def test_kernel_names_lists_the_registry():
    names = kiln._C.kernel_names()
    assert names == sorted(names)
    assert {"element_wise", "matrix_multiply", "copy"} <= set(names)


def test_coverage_table_is_current():
    result = subprocess.run([sys.executable, str(ROOT / "scripts/coverage_table.py"), "--check"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
