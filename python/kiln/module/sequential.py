"""A chain of modules."""

from collections import OrderedDict
from typing import Dict, Union

from kiln.exception import raise_error
from kiln.module.module import Module


class Sequential(Module):
    """
    Calls modules in order, each on the previous one's output. Give the
    modules as arguments (named ``"0"``, ``"1"``, ...) or as one dict of
    names to modules; callables that are not modules (e.g. ``kiln.relu``)
    are accepted too.

    .. code-block:: python

        mlp = kiln.Sequential(kiln.Linear(4, 8), kiln.relu, kiln.Linear(8, 2))
        assert mlp(kiln.ones((1, 4))).shape == (1, 2)

        named = kiln.Sequential({"encoder": kiln.Linear(4, 8), "decoder": kiln.Linear(8, 2)})
        assert list(named.state_dict())[0] == "encoder.weight" and named["decoder"] is named.decoder
    """

    def __init__(self, *modules: Union[Module, Dict[str, Module]]):
        super().__init__()
        if len(modules) == 1 and isinstance(modules[0], dict):
            items = list(modules[0].items())
        else:
            items = [(str(i), m) for i, m in enumerate(modules)]
        object.__setattr__(self, "_order", OrderedDict())
        for name, module in items:
            if not callable(module):
                raise_error(f"kiln.Sequential: expected modules or callables, got {type(module).__name__} for "
                            f"'{name}'")
            self._order[name] = module
            if isinstance(module, Module):
                setattr(self, name, module)

    def __len__(self):
        return len(self._order)

    def __iter__(self):
        return iter(self._order.values())

    def __getitem__(self, index: Union[int, str]):
        if isinstance(index, str):
            if index not in self._order:
                raise_error(f"kiln.Sequential: no module named '{index}': expected one of {list(self._order)}")
            return self._order[index]
        modules = list(self._order.values())
        if not -len(modules) <= index < len(modules):
            raise_error(f"kiln.Sequential: index {index} out of range for {len(modules)} modules")
        return modules[index]

    def named_children(self):
        """The modules in call order as ``(name, module)``."""
        yield from ((n, m) for n, m in self._order.items() if isinstance(m, Module))

    def forward(self, input):
        """Calls each module on the previous one's output."""
        for module in self._order.values():
            input = module(input)
        return input
