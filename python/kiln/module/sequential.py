"""A chain of modules."""

from kiln.module.module import Module


class Sequential(Module):
    """
    Calls modules in order, each on the previous one's output.

    .. code-block:: python

        mlp = kiln.Sequential(kiln.Linear(4, 8), kiln.Linear(8, 2))
        assert mlp(kiln.ones((1, 4))).shape == (1, 2)
    """

    def __init__(self, *modules: Module):
        super().__init__()
        for i, module in enumerate(modules):
            setattr(self, str(i), module)

    def __len__(self):
        return len(self._modules)

    def __getitem__(self, index: int) -> Module:
        return list(self._modules.values())[index]

    def forward(self, x):
        for module in self._modules.values():
            x = module(x)
        return x
