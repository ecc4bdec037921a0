"""The systems compared: Kiln and its peers, each preparing a workload once.

`Peer.prepare(workload)` returns a Prepared: `call()` runs the workload once
(what is timed), `fetch(result)` turns a result into numpy arrays (for the
check, not timed), and the seconds spent exporting and compiling. Every peer
gets the same numpy weights; Kiln and ONNX Runtime get them as constants of
the program (as a deployed model has them), PyTorch as module buffers and JAX
as jit arguments (as their users hold them).
"""

import gc
import os
import tempfile
import time
from dataclasses import dataclass, field
from typing import Callable, List, Optional

import numpy as np

from ops import JaxOps, TorchOps


class Unsupported(Exception):
    """The peer has no way to run this kind of workload (not a failure)."""


@dataclass
class Prepared:
    call: Callable[[], object]
    fetch: Callable[[object], List[np.ndarray]]
    compile_s: Optional[float] = None  # None: nothing is compiled ahead (eager)
    export_s: Optional[float] = None
    notes: List[str] = field(default_factory=list)
    keep: object = None  # what must stay alive while call() is used
    info: dict = field(default_factory=dict)  # more columns for the JSON row


def _as_list(out):
    return list(out) if isinstance(out, (list, tuple)) else [out]


class Peer:
    name = "?"
    only = None  # the workloads it is measured on, if not all

    def prepare(self, w):
        raise NotImplementedError


# ---------------------------------------------------------------- torch


def _torch_module(w, dtype=None):
    import torch

    ops = TorchOps()

    class Model(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.names = list(w.params)
            for k, a in w.params.items():
                t = torch.from_numpy(a.copy())
                self.register_buffer(k, t.to(dtype) if dtype is not None else t)

        def forward(self, *inputs):
            return w.fn(ops, {k: getattr(self, k) for k in self.names}, *inputs)

    return Model().eval()


def _torch_inputs(w, dtype=None):
    import torch

    out = []
    for a in w.inputs:
        t = torch.from_numpy(a.copy())
        out.append(t.to(dtype) if dtype is not None and t.is_floating_point() else t)
    return out


def oracle(w) -> List[np.ndarray]:
    """The workload in float64 (PyTorch eager): what every peer is checked against."""
    import torch

    module = _torch_module(w, torch.float64)
    with torch.inference_mode():
        out = module(*_torch_inputs(w, torch.float64))
    return [o.numpy() for o in _as_list(out)]


def _torch_fetch(out):
    return [o.detach().numpy() for o in _as_list(out)]


class TorchEager(Peer):
    name = "torch"

    def prepare(self, w):
        import torch

        inputs = _torch_inputs(w)
        if w.kind == "eager":
            # The op itself, on tensors the user already holds.
            return Prepared(lambda: w.fn(None, {}, *inputs), _torch_fetch)
        module = _torch_module(w)

        def call():
            with torch.inference_mode():
                return module(*inputs)

        return Prepared(call, _torch_fetch, keep=module)


class TorchCompile(Peer):
    name = "torch.compile"

    def prepare(self, w):
        import torch

        if w.kind == "eager":
            raise Unsupported("no eager mode")
        torch._dynamo.reset()
        compiled = torch.compile(_torch_module(w))
        inputs = _torch_inputs(w)

        def call():
            with torch.inference_mode():
                return compiled(*inputs)

        t = time.perf_counter()
        call()  # compiles
        return Prepared(call, _torch_fetch, compile_s=time.perf_counter() - t,
                        notes=["compile_s is the first call (tracing + Inductor)"], keep=compiled)


class OnnxRuntime(Peer):
    name = "onnxruntime"

    def __init__(self, threads):
        self.threads = threads

    def prepare(self, w):
        import onnxruntime as ort
        import torch

        if w.kind == "eager":
            raise Unsupported("no eager mode")
        module = _torch_module(w)
        inputs = _torch_inputs(w)
        tmp = tempfile.TemporaryDirectory(prefix="kiln-bench-onnx-")
        path = os.path.join(tmp.name, w.name + ".onnx")
        names = [f"in{i}" for i in range(len(inputs))]
        notes = []
        t = time.perf_counter()
        try:
            torch.onnx.export(module, tuple(inputs), path, input_names=names, dynamo=True, verbose=False)
        except Exception as e:  # the TorchScript exporter handles some programs dynamo cannot
            notes.append(f"dynamo export failed ({type(e).__name__}); used dynamo=False")
            torch.onnx.export(module, tuple(inputs), path, input_names=names, dynamo=False)
        export_s = time.perf_counter() - t
        del module
        gc.collect()
        options = ort.SessionOptions()
        options.intra_op_num_threads = self.threads
        options.inter_op_num_threads = 1
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        t = time.perf_counter()
        session = ort.InferenceSession(path, options, providers=["CPUExecutionProvider"])
        compile_s = time.perf_counter() - t
        feed = {i.name: a for i, a in zip(session.get_inputs(), w.inputs)}
        if len(feed) != len(w.inputs):
            raise RuntimeError(f"the exported model has {len(session.get_inputs())} inputs, expected {len(w.inputs)}")
        return Prepared(lambda: session.run(None, feed), lambda out: list(out), compile_s=compile_s,
                        export_s=export_s, notes=notes, keep=(session, tmp))


# ---------------------------------------------------------------- JAX


class Jax(Peer):
    name = "jax"

    def prepare(self, w):
        import jax
        import jax.numpy as jnp

        ops = JaxOps()
        inputs = [jnp.asarray(a) for a in w.inputs]
        fetch = lambda out: [np.asarray(o) for o in _as_list(out)]  # noqa: E731
        if w.kind == "eager":
            return Prepared(lambda: jax.block_until_ready(w.fn(ops, {}, *inputs)), fetch)
        params = {k: jnp.asarray(a) for k, a in w.params.items()}
        jitted = jax.jit(lambda params, *xs: w.fn(ops, params, *xs))
        t = time.perf_counter()
        lowered = jitted.lower(params, *inputs)
        export_s = time.perf_counter() - t
        t = time.perf_counter()
        compiled = lowered.compile()
        compile_s = time.perf_counter() - t
        return Prepared(lambda: jax.block_until_ready(compiled(params, *inputs)), fetch,
                        compile_s=compile_s, export_s=export_s, keep=compiled)


# ---------------------------------------------------------------- Kiln


def kiln_stablehlo(w):
    """JAX's StableHLO for the workload, weights folded in as constants."""
    import jax

    ops = JaxOps()
    specs = [jax.ShapeDtypeStruct(a.shape, a.dtype) for a in w.inputs]
    return jax.jit(lambda *xs: w.fn(ops, w.params, *xs)).lower(*specs).as_text()


class Kiln(Peer):
    name = "kiln"

    def prepare(self, w):
        import kiln
        from kiln.compiler import compile_mlir

        fetch = lambda out: [np.asarray(o) for o in _as_list(out)]  # noqa: E731
        if w.kind == "eager":
            tensors = [kiln.Tensor(a) for a in w.inputs]
            return Prepared(lambda: w.fn(None, {}, *tensors)[0].eval(), lambda out: [np.asarray(out)],
                            notes=["kiln.Tensor op + eval(); the compile cache is warm after the first call"])
        t = time.perf_counter()
        text = kiln_stablehlo(w)
        export_s = time.perf_counter() - t
        t = time.perf_counter()
        exe = compile_mlir(text)
        compile_s = time.perf_counter() - t
        del text
        inputs = list(w.inputs)
        return Prepared(lambda: exe(*inputs), fetch, compile_s=compile_s, export_s=export_s,
                        notes=["export_s is jax.jit(...).lower(...).as_text()"], keep=exe,
                        info={"engine_steps": exe._engine.num_steps})


class KilnEngineRun(Peer):
    """Kiln below the Python wrapper: the native engine's run(), for the
    per-call overhead only (what the runtime itself costs)."""

    name = "kiln (engine.run)"
    only = {"call-overhead"}

    def prepare(self, w):
        from kiln.compiler import compile_mlir
        exe = compile_mlir(kiln_stablehlo(w))
        engine, inputs = exe._engine, list(w.inputs)
        return Prepared(lambda: engine.run(inputs), lambda out: [np.asarray(o) for o in out], keep=exe)
