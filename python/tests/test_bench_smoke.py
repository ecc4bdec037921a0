"""Smoke test of the benchmark harness (bench/run.py --quick): not a benchmark.

It runs every workload in its tiny configuration with Kiln and PyTorch
eager (ONNX export, torch.compile and XLA's compiles take most of a minute
even on tiny models, so the smoke test leaves them to the real run) and checks that the
harness measured the machine, checked every output against the float64
oracle and timed what passed.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[2]
BENCH = ROOT / "bench"

pytest.importorskip("torch")
pytest.importorskip("jax")  # Kiln gets each workload as JAX StableHLO


@pytest.fixture(scope="module")
def quick_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("bench") / "quick.json"
    env = dict(os.environ, JAX_PLATFORMS="cpu")
    r = subprocess.run(
        [sys.executable, str(BENCH / "run.py"), "--quick", "--no-install", "--peers", "kiln,torch,kiln (engine.run)",
         "--threads", "1", "--out", str(out)],
        capture_output=True, text=True, timeout=300, env=env)
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]
    return json.loads(out.read_text()), r.stdout


def test_quick_run_measures_the_machine(quick_run):
    record, stdout = quick_run
    limits = record["machine"]
    assert limits["isa"] in ("avx512f", "avx2+fma", "scalar")
    assert all(v > 0 for v in limits["fma_gflops"].values())
    assert all(v > 0 for v in limits["read_gbs"].values())
    assert "f32 FMA peak" in stdout and "streaming read" in stdout


def test_quick_run_checks_then_times_every_workload(quick_run):
    record, stdout = quick_run
    sys.path.insert(0, str(BENCH))
    import workloads

    rows = record["results"]
    assert {r["workload"] for r in rows} == set(workloads.BUILDERS)
    for r in rows:
        assert r["status"] in ("ok", "n/a", "failed"), r  # never "wrong" on the tiny cases
        if r["status"] == "ok":
            assert r["error_vs_oracle"] <= r["tol"]
            if r["workload"] != "compile-gpt2":
                assert 0 < r["min_s"] <= r["median_s"] <= r["max_s"]
    kiln = {r["workload"]: r for r in rows if r["peer"] == "kiln"}
    assert kiln["gemm"]["status"] == "ok" and kiln["gemm"]["gflops"] > 0
    assert kiln["gemm"]["fraction_of_fma_peak"] > 0
    assert kiln["gpt2-decode"]["status"] == "ok" and kiln["gpt2-decode"]["fraction_of_bandwidth"] > 0
    torch_gemm = next(r for r in rows if r["workload"] == "gemm" and r["peer"] == "torch")
    assert torch_gemm["kiln_speedup"] == pytest.approx(torch_gemm["median_s"] / kiln["gemm"]["median_s"])
    assert "== issue 9 bars" in stdout


def test_a_wrong_output_is_caught_before_timing():
    sys.path.insert(0, str(BENCH))
    import run

    ref = [np.linspace(-1, 1, 8)]
    assert run.compare([ref[0].astype(np.float32)], ref, 1e-6)[0]
    ok, err, why = run.compare([ref[0] + 1e-3], ref, 1e-4)
    assert not ok and err == pytest.approx(1e-3) and "tolerance" in why
    assert not run.compare([ref[0][:4]], ref, 1e-4)[0]
    assert not run.compare([np.full(8, np.nan)], ref, 1e-4)[0]


def test_a_failing_or_wrong_peer_is_reported_and_not_timed():
    sys.path.insert(0, str(BENCH))
    import argparse

    import peers
    import run
    import workloads

    class Broken(peers.Peer):
        name = "broken"

        def prepare(self, w):
            raise RuntimeError("no kernel for tensorrt.frobnicate")

    class Wrong(peers.Peer):
        name = "wrong"

        def prepare(self, w):
            return peers.Prepared(lambda: np.zeros((64, 64), np.float32), lambda out: [out])

    args = argparse.Namespace(quick=True, repeat=2, budget=1.0, threads=1)
    rows, _ = run.run_workload(workloads.build("gemm", quick=True), [Broken(), Wrong()], args)
    broken, wrong = rows
    assert broken["status"] == "failed" and "no kernel for tensorrt.frobnicate" in broken["error"]
    assert wrong["status"] == "wrong" and "tolerance" in wrong["error"] and "median_s" not in wrong


def test_isolated_workloads_come_back_from_their_child_process(tmp_path):
    out = tmp_path / "isolated.json"
    r = subprocess.run(
        [sys.executable, str(BENCH / "run.py"), "--quick", "--isolate", "--no-install", "--only", "call-overhead",
         "--peers", "kiln", "--threads", "1", "--out", str(out)],
        capture_output=True, text=True, timeout=300, env=dict(os.environ, JAX_PLATFORMS="cpu"))
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]
    (row,) = json.loads(out.read_text())["results"]
    assert row["workload"] == "call-overhead" and row["peer"] == "kiln" and row["status"] == "ok"
    assert row["engine_steps"] >= 1 and row["median_s"] > 0
