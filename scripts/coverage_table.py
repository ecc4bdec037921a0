#!/usr/bin/env python3
"""Writes or checks docs/kernel-coverage.md: every `tensorrt` op × element type.

Each cell comes from running the op, not from a list kept by hand: for every
op named in the ODS files (include/kiln/Dialect/TensorRT/IR/**/*.td) and every
element type, a tiny function using that op on that type is compiled with
`kiln._C.compile` and run with `engine.run` on small ml_dtypes/numpy inputs.

    —             the dialect rejects the op on that type (parser/verifier)
    ✓             it compiles and runs
    ✗ <reason>    it verifies but the compiler or a kernel refuses it

Usage:
    python scripts/coverage_table.py           # print the table
    python scripts/coverage_table.py --write   # rewrite docs/kernel-coverage.md
    python scripts/coverage_table.py --check   # exit 1 if that file is stale
"""

import argparse
import datetime
import difflib
import pathlib
import re
import sys

import ml_dtypes
import numpy as np

import kiln._C as C

ROOT = pathlib.Path(__file__).resolve().parent.parent
ODS = ROOT / "include/kiln/Dialect/TensorRT/IR"
DOC = ROOT / "docs/kernel-coverage.md"
COMMAND = "python scripts/coverage_table.py --write"

ELEMS = ["f32", "f16", "bf16", "i8", "ui8", "i32", "i64", "i1", "f8E4M3FN", "i4", "f4E2M1FN"]
NP = {
    "f32": np.float32, "f16": np.float16, "bf16": ml_dtypes.bfloat16, "i8": np.int8, "ui8": np.uint8,
    "i32": np.int32, "i64": np.int64, "i1": np.bool_, "f8E4M3FN": ml_dtypes.float8_e4m3fn,
    "i4": ml_dtypes.int4, "f4E2M1FN": ml_dtypes.float4_e2m1fn,
}
FLOATS = {"f32", "f16", "bf16", "f8E4M3FN", "f4E2M1FN"}

# Ops that cannot run on their own, by nature.
BY_NATURE = {
    "module": "container of engine functions (host-side structure, no step)",
    "call": "host-side call into a `tensorrt.module` (outside an engine)",
    "call_alloc": "host-side call into a `tensorrt.module` (outside an engine)",
    "opaque_plugin": "runs a TensorRT plugin library; Kiln has no plugins",
    "condition": "terminator of `while`'s condition region (covered by `while`)",
    "yield": "region terminator (covered by `if`/`while`/`for`)",
}


def ttype(shape, elem):
    return f"tensor<{'x'.join(map(str, shape))}x{elem}>" if shape else f"tensor<{elem}>"


def literal(elem, value=1):
    if elem == "i1":
        return "true"
    return f"{float(value)}" if elem in FLOATS else str(int(value))


class Case:
    """A function: `args` [(shape, elem)], `lines` using %a0.., `results`
    [(shape, elem)] returned from the values `rets`."""

    def __init__(self, args, lines, results, rets=None, inputs=None):
        self.args, self.lines, self.results = args, lines, results
        self.rets = rets or ["%r"]
        self.inputs = inputs or {}

    def text(self):
        params = ", ".join(f"%a{i}: {ttype(s, e)}" for i, (s, e) in enumerate(self.args))
        types = ", ".join(ttype(s, e) for s, e in self.results)
        body = "\n".join("  " + line for line in self.lines)
        return (f"func.func @main({params}) -> ({types}) {{\n{body}\n"
                f"  return {', '.join(self.rets)} : {types}\n}}\n")

    def arrays(self):
        out = []
        for i, (shape, elem) in enumerate(self.args):
            if i in self.inputs:
                out.append(np.asarray(self.inputs[i], NP[elem]).reshape(shape))
                continue
            n = int(np.prod(shape, dtype=np.int64))
            base = np.arange(n) % 2 if elem == "i1" else (np.arange(n) % 3 + 1)
            out.append(base.astype(np.float32).astype(NP[elem]).reshape(shape))
        return out


def unary_like(T, line, shape=(2, 3), out=None):
    return Case([(shape, T)], [line.format(t=ttype(shape, T), o=ttype(out or shape, T))], [(out or shape, T)])


def other(T):
    """A second type for cast/identity: f32, or f16 when T is f32."""
    return "f16" if T == "f32" else "f32"


def templates():
    """op -> (dtype meaning, T -> Case)."""
    t23 = lambda T: ttype((2, 3), T)
    img = lambda T, h: ttype((1, 1, h, h), T)
    resize_attrs = ("coordinateTransformation = #tensorrt.resize_coordinate_transformation<kHALF_PIXEL>, "
                    "selectorForSinglePixel = #tensorrt.resize_selector<kFORMULA>")
    return {
        "constant": ("result", lambda T: Case(
            [], [f"%r = tensorrt.constant dense<{literal(T)}> : {ttype((2,), T)}"], [((2,), T)])),
        "element_wise": ("operands (kSUM; kAND for i1)", lambda T: Case(
            [((2, 3), T), ((1, 3), T)],
            [f"%r = tensorrt.element_wise <{'kAND' if T == 'i1' else 'kSUM'}>(%a0, %a1 : {t23(T)}, "
             f"{ttype((1, 3), T)}) -> {t23(T)}"], [((2, 3), T)])),
        "unary": ("operand (kABS; kNOT for i1)", lambda T: unary_like(
            T, "%r = tensorrt.unary {{unaryOperation = #tensorrt.unary_operation<"
               + ("kNOT" if T == "i1" else "kABS") + ">}} %a0 : {t}")),
        "activation": ("operand (kRELU)", lambda T: unary_like(
            T, "%r = tensorrt.activation {{activationType = #tensorrt.activation_type<kRELU>}} %a0 : {t}")),
        "cast": ("source (to f32; f32 to f16)", lambda T: Case(
            [((2, 3), T)], [f"%r = tensorrt.cast %a0 : {t23(T)} to {t23(other(T))}"], [((2, 3), other(T))])),
        "identity": ("source (to f32; f32 to f16)", lambda T: Case(
            [((2, 3), T)], [f"%r = tensorrt.identity %a0 : {t23(T)} to {t23(other(T))}"], [((2, 3), other(T))])),
        "select": ("branches", lambda T: Case(
            [((2, 3), "i1"), ((2, 3), T), ((2, 3), T)],
            [f"%r = tensorrt.select ins(%a0, %a1, %a2 : {t23('i1')}, {t23(T)}, {t23(T)}) -> {t23(T)}"],
            [((2, 3), T)])),
        "matrix_multiply": ("operands", lambda T: Case(
            [((2, 3), T), ((3, 2), T)],
            ["%r = tensorrt.matrix_multiply {op0 = #tensorrt.matrix_operation<kNONE>, "
             f"op1 = #tensorrt.matrix_operation<kNONE>}} ins(%a0, %a1 : {t23(T)}, {ttype((3, 2), T)}) "
             f"-> {ttype((2, 2), T)}"], [((2, 2), T)])),
        "reduce": ("operand (kSUM)", lambda T: unary_like(
            T, "%r = tensorrt.reduce <kSUM> %a0 {{reduceAxes = array<i64: 1>}} : {t} -> {o}", out=(2,))),
        "softmax": ("operand", lambda T: unary_like(T, "%r = tensorrt.softmax {{axis = 1 : i64}} %a0 : {t}")),
        "shuffle": ("operand", lambda T: unary_like(
            T, "%r = tensorrt.shuffle {{first_transpose = array<i64: 1, 0>, second_transpose = array<i64: 0, 1>}} "
               "ins(%a0 : {t}) -> {o}", out=(3, 2))),
        "transpose": ("operand", lambda T: unary_like(
            T, "%r = tensorrt.transpose {{permutation = affine_map<(d0, d1) -> (d1, d0)>}} %a0 : {t} to {o}",
            out=(3, 2))),
        "reshape": ("operand", lambda T: unary_like(T, "%r = tensorrt.reshape %a0 : {t} to {o}", out=(6,))),
        "expand_rank": ("operand", lambda T: unary_like(
            T, "%r = tensorrt.expand_rank %a0 : {t} to {o}", out=(1, 2, 3))),
        "collapse_rank": ("operand", lambda T: unary_like(
            T, "%r = tensorrt.collapse_rank %a0 : {t} to {o}", shape=(1, 2, 3), out=(2, 3))),
        "broadcast": ("operand", lambda T: unary_like(
            T, "%r = tensorrt.broadcast %a0 broadcast_dims<0, 1> : {t} to {o}", shape=(1, 3), out=(2, 3))),
        "slice": ("operand", lambda T: unary_like(
            T, "%r = tensorrt.slice %a0[0, 1][2, 2][1, 1] : {t} to {o}", out=(2, 2))),
        "concatenation": ("operands", lambda T: Case(
            [((2, 3), T), ((2, 3), T)],
            [f"%r = tensorrt.concatenation {{axis = 0 : i32}} ins(%a0, %a1 : {t23(T)}, {t23(T)}) "
             f"-> {ttype((4, 3), T)}"], [((4, 3), T)])),
        "if": ("yielded values", lambda T: Case(
            [((), "i1"), ((2, 3), T), ((2, 3), T)],
            [f"%r = tensorrt.if (%a0 : tensor<i1>) -> {t23(T)} {{",
             f"  tensorrt.yield %a1 : {t23(T)}", "} else {", f"  tensorrt.yield %a2 : {t23(T)}", "}"],
            [((2, 3), T)], inputs={0: True})),
        "while": ("carried value", lambda T: Case(
            [((), "i32"), ((2, 3), T)],
            ["%one = tensorrt.constant dense<1> : tensor<i32>",
             f"%r:2 = tensorrt.while (%a0, %a1 : tensor<i32>, {t23(T)}) -> tensor<i32>, {t23(T)} {{",
             f"^bb0(%i: tensor<i32>, %x: {t23(T)}):",
             "  %go = tensorrt.element_wise <kLESS>(%i, %one : tensor<i32>, tensor<i32>) -> tensor<i1>",
             f"  tensorrt.condition(%go : tensor<i1>) %i, %x : tensor<i32>, {t23(T)}",
             "}, {", f"^bb0(%i: tensor<i32>, %x: {t23(T)}):",
             "  %n = tensorrt.element_wise <kSUM>(%i, %one : tensor<i32>, tensor<i32>) -> tensor<i32>",
             f"  tensorrt.yield %n, %x : tensor<i32>, {t23(T)}", "}"],
            [((2, 3), T)], rets=["%r#1"], inputs={0: 0})),
        "for": ("carried value", lambda T: Case(
            [((), "i32"), ((), "i32"), ((), "i32"), ((2, 3), T)],
            [f"%r = tensorrt.for %i = %a0 to %a1 step %a2 init(%x = %a3) -> ({t23(T)}) {{",
             f"  tensorrt.yield %x : {t23(T)}", "}"],
            [((2, 3), T)], inputs={0: 0, 1: 2, 2: 1})),
        "assertion": ("condition", lambda T: Case(
            [((2,), T)], ['tensorrt.assertion {message = "coverage"} ins(%a0 : ' + ttype((2,), T) + ")"],
            [((2,), T)], rets=["%a0"], inputs={0: [1, 1]})),
        "convolution": ("input and kernel", lambda T: Case(
            [((1, 1, 4, 4), T), ((1, 1, 3, 3), T)],
            ["%r = tensorrt.convolution {stride = array<i64: 1, 1>, pre_padding = array<i64: 0, 0>, "
             f"post_padding = array<i64: 0, 0>}} in(%a0 : {img(T, 4)}) kernel(%a1 : {ttype((1, 1, 3, 3), T)}) "
             f"-> {img(T, 2)}"], [((1, 1, 2, 2), T)])),
        "deconvolution": ("input and kernel", lambda T: Case(
            [((1, 1, 2, 2), T), ((1, 1, 3, 3), T)],
            ["%r = tensorrt.deconvolution {stride = array<i64: 1, 1>, pre_padding = array<i64: 0, 0>, "
             f"post_padding = array<i64: 0, 0>}} in(%a0 : {img(T, 2)}) "
             f"kernelWeights(%a1 : {ttype((1, 1, 3, 3), T)}) -> {img(T, 4)}"], [((1, 1, 4, 4), T)])),
        "pooling": ("operand (kMAX)", lambda T: unary_like(
            T, "%r = tensorrt.pooling {{poolingType = #tensorrt.pooling_type<kMAX>, windowSize = array<i64: 2, 2>, "
               "stride = array<i64: 2, 2>, prePadding = array<i64: 0, 0>, postPadding = array<i64: 0, 0>}} "
               "ins(%a0 : {t}) -> {o}", shape=(1, 1, 4, 4), out=(1, 1, 2, 2))),
        "padding": ("operand", lambda T: unary_like(
            T, "%r = tensorrt.padding {{prePadding = array<i64: 0, 1>, postPadding = array<i64: 1, 0>}} "
               "ins(%a0 : {t}) -> {o}", shape=(1, 1, 2, 3), out=(1, 1, 3, 4))),
        "shape": ("operand", lambda T: Case(
            [((2, 3), T)], [f"%r = tensorrt.shape %a0 : {t23(T)} -> tensor<2xi32>"], [((2,), "i32")])),
        "non_zero": ("operand", lambda T: Case(
            [((2, 3), T)], [f"%r = tensorrt.non_zero %a0 : {t23(T)} -> tensor<2x?xi32>"], [((2, "?"), "i32")])),
        "one_hot": ("values", lambda T: Case(
            [((3,), "i32"), ((2,), T), ((), "i32")],
            [f"%r = tensorrt.one_hot {{axis = -1 : si64}} ins(%a0, %a1, %a2 : tensor<3xi32>, {ttype((2,), T)}, "
             f"tensor<i32>) -> {ttype((3, 4), T)}"], [((3, 4), T)], inputs={0: [0, 1, 3], 2: 4})),
        "linspace": ("result", lambda T: Case(
            [], [f"%r = tensorrt.linspace [0.0][static][1.0] : {ttype((4,), T)}"], [((4,), T)])),
        "random_uniform": ("result", lambda T: Case(
            [], [f"%r = tensorrt.random_uniform -> {ttype((4,), T)}"], [((4,), T)])),
        "random_normal": ("result", lambda T: Case(
            [], [f"%r = tensorrt.random_normal -> {ttype((4,), T)}"], [((4,), T)])),
        "gather": ("data", lambda T: Case(
            [((3, 2), T), ((2,), "i32")],
            [f"%r = tensorrt.gather {{axis = 0 : i64}} ins(%a0, %a1 : {ttype((3, 2), T)}, tensor<2xi32>) "
             f"-> {ttype((2, 2), T)}"], [((2, 2), T)], inputs={1: [2, 0]})),
        "gather_nd": ("data", lambda T: Case(
            [((3, 2), T), ((2, 1), "i32")],
            [f"%r = tensorrt.gather_nd data(%a0) indices(%a1) : ({ttype((3, 2), T)}, tensor<2x1xi32>) "
             f"-> {ttype((2, 2), T)}"], [((2, 2), T)], inputs={1: [2, 0]})),
        "gather_elements": ("data", lambda T: Case(
            [((3, 2), T), ((2, 2), "i32")],
            [f"%r = tensorrt.gather_elements {{axis = 0 : i64}} ins(%a0, %a1 : {ttype((3, 2), T)}, "
             f"tensor<2x2xi32>) -> {ttype((2, 2), T)}"], [((2, 2), T)], inputs={1: [2, 0, 1, 1]})),
        "scatter_nd": ("data and updates", lambda T: Case(
            [((3, 2), T), ((1, 1), "i32"), ((1, 2), T)],
            [f"%r = tensorrt.scatter_nd data(%a0 : {ttype((3, 2), T)}) indices(%a1 : tensor<1x1xi32>) "
             f"updates(%a2 : {ttype((1, 2), T)})"], [((3, 2), T)], inputs={1: [1]})),
        "scatter_elements": ("data and updates", lambda T: Case(
            [((3, 2), T), ((1, 2), "i32"), ((1, 2), T)],
            [f"%r = tensorrt.scatter_elements {{axis = 0 : i64}} data(%a0 : {ttype((3, 2), T)}) "
             f"indices(%a1 : tensor<1x2xi32>) updates(%a2 : {ttype((1, 2), T)})"], [((3, 2), T)],
            inputs={1: [2, 0]})),
        "normalization": ("input, scale, bias", lambda T: Case(
            [((2, 3), T), ((1, 3), T), ((1, 3), T)],
            [f"%r = tensorrt.normalization {{axis = array<i64: 1>}} (%a0 : {t23(T)}, %a1 : {ttype((1, 3), T)}, "
             f"%a2 : {ttype((1, 3), T)}) -> {t23(T)}"], [((2, 3), T)])),
        "ragged_softmax": ("input", lambda T: Case(
            [((1, 2, 3), T), ((1, 2, 1), "i32")],
            [f"%r = tensorrt.ragged_softmax ins(%a0, %a1 : {ttype((1, 2, 3), T)}, tensor<1x2x1xi32>) "
             f"-> {ttype((1, 2, 3), T)}"], [((1, 2, 3), T)], inputs={1: [2, 3]})),
        "parametric_relu": ("input and slope", lambda T: Case(
            [((2, 3), T), ((1, 3), T)],
            [f"%r = tensorrt.parametric_relu ins(%a0, %a1 : {t23(T)}, {ttype((1, 3), T)}) -> {t23(T)}"],
            [((2, 3), T)])),
        "quantize": ("result (from f32)", lambda T: Case(
            [((4,), "f32"), ((), "f32")],
            [f"%r = tensorrt.quantize in(%a0 : tensor<4xf32>) scale(%a1 : tensor<f32>) -> {ttype((4,), T)}"],
            [((4,), T)])),
        "dequantize": ("input (to f32)", lambda T: Case(
            [((4,), T), ((), "f32")],
            [f"%r = tensorrt.dequantize in(%a0 : {ttype((4,), T)}) scale(%a1 : tensor<f32>) -> tensor<4xf32>"],
            [((4,), "f32")])),
        "dynamic_quantize": ("input (to f4E2M1FN + f8E4M3FN scales)", lambda T: Case(
            [((2, 32), T), ((), T)],
            [f"%r, %s = tensorrt.dynamic_quantize {{axis = 1 : i32}} in(%a0 : {ttype((2, 32), T)}) "
             f"double_quant_scale(%a1 : {ttype((), T)}) -> tensor<2x32xf4E2M1FN>, tensor<2x2xf8E4M3FN>"],
            [((2, 32), "f4E2M1FN"), ((2, 2), "f8E4M3FN")], rets=["%r", "%s"])),
        "top_k": ("operand (kMAX)", lambda T: Case(
            [((2, 3), T)],
            [f"%r, %i = tensorrt.top_k <kMAX> {{k = 1 : i64, axis = 1 : i64}} %a0 : {t23(T)} "
             f"-> {ttype((2, 1), T)}, tensor<2x1xi32>"], [((2, 1), T), ((2, 1), "i32")], rets=["%r", "%i"])),
        "argmin": ("operand", lambda T: Case(
            [((2, 3), T)], [f"%r, %i = tensorrt.argmin {{axis = 1 : i64}} %a0 : {t23(T)} "
                            f"-> {ttype((2, 1), T)}, tensor<2x1xi32>"],
            [((2, 1), T), ((2, 1), "i32")], rets=["%r", "%i"])),
        "argmax": ("operand", lambda T: Case(
            [((2, 3), T)], [f"%r, %i = tensorrt.argmax {{axis = 1 : i64}} %a0 : {t23(T)} "
                            f"-> {ttype((2, 1), T)}, tensor<2x1xi32>"],
            [((2, 1), T), ((2, 1), "i32")], rets=["%r", "%i"])),
        "einsum": ("operands", lambda T: Case(
            [((2, 3), T), ((3, 2), T)],
            [f'%r = tensorrt.einsum {{equation = "ij,jk->ik"}} ins(%a0, %a1 : {t23(T)}, {ttype((3, 2), T)}) '
             f"-> {ttype((2, 2), T)}"], [((2, 2), T)])),
        "resize_nearest": ("operand", lambda T: unary_like(
            T, "%r = tensorrt.resize_nearest {{" + resize_attrs
               + ", nearestRounding = #tensorrt.resize_round_mode<kFLOOR>}} %a0 : ({t}) -> {o}",
            shape=(1, 1, 2, 2), out=(1, 1, 4, 4))),
        "resize_linear": ("operand", lambda T: unary_like(
            T, "%r = tensorrt.resize_linear {{" + resize_attrs + "}} %a0 : ({t}) -> {o}",
            shape=(1, 1, 2, 2), out=(1, 1, 4, 4))),
        "resize_cubic": ("operand", lambda T: unary_like(
            T, "%r = tensorrt.resize_cubic {{" + resize_attrs + ", cubicCoeff = -0.75 : f32}} %a0 : ({t}) -> {o}",
            shape=(1, 1, 2, 2), out=(1, 1, 4, 4))),
    }


def ods_ops():
    """Op mnemonics defined in the ODS files, in file order."""
    ops = []
    for td in sorted(ODS.rglob("*.td")):
        for m in re.finditer(r'^def TensorRT_\w+\s*:\s*TensorRT_\w*Op<"(\w+)"', td.read_text(), re.M):
            ops.append((td.relative_to(ODS).with_suffix("").as_posix(), m.group(1)))
    return ops


def first_line(text):
    """The first diagnostic's message, trimmed to something short."""
    lines = [l for l in text.strip().splitlines() if "error:" in l] or text.strip().splitlines() or ["?"]
    msg = lines[0].split("error:", 1)[-1].strip()
    msg = re.sub(r"^'tensorrt\.\w+' op ", "", msg)
    msg = re.sub(r"^\w+ \(step \d+, [^)]*\): ", "", msg)  # kernel (step, location)
    msg = msg.replace(" is not supported by the Kiln runtime yet", " unsupported")
    msg = msg.replace("|", "\\|")
    return msg if len(msg) <= 90 else msg[:87] + "..."


PROBE = "__coverage_probe__"
STAMP = "Generated on"
EXPLAIN = "--explain" in sys.argv  # print why each — cell was rejected


def comparable(text):
    """The document without its date line (--check ignores the date)."""
    return [l for l in text.splitlines(True) if not l.startswith(STAMP)]


def classify(case):
    text = case.text()
    try:
        engine = C.compile(text)
    except C.CompileError as e:
        # Parsing and verification come before the entry-point search, so a
        # probe entry name that gets reported means the op verified.
        try:
            C.compile(text, entry=PROBE)
        except C.CompileError as probe:
            if PROBE not in str(probe):
                if EXPLAIN:
                    print(f"— {first_line(str(probe))}\n{text}", file=sys.stderr)
                return "—"
        return "✗ " + first_line(str(e))
    try:
        engine.run(case.arrays())
    except Exception as e:  # kiln.KilnError, or a binding's TypeError
        return "✗ " + first_line(str(e))
    return "✓"


def table():
    tmpl = templates()
    rows, cells = [], {}
    for group, op in ods_ops():
        if op in BY_NATURE:
            rows.append(f"| `{op}` | {group} | — | " + " | ".join(["n/a"] * len(ELEMS)) + f" | {BY_NATURE[op]} |")
            continue
        if op not in tmpl:
            rows.append(f"| `{op}` | {group} | — | " + " | ".join(["?"] * len(ELEMS))
                        + " | no template in scripts/coverage_table.py |")
            continue
        meaning, make = tmpl[op]
        row = [classify(make(T)) for T in ELEMS]
        cells[op] = row
        # Long reasons go under the table, the cell keeps a footnote number.
        rows.append((op, group, meaning, row))
    notes, out = {}, []
    for r in rows:
        if isinstance(r, str):
            out.append(r)
            continue
        op, group, meaning, row = r
        shown = []
        for c in row:
            if c.startswith("✗ "):
                n = notes.setdefault(c[2:], len(notes) + 1)
                shown.append(f"✗[^{n}]")
            else:
                shown.append(c)
        out.append(f"| `{op}` | {group} | {meaning} | " + " | ".join(shown) + " | |")
    counts = {k: sum(c.startswith(k) for row in cells.values() for c in row) for k in ("✓", "✗", "—")}
    return out, notes, counts


def render():
    rows, notes, counts = table()
    head = ("| op | ODS file | dtype column means | " + " | ".join(ELEMS) + " | note |\n"
            "|---|---|---|" + "---|" * len(ELEMS) + "---|")
    legend = ("Legend: ✓ compiles with `kiln._C.compile` and runs with `engine.run`; "
              "— the dialect rejects the op on that type (parser/verifier); "
              "✗ it verifies but the compiler or a kernel refuses it (reason in the footnote); "
              "n/a the op cannot run on its own.")
    foot = "\n".join(f"[^{n}]: {reason}" for reason, n in notes.items())
    return (
        "# Kernel coverage: `tensorrt` op × element type\n\n"
        f"{STAMP} {datetime.date.today().isoformat()} by `{COMMAND}`.\n\n"
        f"Generated from the ODS op list and the kernel registry "
        f"({len(C.kernel_names())} kernels); do not edit by hand. Each cell runs a tiny function "
        "using the op (shapes and attributes: the template table in the script); "
        "`python/tests/test_coverage_table.py` fails when this file is stale.\n\n"
        f"{legend}\n\nTotals: {counts['✓']} ✓, {counts['✗']} ✗, {counts['—']} —.\n\n"
        f"{head}\n" + "\n".join(rows) + "\n\n"
        + (foot + "\n\n" if foot else "Every op verifies on a type only where it also runs (no ✗ cells).\n\n")
        + "Registered reference kernels (`kiln._C.kernel_names()`): "
        + ", ".join(f"`{n}`" for n in C.kernel_names()) + ".\n"
    )


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    g = ap.add_mutually_exclusive_group()
    g.add_argument("--write", action="store_true", help=f"rewrite {DOC.relative_to(ROOT)}")
    ap.add_argument("--explain", action="store_true", help="print the diagnostic of every — cell to stderr")
    g.add_argument("--check", action="store_true", help=f"exit 1 if {DOC.relative_to(ROOT)} is stale")
    args = ap.parse_args()
    text = render()
    if args.write:
        DOC.write_text(text)
        print(f"wrote {DOC.relative_to(ROOT)}")
    elif args.check:
        old = DOC.read_text() if DOC.exists() else ""
        if comparable(old) != comparable(text):
            sys.stdout.writelines(difflib.unified_diff(
                comparable(old), comparable(text), str(DOC.relative_to(ROOT)), "generated"))
            print(f"\n{DOC.relative_to(ROOT)} is stale; run `{COMMAND}`", file=sys.stderr)
            return 1
        print(f"{DOC.relative_to(ROOT)} is up to date")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
