"""Describing a runtime input of a compiled function."""

from typing import Sequence, Tuple, Union

from kiln import _dtype
from kiln.exception import raise_error


class InputInfo:
    """
    The shape and dtype of a runtime input to :func:`kiln.compile`.

    Args:
        shape: The input's shape. A dimension may be given as
            ``(min, opt, max)`` for a dynamic size, as in nvtripy; Kiln's
            Python frontend accepts only static shapes for now and raises
            :class:`kiln.KilnException` for a dynamic one.
        dtype: The element type.

    .. code-block:: python

        info = kiln.InputInfo((2, 4), dtype=kiln.float32)
        assert info.shape == (2, 4)
    """

    def __init__(self, shape: Sequence[Union[int, Tuple[int, int, int]]], dtype: _dtype.dtype = _dtype.float32):
        if not isinstance(dtype, _dtype.dtype):
            raise_error(f"kiln.InputInfo: expected dtype to be a kiln dtype such as kiln.float32, got {dtype!r}")
        static = []
        for i, dim in enumerate(shape):
            if isinstance(dim, (tuple, list)):
                if len(dim) == 3 and dim[0] == dim[1] == dim[2]:
                    dim = dim[0]
                else:
                    raise_error(
                        f"kiln.InputInfo: dynamic shapes are not implemented yet in Kiln's Python frontend: "
                        f"expected a static size for dimension {i}, got (min, opt, max) = {tuple(dim)}",
                        ["hint: compile one executable per shape for now"],
                    )
            if not isinstance(dim, int) or isinstance(dim, bool) or dim < 0:
                raise_error(f"kiln.InputInfo: expected a non-negative integer size for dimension {i}, got {dim!r}")
            static.append(dim)
        self.shape: Tuple[int, ...] = tuple(static)
        self.dtype = dtype

    def __repr__(self):
        return f"InputInfo(shape={self.shape}, dtype={self.dtype})"

    def __eq__(self, other):
        return isinstance(other, InputInfo) and self.shape == other.shape and self.dtype == other.dtype

    __hash__ = None
