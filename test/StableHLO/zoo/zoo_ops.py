"""Zoo cases: elementwise, shape and contraction ops beyond the first cases. See zoo.py for the Case fields."""

from typing import List

from zoo import Case  # noqa: F401

CASES: List[Case] = []
