"""Builds one-op MLIR functions as text for the kernel tests.

bf16 cannot cross the Python boundary as a numpy array, so a bf16 case takes
f32 arguments, casts them to bf16 inside the function (exact rounding to
nearest even) and casts bf16 results back to f32 (exact).
"""

import numpy as np

import kiln._C

NP = {"f32": np.float32, "f16": np.float16, "i32": np.int32, "i64": np.int64, "i8": np.int8, "i1": np.bool_}


def ttype(shape, elem):
    dims = "x".join("?" if d is None else str(d) for d in shape)
    return f"tensor<{dims}x{elem}>" if shape else f"tensor<{elem}>"


def io_elem(elem):
    """Element type at the function boundary."""
    return "f32" if elem == "bf16" else elem


def to_bf16(x):
    """Rounds an f32 array to bf16 values (as f32), like the engine's cast."""
    torch = __import__("torch")
    return torch.from_numpy(np.array(x, np.float32, order="C")).to(torch.bfloat16).float().numpy()


def function(args, results, op_lines, ret_values, profiles=None):
    """args: [(shape, elem)]; results: [(shape, elem)]; op_lines use %a0.. for
    the (bf16-cast) arguments and must define ret_values."""
    params, pre, post, names = [], [], [], []
    for i, (shape, elem) in enumerate(args):
        attr = ""
        if profiles and profiles.get(i):
            lo, opt, hi = profiles[i]
            attr = f" {{tensorrt.shape_profile = #tensorrt.shape_profile<min = {lo}, opt = {opt}, max = {hi}>}}"
        params.append(f"%x{i}: {ttype(shape, io_elem(elem))}{attr}")
        if elem == "bf16":
            pre.append(f"  %a{i} = tensorrt.identity %x{i} : {ttype(shape, 'f32')} to {ttype(shape, 'bf16')}")
        else:
            op_lines = [line.replace(f"%a{i}", f"%x{i}") for line in op_lines]
    outs = []
    for j, ((shape, elem), value) in enumerate(zip(results, ret_values)):
        if elem == "bf16":
            post.append(f"  %r{j} = tensorrt.identity {value} : {ttype(shape, 'bf16')} to {ttype(shape, 'f32')}")
            outs.append(f"%r{j}")
        else:
            outs.append(value)
        names.append(ttype(shape, io_elem(elem)))
    body = "\n".join(pre + ["  " + line for line in op_lines] + post)
    return (
        f"func.func @main({', '.join(params)}) -> ({', '.join(names)}) {{\n{body}\n"
        f"  return {', '.join(outs)} : {', '.join(names)}\n}}\n"
    )


def compile_text(text):
    return kiln._C.compile(text)


def run(text, inputs):
    return compile_text(text).run([np.array(x, order="C", copy=True) for x in inputs])
