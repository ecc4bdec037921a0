"""``kiln.compile``: trace a function over placeholder inputs, lower the trace
to MLIR, and compile it to an engine."""

import inspect
from typing import Any, Callable, Dict, Sequence

from kiln import _eager, _stack
from kiln.backend.executable import Executable
from kiln.backend.input_info import DimensionInputInfo, InputInfo
from kiln.exception import raise_error
from kiln.tensor import Tensor
from kiln.trace import lower
from kiln.trace import ops as trace_ops


def _parameter_names(func, count: int):
    target = func.forward if hasattr(func, "forward") and not inspect.isfunction(func) else func
    try:
        params = [
            p
            for p in inspect.signature(target).parameters.values()
            if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
        ]
    except (TypeError, ValueError):
        params = []
    names = [p.name for p in params[:count]]
    return names + [f"arg{i}" for i in range(len(names), count)]


def compile(func: Callable, optimization_level: int = 3, *, args: Sequence[Any] = (), kwargs: Dict[str, Any] = {}):
    """
    Compiles a function (or :class:`kiln.Module`) into an :class:`kiln.Executable`.

    The function is called once with a placeholder tensor for each
    :class:`kiln.InputInfo` in ``args``/``kwargs``; those become the
    executable's inputs, in order. Every other argument, and every tensor the
    function closes over (e.g. module parameters), is baked into the engine as
    a constant. The function must return a tensor or a tuple/list of tensors.

    Args:
        func: The function or module to compile.
        optimization_level: Accepted for nvtripy compatibility; unused.
        args: Positional arguments for tracing.
        kwargs: Keyword arguments for tracing.

    .. code-block:: python

        def add(a, b):
            return a + b

        fast_add = kiln.compile(add, args=[kiln.InputInfo((2,), kiln.float32),
                                           kiln.InputInfo((2,), kiln.float32)])
        out = fast_add(kiln.Tensor([1.0, 2.0]), kiln.Tensor([3.0, 4.0]))
        assert out.tolist() == [4.0, 6.0]
    """
    source = _stack.user_frame(1)
    if not callable(func):
        raise_error(f"kiln.compile: expected a function or kiln.Module, got {type(func).__name__}", source=source)
    positional_names = _parameter_names(func, len(args))
    input_names, input_infos = [], []

    def placeholder(value, name):
        if isinstance(value, DimensionInputInfo):
            from kiln.dimension_size import DimensionSize

            trace = trace_ops.Input.make([], source, result=((), value.dtype), index=len(input_names), name=name)
            input_names.append(name)
            input_infos.append(value)
            return DimensionSize._from_trace(trace)
        if not isinstance(value, InputInfo):
            return value
        b = value.shape_bounds
        shape = tuple(lo if lo == hi else -1 for lo, hi in zip(b.min, b.max))
        trace = trace_ops.Input.make([], source, result=(shape, value.dtype), index=len(input_names), name=name)
        input_names.append(name)
        input_infos.append(value)
        return Tensor._from_trace(trace)

    traced_args = [placeholder(value, name) for value, name in zip(args, positional_names)]
    traced_kwargs = {key: placeholder(value, key) for key, value in kwargs.items()}
    result = func(*traced_args, **traced_kwargs)

    single = isinstance(result, Tensor)
    outputs = [result] if single else list(result) if isinstance(result, (tuple, list)) else None
    if not outputs or not all(isinstance(t, Tensor) for t in outputs):
        raise_error(
            f"kiln.compile: expected the function to return a kiln.Tensor or a tuple of them, "
            f"got {type(result).__name__}",
            source=source,
        )
    profiles = []
    for i, info in enumerate(input_infos):
        if isinstance(info, InputInfo) and not info.is_static():
            b = info.shape_bounds
            profiles.append((str(i), list(b.min), list(b.opt), list(b.max)))
    function = lower([t._trace for t in outputs])
    engine = _eager.compile_mlir(function.mlir, "<kiln.compile>", profiles)
    return Executable(engine, input_names, input_infos, single_output=single, mlir=function.mlir)
