"""Derives the list of nvtripy's public names from its source tree.

nvtripy marks each public object with ``@export.public_api(...)`` and
defines Tensor magic methods with ``@register_tensor_method(name)``. This
script reads (never imports) every module of a checkout at a release tag and
prints one name per line: ``nvtripy.X`` for exported objects, ``Tensor.X``
for Tensor methods and properties. The output is committed as
``docs/data/nvtripy-0.1.7-api.txt``; ``scripts/api_coverage.py`` compares it
with Kiln.

    git -C TensorRT-Incubator archive tripy-v0.1.7 tripy/nvtripy | tar -x -C /tmp/nv
    python3 scripts/nvtripy_public_api.py /tmp/nv/tripy/nvtripy > docs/data/nvtripy-0.1.7-api.txt
"""

import ast
import os
import sys


def _call_name(node):
    func = node.func if isinstance(node, ast.Call) else node
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return None


def _keyword(call, name):
    for kw in call.keywords:
        if kw.arg == name:
            return kw.value
    return None


def _module_prefix(call, file_module):
    module = _keyword(call, "module")
    if module is None:
        return "nvtripy"
    # `module=sys.modules[__name__]` exports under the defining module.
    if isinstance(module, ast.Subscript):
        return file_module
    if isinstance(module, ast.Attribute):  # e.g. module=nvtripy.types
        parts = []
        while isinstance(module, ast.Attribute):
            parts.append(module.attr)
            module = module.value
        parts.append(module.id)
        return ".".join(reversed(parts))
    return "nvtripy"


def _symbol(call, default):
    symbol = _keyword(call, "symbol")
    return symbol.value if isinstance(symbol, ast.Constant) else default


def _documented_attributes(body):
    """Attributes followed by a docstring: ``x: T`` in a class body, or
    ``self.x = ...`` in ``__init__``, the way nvtripy documents fields."""
    for statement, following in zip(body, body[1:]):
        if not (isinstance(following, ast.Expr) and isinstance(following.value, ast.Constant)):
            continue
        if isinstance(statement, ast.AnnAssign):
            target = statement.target
        elif isinstance(statement, ast.Assign):
            target = statement.targets[0]
        else:
            continue
        if isinstance(target, ast.Name):
            yield target.id
        elif isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) and target.value.id == "self":
            yield target.attr


def _members(cls, qualname):
    """Public methods, properties and documented attributes of an exported
    class (``Tensor`` has its own list)."""
    names = []
    for item in cls.body:
        if isinstance(item, ast.FunctionDef) and not item.name.startswith("_"):
            if not any(_call_name(d) == "setter" for d in item.decorator_list):
                names.append(item.name)
        if isinstance(item, ast.FunctionDef) and item.name == "__init__":
            names.extend(_documented_attributes(item.body))
    names.extend(_documented_attributes(cls.body))
    for name in dict.fromkeys(names):
        if not name.startswith("_"):
            yield f"{qualname}.{name}"


def names_in(path, file_module):
    tree = ast.parse(open(path, encoding="utf-8").read())
    found = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            for deco in node.decorator_list:
                name = _call_name(deco)
                if name == "public_api" and isinstance(deco, ast.Call):
                    qualname = f"{_module_prefix(deco, file_module)}.{_symbol(deco, node.name)}"
                    found.append(qualname)
                    if isinstance(node, ast.ClassDef) and node.name != "Tensor":
                        found.extend(_members(node, qualname[len("nvtripy."):]))
                elif name == "register_tensor_method" and isinstance(deco, ast.Call):
                    found.append(f"Tensor.{deco.args[0].value}")
        elif isinstance(node, (ast.Assign, ast.AnnAssign)) and isinstance(node.value, ast.Call):
            inner = node.value.func
            target = node.targets[0] if isinstance(node, ast.Assign) else node.target
            if isinstance(inner, ast.Call) and _call_name(inner) == "public_api" and isinstance(target, ast.Name):
                found.append(f"{_module_prefix(inner, file_module)}.{_symbol(inner, target.id)}")
    return found


def tensor_members(path):
    """Public methods and properties defined in the Tensor class body."""
    tree = ast.parse(open(path, encoding="utf-8").read())
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.name == "Tensor":
            for item in node.body:
                if isinstance(item, ast.FunctionDef):
                    if not item.name.startswith("_") or item.name in (
                        "__repr__", "__dlpack__", "__dlpack_device__", "__bool__", "__iter__", "__init__",
                    ):
                        if not any(_call_name(d) == "setter" for d in item.decorator_list):
                            yield f"Tensor.{item.name}"


def main(root):
    names = set()
    for directory, _, files in os.walk(root):
        for file in files:
            if not file.endswith(".py"):
                continue
            path = os.path.join(directory, file)
            rel = os.path.relpath(path, os.path.dirname(root))[:-3].replace(os.sep, ".")
            file_module = rel[: -len(".__init__")] if rel.endswith(".__init__") else rel
            names.update(names_in(path, file_module))
            if rel == "nvtripy.frontend.tensor":
                names.update(tensor_members(path))
    # The dtypes are made in a loop (`_make_datatype`); list them by hand from that file.
    datatype = os.path.join(root, "common", "datatype.py")
    for node in ast.walk(ast.parse(open(datatype, encoding="utf-8").read())):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
            if (_call_name(node.value) or "").startswith("_make_") and isinstance(node.targets[0], ast.Name):
                names.add(f"nvtripy.{node.targets[0].id}")
    names.discard("nvtripy._make_datatype")
    for name in sorted(names):
        print(name)


if __name__ == "__main__":
    main(os.path.abspath(sys.argv[1]))
