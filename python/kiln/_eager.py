"""Eager evaluation: compile a tensor's trace and run it.

The compile cache is keyed by the MLIR text. In eager mode data enters as
function arguments, so the text depends only on the ops, shapes, dtypes and
call sites; running the same line again (e.g. in a loop) reuses the engine.
"""

from collections import OrderedDict

import numpy as np

from kiln import _native, trace
from kiln.trace import ops
from kiln.trace.tensor import TraceTensor

_CACHE_SIZE = 256
_MAX_MLIR_IN_MESSAGE = 4000
_cache: "OrderedDict[str, object]" = OrderedDict()
stats = {"hits": 0, "misses": 0}


def compile_cached(mlir: str):
    engine = _cache.get(mlir)
    if engine is not None:
        stats["hits"] += 1
        _cache.move_to_end(mlir)
        return engine
    stats["misses"] += 1
    engine = compile_mlir(mlir, "<kiln eager>")
    _cache[mlir] = engine
    if len(_cache) > _CACHE_SIZE:
        _cache.popitem(last=False)
    return engine


def compile_mlir(mlir: str, buffer_name: str, shape_profiles=()):
    from kiln.exception import KilnException

    C = _native.native()
    try:
        return C.compile(mlir, buffer_name, "", list(shape_profiles))
    except C.CompileError as e:
        shown = mlir if len(mlir) <= _MAX_MLIR_IN_MESSAGE else "(too long to show; see the exception's .mlir)"
        error = KilnException(
            "the Kiln compiler rejected the traced program:\n\n" + str(e).rstrip() + "\n\nMLIR:\n" + shown
        )
        error.mlir = mlir
        raise error from None


def contiguous(array: np.ndarray) -> np.ndarray:
    """C-contiguous without promoting 0-d arrays (np.ascontiguousarray would)."""
    return array if array.flags.c_contiguous else np.array(array, order="C")


def evaluate(tensor: TraceTensor) -> np.ndarray:
    producer = tensor.producer
    if isinstance(producer, ops.Constant):
        return producer.array
    if isinstance(producer, ops.Input):
        from kiln.exception import raise_error

        raise_error(
            "cannot evaluate a tensor that depends on an input of kiln.compile: its value is known only when "
            "the executable runs",
            ["hint: a Python `if`, `print`, `float()` or `.tolist()` on a traced value needs the value; "
             "use kiln.where for data-dependent choices"],
        )
    if _depends_on_input(tensor):
        from kiln.exception import raise_error

        raise_error(
            "cannot evaluate a tensor that depends on an input of kiln.compile: its value is known only when "
            "the executable runs",
            ["hint: a Python `if`, `print`, `float()` or `.tolist()` on a traced value needs the value; "
             "use kiln.where for data-dependent choices"],
        )
    function = trace.lower([tensor], constants_as_arguments=True)
    engine = compile_cached(function.mlir)
    arrays = [contiguous(a) for a in trace.argument_arrays(function)]
    C = _native.native()
    try:
        (result,) = engine.run(arrays)
    except C.KilnError as e:
        from kiln.exception import KilnException

        raise KilnException(f"the engine failed to run: {e}") from None
    return result


def _depends_on_input(tensor: TraceTensor) -> bool:
    seen, stack = set(), [tensor]
    while stack:
        t = stack.pop()
        if id(t) in seen:
            continue
        seen.add(id(t))
        if isinstance(t.producer, ops.Input):
            return True
        stack.extend(t.producer.inputs)
    return False
