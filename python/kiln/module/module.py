"""The Module base class."""

from collections import OrderedDict
from typing import Any, Dict, Iterator, Tuple

import numpy as np

from kiln.exception import raise_error
from kiln.tensor import Tensor


class Module:
    """
    Base class for models. Assigning a :class:`kiln.Tensor` to an attribute
    registers it as a parameter; assigning a :class:`kiln.Module` (or a list or
    dict of them) registers a submodule. Subclasses implement ``forward``;
    calling the module calls ``forward``.

    .. code-block:: python

        class Scale(kiln.Module):
            def __init__(self):
                super().__init__()
                self.factor = kiln.ones((3,))

            def forward(self, x):
                return x * self.factor

        model = Scale()
        assert list(model.state_dict()) == ["factor"]
    """

    def __init__(self):
        object.__setattr__(self, "_params", OrderedDict())
        object.__setattr__(self, "_modules", OrderedDict())

    def _registries(self):
        if "_params" not in self.__dict__:
            Module.__init__(self)  # a subclass forgot super().__init__()
        return self._params, self._modules

    def __setattr__(self, name: str, value: Any) -> None:
        params, modules = self._registries()
        params.pop(name, None)
        modules.pop(name, None)
        if isinstance(value, Tensor):
            params[name] = value
        elif isinstance(value, Module):
            modules[name] = value
        elif isinstance(value, (list, tuple)) and value and all(isinstance(v, Module) for v in value):
            for i, v in enumerate(value):
                modules[f"{name}.{i}"] = v
        elif isinstance(value, dict) and value and all(isinstance(v, Module) for v in value.values()):
            for k, v in value.items():
                modules[f"{name}.{k}"] = v
        object.__setattr__(self, name, value)

    def __delattr__(self, name: str) -> None:
        params, modules = self._registries()
        params.pop(name, None)
        for key in [k for k in modules if k == name or k.startswith(name + ".")]:
            del modules[key]
        object.__delattr__(self, name)

    def forward(self, *args, **kwargs):
        raise NotImplementedError(f"{type(self).__name__} must implement forward()")

    def __call__(self, *args, **kwargs):
        return self.forward(*args, **kwargs)

    def named_children(self) -> Iterator[Tuple[str, "Module"]]:
        """Direct submodules as ``(name, module)``."""
        yield from self._registries()[1].items()

    def named_parameters(self) -> Iterator[Tuple[str, Tensor]]:
        """
        Every parameter of this module and its submodules as
        ``(dotted name, tensor)``.

        .. code-block:: python

            names = [n for n, _ in kiln.Linear(2, 3).named_parameters()]
            assert names == ["weight", "bias"]
        """
        params, modules = self._registries()
        yield from params.items()
        for prefix, child in modules.items():
            for name, tensor in child.named_parameters():
                yield f"{prefix}.{name}", tensor

    def parameters(self):
        """The parameter tensors, in :meth:`named_parameters` order."""
        return [t for _, t in self.named_parameters()]

    def state_dict(self) -> Dict[str, Tensor]:
        """
        A dict of every parameter by dotted name, for saving or for
        :meth:`load_state_dict`.

        .. code-block:: python

            sd = kiln.Linear(2, 3).state_dict()
            assert sd["weight"].shape == (3, 2)
        """
        return OrderedDict(self.named_parameters())

    def _owner_of(self, dotted: str):
        module = self
        parts = dotted.split(".")
        while len(parts) > 1:
            modules = module._registries()[1]
            for split in range(len(parts) - 1, 0, -1):
                key = ".".join(parts[:split])
                if key in modules:
                    module, parts = modules[key], parts[split:]
                    break
            else:
                return None, dotted
        return module, parts[0]

    def load_state_dict(self, state_dict: Dict[str, Any], strict: bool = True):
        """
        Replaces parameters with the values in ``state_dict`` (tensors or
        numpy arrays). Shapes and dtypes must match the current parameters.

        Args:
            state_dict: Parameter values by dotted name.
            strict: If True, the keys must match exactly; otherwise missing
                and unexpected keys are returned.

        Returns:
            ``(missing_keys, unexpected_keys)``, two sets.

        .. code-block:: python

            a, b = kiln.Linear(2, 3), kiln.Linear(2, 3)
            b.load_state_dict(a.state_dict())
        """
        current = self.state_dict()
        missing = set(current) - set(state_dict)
        unexpected = set(state_dict) - set(current)
        problems = []
        if strict and (missing or unexpected):
            if missing:
                problems.append(f"missing keys: expected {sorted(missing)} to be present, got no value for them")
            if unexpected:
                problems.append(f"unexpected keys: got {sorted(unexpected)}, expected only {sorted(current)}")
        converted = {}
        for name, value in state_dict.items():
            if name not in current:
                continue
            tensor = value if isinstance(value, Tensor) else Tensor(np.asarray(value), dtype=None)
            expected = current[name]
            if tensor.shape != expected.shape:
                problems.append(f"'{name}': wrong shape: expected {expected.shape}, got {tensor.shape}")
            elif tensor.dtype != expected.dtype:
                problems.append(f"'{name}': wrong dtype: expected {expected.dtype}, got {tensor.dtype}")
            converted[name] = tensor
        if problems:
            raise_error(
                f"load_state_dict for {type(self).__name__} failed:\n" + "\n".join(f"  {p}" for p in problems)
            )
        for name, tensor in converted.items():
            owner, attr = self._owner_of(name)
            setattr(owner, attr, tensor)
        return missing, unexpected

    def __repr__(self):
        lines = [f"{type(self).__name__}("]
        for name, tensor in self._registries()[0].items():
            lines.append(f"  {name}: {tensor.dtype}{list(tensor.shape)}")
        for name, child in self._registries()[1].items():
            lines.append(f"  {name}: " + repr(child).replace("\n", "\n  "))
        lines.append(")")
        return "\n".join(lines)
