"""The workloads of issue 9, each written once over an `ops` namespace (ops.py).

A Workload holds the function, its numpy weights (one set, loaded by every
peer) and inputs, and what it costs: the floating-point operations it does
(counted from the shapes, multiply-add = 2) and, for the memory-bound decode
step, the bytes it must stream. `build(name, quick)` makes one; quick gives a
tiny configuration of the same code for the smoke test.
"""

from dataclasses import dataclass, field
from typing import Callable, Dict, List, Optional

import numpy as np


@dataclass
class Workload:
    name: str
    description: str
    fn: Callable  # fn(ops, params, *inputs) -> tuple of outputs
    params: Dict[str, np.ndarray]
    inputs: List[np.ndarray]
    flops: Optional[float] = None
    bytes: Optional[float] = None  # bytes that must come from memory per call
    tol: float = 1e-4  # max |out - ref| / max |ref| against the float64 oracle
    kind: str = "compiled"  # compiled | eager | compile-time
    notes: List[str] = field(default_factory=list)


def _rng(seed):
    return np.random.default_rng(seed)


def _normal(rng, shape, std):
    return (rng.standard_normal(shape) * std).astype(np.float32)


# ---------------------------------------------------------------- GPT-2


@dataclass
class GPT2Config:
    layers: int = 12
    width: int = 768
    heads: int = 12
    vocab: int = 50257
    positions: int = 1024


def gpt2_params(cfg: GPT2Config, seed=0):
    """Random weights in GPT-2's layout (HF Conv1D: weight is (in, out)),
    initialized as GPT-2 is (std 0.02), layer norms perturbed from 1/0 so a
    wrong normalization shows in the outputs."""
    rng, d = _rng(seed), cfg.width
    p = {"wte": _normal(rng, (cfg.vocab, d), 0.02), "wpe": _normal(rng, (cfg.positions, d), 0.01)}
    for i in range(cfg.layers):
        p[f"h{i}_ln1_g"] = 1 + _normal(rng, (d,), 0.1)
        p[f"h{i}_ln1_b"] = _normal(rng, (d,), 0.1)
        p[f"h{i}_qkv_w"] = _normal(rng, (d, 3 * d), 0.02)
        p[f"h{i}_qkv_b"] = _normal(rng, (3 * d,), 0.02)
        p[f"h{i}_proj_w"] = _normal(rng, (d, d), 0.02 / np.sqrt(2 * cfg.layers))
        p[f"h{i}_proj_b"] = _normal(rng, (d,), 0.02)
        p[f"h{i}_ln2_g"] = 1 + _normal(rng, (d,), 0.1)
        p[f"h{i}_ln2_b"] = _normal(rng, (d,), 0.1)
        p[f"h{i}_fc_w"] = _normal(rng, (d, 4 * d), 0.02)
        p[f"h{i}_fc_b"] = _normal(rng, (4 * d,), 0.02)
        p[f"h{i}_out_w"] = _normal(rng, (4 * d, d), 0.02 / np.sqrt(2 * cfg.layers))
        p[f"h{i}_out_b"] = _normal(rng, (d,), 0.02)
    p["lnf_g"] = 1 + _normal(rng, (d,), 0.1)
    p["lnf_b"] = _normal(rng, (d,), 0.1)
    return p


def _gpt2_block(ops, p, i, x, heads, past_k=None, past_v=None):
    """One pre-LN transformer block; with past_k/past_v (B, H, P, D) the
    queries attend to the cache and themselves (decode), else causally."""
    b, t, d = x.shape
    hd = d // heads

    def to_heads(y):
        return ops.permute(ops.reshape(y, (b, t, heads, hd)), (0, 2, 1, 3))

    h = ops.layer_norm(x, p[f"h{i}_ln1_g"], p[f"h{i}_ln1_b"])
    q, k, v = ops.split(h @ p[f"h{i}_qkv_w"] + p[f"h{i}_qkv_b"], 3, axis=-1)
    q, k, v = to_heads(q), to_heads(k), to_heads(v)
    new_k, new_v = k, v
    if past_k is not None:
        k, v = ops.concat([past_k, k], axis=2), ops.concat([past_v, v], axis=2)
    a = ops.attention(q, k, v, causal=past_k is None)
    a = ops.reshape(ops.permute(a, (0, 2, 1, 3)), (b, t, d))
    x = x + a @ p[f"h{i}_proj_w"] + p[f"h{i}_proj_b"]
    h = ops.layer_norm(x, p[f"h{i}_ln2_g"], p[f"h{i}_ln2_b"])
    x = x + ops.gelu_tanh(h @ p[f"h{i}_fc_w"] + p[f"h{i}_fc_b"]) @ p[f"h{i}_out_w"] + p[f"h{i}_out_b"]
    return x, new_k, new_v


def _layers(p):
    return sum(1 for k in p if k.endswith("_ln1_g"))


def gpt2_prefill(ops, p, ids, heads):
    """Logits for every position of ids (B, T), tied LM head."""
    t = ids.shape[1]
    x = ops.take_rows(p["wte"], ids) + p["wpe"][:t]
    for i in range(_layers(p)):
        x, _, _ = _gpt2_block(ops, p, i, x, heads)
    x = ops.layer_norm(x, p["lnf_g"], p["lnf_b"])
    return (x @ p["wte"].T,)


def gpt2_decode(ops, p, ids, past, heads):
    """One decode step: ids (B, 1), past (L, 2, B, H, P, D) -> logits (B, 1, V)
    and this step's keys/values (L, 2, B, H, 1, D)."""
    pos = past.shape[4]
    x = ops.take_rows(p["wte"], ids) + p["wpe"][pos:pos + 1]
    present = []
    for i in range(_layers(p)):
        x, k, v = _gpt2_block(ops, p, i, x, heads, past[i, 0], past[i, 1])
        present.append(ops.concat([ops.reshape(k, (1, 1) + tuple(k.shape)),
                                   ops.reshape(v, (1, 1) + tuple(v.shape))], axis=1))
    x = ops.layer_norm(x, p["lnf_g"], p["lnf_b"])
    return x @ p["wte"].T, ops.concat(present, axis=0)


def _gpt2_config(quick):
    return GPT2Config(layers=2, width=64, heads=4, vocab=256, positions=64) if quick else GPT2Config()


def _gpt2_matmul_flops(cfg, t, s):
    """t query positions attending to s keys, per call; LM head on all t."""
    d = cfg.width
    per_layer = 2 * t * d * d * 12 + 2 * 2 * t * s * d
    return cfg.layers * per_layer + 2 * t * d * cfg.vocab


def build_gpt2_prefill(quick, name="gpt2-prefill"):
    cfg = _gpt2_config(quick)
    t = 8 if quick else 128
    ids = _rng(1).integers(0, cfg.vocab, (1, t)).astype(np.int32)
    heads = cfg.heads
    return Workload(
        name, f"GPT-2 ({cfg.layers}L, d={cfg.width}, V={cfg.vocab}, random weights) prefill b1x{t}, "
        "logits for every position",
        lambda ops, p, ids: gpt2_prefill(ops, p, ids, heads), gpt2_params(cfg), [ids],
        flops=_gpt2_matmul_flops(cfg, t, t), tol=2e-4)


def build_gpt2_decode(quick):
    cfg = _gpt2_config(quick)
    past_len = 16 if quick else 128
    hd = cfg.width // cfg.heads
    rng = _rng(2)
    ids = rng.integers(0, cfg.vocab, (1, 1)).astype(np.int32)
    past = _normal(rng, (cfg.layers, 2, 1, cfg.heads, past_len, hd), 1.0)
    params = gpt2_params(cfg)
    heads = cfg.heads
    # What a decode step must read: every weight once (wte whole, for the LM
    # head), one row of wpe, and the KV cache.
    streamed = sum(a.nbytes for k, a in params.items() if k != "wpe") + cfg.width * 4 + past.nbytes
    return Workload(
        "gpt2-decode", f"GPT-2 ({cfg.layers}L, d={cfg.width}, V={cfg.vocab}) one decode step, "
        f"b1, {past_len}-position KV cache",
        lambda ops, p, ids, past: gpt2_decode(ops, p, ids, past, heads), params, [ids, past],
        flops=_gpt2_matmul_flops(cfg, 1, past_len + 1), bytes=streamed, tol=2e-4)


# ---------------------------------------------------------------- ResNet-18


def _resnet_widths(quick):
    return (8, 16, 32, 64) if quick else (64, 128, 256, 512)


def resnet18_params(quick, seed=3):
    rng, widths = _rng(seed), _resnet_widths(quick)
    p = {}

    def conv(name, cout, cin, k):
        p[name] = _normal(rng, (cout, cin, k, k), np.sqrt(2.0 / (cin * k * k)))

    def bn(name, c):
        p[name + "_mean"] = _normal(rng, (c,), 0.1)
        p[name + "_var"] = (1 + np.abs(_normal(rng, (c,), 0.2))).astype(np.float32)
        p[name + "_g"] = 1 + _normal(rng, (c,), 0.1)
        p[name + "_b"] = _normal(rng, (c,), 0.1)

    conv("conv1", widths[0], 3, 7)
    bn("bn1", widths[0])
    cin = widths[0]
    for s, w in enumerate(widths):
        for blk in range(2):
            pre = f"l{s}b{blk}"
            conv(pre + "_c1", w, cin, 3)
            bn(pre + "_bn1", w)
            conv(pre + "_c2", w, w, 3)
            bn(pre + "_bn2", w)
            if s > 0 and blk == 0:
                conv(pre + "_down", w, cin, 1)
                bn(pre + "_downbn", w)
            cin = w
    p["fc_w"] = _normal(rng, (cin, 1000), 1.0 / np.sqrt(cin))
    p["fc_b"] = _normal(rng, (1000,), 0.01)
    return p


def resnet18(ops, p, x):
    def bn(y, name):
        return ops.batch_norm(y, p[name + "_mean"], p[name + "_var"], p[name + "_g"], p[name + "_b"])

    x = ops.relu(bn(ops.conv2d(x, p["conv1"], 2, 3), "bn1"))
    x = ops.max_pool2d(x, 3, 2, 1)
    for s in range(4):
        for blk in range(2):
            pre = f"l{s}b{blk}"
            stride = 2 if s > 0 and blk == 0 else 1
            out = ops.relu(bn(ops.conv2d(x, p[pre + "_c1"], stride, 1), pre + "_bn1"))
            out = bn(ops.conv2d(out, p[pre + "_c2"], 1, 1), pre + "_bn2")
            if pre + "_down" in p:
                x = bn(ops.conv2d(x, p[pre + "_down"], stride, 0), pre + "_downbn")
            x = ops.relu(out + x)
    return (ops.global_avg_pool(x) @ p["fc_w"] + p["fc_b"],)


def _resnet_flops(p, size):
    """Multiply-adds of the convolutions and the classifier, x2."""
    def out(n, k, s, pad):
        return (n + 2 * pad - k) // s + 1

    h = out(size, 7, 2, 3)
    macs = p["conv1"].size * h * h
    h = out(h, 3, 2, 1)
    for s in range(4):
        for blk in range(2):
            pre = f"l{s}b{blk}"
            stride = 2 if s > 0 and blk == 0 else 1
            ho = out(h, 3, stride, 1)
            macs += p[pre + "_c1"].size * ho * ho + p[pre + "_c2"].size * ho * ho
            if pre + "_down" in p:
                macs += p[pre + "_down"].size * ho * ho
            h = ho
    return 2.0 * (macs + p["fc_w"].size)


def build_resnet18(quick):
    size = 32 if quick else 224
    params = resnet18_params(quick)
    x = _rng(4).standard_normal((1, 3, size, size)).astype(np.float32)
    return Workload("resnet18", f"ResNet-18 (widths {_resnet_widths(quick)}, inference batch norm) b1 {size}x{size}",
                    resnet18, params, [x], flops=_resnet_flops(params, size), tol=2e-4)


# ---------------------------------------------------------------- small ones


def build_gemm(quick):
    n = 64 if quick else 1024
    rng = _rng(5)
    a = rng.standard_normal((n, n)).astype(np.float32)
    return Workload("gemm", f"GEMM {n}x{n}x{n} f32 (A an input, B a weight)",
                    lambda ops, p, a: (a @ p["b"],), {"b": rng.standard_normal((n, n)).astype(np.float32)},
                    [a], flops=2.0 * n ** 3, tol=1e-5)


def mlp15(ops, p, x):
    for i in range(15):
        x = x @ p[f"w{i}"] + p[f"b{i}"]
        if i < 14:
            x = ops.relu(x)
    return (x,)


def build_mlp15(quick):
    batch, width = (4, 32) if quick else (64, 1024)
    rng = _rng(6)
    params = {}
    for i in range(15):
        params[f"w{i}"] = _normal(rng, (width, width), np.sqrt(2.0 / width))
        params[f"b{i}"] = _normal(rng, (width,), 0.01)
    x = rng.standard_normal((batch, width)).astype(np.float32)
    return Workload("linear15", f"15 Linear({width}, {width}) layers with bias and ReLU between, batch {batch}",
                    mlp15, params, [x], flops=15 * 2.0 * batch * width * width, tol=1e-4)


def build_attention(quick):
    b, h, s, d = (1, 2, 16, 8) if quick else (1, 12, 512, 64)
    rng = _rng(7)
    q, k, v = (rng.standard_normal((b, h, s, d)).astype(np.float32) for _ in range(3))
    return Workload("attention", f"causal scaled-dot-product attention B={b} H={h} S={s} D={d}",
                    lambda ops, p, q, k, v: (ops.attention(q, k, v, causal=True),), {}, [q, k, v],
                    flops=4.0 * b * h * s * s * d, tol=1e-4,
                    notes=["flops counted for the full S x S score matrix"])


def _add(ops, p, x, y):
    return (x + y,)


def build_overhead(quick):
    rng = _rng(8)
    x, y = (rng.standard_normal(4).astype(np.float32) for _ in range(2))
    return Workload("call-overhead", "one compiled call of a 4-element f32 add (time per call)", _add, {}, [x, y],
                    tol=1e-6)


def build_eager(quick):
    w = build_overhead(quick)
    w.name, w.kind = "eager-op", "eager"
    w.description = "one eager 4-element f32 add, compile cache warm (time per op, result materialized)"
    return w


def build_compile(quick):
    w = build_gpt2_prefill(quick, name="compile-gpt2")
    w.kind = "compile-time"
    w.description = "compile time of the GPT-2 prefill program (" + w.description.split(" prefill")[0] + ")"
    return w


BUILDERS = {
    "gpt2-prefill": build_gpt2_prefill,
    "gpt2-decode": build_gpt2_decode,
    "gemm": build_gemm,
    "resnet18": build_resnet18,
    "linear15": build_mlp15,
    "attention": build_attention,
    "call-overhead": build_overhead,
    "eager-op": build_eager,
    "compile-gpt2": build_compile,
}


def build(name, quick=False) -> Workload:
    if name not in BUILDERS:
        raise KeyError(f"unknown workload '{name}'; known: {', '.join(BUILDERS)}")
    return BUILDERS[name](quick)
