"""A compiled function: an engine plus the Python-side signature."""

from typing import List, Optional, Sequence

import numpy as np

from kiln import _dtype, _eager, _native, _stack
from kiln.backend.input_info import InputInfo
from kiln.exception import KilnException, raise_error
from kiln.tensor import Tensor


def _signature_info(shape, dtype) -> InputInfo:
    """The InputInfo of an engine input or output; a dynamic (-1) dimension
    becomes None (the engine checks it against the shape profile)."""
    if all(d >= 0 for d in shape):
        return InputInfo(tuple(shape), dtype)
    info = InputInfo.__new__(InputInfo)
    info.shape = tuple(None if d < 0 else d for d in shape)
    info.dtype = dtype
    return info


class Executable:
    """
    The result of :func:`kiln.compile`: call it with numpy arrays or
    :class:`kiln.Tensor` s (positionally or by parameter name). It returns a
    :class:`kiln.Tensor` for a function with one result, else a list.

    .. code-block:: python

        exe = kiln.compile(lambda x: kiln.relu(x), args=[kiln.InputInfo((3,), kiln.float32)])
        out = exe(np.array([-1.0, 0.0, 2.0], dtype=np.float32))
        assert out.tolist() == [0.0, 0.0, 2.0]
        exe.save("relu.kiln")
        same = kiln.Executable.load("relu.kiln")
    """

    def __init__(self, engine, arg_names: Sequence[str], input_infos: Sequence[InputInfo],
                 single_output: bool = True, mlir: Optional[str] = None):
        self._engine = engine
        self._arg_names = list(arg_names)
        self._input_infos = list(input_infos)
        self._single_output = single_output
        #: The MLIR the executable was compiled from (None for a loaded one).
        self.mlir = mlir

    @property
    def input_infos(self):
        """Mapping of parameter name to :class:`kiln.InputInfo`, in call order."""
        return dict(zip(self._arg_names, self._input_infos))

    @property
    def output_infos(self) -> List[InputInfo]:
        """Shape and dtype of each result."""
        return [_signature_info(shape, _dtype.from_mlir(name)) for _, name, shape in self._engine.outputs]

    def __repr__(self):
        params = ", ".join(f"{n}: {i.dtype}{list(i.shape)}" for n, i in zip(self._arg_names, self._input_infos))
        results = ", ".join(f"{i.dtype}{list(i.shape)}" for i in self.output_infos)
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

    def __call__(self, *args, **kwargs):
        source = _stack.user_frame(1)
        values = self._bind(args, kwargs, source)
        arrays = []
        for name, info, value in zip(self._arg_names, self._input_infos, values):
            if isinstance(value, Tensor):
                array = value.eval()._trace.producer.array
            elif isinstance(value, np.ndarray):
                array = value
            else:
                raise_error(
                    f"argument '{name}': expected a kiln.Tensor or numpy array, got {type(value).__name__}",
                    source=source,
                )
            given = _dtype.from_numpy(array.dtype)
            if given != info.dtype:
                raise_error(
                    f"argument '{name}': wrong dtype: expected {info.dtype}, got {given or array.dtype}",
                    source=source,
                )
            # A None dimension is dynamic: the engine checks it against its profile.
            if len(array.shape) != len(info.shape) or any(
                d is not None and d != a for d, a in zip(info.shape, array.shape)
            ):
                raise_error(
                    f"argument '{name}': wrong shape: expected {info.shape}, got {tuple(array.shape)}",
                    source=source,
                )
            arrays.append(_eager.contiguous(array))
        C = _native.native()
        try:
            results = self._engine.run(arrays)
        except C.KilnError as e:
            raise KilnException(f"the engine failed to run: {e}") from None
        tensors = [Tensor._from_array(r) for r in results]
        return tensors[0] if self._single_output and len(tensors) == 1 else tensors

    def save(self, path: str) -> None:
        """Writes the engine to ``path`` (a ``.kiln`` file)."""
        self._engine.save(str(path))

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
