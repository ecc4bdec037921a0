"""The ONNX zoo: graphs exported from PyTorch in the test run, compiled by Kiln
(kiln.compiler.compile_onnx) and compared with ONNX Runtime on the same inputs.

f32 graphs must agree at 1e-4; quantized ones at one quantization step.
Each case names its exporter (TorchScript by default, a few with the dynamo
exporter) and opset, so the zoo covers opsets 13 to 21.
"""

import warnings
from dataclasses import dataclass, field
from typing import Callable, Dict, Optional

import numpy as np
import pytest

torch = pytest.importorskip("torch")
ort = pytest.importorskip("onnxruntime")

from torch import nn  # noqa: E402
import torch.nn.functional as F  # noqa: E402

from kiln.compiler import compile_onnx  # noqa: E402

import onnx_zoo_models as M  # noqa: E402
from onnx_zoo_models import Lambda, rand  # noqa: E402


@dataclass
class Case:
    name: str
    build: Callable  # () -> (module, args tuple)
    opset: int = 17
    tol: float = 1e-4
    dynamic_axes: Optional[Dict] = None
    profiles: Optional[Dict] = None
    # Inputs to run (default: the export examples), e.g. another batch size.
    run_args: Optional[Callable] = None
    dynamo: bool = False
    marks: list = field(default_factory=list)


def op(fn, *shapes, seed=0, **kw):
    """A one-op graph over random inputs of the given shapes."""
    return Case(fn.__name__ if hasattr(fn, "__name__") else "op",
                lambda: (Lambda(fn), tuple(rand(*s, seed=seed + i) for i, s in enumerate(shapes))), **kw)


def case(name, fn, *shapes, **kw):
    c = op(fn, *shapes, **kw)
    c.name = name
    return c


def mod(name, make, *shapes, **kw):
    return Case(name, lambda: (M.seeded(make)(), tuple(rand(*s, seed=i) for i, s in enumerate(shapes))), **kw)


def ids(*shape, high=100, seed=0):
    g = torch.Generator().manual_seed(seed)
    return torch.randint(0, high, shape, generator=g)


CASES = [
    # Pointwise
    case("add_broadcast", lambda a, b: a + b, (2, 3, 4), (4,)),
    case("sub_mul_div", lambda a, b: (a - b) * a / (b.abs() + 1), (3, 4), (3, 4)),
    case("pow_sqrt", lambda a: torch.sqrt(a.abs() + 0.1) + a ** 2, (4, 5)),
    case("max_min", lambda a, b: torch.maximum(a, b) - torch.minimum(a, b), (3, 4), (1, 4)),
    case("where_compare", lambda a, b: torch.where(a > b, a, b * 2) + (a <= b).float(), (4, 4), (4, 4)),
    case("unary_math", lambda a: torch.exp(a) + torch.log(a.abs() + 1) + torch.sin(a) * torch.cos(a), (3, 5)),
    case("unary_round", lambda a: torch.floor(a * 3) + torch.ceil(a * 2) + torch.sign(a) + torch.round(a * 4), (4, 6)),
    case("erf_tanh", lambda a: torch.erf(a) + torch.tanh(a), (2, 8)),
    case("relu_sigmoid", lambda a: torch.relu(a) + torch.sigmoid(a), (2, 8)),
    case("gelu_erf", lambda a: F.gelu(a), (2, 16)),
    case("gelu_tanh_opset20", lambda a: F.gelu(a, approximate="tanh"), (2, 16), opset=20),
    case("silu", lambda a: F.silu(a), (2, 16)),
    case("leaky_elu_selu", lambda a: F.leaky_relu(a, 0.1) + F.elu(a) + F.selu(a), (3, 7)),
    case("softplus_softsign", lambda a: F.softplus(a) + F.softsign(a), (3, 7)),
    case("hardsigmoid_hardswish", lambda a: F.hardsigmoid(a) + F.hardswish(a * 4), (3, 7)),
    case("mish_celu", lambda a: F.mish(a) + F.celu(a, 0.5), (3, 7)),
    case("relu6_clamp", lambda a: F.relu6(a * 8) + torch.clamp(a, min=-0.5) + torch.clamp(a, -0.2, 0.3), (4, 5)),
    mod("prelu", lambda: nn.PReLU(3, 0.2), (2, 3, 4, 4)),
    case("cast_int", lambda a: (a * 10).to(torch.int64).to(torch.float32), (4, 4)),
    # Shape and layout
    case("reshape_view", lambda a: a.view(4, 6) * 2, (2, 3, 4)),
    case("flatten", lambda a: torch.flatten(a, 1), (2, 3, 4)),
    case("permute", lambda a: a.permute(2, 0, 1) + 1, (2, 3, 4)),
    case("squeeze_unsqueeze", lambda a: a.squeeze(1).unsqueeze(0) * 3, (2, 1, 4)),
    case("cat", lambda a, b: torch.cat([a, b, a], dim=1), (2, 3), (2, 5)),
    case("split_chunk", lambda a: sum(c * (i + 1) for i, c in enumerate(torch.chunk(a, 3, dim=1))), (2, 9)),
    case("slice_step", lambda a: a[:, 1:5:2] + a[:, -2:].sum(1, keepdim=True), (3, 8)),
    case("flip", lambda a: torch.flip(a, [1]), (3, 6)),
    case("expand", lambda a: a.expand(3, 4, 5) + 1, (4, 1)),
    case("repeat", lambda a: a.repeat(2, 3), (2, 3)),
    case("pad_constant", lambda a: F.pad(a, (1, 2, 0, 1), value=0.5), (1, 2, 3, 3)),
    case("pad_reflect", lambda a: F.pad(a, (2, 1, 1, 2), mode="reflect"), (1, 2, 4, 4)),
    case("pad_replicate", lambda a: F.pad(a, (1, 1, 2, 0), mode="replicate"), (1, 2, 4, 4)),
    case("index_select", lambda a: torch.index_select(a, 1, torch.tensor([3, 0, 2])), (2, 5)),
    case("gather_elements", lambda a: torch.gather(a, 1, torch.tensor([[0, 2], [1, 1], [3, 0]])), (3, 4)),
    case("tril_triu", lambda a: torch.tril(a) + torch.triu(a, 1) * 2, (5, 5), opset=14),
    case("cumsum", lambda a: torch.cumsum(a, dim=1), (3, 6)),
    case("arange_add", lambda a: a + torch.arange(a.shape[1]).float(), (2, 7)),
    Case("embedding", lambda: (M.seeded(lambda: nn.Embedding(50, 8))(), (ids(2, 6, high=50),))),
    # Contractions
    mod("linear", lambda: nn.Linear(16, 8), (4, 16)),
    mod("linear_3d", lambda: nn.Linear(16, 8), (2, 5, 16)),
    case("matmul_batched", lambda a, b: a @ b, (2, 3, 4, 5), (2, 3, 5, 6)),
    case("matmul_broadcast", lambda a, b: a @ b, (2, 3, 4, 5), (5, 6)),
    case("matmul_vector", lambda a, b: a @ b, (3, 4), (4,)),
    case("einsum", lambda a, b: torch.einsum("bij,bjk->bik", a, b), (2, 3, 4), (2, 4, 5)),
    # Windows
    mod("conv1d", lambda: nn.Conv1d(3, 4, 3, padding=1), (2, 3, 10)),
    mod("conv2d", lambda: nn.Conv2d(3, 8, 3, stride=2, padding=1), (1, 3, 9, 9)),
    mod("conv2d_dilated_groups", lambda: nn.Conv2d(4, 8, 3, padding=2, dilation=2, groups=2), (1, 4, 8, 8)),
    mod("conv2d_depthwise", lambda: nn.Conv2d(6, 6, 3, padding=1, groups=6, bias=False), (1, 6, 7, 7)),
    mod("conv2d_same", lambda: nn.Conv2d(3, 4, 4, padding="same"), (1, 3, 8, 8)),
    mod("conv_transpose2d", lambda: nn.ConvTranspose2d(4, 3, 3, stride=2, padding=1), (1, 4, 5, 5)),
    mod("conv_transpose2d_outpad", lambda: nn.ConvTranspose2d(4, 2, 3, stride=2, padding=1, output_padding=1),
        (1, 4, 4, 4)),
    mod("maxpool2d", lambda: nn.MaxPool2d(3, 2, 1), (1, 3, 8, 8)),
    mod("maxpool2d_ceil", lambda: nn.MaxPool2d(2, 2, ceil_mode=True), (1, 3, 7, 7)),
    mod("avgpool2d", lambda: nn.AvgPool2d(3, 2, 1), (1, 3, 8, 8)),
    mod("avgpool2d_include_pad", lambda: nn.AvgPool2d(3, 1, 1, count_include_pad=True), (1, 2, 5, 5)),
    mod("adaptive_avgpool", lambda: nn.AdaptiveAvgPool2d(1), (2, 4, 5, 5)),
    # Normalizations and softmax
    Case("batchnorm2d", lambda: (M.randomize_bn(nn.BatchNorm2d(4)).eval(), (rand(2, 4, 3, 3),))),
    mod("layernorm", lambda: nn.LayerNorm(16), (2, 5, 16)),
    mod("layernorm_opset13", lambda: nn.LayerNorm(16), (2, 5, 16), opset=13),
    mod("instancenorm", lambda: nn.InstanceNorm2d(3, affine=True), (2, 3, 5, 5)),
    mod("groupnorm", lambda: nn.GroupNorm(2, 4), (2, 4, 3, 3)),
    mod("groupnorm_opset21", lambda: nn.GroupNorm(2, 4), (2, 4, 3, 3), opset=21, dynamo=True),
    case("softmax", lambda a: F.softmax(a, dim=1), (3, 7)),
    case("log_softmax", lambda a: F.log_softmax(a, dim=-1), (3, 7)),
    # Resize
    case("upsample_nearest", lambda a: F.interpolate(a, scale_factor=2, mode="nearest"), (1, 2, 4, 4)),
    case("upsample_bilinear", lambda a: F.interpolate(a, scale_factor=2, mode="bilinear"), (1, 2, 4, 4)),
    case("upsample_bilinear_align", lambda a: F.interpolate(a, size=(7, 5), mode="bilinear", align_corners=True),
         (1, 2, 4, 4)),
    case("upsample_bicubic", lambda a: F.interpolate(a, scale_factor=2, mode="bicubic"), (1, 1, 4, 4)),
    # Reductions
    case("reduce_sum_mean", lambda a: a.sum(1) + a.mean(-1, keepdim=True).squeeze(-1), (3, 4)),
    case("reduce_max_min_prod", lambda a: a.amax(1) + a.amin(1) + a.prod(1), (3, 4)),
    case("reduce_opset18", lambda a: a.sum(1) + a.mean(1) + a.amax(1), (3, 4), opset=18),
    case("norm_l2", lambda a: torch.linalg.vector_norm(a, dim=1), (3, 6)),
    case("logsumexp", lambda a: torch.logsumexp(a, dim=1), (3, 6)),
    case("argmax_argmin", lambda a: (a.argmax(1) - a.argmin(1)).float(), (4, 7)),
    case("topk", lambda a: torch.topk(a, 3, dim=1)[0], (4, 7)),
    # Models
    mod("mlp", lambda: nn.Sequential(nn.Linear(16, 32), nn.ReLU(), nn.Linear(32, 32), nn.Tanh(), nn.Linear(32, 4)),
        (8, 16)),
    mod("gpt2_block", lambda: M.GPT2Block(64, 4, 32), (2, 16, 64), tol=2e-4),
    Case("gpt2_tiny", lambda: (M.seeded(M.GPT2Tiny)(), (ids(2, 12),)), tol=2e-4),
    Case("bert_encoder", lambda: (M.seeded(M.BertEncoder)(),
                                  (ids(2, 10), torch.tensor([[1.0] * 10, [1.0] * 7 + [0.0] * 3]))), tol=2e-4),
    Case("resnet18", lambda: (M.randomize_bn(M.seeded(M.ResNet18)()).eval(), (rand(1, 3, 32, 32),)), tol=2e-4),
    Case("mobilenet_v2", lambda: (M.randomize_bn(M.seeded(M.MobileNetV2)()).eval(), (rand(1, 3, 32, 32),)),
         tol=2e-4),
    # Quantized (QDQ): one int8 step of the output's scale
    Case("qdq_linear", lambda: (M.seeded(M.QDQLinear)(), (rand(4, 16),)), opset=13, tol=2e-2),
    Case("qdq_conv", lambda: (M.seeded(M.QDQConv)(), (rand(1, 3, 6, 6),)), opset=13, tol=2e-2),
    # Dynamic axes (dim_param): shape profiles, run at another size
    Case("mlp_dynamic_batch",
         lambda: (M.seeded(lambda: nn.Sequential(nn.Linear(16, 8), nn.ReLU(), nn.Linear(8, 4)))(), (rand(2, 16),)),
         dynamic_axes={"x0": {0: "batch"}}, profiles={"x0": ((1, 16), (4, 16), (8, 16))},
         run_args=lambda: (rand(5, 16, seed=3),)),
    Case("cnn_dynamic_batch",
         lambda: (M.seeded(lambda: nn.Sequential(nn.Conv2d(3, 4, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                                  nn.Flatten(), nn.Linear(64, 5)))(), (rand(2, 3, 8, 8),)),
         dynamic_axes={"x0": {0: "batch"}}, profiles={"x0": ((1, 3, 8, 8), (2, 3, 8, 8), (4, 3, 8, 8))},
         run_args=lambda: (rand(3, 3, 8, 8, seed=4),)),
    Case("gpt2_tiny_dynamic_batch_seq", lambda: (M.seeded(M.GPT2Tiny)(), (ids(2, 12),)), tol=2e-4,
         dynamic_axes={"x0": {0: "batch", 1: "seq"}}, profiles={"x0": ((1, 1), (2, 12), (4, 32))},
         run_args=lambda: (ids(3, 7, seed=5),)),
    Case("bert_encoder_dynamic_batch_seq",
         lambda: (M.seeded(M.BertEncoder)(), (ids(2, 10), torch.ones(2, 10))), tol=2e-4,
         dynamic_axes={"x0": {0: "batch", 1: "seq"}, "x1": {0: "batch", 1: "seq"}},
         profiles={"x0": ((1, 1), (2, 10), (4, 32)), "x1": ((1, 1), (2, 10), (4, 32))},
         run_args=lambda: (ids(3, 9, seed=6), torch.tensor([[1.0] * 9, [1.0] * 5 + [0.0] * 4, [1.0] * 2 + [0.0] * 7]))),
    # The dynamo exporter (opset 18+)
    mod("mlp_dynamo", lambda: nn.Sequential(nn.Linear(16, 32), nn.GELU(), nn.Linear(32, 4)), (8, 16),
        opset=18, dynamo=True),
    mod("gpt2_block_dynamo", lambda: M.GPT2Block(64, 4, 32), (2, 16, 64), opset=18, dynamo=True, tol=2e-4),
]


def export(c: Case, path):
    module, args = c.build()
    module = module.eval()
    names = [f"x{i}" for i in range(len(args))]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if c.dynamo:
            torch.onnx.export(module, args, str(path), opset_version=c.opset, dynamo=True, input_names=names,
                              verbose=False, report=False)
        else:
            torch.onnx.export(module, args, str(path), opset_version=c.opset, dynamo=False, input_names=names,
                              dynamic_axes=c.dynamic_axes)
    return args


@pytest.mark.parametrize("c", CASES, ids=[c.name for c in CASES])
def test_zoo(c: Case, tmp_path):
    path = tmp_path / f"{c.name}.onnx"
    args = export(c, path)
    if c.run_args:
        args = c.run_args()
    inputs = [a.numpy() for a in args]
    session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    feed = {i.name: x for i, x in zip(session.get_inputs(), inputs)}
    expected = session.run(None, feed)
    exe = compile_onnx(path, shape_profiles=c.profiles)
    got = exe(*inputs)
    got = [got] if len(expected) == 1 else list(got)
    assert len(got) == len(expected)
    for g, e in zip(got, expected):
        g = np.asarray(g)
        assert g.shape == e.shape and g.dtype == e.dtype, (g.shape, g.dtype, e.shape, e.dtype)
        np.testing.assert_allclose(g, e, rtol=c.tol, atol=c.tol)
