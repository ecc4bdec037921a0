"""A compiled function: an engine plus the Python-side signature."""

import inspect
from typing import List, Optional, Sequence, Tuple

import numpy as np

from kiln import _dtype, _eager, _native, _stack
from kiln.backend.input_info import Bounds, DimensionInputInfo, InputInfo
from kiln.exception import KilnException, raise_error
from kiln.tensor import Tensor


def _signature_info(shape, dtype) -> InputInfo:
    """The InputInfo of an engine input or output; a dynamic (-1) dimension
    has unknown bounds (the engine checks it against its shape profile)."""
    info = InputInfo([max(d, 0) for d in shape], dtype)
    if any(d < 0 for d in shape):
        lows = tuple(d if d >= 0 else 0 for d in shape)
        highs = tuple(d if d >= 0 else -1 for d in shape)
        info.shape_bounds = Bounds(lows, lows, highs)
    return info


def _as_array(value, name, source) -> np.ndarray:
    if isinstance(value, Tensor):
        return value.eval()._trace.producer.array
    if isinstance(value, np.ndarray):
        return value
    if hasattr(value, "__dlpack__") or type(value).__module__.split(".")[0] in ("torch", "jax", "jaxlib"):
        from kiln.tensor import _to_array

        return _to_array(value, None)
    raise_error(
        f"argument '{name}': expected a kiln.Tensor, numpy array or DLPack tensor (torch, JAX), "
        f"got {type(value).__name__}",
        source=source,
    )


class Executable:
    """
    The result of :func:`kiln.compile`: call it with :class:`kiln.Tensor` s,
    numpy arrays or DLPack tensors (torch, JAX), positionally or by
    parameter name. It returns a :class:`kiln.Tensor` for a function with one
    result, else a list. One executable runs every shape inside its inputs'
    bounds, without recompiling.

    .. code-block:: python

        exe = kiln.compile(lambda x: kiln.relu(x), args=[kiln.InputInfo((3,), kiln.float32)])
        out = exe(np.array([-1.0, 0.0, 2.0], dtype=np.float32))
        assert out.tolist() == [0.0, 0.0, 2.0]
        exe.save("relu.kiln")
        same = kiln.Executable.load("relu.kiln")
    """

    def __init__(self, engine, arg_names: Sequence[str], input_infos: Sequence, single_output: bool = True,
                 mlir: Optional[str] = None):
        self._engine = engine
        self._arg_names = list(arg_names)
        self._input_infos = list(input_infos)
        self._single_output = single_output
        #: The MLIR the executable was compiled from (None for a loaded one).
        self.mlir = mlir
        #: Mapping of parameter name to :class:`kiln.InputInfo` (or :class:`kiln.DimensionInputInfo`), in call order.
        self.input_infos = dict(zip(self._arg_names, self._input_infos))
        #: The stream the executable runs on (Kiln's CPU engines run synchronously).
        from kiln.stream import default_stream

        self.stream = default_stream()
        params = [inspect.Parameter(n, inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=Tensor)
                  for n in self._arg_names]
        count = len(engine.outputs)
        returns = Tensor if single_output and count == 1 else Tuple[(Tensor,) * count]
        self.__signature__ = inspect.Signature(params, return_annotation=returns)

    @property
    def output_infos(self) -> List[InputInfo]:
        """Shape and dtype of each result."""
        return [_signature_info(shape, _dtype.from_mlir(name)) for _, name, shape in self._engine.outputs]

    def __str__(self):
        params = ", ".join(f"{n}: Tensor" for n in self._arg_names)
        count = len(self._engine.outputs)
        results = "Tensor" if self._single_output and count == 1 else f"Tuple[{', '.join(['Tensor'] * count)}]"
        return f"Executable({params}) -> {results}"

    def __repr__(self):
        def describe(info):
            if isinstance(info, DimensionInputInfo):
                return str(info)
            return f"{info.dtype}[{', '.join('?' if d is None else str(d) for d in info.shape)}]"

        params = ", ".join(f"{n}: {describe(i)}" for n, i in zip(self._arg_names, self._input_infos))
        results = ", ".join(describe(i) for i in self.output_infos)
        return f"Executable({params}) -> ({results})"

    def _bind(self, args, kwargs, source):
        count = len(self._arg_names)
        if len(args) > count:
            raise_error(
                f"wrong number of inputs to the executable: expected {count} "
                f"({', '.join(self._arg_names) or 'none'}), got {len(args) + len(kwargs)}",
                source=source,
            )
        bound = dict(zip(self._arg_names, args))
        for key, value in kwargs.items():
            if key not in self._arg_names:
                raise_error(
                    f"unexpected keyword argument '{key}': expected one of {', '.join(self._arg_names)}",
                    source=source,
                )
            if key in bound:
                raise_error(f"argument '{key}' given both by position and by name", source=source)
            bound[key] = value
        missing = [n for n in self._arg_names if n not in bound]
        if missing:
            raise_error(
                f"wrong number of inputs to the executable: expected {count} ({', '.join(self._arg_names)}), "
                f"got {len(bound)}; missing {', '.join(repr(m) for m in missing)}",
                source=source,
            )
        return [bound[n] for n in self._arg_names]

    def _check_input(self, name, info, value, source) -> np.ndarray:
        from kiln import config

        if not config.enable_input_validation:
            if isinstance(info, DimensionInputInfo) and isinstance(value, (int, np.integer)):
                return np.array(value, np.int32)
            return _eager.contiguous(np.asarray(_as_array(value, name, source)))
        if isinstance(info, DimensionInputInfo):
            if isinstance(value, (int, np.integer)) and not isinstance(value, bool):
                array = np.array(value, np.int32)
            else:
                array = np.asarray(_as_array(value, name, source))
                if array.shape != () or array.dtype != np.int32:
                    raise_error(f"argument '{name}': expected an int or a kiln.DimensionSize, got "
                                f"{array.dtype} of shape {array.shape}", source=source)
            lo, hi = info.value_bounds.min[0], info.value_bounds.max[0]
            if not lo <= int(array) <= hi:
                raise_error(f"argument '{name}': expected a value in [{lo}, {hi}] (its bounds), got {int(array)}",
                            source=source)
            return array
        array = _as_array(value, name, source)
        given = _dtype.from_numpy(array.dtype)
        if given != info.dtype:
            raise_error(
                f"argument '{name}': wrong dtype: expected {info.dtype}, got {given or array.dtype}",
                source=source,
            )
        b = info.shape_bounds
        if b.is_static() and tuple(array.shape) != b.min:
            raise_error(f"argument '{name}': wrong shape: expected {b.min}, got {tuple(array.shape)}", source=source)
        if len(array.shape) != len(b.min):
            raise_error(
                f"argument '{name}': wrong rank: expected {len(b.min)}, got {len(array.shape)} "
                f"(shape {tuple(array.shape)})",
                source=source,
            )
        for i, (lo, hi, size) in enumerate(zip(b.min, b.max, array.shape)):
            if size < lo or (hi >= 0 and size > hi):
                raise_error(
                    f"argument '{name}': wrong shape: expected a shape within the bounds "
                    f"min={b.min}, max={b.max}, got {tuple(array.shape)}: dimension {i} has size {size}, "
                    f"outside its shape profile [{lo}, {hi}]",
                    source=source,
                )
        return _eager.contiguous(array)

    def _check_named_dimensions(self, arrays, source):
        seen = {}
        for name, info, array in zip(self._arg_names, self._input_infos, arrays):
            for dim, dim_name in getattr(info, "dimension_names", {}).items():
                size = array.shape[dim]
                if dim_name in seen and seen[dim_name][0] != size:
                    first_size, first_arg, first_dim = seen[dim_name]
                    raise_error(
                        f"named dimension '{dim_name}' must be equal in every input: expected {first_size} "
                        f"(dimension {first_dim} of '{first_arg}'), got {size} in dimension {dim} of '{name}'",
                        source=source,
                    )
                seen.setdefault(dim_name, (size, name, dim))

    def __call__(self, *args, **kwargs):
        source = _stack.user_frame(1)
        values = self._bind(args, kwargs, source)
        arrays = [self._check_input(n, i, v, source) for n, i, v in zip(self._arg_names, self._input_infos, values)]
        self._check_named_dimensions(arrays, source)
        C = _native.native()
        try:
            results = self._engine.run(arrays)
        except C.KilnError as e:
            raise KilnException(f"the engine failed to run: {e}") from None
        tensors = [Tensor._from_array(r) for r in results]
        return tensors[0] if self._single_output and len(tensors) == 1 else tensors

    def save(self, path: str) -> None:
        """Writes the engine to ``path`` (a ``.kiln`` file); a path that
        cannot be written raises :class:`kiln.KilnException`."""
        C = _native.native()
        try:
            self._engine.save(str(path))
        except C.KilnError as e:
            raise KilnException(f"could not save the executable to '{path}': {e}") from None

    @staticmethod
    def load(path: str) -> "Executable":
        """
        Loads an executable saved with :meth:`save`. The file is checked
        (magic, version, checksum, plan consistency); a bad file raises
        :class:`kiln.KilnException`.
        """
        C = _native.native()
        try:
            engine = C.Engine.load(str(path))
        except C.KilnError as e:
            raise KilnException(f"could not load the engine file '{path}': {e}") from None
        names, infos = [], []
        for i, (name, dtype_name, shape) in enumerate(engine.inputs):
            names.append(name if name.isidentifier() else f"arg{i}")
            infos.append(_signature_info(shape, _dtype.from_mlir(dtype_name)))
        return Executable(engine, names, infos, single_output=len(engine.outputs) == 1)
