"""Lowering a trace to one `func.func` in the `tensorrt` dialect.

Every op carries ``loc("file.py":line:col)`` of the user's call site, so that
the compiler's diagnostics (and the engine's step locations) point at the
user's code.
"""

from dataclasses import dataclass
from typing import List, Sequence

import numpy as np

from kiln._stack import mlir_string
from kiln.trace import ops
from kiln.trace.tensor import TraceTensor

_UNKNOWN_LOC = 'loc("<kiln>":0:0)'


@dataclass
class LoweredFunction:
    mlir: str
    #: TraceTensors bound to the function's arguments, in order.
    arguments: List[TraceTensor]


def _topological_order(outputs: Sequence[TraceTensor]) -> List[TraceTensor]:
    order, seen = [], set()
    for root in outputs:
        stack = [(root, False)]
        while stack:
            tensor, expanded = stack.pop()
            if id(tensor) in seen:
                continue
            if expanded:
                seen.add(id(tensor))
                order.append(tensor)
                continue
            stack.append((tensor, True))
            for operand in reversed(tensor.producer.inputs):
                if id(operand) not in seen:
                    stack.append((operand, False))
    return order


def _loc(tensor: TraceTensor) -> str:
    return tensor.source.mlir_loc() if tensor.source is not None else _UNKNOWN_LOC


def print_generic(op: ops.TraceOp, operands: List[str]) -> str:
    """One op in MLIR's generic form: the same printer for every op."""
    attrs = op.attribute_dict()
    properties = f" <{attrs}>" if attrs else ""
    operand_types = ", ".join(t.mlir_type() for t in op.inputs)
    result_types = ", ".join(t.mlir_type() for t in op.outputs)
    return f"{mlir_string(op.name)}({', '.join(operands)}){properties} : ({operand_types}) -> ({result_types})"


def lower(outputs: Sequence[TraceTensor], constants_as_arguments: bool = False, name: str = "main") -> LoweredFunction:
    """Prints the function computing ``outputs``.

    Arguments are the trace's ``Input`` ops (ordered by index); with
    ``constants_as_arguments`` (eager mode) also every non-inline constant,
    so the text, and with it the compile cache key, does not depend on data.
    """
    order = _topological_order(outputs)

    def is_argument(t):
        if isinstance(t.producer, ops.Input):
            return True
        return constants_as_arguments and isinstance(t.producer, ops.Constant) and not t.producer.inline

    arguments = [t for t in order if is_argument(t)]
    inputs = sorted((t for t in arguments if isinstance(t.producer, ops.Input)), key=lambda t: t.producer.index)
    arguments = inputs + [t for t in arguments if not isinstance(t.producer, ops.Input)]

    names = {}
    for i, t in enumerate(arguments):
        names[id(t)] = f"%arg{i}"
    body = []
    counter = 0
    printed = set()
    for t in order:
        if id(t) in names:
            continue
        op = t.producer
        if isinstance(op, ops.Input):
            raise AssertionError("input outside the argument list")
        if id(op) in printed:
            continue
        printed.add(id(op))
        value = f"%{counter}"
        counter += 1
        if len(op.outputs) == 1:
            names[id(op.outputs[0])] = value
            results = value
        else:
            for i, out in enumerate(op.outputs):
                names[id(out)] = f"{value}#{i}"
            results = f"{value}:{len(op.outputs)}"
        operands = [names[id(o)] for o in op.inputs]
        body.append(f"    {results} = {print_generic(op, operands)} {_loc(t)}")

    def argument(i, t):
        # Data passed in for eager mode carries no location: where the data was
        # created must not change the text (the compile cache key).
        if not isinstance(t.producer, ops.Input):
            return f"%arg{i}: {t.mlir_type()}"
        # A named location carries the Python parameter name to the compiler.
        inner = t.source.mlir_file_loc() if t.source is not None else '"<kiln>":0:0'
        loc = f" loc({mlir_string(t.producer.arg_name)}({inner}))"
        return f"%arg{i}: {t.mlir_type()}{loc}"

    signature = ", ".join(argument(i, t) for i, t in enumerate(arguments))
    result_types = ", ".join(t.mlir_type() for t in outputs)
    returned = ", ".join(names[id(t)] for t in outputs)
    return_loc = _loc(outputs[0]) if outputs else _UNKNOWN_LOC
    text = (
        f"func.func @{name}({signature}) -> ({result_types}) {{\n"
        + "".join(line + "\n" for line in body)
        + f"    return {returned} : {result_types} {return_loc}\n"
        + "}\n"
    )
    return LoweredFunction(text, arguments)


def argument_arrays(function: LoweredFunction) -> List[np.ndarray]:
    """Data for the constant arguments of an eager-mode function."""
    return [t.producer.array for t in function.arguments]
