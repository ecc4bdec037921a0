"""Result types from the compiler: the dialect's own type inference, asked
through the extension for each traced op (and remembered, since loops trace
the same op over and over)."""

import re
from typing import List, Tuple

from kiln import _dtype, _native

_cache = {}
_MAX_CACHE = 4096
_TENSOR = re.compile(r"^tensor<((?:(?:\d+|\?)x)*)([A-Za-z0-9]+)>$")


class InferenceError(Exception):
    """The dialect refused the op; the message is its diagnostic."""


def parse_type(text: str) -> Tuple[Tuple[int, ...], "_dtype.dtype"]:
    match = _TENSOR.match(text)
    if not match:
        raise InferenceError(f"the compiler inferred a type the frontend cannot represent: {text}")
    dims = [d for d in match.group(1).split("x") if d]
    return tuple(-1 if d == "?" else int(d) for d in dims), _dtype.from_mlir(match.group(2))


def result_types(op) -> List[Tuple[Tuple[int, ...], "_dtype.dtype"]]:
    operand_types = tuple(t.mlir_type() for t in op.inputs)
    hint = op.element_type_hint()
    key = (op.name, operand_types, op.attribute_dict(), hint.mlir if hint is not None else "")
    types = _cache.get(key)
    if types is None:
        ok, texts, diagnostics = _native.native().infer_result_types(*key[:1], list(key[1]), key[2], key[3])
        if not ok:
            raise InferenceError(diagnostics)
        types = [parse_type(t) for t in texts]
        if len(_cache) > _MAX_CACHE:
            _cache.clear()
        _cache[key] = types
    return types
