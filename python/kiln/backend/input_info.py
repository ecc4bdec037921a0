"""Describing the runtime inputs of a compiled function: shapes with
min/opt/max bounds per dimension, named dimensions, and dimension-size
(scalar) inputs."""

from dataclasses import dataclass
from typing import Dict, Optional, Sequence, Tuple, Union

import numpy as np

from kiln import _dtype
from kiln.exception import raise_error


@dataclass(frozen=True)
class Bounds:
    """
    The smallest, optimal (planned for) and largest shape or value an input accepts.

    .. code-block:: python

        bounds = kiln.InputInfo(((1, 2, 4), 8), kiln.float32).shape_bounds
        assert bounds.min == (1, 8) and bounds.max == (4, 8) and not bounds.is_static()
    """

    #: The minimum.
    min: Tuple[int, ...]
    #: The value to optimize for.
    opt: Tuple[int, ...]
    #: The maximum.
    max: Tuple[int, ...]

    def is_static(self) -> bool:
        """Whether min, opt and max are equal."""
        return self.min == self.opt == self.max


class NamedDimension:
    """
    A dynamic dimension with a name and (min, opt, max) bounds. Dimensions
    with the same name, in one input or several, must be equal at run time;
    the executable refuses calls where they differ.

    .. code-block:: python

        batch = kiln.NamedDimension("batch", 1, 2, 3)
        assert batch.bounds == (1, 2, 3)
    """

    def __init__(self, name: str, min: int, opt: int, max: int):
        if not isinstance(name, str) or not name:
            raise_error(f"kiln.NamedDimension: expected a non-empty name, got {name!r}")
        _check_bounds((min, opt, max), f"kiln.NamedDimension '{name}'")
        #: The dimension's name.
        self.name = name
        #: ``(min, opt, max)``.
        self.bounds = (int(min), int(opt), int(max))

    def __str__(self):
        return f"NamedDimension<name: '{self.name}', bounds: {self.bounds}>"

    __repr__ = __str__


def _is_int(value) -> bool:
    return isinstance(value, (int, np.integer)) and not isinstance(value, bool)


def _check_bounds(bounds, what):
    if not all(_is_int(b) for b in bounds):
        raise_error(f"{what}: expected integer (min, opt, max) bounds, got {tuple(bounds)}")
    lo, opt, hi = (int(b) for b in bounds)
    if not 0 <= lo <= opt <= hi:
        raise_error(f"{what}: expected 0 <= min <= opt <= max, got (min, opt, max) = ({lo}, {opt}, {hi})")


class InputInfo:
    """
    The shape and dtype of a runtime input to :func:`kiln.compile`.

    Args:
        shape: The input's shape. A dimension is an int (static), a
            ``(min, opt, max)`` tuple (dynamic: any size in ``[min, max]``
            runs; the engine is planned for ``opt``), or a
            :class:`kiln.NamedDimension`.
        dtype: The element type.

    .. code-block:: python

        info = kiln.InputInfo((2, 4), dtype=kiln.float32)
        assert info.shape_bounds.min == (2, 4) and info.shape == (2, 4)

        dynamic = kiln.InputInfo(((1, 2, 3), 4), dtype=kiln.float32)
        assert dynamic.shape_bounds.max == (3, 4) and dynamic.shape == (None, 4)
    """

    def __init__(self, shape: Sequence[Union[int, Tuple[int, int, int], NamedDimension]],
                 dtype: "_dtype.dtype" = _dtype.float32):
        if not _dtype.is_dtype(dtype):
            raise_error(f"kiln.InputInfo: expected dtype to be a kiln dtype such as kiln.float32, got {dtype!r}")
        if _is_int(shape):
            shape = (shape,)
        if not isinstance(shape, (tuple, list)):
            raise_error(f"kiln.InputInfo: expected a shape (a sequence), got {type(shape).__name__}")
        lows, opts, highs = [], [], []
        #: Dimension index -> name, for named dimensions.
        self.dimension_names: Dict[int, str] = {}
        for i, dim in enumerate(shape):
            if isinstance(dim, NamedDimension):
                self.dimension_names[i] = dim.name
                dim = dim.bounds
            if _is_int(dim):
                if dim < 0:
                    raise_error(f"kiln.InputInfo: expected a non-negative size for dimension {i}, got {dim}")
                dim = (int(dim),) * 3
            if not isinstance(dim, (tuple, list)) or len(dim) != 3:
                raise_error(
                    f"kiln.InputInfo: expected dimension {i} to be an int, a (min, opt, max) tuple or a "
                    f"kiln.NamedDimension, got {dim!r}"
                )
            _check_bounds(dim, f"kiln.InputInfo: dimension {i}")
            lows.append(int(dim[0]))
            opts.append(int(dim[1]))
            highs.append(int(dim[2]))
        #: The (min, opt, max) shapes.
        self.shape_bounds = Bounds(tuple(lows), tuple(opts), tuple(highs))
        #: The element type.
        self.dtype = dtype

    @property
    def shape(self) -> Tuple[Optional[int], ...]:
        """The shape with ``None`` for dynamic dimensions."""
        b = self.shape_bounds
        return tuple(lo if lo == hi else None for lo, hi in zip(b.min, b.max))

    def is_static(self) -> bool:
        return self.shape_bounds.is_static()

    def __str__(self):
        return f"InputInfo<{self.shape_bounds}, dimension names: {self.dimension_names}, dtype: {self.dtype}>"

    def __repr__(self):
        if self.is_static():
            return f"InputInfo(shape={self.shape}, dtype={self.dtype})"
        b = self.shape_bounds
        return f"InputInfo(shape_bounds=(min={b.min}, opt={b.opt}, max={b.max}), dtype={self.dtype})"

    def __eq__(self, other):
        return isinstance(other, InputInfo) and self.shape_bounds == other.shape_bounds and self.dtype == other.dtype

    __hash__ = None


class DimensionInputInfo:
    """
    A dimension-size input of a compiled function: a scalar ``int32`` whose
    value, between the bounds, may size the function's tensors. The compiled
    function receives it as a :class:`kiln.DimensionSize`; call the
    executable with an int or a DimensionSize.

    .. code-block:: python

        info = kiln.DimensionInputInfo((1, 2, 3))
        assert info.value_bounds.min == (1,) and info.value_bounds.max == (3,)
    """

    def __init__(self, value_bounds: Tuple[int, int, int]):
        if not isinstance(value_bounds, (tuple, list)) or len(value_bounds) != 3:
            raise_error(f"kiln.DimensionInputInfo: expected (min, opt, max) value bounds, got {value_bounds!r}")
        _check_bounds(value_bounds, "kiln.DimensionInputInfo")
        lo, opt, hi = (int(v) for v in value_bounds)
        #: The (min, opt, max) values, each a 1-tuple.
        self.value_bounds = Bounds((lo,), (opt,), (hi,))
        self.dtype = _dtype.int32

    def __str__(self):
        b = self.value_bounds
        return f"DimensionInputInfo(min={b.min}, opt={b.opt}, max={b.max})"

    __repr__ = __str__
