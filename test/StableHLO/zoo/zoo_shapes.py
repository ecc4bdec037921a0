"""Zoo cases: data movement, contractions and window reductions beyond the
first cases (dynamic slices, interior padding, transposed convolution,
min/prod windows). See zoo.py for the Case fields."""

from typing import List

from zoo import Case  # noqa: F401

CASES: List[Case] = []
