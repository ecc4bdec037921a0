"""A dimension's size as a tensor."""

from typing import Optional

from kiln.tensor import Tensor


class DimensionSize(Tensor):
    """
    A 0-d ``int32`` tensor holding one dimension's size, as ``x.shape[i]``
    gives for a dimension known only at run time. It takes part in shape
    arithmetic (``x.shape[0] * 2``) and can be a dimension of
    :func:`kiln.reshape`, :func:`kiln.full`, :func:`kiln.expand`, ...

    .. code-block:: python

        n = kiln.DimensionSize(3)
        assert int(n * 2) == 6
    """

    def __init__(self, data: int, name: Optional[str] = None):
        from kiln import _dtype

        super().__init__(data, dtype=_dtype.int32, name=name)
        if self.rank != 0:
            from kiln.exception import raise_error

            raise_error(f"kiln.DimensionSize: expected a scalar integer, got shape {self.shape}")

    def eval(self) -> "DimensionSize":
        """Computes the size now; returns ``self``.

        .. code-block:: python

            assert int(kiln.DimensionSize(4).eval()) == 4
        """
        super().eval()
        return self

    def __int__(self) -> int:
        return int(self.tolist())

    def __repr__(self) -> str:
        return str(self.tolist())

    __str__ = __repr__
