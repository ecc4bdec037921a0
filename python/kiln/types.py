"""Type aliases used in Kiln's signatures (``kiln.types``)."""

import numbers
from typing import Sequence, Union

#: A :class:`kiln.Tensor` or a Python number convertible into one.
TensorLike = Union["kiln.Tensor", numbers.Number]

#: An int, or a :class:`kiln.DimensionSize`.
IntLike = Union[int, "kiln.DimensionSize"]

#: A tensor shape: a sequence of :data:`IntLike`.
ShapeLike = Sequence[IntLike]
