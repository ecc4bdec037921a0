"""Compiling MLIR written elsewhere: JAX's StableHLO or hand-written
``tensorrt``-dialect IR.

.. code-block:: python

    import jax, jax.numpy as jnp
    from kiln.compiler import compile_mlir

    def f(x, w):
        return jax.nn.relu(x @ w)

    text = jax.jit(f).lower(jnp.zeros((2, 3), jnp.float32),
                            jnp.zeros((3, 4), jnp.float32)).as_text()
    exe = compile_mlir(text)
    out = exe(np.ones((2, 3), np.float32), np.ones((3, 4), np.float32))
"""

import os
from typing import Optional, Union

from kiln import _dtype, _native
from kiln.backend.executable import Executable
from kiln.backend.input_info import InputInfo
from kiln.exception import KilnException


def _read_source(text_or_path: Union[str, os.PathLike]):
    """(MLIR text, name for diagnostics)."""
    if isinstance(text_or_path, os.PathLike) or (
        isinstance(text_or_path, str) and "\n" not in text_or_path and os.path.isfile(text_or_path)
    ):
        path = os.fspath(text_or_path)
        with open(path, encoding="utf-8") as f:
            return f.read(), path
    if not isinstance(text_or_path, str):
        raise KilnException(
            f"compile_mlir: expected MLIR text or a path, got {type(text_or_path).__name__}"
        )
    return text_or_path, "<mlir>"


def compile_mlir(
    text_or_path: Union[str, os.PathLike],
    entry_point: Optional[str] = None,
    shape_profiles=None,
) -> Executable:
    """
    Compiles an MLIR module into an :class:`kiln.Executable`.

    The module may be JAX's StableHLO (``jax.jit(f).lower(*args).as_text()``,
    converted to the ``tensorrt`` dialect first) or ``tensorrt``-dialect IR.
    Its function arguments become the executable's inputs, named by their
    location or ``arg0``, ``arg1``, …; call it with numpy arrays.

    Args:
        text_or_path: MLIR text, or the path of a ``.mlir`` file.
        entry_point: The function to compile; by default the only public
            one, or ``main``.
        shape_profiles: Reserved for dynamic dimensions (``?``); Kiln
            compiles static shapes only so far.

    Raises:
        KilnException: with the compiler's diagnostics (``file:line:col``,
            the source line and a caret) when the program is malformed or
            uses ops Kiln cannot compile; one error per unsupported op kind.
    """
    if shape_profiles is not None:
        raise KilnException("compile_mlir: shape_profiles are not supported yet (static shapes only)")
    source, name = _read_source(text_or_path)
    C = _native.native()
    try:
        engine = C.compile(source, name, entry_point or "")
    except C.CompileError as e:
        error = KilnException(f"the Kiln compiler rejected '{name}':\n\n{str(e).rstrip()}")
        error.mlir = source
        raise error from None
    names, infos = [], []
    for i, (input_name, dtype_name, shape) in enumerate(engine.inputs):
        try:
            dtype = _dtype.from_mlir(dtype_name)
        except KeyError:
            raise KilnException(
                f"compile_mlir: input {i} has element type {dtype_name}, which the Python frontend "
                f"cannot pass yet"
            ) from None
        names.append(input_name if input_name.isidentifier() else f"arg{i}")
        infos.append(InputInfo(tuple(shape), dtype))
    return Executable(engine, names, infos, single_output=len(engine.outputs) == 1, mlir=source)
