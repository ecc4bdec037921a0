"""Zoo cases: inputs JAX writes in other forms: sharded modules, resource constants. See zoo.py for the Case fields."""

from typing import List

from zoo import Case  # noqa: F401

CASES: List[Case] = []
