"""Tensor methods defined next to their ops.

An op module decorates its function with ``@register_tensor_method("__add__")``;
importing :mod:`kiln` installs every registered method on
:class:`kiln.Tensor`. ``tensor.py`` never imports an op module, so the two do
not depend on each other in a cycle.
"""

from typing import Callable, Dict

TENSOR_METHODS: Dict[str, Callable] = {}


def register_tensor_method(*names: str):
    def register(func: Callable) -> Callable:
        for name in names:
            TENSOR_METHODS[name] = func
        return func

    return register


def install(tensor_cls) -> None:
    for name, func in TENSOR_METHODS.items():
        if name == "shape":
            setattr(tensor_cls, name, property(func, doc=func.__doc__))
        else:
            setattr(tensor_cls, name, func)
