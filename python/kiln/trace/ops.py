"""Trace ops: each names its `tensorrt` op and its attributes; the lowering
prints every op with one generic printer, and the dialect's own type
inference (:mod:`kiln.trace.infer`) gives the result types.

An op whose result type is its parameter (a reshape's target shape, a
constant) states it; every other op's result types come from the compiler.
"""

from typing import Dict, List, Optional, Sequence, Tuple

import numpy as np

from kiln.trace.tensor import TraceTensor, tensor_type


class TraceOp:
    #: The MLIR op name, e.g. ``tensorrt.element_wise``.
    name: str = None

    def __init__(self, inputs: Sequence[TraceTensor]):
        self.inputs = list(inputs)
        self.outputs: List[TraceTensor] = []

    @property
    def output(self) -> TraceTensor:
        return self.outputs[0]

    @classmethod
    def make_all(cls, inputs, source, result=None, **params) -> List[TraceTensor]:
        """Adds the op; ``result`` is ``[(shape, dtype), ...]`` for ops whose
        result type is their parameter, else the compiler infers it."""
        from kiln.trace import infer

        op = cls(inputs, **params)
        types = result if result is not None else infer.result_types(op)
        op.outputs = [TraceTensor(shape, dtype, op, source, index=i) for i, (shape, dtype) in enumerate(types)]
        return op.outputs

    @classmethod
    def make(cls, inputs, source, result=None, **params) -> TraceTensor:
        (out,) = cls.make_all(inputs, source, result=[result] if result is not None else None, **params)
        return out

    def attributes(self) -> Dict[str, str]:
        """Inherent attributes in MLIR syntax, by name."""
        return {}

    def element_type_hint(self):
        """The result element type for ops whose interface infers only shapes."""
        return None

    def attribute_dict(self) -> str:
        attrs = self.attributes()
        return "{" + ", ".join(f"{k} = {v}" for k, v in sorted(attrs.items())) + "}" if attrs else ""


# -- attribute spellings ------------------------------------------------------
def i64(value) -> str:
    return f"{int(value)} : i64"


def i32(value) -> str:
    return f"{int(value)} : i32"


def float_literal(value) -> str:
    """A float as MLIR reads it (``1e-05`` is not: the mantissa needs a point)."""
    text = repr(float(value))
    return text if "." in text and "e" not in text else f"{float(value):.17e}"


def f32(value) -> str:
    return f"{float_literal(value)} : f32"


def f64(value) -> str:
    return f"{float_literal(value)} : f64"


def boolean(value) -> str:
    return "true" if value else "false"


def array(values, width: int = 64) -> str:
    values = [int(v) for v in values]
    return f"array<i{width}: {', '.join(str(v) for v in values)}>" if values else f"array<i{width}>"


def enum(kind: str, value: str) -> str:
    return f"#tensorrt.{kind}<{value}>"


def string(value: str) -> str:
    from kiln._stack import mlir_string

    return mlir_string(value)


# -- ops ----------------------------------------------------------------------
class Input(TraceOp):
    """A runtime input of a compiled function (from an InputInfo)."""

    def __init__(self, inputs, index: int, name: str):
        super().__init__(inputs)
        self.index = index
        self.arg_name = name


class Constant(TraceOp):
    """Data known while tracing. ``inline`` constants are frontend-made helpers
    (e.g. a zero); eager mode passes the others in as arguments so that the
    compiled engine can be reused for new values."""

    name = "tensorrt.constant"

    def __init__(self, inputs, array: np.ndarray, inline: bool = False):
        super().__init__(inputs)
        self.array = array
        self.inline = inline

    def attributes(self):
        return {"weights": f"{dense_attr(self.array, self.output.dtype)} : {self.output.mlir_type()}"}


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
    if dtype.mlir in ("bf16", "f8E4M3FN", "i4"):
        return False
    return not dtype.is_floating or bool(np.all(np.isfinite(flat)))


def _scalar_literal(value, dtype) -> str:
    if dtype.mlir == "i1":
        return "true" if bool(value) else "false"
    if dtype.is_floating:
        return float_literal(value)
    return str(int(value))


def _nested_literal(array, dtype) -> str:
    if array.ndim == 0:
        return _scalar_literal(array[()], dtype)
    return "[" + ", ".join(_nested_literal(a, dtype) for a in array) + "]"


class ElementWise(TraceOp):
    name = "tensorrt.element_wise"

    def __init__(self, inputs, kind: str):
        super().__init__(inputs)
        self.kind = kind

    def attributes(self):
        return {"elementwiseOperation": enum("element_wise_operation", self.kind)}


class Unary(TraceOp):
    name = "tensorrt.unary"

    def __init__(self, inputs, kind: str):
        super().__init__(inputs)
        self.kind = kind

    def attributes(self):
        return {"unaryOperation": enum("unary_operation", self.kind)}


class Activation(TraceOp):
    name = "tensorrt.activation"

    def __init__(self, inputs, kind: str, alpha=None, beta=None):
        super().__init__(inputs)
        self.kind = kind
        self.alpha = alpha
        self.beta = beta

    def attributes(self):
        attrs = {"activationType": enum("activation_type", self.kind)}
        if self.alpha is not None:
            attrs["alpha"] = f32(self.alpha)
        if self.beta is not None:
            attrs["beta"] = f32(self.beta)
        return attrs


class MatrixMultiply(TraceOp):
    name = "tensorrt.matrix_multiply"

    def __init__(self, inputs, transpose_a=False, transpose_b=False, vector_a=False, vector_b=False):
        super().__init__(inputs)
        self.ops = [
            "kVECTOR" if vector else "kTRANSPOSE" if transpose else "kNONE"
            for transpose, vector in ((transpose_a, vector_a), (transpose_b, vector_b))
        ]

    def attributes(self):
        return {"op0": enum("matrix_operation", self.ops[0]), "op1": enum("matrix_operation", self.ops[1])}


class Reduce(TraceOp):
    name = "tensorrt.reduce"

    def __init__(self, inputs, kind: str, axes: Sequence[int], keepdim: bool):
        super().__init__(inputs)
        self.kind = kind
        self.axes = sorted(axes)
        self.keepdim = keepdim

    def attributes(self):
        return {
            "reduceOperation": enum("reduce_operation", self.kind),
            "reduceAxes": array(self.axes),
            "keepDimensions": boolean(self.keepdim),
        }


class TopK(TraceOp):
    name = "tensorrt.top_k"

    def __init__(self, inputs, kind: str, k: int, axis: int):
        super().__init__(inputs)
        self.kind, self.k, self.axis = kind, k, axis

    def attributes(self):
        return {"topkOperation": enum("top_k_operation", self.kind), "k": i64(self.k), "axis": i64(self.axis)}


class Softmax(TraceOp):
    name = "tensorrt.softmax"

    def __init__(self, inputs, axis: int):
        super().__init__(inputs)
        self.axis = axis

    def attributes(self):
        return {"axis": i64(self.axis)}


class Transpose(TraceOp):
    name = "tensorrt.transpose"

    def __init__(self, inputs, permutation: Sequence[int]):
        super().__init__(inputs)
        self.permutation = list(permutation)

    def attributes(self):
        dims = [f"d{i}" for i in range(len(self.permutation))]
        result = [f"d{p}" for p in self.permutation]
        return {"permutation": f"affine_map<({', '.join(dims)}) -> ({', '.join(result)})>"}


class Reshape(TraceOp):
    """To the static result type, or (with a second operand) to the shape it holds."""

    name = "tensorrt.reshape"


class ExpandRank(TraceOp):
    name = "tensorrt.expand_rank"


class CollapseRank(TraceOp):
    name = "tensorrt.collapse_rank"


class Cast(TraceOp):
    name = "tensorrt.cast"

    def __init__(self, inputs, dtype):
        super().__init__(inputs)
        self.dtype = dtype

    def element_type_hint(self):
        return self.dtype


class Broadcast(TraceOp):
    name = "tensorrt.broadcast"

    def __init__(self, inputs, broadcast_dims: Sequence[int], dtype=None):
        super().__init__(inputs)
        self.broadcast_dims = list(broadcast_dims)
        self.dtype = dtype

    def attributes(self):
        return {"broadcast_dims": array(self.broadcast_dims)}

    def element_type_hint(self):
        return self.dtype or self.inputs[0].dtype


class Slice(TraceOp):
    """Each of start, size, stride is a static list, or None for a run-time
    shape operand (after the input and the optional fill value)."""

    name = "tensorrt.slice"

    def __init__(self, inputs, start=None, size=None, stride=None, mode: str = "kDEFAULT", fill: bool = False):
        super().__init__(inputs)
        self.start, self.size, self.stride = start, size, stride
        self.mode = mode
        self.fill = fill

    def attributes(self):
        attrs = {}
        for key, values in (("static_start", self.start), ("static_size", self.size), ("static_stride", self.stride)):
            if values is not None:
                attrs[key] = array(values, 32)
        # Operands: input, fill?, then a run-time shape for each of start,
        # size, stride given as None.
        segments = [1, int(self.fill)] + [int(v is None) for v in (self.start, self.size, self.stride)]
        attrs["operandSegmentSizes"] = array(segments, 32)
        if self.mode != "kDEFAULT":
            attrs["mode"] = enum("slice_mode", self.mode)
        return attrs


class Concatenation(TraceOp):
    name = "tensorrt.concatenation"

    def __init__(self, inputs, axis: int):
        super().__init__(inputs)
        self.axis = axis

    def attributes(self):
        return {"axis": i32(self.axis)}


class Select(TraceOp):
    name = "tensorrt.select"


class Gather(TraceOp):
    name = "tensorrt.gather"

    def __init__(self, inputs, axis: int):
        super().__init__(inputs)
        self.axis = axis

    def attributes(self):
        return {"axis": i64(self.axis)}


class Shape(TraceOp):
    name = "tensorrt.shape"


class Padding(TraceOp):
    name = "tensorrt.padding"

    def __init__(self, inputs, pre: Sequence[int], post: Sequence[int]):
        super().__init__(inputs)
        self.pre, self.post = list(pre), list(post)

    def attributes(self):
        return {"prePadding": array(self.pre), "postPadding": array(self.post)}


class Pooling(TraceOp):
    name = "tensorrt.pooling"

    def __init__(self, inputs, kind, window, stride, pre, post, exclude_padding=None):
        super().__init__(inputs)
        self.kind, self.window, self.stride, self.pre, self.post = kind, window, stride, pre, post
        self.exclude_padding = exclude_padding

    def attributes(self):
        attrs = {
            "poolingType": enum("pooling_type", self.kind),
            "windowSize": array(self.window),
            "stride": array(self.stride),
            "prePadding": array(self.pre),
            "postPadding": array(self.post),
        }
        if self.exclude_padding is not None:
            attrs["averageCountExcludesPadding"] = boolean(self.exclude_padding)
        return attrs


class _ConvolutionLike(TraceOp):
    def __init__(self, inputs, stride, pre, post, groups, dilation):
        super().__init__(inputs)
        self.stride, self.pre, self.post, self.groups, self.dilation = stride, pre, post, groups, dilation

    def attributes(self):
        segments = [1, 1, int(len(self.inputs) > 2)]
        return {
            "stride": array(self.stride),
            "pre_padding": array(self.pre),
            "post_padding": array(self.post),
            "num_groups": f"{int(self.groups)} : ui32",
            "dilation": array(self.dilation),
            "operandSegmentSizes": array(segments, 32),
        }


class Convolution(_ConvolutionLike):
    name = "tensorrt.convolution"


class Deconvolution(_ConvolutionLike):
    name = "tensorrt.deconvolution"


class Normalization(TraceOp):
    name = "tensorrt.normalization"

    def __init__(self, inputs, axes, eps, num_groups=None):
        super().__init__(inputs)
        self.axes, self.eps, self.num_groups = list(axes), eps, num_groups

    def attributes(self):
        attrs = {"axis": array(self.axes), "eps": f32(self.eps)}
        if self.num_groups is not None:
            attrs["num_groups"] = i32(self.num_groups)
        return attrs


class Linspace(TraceOp):
    """``start + i * step`` along dimension 0 of a static 1-D shape."""

    name = "tensorrt.linspace"

    def __init__(self, inputs, start: float, step: float):
        super().__init__(inputs)
        self.start, self.step = start, step

    def attributes(self):
        return {
            "static_start": f64(self.start),
            "static_step": f64(self.step),
            "operandSegmentSizes": array([0, 0, 0], 32),
        }


class Quantize(TraceOp):
    name = "tensorrt.quantize"

    def __init__(self, inputs, dtype, axis=None):
        super().__init__(inputs)
        self.dtype, self.axis = dtype, axis

    def attributes(self):
        return {"axis": i32(self.axis)} if self.axis is not None else {}

    def element_type_hint(self):
        return self.dtype


class Dequantize(Quantize):
    name = "tensorrt.dequantize"


class Identity(TraceOp):
    name = "tensorrt.identity"


def result_type_text(shape: Tuple[int, ...], dtype) -> str:
    return tensor_type(shape, dtype)


class _Resize(TraceOp):
    def __init__(self, inputs, scales=None, transform="kHALF_PIXEL"):
        super().__init__(inputs)
        self.scales, self.transform = scales, transform

    def attributes(self):
        attrs = {
            "coordinateTransformation": enum("resize_coordinate_transformation", self.transform),
            "selectorForSinglePixel": enum("resize_selector", "kFORMULA"),
        }
        if self.scales is not None:
            attrs["scales"] = "array<f32: " + ", ".join(float_literal(s) for s in self.scales) + ">"
        return attrs


class ResizeNearest(_Resize):
    name = "tensorrt.resize_nearest"

    def attributes(self):
        attrs = super().attributes()
        attrs["nearestRounding"] = enum("resize_round_mode", "kFLOOR")
        return attrs


class ResizeLinear(_Resize):
    name = "tensorrt.resize_linear"


class ResizeCubic(_Resize):
    name = "tensorrt.resize_cubic"

    def attributes(self):
        attrs = super().attributes()
        attrs["cubicCoeff"] = f32(-0.75)
        return attrs
