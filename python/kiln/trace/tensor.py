"""A value in the trace: shape (-1 for a dimension known only at run time),
element type and producing op."""

from typing import Optional, Tuple

from kiln import _stack


class TraceTensor:
    __slots__ = ("shape", "dtype", "producer", "source", "index")

    def __init__(self, shape: Tuple[int, ...], dtype, producer, source: Optional[_stack.SourceInfo], index: int = 0):
        self.shape = tuple(int(d) for d in shape)
        self.dtype = dtype
        self.producer = producer
        self.source = source
        #: Which result of the producer this is.
        self.index = index

    @property
    def rank(self) -> int:
        return len(self.shape)

    @property
    def is_static(self) -> bool:
        return all(d >= 0 for d in self.shape)

    def mlir_type(self) -> str:
        return tensor_type(self.shape, self.dtype)

    def __repr__(self):
        return f"TraceTensor({self.mlir_type()}, {type(self.producer).__name__})"


def tensor_type(shape, dtype) -> str:
    dims = "".join(f"{d}x" if d >= 0 else "?x" for d in shape)
    return f"tensor<{dims}{dtype.mlir}>"
