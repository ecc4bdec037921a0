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

A dynamic batch: export with a symbolic dimension and give the input a
shape profile; the executable then takes any batch from min to max.

.. code-block:: python

    import jax, jax.numpy as jnp
    from jax import export
    from kiln.compiler import compile_mlir

    def f(x, w):
        return jax.nn.relu(x @ w)

    x_spec = jax.ShapeDtypeStruct(export.symbolic_shape("b, 3"), jnp.float32)
    w_spec = jax.ShapeDtypeStruct((3, 4), jnp.float32)
    text = export.export(jax.jit(f))(x_spec, w_spec).mlir_module()
    exe = compile_mlir(text, shape_profiles={"x": ((1, 3), (8, 3), (32, 3))})
    out = exe(np.ones((5, 3), np.float32), np.ones((3, 4), np.float32))
"""

import os
from typing import Dict, Optional, Sequence, Tuple, Union

from kiln import _dtype, _native
from kiln.backend.executable import Executable, _signature_info
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
    if isinstance(text_or_path, str) and "\n" not in text_or_path and (
        text_or_path.endswith(".mlir") or os.sep in text_or_path
    ) and "{" not in text_or_path:
        raise KilnException(f"compile_mlir: no such file: '{text_or_path}' (expected MLIR text or the path of a "
                            f".mlir file)")
    if not isinstance(text_or_path, str):
        raise KilnException(
            f"compile_mlir: expected MLIR text or a path, got {type(text_or_path).__name__}"
        )
    return text_or_path, "<mlir>"


Shape = Sequence[int]
Profile = Tuple[Shape, Shape, Shape]


def _as_shape(value, what):
    if not isinstance(value, (tuple, list)) or not all(
        isinstance(d, int) and not isinstance(d, bool) for d in value
    ):
        raise KilnException(f"compile_mlir: {what} must be a shape (a tuple of ints), got {value!r}")
    return [int(d) for d in value]


def _profile_entries(shape_profiles):
    """[(input name or position as text, min, opt, max)] from the forms
    compile_mlir accepts."""
    if shape_profiles is None:
        return []
    if isinstance(shape_profiles, dict):
        items = list(shape_profiles.items())
    elif isinstance(shape_profiles, (list, tuple)):
        items = [(i, p) for i, p in enumerate(shape_profiles) if p is not None]
    else:
        raise KilnException(
            "compile_mlir: shape_profiles must be a dict {input name or position: (min, opt, max)} "
            f"or a list with one (min, opt, max) or None per input, got {type(shape_profiles).__name__}"
        )
    entries = []
    for key, profile in items:
        if isinstance(key, bool) or not isinstance(key, (str, int)):
            raise KilnException(f"compile_mlir: shape_profiles keys are input names or positions, got {key!r}")
        if not isinstance(profile, (tuple, list)) or len(profile) != 3:
            raise KilnException(
                f"compile_mlir: the shape profile of input {key!r} must be (min, opt, max) shapes, "
                f"e.g. ((1, 4), (8, 4), (32, 4)); got {profile!r}"
            )
        lo, opt, hi = (_as_shape(s, f"the {n} shape of input {key!r}") for s, n in zip(profile, ("min", "opt", "max")))
        entries.append((str(key), lo, opt, hi))
    return entries


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
        shape_profiles: The shapes accepted by inputs with dynamic
            dimensions (``?``, e.g. from ``jax.export`` with a symbolic
            batch): ``{input: (min, opt, max)}`` with the input's name
            (``x`` for ``loc("x")``, else ``arg0``, ``arg1``, …) or
            position, or a list with one ``(min, opt, max)`` or ``None``
            per input. Each shape is a tuple of ints; static dimensions
            repeat their size. The executable accepts any shape from min
            to max per dimension and refuses others with the bounds.

    Raises:
        KilnException: with the compiler's diagnostics (``file:line:col``,
            the source line and a caret) when the program is malformed or
            uses ops Kiln cannot compile; one error per unsupported op kind.
    """
    profiles = _profile_entries(shape_profiles)
    source, name = _read_source(text_or_path)
    C = _native.native()
    try:
        engine = C.compile(source, name, entry_point or "", profiles)
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
        bounds = next(((lo, opt, hi) for key, lo, opt, hi in profiles if key in (input_name, str(i))), None)
        if any(d < 0 for d in shape) and bounds is not None:
            infos.append(InputInfo([tuple(b) if b[0] != b[2] else b[0] for b in zip(*bounds)], dtype))
        else:
            infos.append(_signature_info(shape, dtype))
    return Executable(engine, names, infos, single_output=len(engine.outputs) == 1, mlir=source)


def compile_onnx(path_or_bytes: Union[str, os.PathLike, bytes], shape_profiles=None) -> Executable:
    """
    Compiles an ONNX model (e.g. from ``torch.onnx.export``) into an
    :class:`kiln.Executable`.

    The model is read by Kiln's own C++ reader (no ``onnx`` package needed)
    and converted to the ``tensorrt`` dialect; external data files are found
    next to the model file. Graph inputs become the executable's inputs, in
    graph order, named like the graph's inputs where those are identifiers
    (else ``arg0``, ``arg1``, …).

    Args:
        path_or_bytes: The path of a ``.onnx`` file, or its bytes (a model
            with external data needs its path).
        shape_profiles: The shapes accepted by inputs with dynamic
            dimensions (``dim_param`` or unknown), as for
            :func:`compile_mlir`: ``{input: (min, opt, max)}`` by input name
            or position, or a list with one entry or ``None`` per input.

    Raises:
        KilnException: with the file and node of every problem; a model with
            ops Kiln cannot convert gets one error listing every such node
            (name, op type, opset) before anything is converted.
    """
    profiles = _profile_entries(shape_profiles)
    if isinstance(path_or_bytes, (bytes, bytearray, memoryview)):
        model, name = bytes(path_or_bytes), "<bytes>"
    elif isinstance(path_or_bytes, (str, os.PathLike)):
        name = os.fspath(path_or_bytes)
        try:
            with open(name, "rb") as f:
                model = f.read()
        except OSError as e:
            raise KilnException(f"compile_onnx: cannot read '{name}': {e.strerror}") from None
    else:
        raise KilnException(f"compile_onnx: expected a path or bytes, got {type(path_or_bytes).__name__}")
    C = _native.native()
    try:
        engine = C.compile_onnx(model, name, profiles)
    except C.CompileError as e:
        raise KilnException(f"the Kiln compiler rejected '{name}':\n\n{str(e).rstrip()}") from None
    names, infos = [], []
    for i, (input_name, dtype_name, shape) in enumerate(engine.inputs):
        try:
            dtype = _dtype.from_mlir(dtype_name)
        except KeyError:
            raise KilnException(
                f"compile_onnx: input {i} has element type {dtype_name}, which the Python frontend cannot pass yet"
            ) from None
        names.append(input_name if input_name.isidentifier() else f"arg{i}")
        bounds = next(((lo, opt, hi) for key, lo, opt, hi in profiles if key in (input_name, str(i))), None)
        if any(d < 0 for d in shape) and bounds is not None:
            infos.append(InputInfo([tuple(b) if b[0] != b[2] else b[0] for b in zip(*bounds)], dtype))
        else:
            infos.append(_signature_info(shape, dtype))
    return Executable(engine, names, infos, single_output=len(engine.outputs) == 1)
