"""Argument checks for the public functions, from their annotations: a
parameter annotated ``Tensor`` (or ``Sequence[Tensor]``) must get one, else
the user sees a KilnException naming the function and the parameter at
their line, never an AttributeError from inside Kiln."""

import functools
import inspect
import typing

from kiln.exception import raise_error
from kiln.tensor import Tensor


def _kind(annotation):
    if annotation is Tensor or annotation == "Tensor":
        return "tensor"
    origin = typing.get_origin(annotation)
    if origin is not None and typing.get_args(annotation) and typing.get_args(annotation)[0] is Tensor:
        import collections.abc

        if origin in (list, tuple, collections.abc.Sequence):
            return "sequence"
    return None


def checked(func):
    """``func`` with its Tensor-annotated parameters checked (no-op if none)."""
    signature = inspect.signature(func)
    hints = typing.get_type_hints(func) if func.__annotations__ else {}
    checks = [(i, p.name, _kind(hints.get(p.name))) for i, p in enumerate(signature.parameters.values())]
    checks = [c for c in checks if c[2] is not None]
    if not checks:
        return func
    what = f"kiln.{func.__name__}"

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        for index, name, kind in checks:
            if index < len(args):
                value = args[index]
            elif name in kwargs:
                value = kwargs[name]
            else:
                continue
            if kind == "tensor" and not isinstance(value, Tensor):
                raise_error(f"{what}: expected '{name}' to be a kiln.Tensor, got {type(value).__name__}",
                            ["hint: wrap data with kiln.Tensor(...)"])
            if kind == "sequence" and (
                not isinstance(value, (list, tuple)) or not all(isinstance(v, Tensor) for v in value)
            ):
                got = type(value).__name__ if not isinstance(value, (list, tuple)) else \
                    "a sequence holding " + ", ".join(sorted({type(v).__name__ for v in value}))
                raise_error(f"{what}: expected '{name}' to be a sequence of kiln.Tensor, got {got}")
        return func(*args, **kwargs)

    return wrapper


def check_all(namespace: dict, names) -> None:
    for name in names:
        namespace[name] = checked(namespace[name])
