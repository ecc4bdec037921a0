"""A pre-LayerNorm transformer block written with Kiln's Python frontend,
compiled to an engine, checked against numpy and timed.

    python examples/transformer_block.py [--seq 64] [--d-model 128] [--heads 4]

Exits non-zero if Kiln's result differs from the numpy reference.
"""

import argparse
import math
import sys
import time

import numpy as np

import kiln


class MultiHeadSelfAttention(kiln.Module):
    def __init__(self, d_model: int, num_heads: int):
        super().__init__()
        assert d_model % num_heads == 0, "d_model must be divisible by num_heads"
        self.num_heads = num_heads
        self.head_dim = d_model // num_heads
        self.qkv = kiln.Linear(d_model, 3 * d_model)
        self.proj = kiln.Linear(d_model, d_model)

    def forward(self, x):
        seq, d_model = x.shape
        qkv = self.qkv(x)  # (seq, 3 * d_model)
        # (seq, 3, heads, head_dim) -> (3, heads, seq, head_dim)
        qkv = kiln.permute(kiln.reshape(qkv, (seq, 3, self.num_heads, self.head_dim)), (1, 2, 0, 3))
        q, k, v = qkv[0], qkv[1], qkv[2]
        scores = (q @ kiln.transpose(k, -1, -2)) * (1.0 / math.sqrt(self.head_dim))
        attention = kiln.softmax(scores, dim=-1) @ v  # (heads, seq, head_dim)
        merged = kiln.reshape(kiln.permute(attention, (1, 0, 2)), (seq, d_model))
        return self.proj(merged)


class MLP(kiln.Module):
    def __init__(self, d_model: int, hidden: int):
        super().__init__()
        self.fc1 = kiln.Linear(d_model, hidden)
        self.fc2 = kiln.Linear(hidden, d_model)

    def forward(self, x):
        return self.fc2(kiln.gelu(self.fc1(x)))


class TransformerBlock(kiln.Module):
    def __init__(self, d_model: int, num_heads: int, mlp_ratio: int = 4):
        super().__init__()
        self.ln1 = kiln.LayerNorm(d_model)
        self.attn = MultiHeadSelfAttention(d_model, num_heads)
        self.ln2 = kiln.LayerNorm(d_model)
        self.mlp = MLP(d_model, mlp_ratio * d_model)

    def forward(self, x):
        x = x + self.attn(self.ln1(x))
        return x + self.mlp(self.ln2(x))


# -- numpy reference of the same math (float64) -----------------------------

def np_layernorm(x, weight, bias, eps=1e-5):
    mu = x.mean(-1, keepdims=True)
    var = ((x - mu) ** 2).mean(-1, keepdims=True)
    return (x - mu) / np.sqrt(var + eps) * weight + bias


def np_gelu(x):
    erf = np.vectorize(math.erf)
    return 0.5 * x * (1.0 + erf(x / math.sqrt(2.0)))


def np_softmax(x):
    e = np.exp(x - x.max(-1, keepdims=True))
    return e / e.sum(-1, keepdims=True)


def np_block(x, p, num_heads):
    seq, d_model = x.shape
    head_dim = d_model // num_heads
    lin = lambda h, name: h @ p[f"{name}.weight"].T + p[f"{name}.bias"]

    h = np_layernorm(x, p["ln1.weight"], p["ln1.bias"])
    qkv = lin(h, "attn.qkv").reshape(seq, 3, num_heads, head_dim).transpose(1, 2, 0, 3)
    q, k, v = qkv
    attention = np_softmax(q @ k.transpose(0, 2, 1) / math.sqrt(head_dim)) @ v
    x = x + lin(attention.transpose(1, 0, 2).reshape(seq, d_model), "attn.proj")
    h = np_layernorm(x, p["ln2.weight"], p["ln2.bias"])
    return x + lin(np_gelu(lin(h, "mlp.fc1")), "mlp.fc2")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seq", type=int, default=64)
    parser.add_argument("--d-model", type=int, default=128)
    parser.add_argument("--heads", type=int, default=4)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--tolerance", type=float, default=1e-3)
    args = parser.parse_args()

    rng = np.random.default_rng(0)
    block = TransformerBlock(args.d_model, args.heads)
    # Random, non-trivial parameters (LayerNorm scale/shift included).
    params = {
        name: rng.normal(0.0, 0.5 if name.startswith("ln") else 1.0 / math.sqrt(t.shape[-1]), t.shape).astype(np.float32)
        + (1.0 if name.endswith("ln1.weight") or name.endswith("ln2.weight") else 0.0)
        for name, t in block.named_parameters()
    }
    params = {k: v.astype(np.float32) for k, v in params.items()}
    block.load_state_dict(params)
    print(f"TransformerBlock(seq={args.seq}, d_model={args.d_model}, heads={args.heads}): "
          f"{sum(v.size for v in params.values())} parameters")

    start = time.perf_counter()
    exe = kiln.compile(block, args=[kiln.InputInfo((args.seq, args.d_model), kiln.float32)])
    print(f"compiled in {(time.perf_counter() - start) * 1e3:.1f} ms: {exe}")

    x = rng.standard_normal((args.seq, args.d_model)).astype(np.float32)
    out = exe(x).numpy()
    reference = np_block(x.astype(np.float64), {k: v.astype(np.float64) for k, v in params.items()}, args.heads)
    error = float(np.max(np.abs(out - reference)))
    scale = float(np.max(np.abs(reference)))
    passed = bool(np.isfinite(error) and error <= args.tolerance * max(1.0, scale))
    print(f"max abs error vs numpy: {error:.3e} (max |reference| = {scale:.3f})")

    times = []
    for _ in range(args.runs):
        start = time.perf_counter()
        exe(x)
        times.append((time.perf_counter() - start) * 1e3)
    print(f"latency over {args.runs} runs: min {min(times):.3f} ms, median {float(np.median(times)):.3f} ms")

    start = time.perf_counter()
    np_block(x, params, args.heads)
    print(f"(numpy float32 reference, one run: {(time.perf_counter() - start) * 1e3:.3f} ms)")

    print("PASS" if passed else "FAIL")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
