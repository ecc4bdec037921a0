"""The Module base class."""

import os
from collections import OrderedDict
from typing import Any, Dict, Iterator, Tuple

import numpy as np

from kiln import _dtype
from kiln.exception import raise_error
from kiln.tensor import Tensor


def _is_module_list(value) -> bool:
    return isinstance(value, (list, tuple)) and bool(value) and all(isinstance(v, (Module, Tensor)) for v in value)


def _is_module_dict(value) -> bool:
    return isinstance(value, dict) and bool(value) and all(isinstance(v, (Module, Tensor)) for v in value.values())


def _array_of(value):
    """(numpy array, dtype name as the source spells it) of a state-dict value."""
    if isinstance(value, Tensor):
        return None, str(value.dtype)
    module = type(value).__module__.split(".")[0]
    if module == "torch":
        import torch

        tensor = value.detach().cpu()
        if tensor.dtype == torch.bfloat16:
            import ml_dtypes

            return tensor.view(torch.int16).numpy().view(ml_dtypes.bfloat16), "bfloat16"
        array = tensor.numpy()
        return array, str(array.dtype)
    array = np.asarray(value)
    return array, str(array.dtype)


def _concrete(value) -> bool:
    """A value known now (not a placeholder of kiln.compile)."""
    from kiln._eager import _depends_on_input

    if isinstance(value, Tensor):
        return not _depends_on_input(value._trace)
    return isinstance(value, np.ndarray) or hasattr(value, "__dlpack__")


class _AutoCompile:
    def __init__(self, dynamic_dims):
        self.dynamic_dims = dynamic_dims
        self.cache = {}

    def __call__(self, module, args):
        from kiln.backend.compile import compile
        from kiln.backend.input_info import InputInfo

        arrays = [a if isinstance(a, Tensor) else Tensor(a) for a in args]
        key, infos = [], []
        for t in arrays:
            shape = []
            for i, size in enumerate(t.shape):
                bounds = self.dynamic_dims.get(i, self.dynamic_dims.get(i - t.rank))
                if bounds is not None and bounds[0] <= size <= bounds[2]:
                    shape.append(tuple(bounds))
                else:
                    shape.append(size)
            key.append((t.dtype.name, tuple(shape)))
            infos.append(InputInfo(shape, t.dtype))
        key = tuple(key)
        exe = self.cache.get(key)
        if exe is None:
            exe = compile(module.forward, args=infos)
            self.cache[key] = exe
        return exe(*arrays)


class Module:
    """
    Base class for models. Assigning a :class:`kiln.Tensor` to an attribute
    registers it as a parameter; assigning a :class:`kiln.Module` (or a list or
    dict of modules or tensors) registers a submodule. Subclasses implement
    ``forward``; calling the module calls ``forward``.

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
        for key in [k for k in params if k.startswith(name + ".")]:
            del params[key]
        for key in [k for k in modules if k == name or k.startswith(name + ".")]:
            del modules[key]
        if isinstance(value, Tensor):
            params[name] = value
        elif isinstance(value, Module):
            modules[name] = value
        elif _is_module_list(value) or _is_module_dict(value):
            items = value.items() if isinstance(value, dict) else enumerate(value)
            for key, v in items:
                (params if isinstance(v, Tensor) else modules)[f"{name}.{key}"] = v
        object.__setattr__(self, name, value)

    def __delattr__(self, name: str) -> None:
        params, modules = self._registries()
        for registry in (params, modules):
            for key in [k for k in registry if k == name or k.startswith(name + ".")]:
                del registry[key]
        object.__delattr__(self, name)

    def forward(self, *args, **kwargs):
        """The computation; subclasses implement it. ``module(x)`` calls it."""
        raise NotImplementedError(f"{type(self).__name__} must implement forward()")

    def __call__(self, *args, **kwargs):
        auto = self.__dict__.get("_auto_compile")
        if auto is not None and not kwargs and args and all(_concrete(a) for a in args):
            return auto(self, args)
        return self.forward(*args, **kwargs)

    def auto_compile(self, dynamic_dims=None) -> "Module":
        """
        Makes the module compile itself on its first call (beyond nvtripy):
        each call with concrete tensors or arrays runs an executable built
        for its inputs' dtypes and shapes. ``dynamic_dims`` maps a dimension
        index to ``(min, opt, max)``: that dimension of every input is
        dynamic, so one executable serves every size in the range; a call
        outside the range, or with other dtypes or static sizes, compiles
        another. Calls while tracing (inside :func:`kiln.compile`) run
        ``forward`` as usual. Returns the module.

        .. code-block:: python

            model = kiln.Sequential(kiln.Linear(4, 2), kiln.relu).auto_compile({0: (1, 8, 64)})
            out = model(np.ones((3, 4), np.float32))   # compiles once for batches 1..64
            out = model(np.ones((5, 4), np.float32))   # same executable
            assert out.shape == (5, 2) and len(model.compiled_executables) == 1
        """
        if dynamic_dims is not None:
            if not isinstance(dynamic_dims, dict):
                raise_error(f"auto_compile: expected dynamic_dims as {{dim: (min, opt, max)}}, got {dynamic_dims!r}")
            for dim, bounds in dynamic_dims.items():
                if not isinstance(dim, int) or not isinstance(bounds, (tuple, list)) or len(bounds) != 3:
                    raise_error(f"auto_compile: expected dynamic_dims as {{dim: (min, opt, max)}}, got {dynamic_dims!r}")
        object.__setattr__(self, "_auto_compile", _AutoCompile(dynamic_dims or {}))
        return self

    @property
    def compiled_executables(self):
        """The executables :meth:`auto_compile` built so far."""
        auto = self.__dict__.get("_auto_compile")
        return list(auto.cache.values()) if auto is not None else []

    def named_children(self) -> Iterator[Tuple[str, "Module"]]:
        """
        Direct submodules as ``(name, module)``; members of a list or dict
        attribute are named ``attr.0``, ``attr.key``.

        .. code-block:: python

            mlp = kiln.Sequential(kiln.Linear(2, 3), kiln.Linear(3, 1))
            assert [n for n, _ in mlp.named_children()] == ["0", "1"]
        """
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
        """(module, registry key) owning the parameter ``dotted``."""
        module = self
        rest = dotted
        while True:
            params, modules = module._registries()
            if rest in params or rest in module._optional_keys():
                return module, rest
            for key in sorted(modules, key=len, reverse=True):
                if rest.startswith(key + "."):
                    module, rest = modules[key], rest[len(key) + 1 :]
                    break
            else:
                return None, rest

    def _optional_keys(self):
        return set()

    def load_state_dict(self, state_dict, strict: bool = True):
        """
        Replaces parameters with the values in ``state_dict``: kiln tensors,
        numpy arrays or torch tensors by dotted name, or the path of a
        ``.safetensors`` file. Shapes and dtypes must match the current
        parameters (no silent conversion: convert a float64 checkpoint first).

        Args:
            state_dict: Parameter values by dotted name, or a ``.safetensors`` path.
            strict: If True, the keys must match exactly; otherwise missing
                and unexpected keys are returned and skipped.

        Returns:
            ``(missing_keys, unexpected_keys)``, two sets.

        .. code-block:: python

            a, b = kiln.Linear(2, 3), kiln.Linear(2, 3)
            missing, unexpected = b.load_state_dict(a.state_dict())
            assert not missing and not unexpected
        """
        if isinstance(state_dict, (str, os.PathLike)):
            from kiln.module.safetensors import load_safetensors

            state_dict = load_safetensors(state_dict)
        if not isinstance(state_dict, dict):
            raise_error(f"load_state_dict: expected a dict of parameters or a .safetensors path, got "
                        f"{type(state_dict).__name__}")
        current = self.state_dict()
        optional = self._all_optional_keys()
        missing = set(current) - set(state_dict) - optional
        unexpected = set(state_dict) - set(current) - optional
        problems = []
        if strict and missing:
            problems.append(f"missing keys: {sorted(missing)}")
        if strict and unexpected:
            problems.append(f"unexpected keys: {sorted(unexpected)}; expected keys: {sorted(current)}")
        converted = {}
        for name, value in state_dict.items():
            if name not in current:
                if name in optional:  # e.g. Linear.input_scale, absent until loaded
                    array, _ = _array_of(value)
                    converted[name] = value if array is None else Tensor(array)
                continue
            expected = current[name]
            array, dtype_name = _array_of(value)
            if array is not None:
                given = _dtype.from_numpy(array.dtype)
                if given is None or given != expected.dtype:
                    problems.append(
                        f"'{name}': wrong dtype: expected {expected.dtype}, got {dtype_name}"
                        + (" (convert the checkpoint with .astype/.to first)" if given != expected.dtype else "")
                    )
                    continue
                value = Tensor(array)
            if value.shape != expected.shape:
                problems.append(f"'{name}': wrong shape: expected {expected.shape}, got {value.shape}")
            elif value.dtype != expected.dtype:
                problems.append(f"'{name}': wrong dtype: expected {expected.dtype}, got {value.dtype}")
            converted[name] = value
        if problems:
            raise_error(
                f"load_state_dict: the state_dict is incompatible with {type(self).__name__}:\n"
                + "\n".join(f"  {p}" for p in problems)
            )
        for name, tensor in converted.items():
            owner, key = self._owner_of(name)
            owner._set_parameter(key, tensor)
        return missing, unexpected

    def _all_optional_keys(self):
        keys = set(self._optional_keys())
        for prefix, child in self._registries()[1].items():
            keys |= {f"{prefix}.{k}" for k in child._all_optional_keys()}
        return keys

    def _set_parameter(self, key: str, tensor: Tensor):
        if key in self._optional_keys():
            setattr(self, key, tensor)
            return
        attr, _, member = key.partition(".")
        if not member:
            setattr(self, attr, tensor)
            return
        container = getattr(self, attr)
        index = int(member) if isinstance(container, (list, tuple)) else member
        if isinstance(container, tuple):
            container = list(container)
        container[index] = tensor
        setattr(self, attr, container)

    def initialize_dummy_parameters(self) -> None:
        """
        Replaces every parameter with deterministic placeholder values of its
        shape and dtype (to compile or time a model before loading weights).

        .. code-block:: python

            layer = kiln.Linear(2, 3)
            layer.initialize_dummy_parameters()
            assert layer.weight.shape == (3, 2)
        """
        rng = np.random.default_rng(0)
        for name, tensor in list(self.named_parameters()):
            shape, dtype = tensor.shape, tensor.dtype
            if dtype.is_floating:
                values = rng.uniform(-0.1, 0.1, shape)
            elif dtype == _dtype.bool_:
                values = np.zeros(shape, bool)
            else:
                values = np.zeros(shape)
            owner, key = self._owner_of(name)
            owner._set_parameter(key, Tensor(values, dtype=dtype))

    def __str__(self):
        lines = [f"{type(self).__name__}("]
        for name, tensor in self._registries()[0].items():
            lines.append(f"  {name}: Parameter(shape={tensor.shape}, dtype={tensor.dtype})")
        for name, child in self._registries()[1].items():
            lines.append(f"  {name}: " + str(child).replace("\n", "\n  "))
        lines.append(")")
        return "\n".join(lines)

    __repr__ = __str__
