"""Zoo cases: small models and f16/bf16 programs. See zoo.py for the Case fields."""

from typing import List

from zoo import Case  # noqa: F401

CASES: List[Case] = []
