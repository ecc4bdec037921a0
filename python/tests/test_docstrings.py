"""Every code example in a public docstring runs (STYLE: examples are executed)."""

import inspect
import re

import numpy as np
import pytest

import kiln

_BLOCK = re.compile(r"\.\. code-block:: python\n\n((?:(?: {4}.*)?\n)+)")


def _examples():
    seen = set()
    for name in sorted(n for n in dir(kiln) if not n.startswith("_")):
        obj = getattr(kiln, name)
        members = [(name, obj)]
        if inspect.isclass(obj):
            members += [(f"{name}.{m}", v) for m, v in vars(obj).items() if not m.startswith("_")]
        for label, member in members:
            target = member.fget if isinstance(member, property) else getattr(member, "__func__", member)
            if id(target) in seen:
                continue
            seen.add(id(target))
            doc = inspect.getdoc(target) or ""
            for i, block in enumerate(_BLOCK.findall(doc + "\n")):
                yield pytest.param("\n".join(line[4:] for line in block.splitlines()), id=f"{label}-{i}")


@pytest.mark.parametrize("code", list(_examples()))
def test_docstring_example(code, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    exec(code, {"kiln": kiln, "np": np})
