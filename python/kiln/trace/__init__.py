"""The trace: a graph of TraceOps over TraceTensors, separate from the
user-facing :class:`kiln.Tensor`, and its lowering to `tensorrt`-dialect MLIR."""

from kiln.trace.tensor import TraceTensor
from kiln.trace.lowering import LoweredFunction, argument_arrays, lower
