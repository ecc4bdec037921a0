"""The few array operations the workloads are written in, for JAX and PyTorch.

Each model in workloads.py is one Python function over an `ops` namespace and
a dict of numpy weights. Running it with JaxOps gives the program that JAX/XLA
runs and that Kiln compiles (from JAX's StableHLO); running it with TorchOps
gives the module that PyTorch eager, torch.compile and (exported) ONNX Runtime
run. Where a framework has its own fused primitive a user would call (PyTorch's
scaled_dot_product_attention, layer_norm, batch_norm), TorchOps uses it; the
outputs are checked against a float64 run before anything is timed.
"""

import math


class JaxOps:
    """Operations over jax.numpy arrays (traced by jax.jit)."""

    name = "jax"

    def __init__(self):
        import jax
        import jax.numpy as jnp

        self.jax, self.jnp, self.lax = jax, jnp, jax.lax

    def asarray(self, a):
        return self.jnp.asarray(a)

    def take_rows(self, table, ids):
        return self.jnp.take(table, ids, axis=0)

    def reshape(self, x, shape):
        return self.jnp.reshape(x, shape)

    def permute(self, x, perm):
        return self.jnp.transpose(x, perm)

    def concat(self, xs, axis):
        return self.jnp.concatenate(xs, axis=axis)

    def split(self, x, parts, axis):
        return self.jnp.split(x, parts, axis=axis)

    def relu(self, x):
        return self.jax.nn.relu(x)

    def gelu_tanh(self, x):
        return self.jax.nn.gelu(x, approximate=True)

    def softmax(self, x, axis):
        return self.jax.nn.softmax(x, axis=axis)

    def layer_norm(self, x, gamma, beta, eps=1e-5):
        jnp = self.jnp
        mean = jnp.mean(x, axis=-1, keepdims=True)
        var = jnp.mean(jnp.square(x - mean), axis=-1, keepdims=True)
        return (x - mean) * self.lax.rsqrt(var + eps) * gamma + beta

    def attention(self, q, k, v, causal):
        """softmax(q k^T / sqrt(d) [+ causal mask]) v over (B, H, T, D)."""
        jnp = self.jnp
        scores = jnp.matmul(q, jnp.swapaxes(k, -1, -2)) * (1.0 / math.sqrt(q.shape[-1]))
        if causal:
            t, s = q.shape[-2], k.shape[-2]
            mask = jnp.tril(jnp.ones((t, s), dtype=bool), k=s - t)
            scores = jnp.where(mask, scores, jnp.finfo(scores.dtype).min)
        return jnp.matmul(self.jax.nn.softmax(scores, axis=-1), v)

    def conv2d(self, x, w, stride, padding):
        return self.lax.conv_general_dilated(
            x, w, (stride, stride), [(padding, padding), (padding, padding)],
            dimension_numbers=("NCHW", "OIHW", "NCHW"))

    def batch_norm(self, x, mean, var, gamma, beta, eps=1e-5):
        c = (1, -1, 1, 1)
        scale = gamma * self.lax.rsqrt(var + eps)
        return (x - mean.reshape(c)) * scale.reshape(c) + beta.reshape(c)

    def max_pool2d(self, x, size, stride, padding):
        return self.lax.reduce_window(
            x, -self.jnp.inf, self.lax.max, (1, 1, size, size), (1, 1, stride, stride),
            [(0, 0), (0, 0), (padding, padding), (padding, padding)])

    def global_avg_pool(self, x):
        return self.jnp.mean(x, axis=(2, 3))


class TorchOps:
    """Operations over torch tensors (eager, torch.compile, torch.onnx.export)."""

    name = "torch"

    def __init__(self):
        import torch
        import torch.nn.functional as F

        self.torch, self.F = torch, F

    def asarray(self, a):
        return self.torch.as_tensor(a)

    def take_rows(self, table, ids):
        return self.F.embedding(ids, table)

    def reshape(self, x, shape):
        return self.torch.reshape(x, shape)

    def permute(self, x, perm):
        return x.permute(*perm)

    def concat(self, xs, axis):
        return self.torch.cat(xs, dim=axis)

    def split(self, x, parts, axis):
        return self.torch.chunk(x, parts, dim=axis)

    def relu(self, x):
        return self.torch.relu(x)

    def gelu_tanh(self, x):
        return self.F.gelu(x, approximate="tanh")

    def softmax(self, x, axis):
        return self.torch.softmax(x, dim=axis)

    def layer_norm(self, x, gamma, beta, eps=1e-5):
        return self.F.layer_norm(x, (x.shape[-1],), gamma, beta, eps)

    def attention(self, q, k, v, causal):
        if causal and q.shape[-2] != k.shape[-2]:
            raise ValueError("TorchOps.attention: causal attention needs as many queries as keys")
        return self.F.scaled_dot_product_attention(q, k, v, is_causal=causal)

    def conv2d(self, x, w, stride, padding):
        return self.F.conv2d(x, w, stride=stride, padding=padding)

    def batch_norm(self, x, mean, var, gamma, beta, eps=1e-5):
        return self.F.batch_norm(x, mean, var, gamma, beta, training=False, eps=eps)

    def max_pool2d(self, x, size, stride, padding):
        return self.F.max_pool2d(x, size, stride, padding)

    def global_avg_pool(self, x):
        return self.torch.mean(x, dim=(2, 3))
