"""Modules against torch: Conv/ConvTranspose (1-3-D, groups, dilation,
padding, stride), BatchNorm, GroupNorm, InstanceNorm, LayerNorm, Embedding,
Linear (plain and fake-quantized), Sequential; state dicts from kiln,
numpy, torch and .safetensors, with strict-mode messages."""

import json
import struct

import numpy as np
import pytest
import torch

import kiln


def load_from_torch(module, torch_module):
    module.load_state_dict({k: v for k, v in torch_module.state_dict().items() if k != "num_batches_tracked"})


def arr(shape, seed=0):
    return np.random.default_rng(seed).standard_normal(shape).astype(np.float32)


@pytest.mark.parametrize("spatial", [1, 2, 3])
@pytest.mark.parametrize("groups, dilation, stride, pad", [(1, 1, 1, 0), (2, 2, 2, 1), (4, 1, 1, 2)])
def test_conv_matches_torch(spatial, groups, dilation, stride, pad):
    ref = getattr(torch.nn, f"Conv{spatial}d")(4, 8, 3, stride=stride, padding=pad, dilation=dilation, groups=groups)
    conv = kiln.Conv(4, 8, (3,) * spatial, stride=(stride,) * spatial, padding=((pad, pad),) * spatial,
                     dilation=(dilation,) * spatial, groups=groups)
    load_from_torch(conv, ref)
    x = arr((2, 4) + (7,) * spatial)
    with torch.no_grad():
        want = ref(torch.from_numpy(x)).numpy()
    np.testing.assert_allclose(np.asarray(conv(kiln.Tensor(x))), want, rtol=1e-4, atol=1e-4)


@pytest.mark.parametrize("spatial", [1, 2])
@pytest.mark.parametrize("groups, stride, pad", [(1, 2, 0), (2, 1, 1)])
def test_conv_transpose_matches_torch(spatial, groups, stride, pad):
    ref = getattr(torch.nn, f"ConvTranspose{spatial}d")(4, 6, 3, stride=stride, padding=pad, groups=groups)
    up = kiln.ConvTranspose(4, 6, (3,) * spatial, stride=(stride,) * spatial, padding=((pad, pad),) * spatial,
                            groups=groups)
    load_from_torch(up, ref)
    x = arr((1, 4) + (5,) * spatial)
    with torch.no_grad():
        want = ref(torch.from_numpy(x)).numpy()
    np.testing.assert_allclose(np.asarray(up(kiln.Tensor(x))), want, rtol=1e-4, atol=1e-4)


def test_conv_errors():
    with pytest.raises(kiln.KilnException, match="expected groups to divide in_channels"):
        kiln.Conv(3, 4, (3, 3), groups=2)
    with pytest.raises(kiln.KilnException, match="expected 3 input channels"):
        kiln.Conv(3, 4, (3, 3))(kiln.ones((1, 2, 5, 5)))
    with pytest.raises(kiln.KilnException, match="expected an input of rank 4"):
        kiln.Conv(3, 4, (3, 3))(kiln.ones((3, 5, 5)))


def test_batchnorm_matches_torch_eval():
    ref = torch.nn.BatchNorm2d(3).eval()
    with torch.no_grad():
        ref.running_mean.copy_(torch.tensor([0.5, -1.0, 2.0]))
        ref.running_var.copy_(torch.tensor([1.5, 0.5, 2.0]))
        ref.weight.copy_(torch.tensor([1.0, 2.0, -1.0]))
        ref.bias.copy_(torch.tensor([0.1, 0.2, 0.3]))
    bn = kiln.BatchNorm(3)
    load_from_torch(bn, ref)
    x = arr((2, 3, 4, 4))
    with torch.no_grad():
        want = ref(torch.from_numpy(x)).numpy()
    np.testing.assert_allclose(np.asarray(bn(kiln.Tensor(x))), want, rtol=1e-5, atol=1e-5)


def test_group_and_instance_norm_match_torch():
    x = arr((2, 4, 3, 5))
    gref = torch.nn.GroupNorm(2, 4)
    iref = torch.nn.InstanceNorm2d(4, affine=True)
    with torch.no_grad():
        for m in (gref, iref):
            m.weight.copy_(torch.tensor([1.0, 2.0, 0.5, -1.0]))
            m.bias.copy_(torch.tensor([0.0, 1.0, -1.0, 0.5]))
    gn, inorm = kiln.GroupNorm(2, 4), kiln.InstanceNorm(4)
    load_from_torch(gn, gref)
    load_from_torch(inorm, iref)
    with torch.no_grad():
        np.testing.assert_allclose(np.asarray(gn(kiln.Tensor(x))), gref(torch.from_numpy(x)).numpy(), rtol=1e-4,
                                   atol=1e-4)
        np.testing.assert_allclose(np.asarray(inorm(kiln.Tensor(x))), iref(torch.from_numpy(x)).numpy(), rtol=1e-4,
                                   atol=1e-4)
    with pytest.raises(kiln.KilnException, match="expected num_groups to divide num_channels"):
        kiln.GroupNorm(3, 4)


def test_layernorm_and_embedding_match_torch():
    ln_ref, emb_ref = torch.nn.LayerNorm(6), torch.nn.Embedding(10, 6)
    ln, emb = kiln.LayerNorm(6), kiln.Embedding(10, 6)
    load_from_torch(ln, ln_ref)
    load_from_torch(emb, emb_ref)
    ids = np.array([[1, 5, 9], [0, 0, 2]], np.int32)
    with torch.no_grad():
        want = ln_ref(emb_ref(torch.from_numpy(ids).long())).numpy()
    np.testing.assert_allclose(np.asarray(ln(emb(kiln.Tensor(ids)))), want, rtol=1e-4, atol=1e-4)


def test_fake_quantized_linear():
    layer = kiln.Linear(4, 3, quant_dtype=kiln.int8, weight_quant_dim=0)
    w = arr((3, 4))
    scale = np.abs(w).max(1) / 127
    layer.load_state_dict({"weight": w, "bias": np.zeros(3, np.float32), "weight_scale": scale.astype(np.float32)})
    x = arr((2, 4), seed=1)
    wq = np.clip(np.round(w / scale[:, None]), -128, 127) * scale[:, None]
    np.testing.assert_allclose(np.asarray(layer(kiln.Tensor(x))), x @ wq.T, rtol=1e-5, atol=1e-5)
    layer.load_state_dict({"weight": w, "bias": np.zeros(3, np.float32), "weight_scale": scale.astype(np.float32),
                           "input_scale": np.array(0.05, np.float32)})
    assert isinstance(layer.input_scale, kiln.Tensor)


def test_sequential_list_dict_and_callables():
    seq = kiln.Sequential(kiln.Linear(3, 4), kiln.relu, kiln.Linear(4, 2))
    assert len(seq) == 3 and [n for n, _ in seq.named_children()] == ["0", "2"]
    assert list(seq.state_dict()) == ["0.weight", "0.bias", "2.weight", "2.bias"]
    x = arr((5, 3))
    w0, b0, w2, b2 = (np.asarray(t) for t in seq.state_dict().values())
    np.testing.assert_allclose(np.asarray(seq(kiln.Tensor(x))), np.maximum(x @ w0.T + b0, 0) @ w2.T + b2, rtol=1e-5,
                               atol=1e-5)
    named = kiln.Sequential({"a": kiln.Linear(3, 3), "b": kiln.Linear(3, 1)})
    assert named["b"] is named.b and named[0] is named.a
    with pytest.raises(kiln.KilnException, match="no module named 'c'"):
        named["c"]


def test_module_lists_and_dicts_register():
    class Net(kiln.Module):
        def __init__(self):
            super().__init__()
            self.blocks = [kiln.Linear(2, 2), kiln.Linear(2, 2)]
            self.heads = {"x": kiln.Linear(2, 1)}
            self.scales = [kiln.ones((2,)), kiln.zeros((2,))]

    net = Net()
    assert set(net.state_dict()) == {"blocks.0.weight", "blocks.0.bias", "blocks.1.weight", "blocks.1.bias",
                                     "heads.x.weight", "heads.x.bias", "scales.0", "scales.1"}
    sd = {k: np.full(v.shape, 3.0, np.float32) for k, v in net.state_dict().items()}
    net.load_state_dict(sd)
    assert net.blocks[1].bias.tolist() == [3.0, 3.0] and net.scales[1].tolist() == [3.0, 3.0]


def test_strict_load_state_dict_messages():
    layer = kiln.Linear(2, 3)
    with pytest.raises(kiln.KilnException) as info:
        layer.load_state_dict({"weight": np.zeros((3, 2), np.float32), "extra": np.zeros(1, np.float32)})
    message = str(info.value)
    assert "missing keys: ['bias']" in message and "unexpected keys: ['extra']" in message
    with pytest.raises(kiln.KilnException, match=r"'weight': wrong shape: expected \(3, 2\), got \(2, 3\)"):
        layer.load_state_dict({"weight": np.zeros((2, 3), np.float32), "bias": np.zeros(3, np.float32)})
    with pytest.raises(kiln.KilnException, match="'bias': wrong dtype: expected float32, got float64"):
        layer.load_state_dict({"weight": np.zeros((3, 2), np.float32), "bias": np.zeros(3)})
    with pytest.raises(kiln.KilnException, match="'bias': wrong dtype: expected float32, got torch.float64|float64"):
        layer.load_state_dict({"weight": torch.zeros(3, 2), "bias": torch.zeros(3, dtype=torch.float64)})
    missing, unexpected = layer.load_state_dict({"weight": torch.ones(3, 2), "extra": torch.ones(1)}, strict=False)
    assert missing == {"bias"} and unexpected == {"extra"} and layer.weight.tolist() == [[1.0, 1.0]] * 3


def test_safetensors_checkpoint(tmp_path):
    weight = arr((3, 2))
    bias = np.arange(3, dtype=np.float32)
    entries, blob = {}, b""
    for name, value in (("weight", weight), ("bias", bias)):
        entries[name] = {"dtype": "F32", "shape": list(value.shape), "data_offsets": [len(blob), len(blob) + value.nbytes]}
        blob += value.tobytes()
    header = json.dumps(entries).encode()
    path = tmp_path / "linear.safetensors"
    path.write_bytes(struct.pack("<Q", len(header)) + header + blob)
    layer = kiln.Linear(2, 3)
    layer.load_state_dict(str(path))
    np.testing.assert_array_equal(np.asarray(layer.weight), weight)
    (tmp_path / "bad.safetensors").write_bytes(b"12")
    with pytest.raises(kiln.KilnException, match="is not a .safetensors file"):
        kiln.load_safetensors(tmp_path / "bad.safetensors")


def test_compile_a_module_with_dynamic_batch():
    model = kiln.Sequential(kiln.Conv(1, 2, (3, 3), padding=((1, 1), (1, 1))), kiln.relu)
    exe = kiln.compile(model, args=[kiln.InputInfo(((1, 2, 4), 1, 5, 5), kiln.float32)])
    for batch in (1, 3):
        x = arr((batch, 1, 5, 5))
        np.testing.assert_allclose(np.asarray(exe(x)), np.asarray(model(kiln.Tensor(x))), rtol=1e-5, atol=1e-5)


def test_initialize_dummy_parameters():
    net = kiln.Sequential(kiln.Linear(2, 2), kiln.BatchNorm(2))
    net.initialize_dummy_parameters()
    assert [t.shape for t in net.parameters()] == [(2, 2), (2,), (2,), (2,), (2,), (2,)]
