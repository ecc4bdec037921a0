"""A value in the trace: static shape, element type and producing op."""

from typing import Optional, Tuple

from kiln import _stack


class TraceTensor:
    __slots__ = ("shape", "dtype", "producer", "source")

    def __init__(self, shape: Tuple[int, ...], dtype, producer, source: Optional[_stack.SourceInfo]):
        self.shape = tuple(int(d) for d in shape)
        self.dtype = dtype
        self.producer = producer
        self.source = source

    @property
    def rank(self) -> int:
        return len(self.shape)

    def mlir_type(self) -> str:
        return tensor_type(self.shape, self.dtype)

    def __repr__(self):
        return f"TraceTensor({self.mlir_type()}, {type(self.producer).__name__})"


def tensor_type(shape, dtype) -> str:
    dims = "".join(f"{d}x" for d in shape)
    return f"tensor<{dims}{dtype.mlir}>"
