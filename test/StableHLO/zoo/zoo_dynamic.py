"""Zoo cases: programs with dynamic (symbolic) dimensions. See zoo.py for the Case fields."""

from typing import List

from zoo import Case  # noqa: F401

CASES: List[Case] = []
