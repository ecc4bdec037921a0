"""Trace ops. Each knows its operands, its result and how to print itself as
one `tensorrt`-dialect operation (syntax per the dialect's assembly formats).
"""

from typing import List, Sequence

import numpy as np

from kiln.trace.tensor import TraceTensor


class TraceOp:
    def __init__(self, inputs: Sequence[TraceTensor]):
        self.inputs = list(inputs)
        self.output: TraceTensor = None  # set by make()

    @classmethod
    def make(cls, inputs, shape, dtype, source, **attrs) -> TraceTensor:
        op = cls(inputs, **attrs)
        op.output = TraceTensor(shape, dtype, op, source)
        return op.output

    def print_mlir(self, operands: List[str]) -> str:
        """The op's text after `%result = `."""
        raise NotImplementedError

    def _types(self):
        return ", ".join(t.mlir_type() for t in self.inputs)


class Input(TraceOp):
    """A runtime input of a compiled function (from an InputInfo)."""

    def __init__(self, inputs, index: int, name: str):
        super().__init__(inputs)
        self.index = index
        self.name = name


class Constant(TraceOp):
    """Data known while tracing. ``inline`` constants are frontend-made helpers
    (e.g. a zero); eager mode passes the others in as arguments so that the
    compiled engine can be reused for new values."""

    def __init__(self, inputs, array: np.ndarray, inline: bool = False):
        super().__init__(inputs)
        self.array = array
        self.inline = inline

    def print_mlir(self, operands):
        return f"tensorrt.constant {dense_attr(self.array, self.output.dtype)} : {self.output.mlir_type()}"


_HEX_THRESHOLD = 8


def dense_attr(array: np.ndarray, dtype) -> str:
    flat = array.reshape(-1)
    if flat.size > 0 and np.all(flat == flat[0]) and _literal_ok(flat[:1], dtype):
        return f"dense<{_scalar_literal(flat[0], dtype)}>"
    if dtype.mlir == "i1" or (flat.size <= _HEX_THRESHOLD and _literal_ok(flat, dtype)):
        return f"dense<{_nested_literal(array, dtype)}>"
    data = np.ascontiguousarray(array, dtype=dtype.numpy.newbyteorder("<")).tobytes()
    return f'dense<"0x{data.hex().upper()}">'


def _literal_ok(flat, dtype) -> bool:
    return not dtype.is_floating or bool(np.all(np.isfinite(flat)))


def _scalar_literal(value, dtype) -> str:
    if dtype.mlir == "i1":
        return "true" if bool(value) else "false"
    if dtype.is_floating:
        return repr(float(value))
    return str(int(value))


def _nested_literal(array, dtype) -> str:
    if array.ndim == 0:
        return _scalar_literal(array[()], dtype)
    return "[" + ", ".join(_nested_literal(a, dtype) for a in array) + "]"


class ElementWise(TraceOp):
    def __init__(self, inputs, kind: str):
        super().__init__(inputs)
        self.kind = kind

    def print_mlir(self, operands):
        return (
            f"tensorrt.element_wise <{self.kind}>({operands[0]}, {operands[1]} : {self._types()})"
            f" -> {self.output.mlir_type()}"
        )


class Unary(TraceOp):
    def __init__(self, inputs, kind: str):
        super().__init__(inputs)
        self.kind = kind

    def print_mlir(self, operands):
        return (
            f"tensorrt.unary {{unaryOperation = #tensorrt.unary_operation<{self.kind}>}} "
            f"{operands[0]} : {self._types()}"
        )


class Activation(TraceOp):
    def __init__(self, inputs, kind: str, alpha=None, beta=None):
        super().__init__(inputs)
        self.kind = kind
        self.alpha = alpha
        self.beta = beta

    def print_mlir(self, operands):
        attrs = [f"activationType = #tensorrt.activation_type<{self.kind}>"]
        if self.alpha is not None:
            attrs.append(f"alpha = {float(self.alpha)!r} : f32")
        if self.beta is not None:
            attrs.append(f"beta = {float(self.beta)!r} : f32")
        return f"tensorrt.activation {{{', '.join(attrs)}}} {operands[0]} : {self._types()}"


class MatrixMultiply(TraceOp):
    def __init__(self, inputs, transpose_a=False, transpose_b=False):
        super().__init__(inputs)
        self.op0 = "kTRANSPOSE" if transpose_a else "kNONE"
        self.op1 = "kTRANSPOSE" if transpose_b else "kNONE"

    def print_mlir(self, operands):
        return (
            f"tensorrt.matrix_multiply {{op0 = #tensorrt.matrix_operation<{self.op0}>, "
            f"op1 = #tensorrt.matrix_operation<{self.op1}>}} "
            f"ins({operands[0]}, {operands[1]} : {self._types()}) -> {self.output.mlir_type()}"
        )


class Reduce(TraceOp):
    def __init__(self, inputs, kind: str, axes: Sequence[int], keepdim: bool):
        super().__init__(inputs)
        self.kind = kind
        self.axes = sorted(axes)
        self.keepdim = keepdim

    def print_mlir(self, operands):
        axes = ", ".join(str(a) for a in self.axes)
        return (
            f"tensorrt.reduce <{self.kind}> {operands[0]} {{keepDimensions = {str(self.keepdim).lower()}, "
            f"reduceAxes = array<i64: {axes}>}} : {self._types()} -> {self.output.mlir_type()}"
        )


class Softmax(TraceOp):
    def __init__(self, inputs, axis: int):
        super().__init__(inputs)
        self.axis = axis

    def print_mlir(self, operands):
        return f"tensorrt.softmax {{axis = {self.axis} : i64}} {operands[0]} : {self._types()}"


class Transpose(TraceOp):
    def __init__(self, inputs, permutation: Sequence[int]):
        super().__init__(inputs)
        self.permutation = list(permutation)

    def print_mlir(self, operands):
        dims = [f"d{i}" for i in range(len(self.permutation))]
        result = [f"d{p}" for p in self.permutation]
        amap = f"affine_map<({', '.join(dims)}) -> ({', '.join(result)})>"
        return (
            f"tensorrt.transpose {{permutation = {amap}}} {operands[0]} : "
            f"{self._types()} to {self.output.mlir_type()}"
        )


class _TypeChange(TraceOp):
    mnemonic = None

    def print_mlir(self, operands):
        return f"tensorrt.{self.mnemonic} {operands[0]} : {self._types()} to {self.output.mlir_type()}"


class Reshape(_TypeChange):
    mnemonic = "reshape"


class ExpandRank(_TypeChange):
    mnemonic = "expand_rank"


class Cast(_TypeChange):
    mnemonic = "cast"


class Broadcast(TraceOp):
    def __init__(self, inputs, broadcast_dims: Sequence[int]):
        super().__init__(inputs)
        self.broadcast_dims = list(broadcast_dims)

    def print_mlir(self, operands):
        dims = ", ".join(str(d) for d in self.broadcast_dims)
        return (
            f"tensorrt.broadcast {operands[0]} broadcast_dims<{dims}> : "
            f"{self._types()} to {self.output.mlir_type()}"
        )


class Slice(TraceOp):
    def __init__(self, inputs, start: Sequence[int], stride: Sequence[int]):
        super().__init__(inputs)
        self.start = list(start)
        self.stride = list(stride)

    def print_mlir(self, operands):
        def arr(values):
            return "[" + ", ".join(str(v) for v in values) + "]"

        return (
            f"tensorrt.slice {operands[0]}{arr(self.start)}{arr(self.output.shape)}{arr(self.stride)} : "
            f"{self._types()} to {self.output.mlir_type()}"
        )


class Concatenation(TraceOp):
    def __init__(self, inputs, axis: int):
        super().__init__(inputs)
        self.axis = axis

    def print_mlir(self, operands):
        return (
            f"tensorrt.concatenation {{axis = {self.axis} : i32}} ins({', '.join(operands)} : {self._types()})"
            f" -> {self.output.mlir_type()}"
        )


class Select(TraceOp):
    def print_mlir(self, operands):
        return f"tensorrt.select ins({', '.join(operands)} : {self._types()}) -> {self.output.mlir_type()}"
