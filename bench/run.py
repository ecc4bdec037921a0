"""Kiln against ONNX Runtime, PyTorch (eager, torch.compile) and JAX/XLA.

    python bench/run.py                      # every workload, every peer
    python bench/run.py --only gemm,resnet18 --repeat 20
    python bench/run.py --quick              # tiny configurations: a smoke test of the harness

One run, one machine, the same numpy weights for every peer. The machine's
limits are measured first (f32 FMA peak and streaming-read bandwidth, by a C
program built on the spot). For each workload every peer's outputs are
checked against a float64 PyTorch run before it is timed; a peer that
disagrees is reported and not timed. The table gives median time, min-max
spread, samples, Kiln's speedup over the peer (peer median / Kiln median),
GFLOP/s with the fraction of the FMA peak on the threads used, and for the
decode step GB/s with the fraction of the measured bandwidth. Results are
also written as JSON (bench/results/<date>-<host>.json unless --out).
"""

import argparse
import datetime
import gc
import importlib.util
import json
import os
import platform
import subprocess
import sys
import time
import traceback
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
BENCH_MODULES = ("onnxruntime", "onnx", "onnxscript")  # bench/requirements.txt


def ensure_packages(install):
    """Installs bench/requirements.txt when one of its modules is missing."""
    missing = [m for m in BENCH_MODULES if importlib.util.find_spec(m) is None]
    if missing and install:
        print(f"installing bench requirements (missing: {', '.join(missing)})", flush=True)
        r = subprocess.run([sys.executable, "-m", "pip", "install", "-q", "-r", str(HERE / "requirements.txt")])
        if r.returncode != 0:
            print("pip install failed; peers that need those packages are reported as failed", flush=True)
        importlib.invalidate_caches()
    return [m for m in BENCH_MODULES if importlib.util.find_spec(m) is None]


def parse_args(argv):
    import workloads

    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--only", default="", help="comma-separated workloads: " + ", ".join(workloads.BUILDERS))
    p.add_argument("--peers", default="", help="comma-separated peers (default all): kiln, onnxruntime, torch, "
                   "torch.compile, jax, 'kiln (engine.run)'")
    p.add_argument("--repeat", type=int, default=10, help="timed samples per workload and peer (default 10)")
    p.add_argument("--budget", type=float, default=30.0,
                   help="seconds of sampling per workload and peer, after 3 samples (default 30)")
    p.add_argument("--threads", type=int, default=os.cpu_count(), help="threads for every peer (default: all cores)")
    p.add_argument("--quick", action="store_true", help="tiny configurations, few samples: the harness smoke test")
    p.add_argument("--out", default=None, help="JSON results path (default bench/results/<date>-<host>.json)")
    p.add_argument("--baseline", default=None,
                   help="a JSON file of an earlier run: also print each result's speedup over it")
    p.add_argument("--fresh-limits", action="store_true",
                   help="fractions against this run's limits only, not the best this host has shown")
    p.add_argument("--in-process", action="store_true",
                   help="run every workload in this process (default with --quick); by default each runs in a "
                   "child process, so a peer that crashes is a failed row, not a lost run")
    p.add_argument("--isolate", action="store_true", help="child processes even with --quick")
    p.add_argument("--child-rows", default=None, help=argparse.SUPPRESS)
    p.add_argument("--no-install", action="store_true", help="do not pip-install missing bench requirements")
    args = p.parse_args(argv)
    args.only = [s for s in args.only.split(",") if s] or list(workloads.BUILDERS)
    unknown = [s for s in args.only if s not in workloads.BUILDERS]
    if unknown:
        p.error(f"unknown workload(s) {', '.join(unknown)}; known: {', '.join(workloads.BUILDERS)}")
    if args.repeat < 1 or args.threads < 1:
        p.error("--repeat and --threads must be at least 1")
    if args.quick:
        args.repeat, args.budget = min(args.repeat, 3), min(args.budget, 1.0)
    return args


def set_threads(threads):
    """Before torch/jax/kiln are imported: every peer gets the same threads."""
    os.environ["KILN_NUM_THREADS"] = str(threads)
    os.environ.setdefault("OMP_NUM_THREADS", str(threads))
    if threads == 1:
        os.environ["XLA_FLAGS"] = (os.environ.get("XLA_FLAGS", "") +
                                   " --xla_cpu_multi_thread_eigen=false intra_op_parallelism_threads=1").strip()
    os.environ.setdefault("JAX_PLATFORMS", "cpu")


def make_peers(args):
    import peers

    import torch

    torch.set_num_threads(args.threads)
    all_peers = [peers.Kiln(), peers.OnnxRuntime(args.threads), peers.TorchEager(), peers.TorchCompile(),
                 peers.Jax(), peers.KilnEngineRun()]
    wanted = [s.strip() for s in args.peers.split(",") if s.strip()]
    if wanted:
        names = [p.name for p in all_peers]
        bad = [w for w in wanted if w not in names]
        if bad:
            raise SystemExit(f"unknown peer(s) {', '.join(bad)}; known: {', '.join(names)}")
        all_peers = [p for p in all_peers if p.name in wanted]
    return all_peers


def _short(message, limit=160):
    line = " ".join(str(message).split())
    return line if len(line) <= limit else line[: limit - 3] + "..."


def compare(outputs, reference, tol):
    """(ok, max error relative to the output's range, message)."""
    if len(outputs) != len(reference):
        return False, None, f"{len(outputs)} outputs, expected {len(reference)}"
    worst = 0.0
    for i, (o, r) in enumerate(zip(outputs, reference)):
        o = np.asarray(o)
        if tuple(o.shape) != tuple(r.shape):
            return False, None, f"output {i} has shape {tuple(o.shape)}, expected {tuple(r.shape)}"
        scale = max(float(np.abs(r).max()) if r.size else 0.0, 1e-30)
        err = float(np.abs(o.astype(np.float64) - r).max()) / scale if r.size else 0.0
        if not err == err:  # NaN
            return False, err, f"output {i} has NaN"
        worst = max(worst, err)
    return worst <= tol, worst, "" if worst <= tol else f"max error {worst:.2e} > tolerance {tol:.0e}"


def run_workload(w, peer_list, args, progress=None):
    """One row per peer: checked against the oracle, then timed.

    progress(rows, peer name or None) is called before each peer starts and
    when all are done (an isolated child records what it was running)."""
    import peers as peer_mod
    import timing

    rows = []
    t = time.perf_counter()
    reference = peer_mod.oracle(w)
    oracle_s = time.perf_counter() - t
    for peer in peer_list:
        if peer.only is not None and w.name not in peer.only:
            continue
        if progress:
            progress(rows, peer.name)
        row = {"workload": w.name, "peer": peer.name, "status": "ok"}
        prepared = None
        try:
            prepared = peer.prepare(w)
            row.update(compile_s=prepared.compile_s, export_s=prepared.export_s, **prepared.info)
            if prepared.notes:
                row["notes"] = prepared.notes
            ok, err, why = compare(prepared.fetch(prepared.call()), reference, w.tol)
            row.update(error_vs_oracle=err, tol=w.tol)
            if not ok:
                row.update(status="wrong", error=why)
            elif w.kind != "compile-time":
                min_sample = 0.002 if args.quick else 0.02
                row.update(timing.measure(prepared.call, args.repeat, min_sample, args.budget))
        except peer_mod.Unsupported as e:
            row.update(status="n/a", error=str(e))
        except Exception as e:  # a peer that cannot run the workload is a result, not a crash
            row.update(status="failed", error=f"{type(e).__name__}: {e}"[:4000])
            row["traceback"] = traceback.format_exc()[-4000:]
        if prepared is not None:
            del prepared
            gc.collect()
        rows.append(row)
        shown = _fmt_time(row.get("compile_s") if w.kind == "compile-time" else row.get("median_s"))
        print(f"   {w.name:<14} {peer.name:<18} {shown if row['status'] == 'ok' else row['status']}", flush=True)
    if progress:
        progress(rows, None)
    return rows, oracle_s


def describe(w):
    return {"name": w.name, "description": w.description, "flops": w.flops, "bytes": w.bytes, "tol": w.tol,
            "kind": w.kind, "notes": w.notes}


def run_child(args):
    """--child-rows: run the one workload of --only in this process and keep
    its rows in a file after every peer, so the parent keeps them if a peer
    takes the process down."""
    import workloads

    (name,) = args.only
    path = Path(args.child_rows)
    w = workloads.build(name, quick=args.quick)
    info = describe(w)

    def progress(rows, running):
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps({"workload": info, "rows": rows, "running": running}, default=str))
        tmp.replace(path)

    run_workload(w, make_peers(args), args, progress)
    return 0


def run_isolated(name, args):
    """The workload in child processes: a peer that crashes (a signal, an
    abort in native code) becomes a failed row and the next peer runs in a
    fresh process."""
    import tempfile

    peer_names = [p.name for p in make_peers(args)]
    rows, info = [], None
    with tempfile.TemporaryDirectory(prefix="kiln-bench-") as tmp:
        while peer_names:
            path = Path(tmp) / "rows.json"
            path.unlink(missing_ok=True)
            cmd = [sys.executable, str(Path(__file__).resolve()), "--only", name, "--peers", ",".join(peer_names),
                   "--repeat", str(args.repeat), "--budget", str(args.budget), "--threads", str(args.threads),
                   "--child-rows", str(path), "--no-install"] + (["--quick"] if args.quick else [])
            r = subprocess.run(cmd)
            state = json.loads(path.read_text()) if path.exists() else {"rows": [], "running": None}
            info = state.get("workload") or info
            rows.extend(state["rows"])
            done = {row["peer"] for row in rows}
            if r.returncode == 0 and state["running"] is None:
                break
            how = f"signal {-r.returncode}" if r.returncode < 0 else f"exit code {r.returncode}"
            crashed = state["running"]
            if crashed is None:  # died before the first peer (building the workload, the oracle)
                rows.extend({"workload": name, "peer": p, "status": "failed",
                             "error": f"the benchmark process died before any peer ran ({how})"} for p in peer_names)
                break
            rows.append({"workload": name, "peer": crashed, "status": "failed",
                         "error": f"the benchmark process died while this peer ran ({how})"})
            done.add(crashed)
            peer_names = [p for p in peer_names if p not in done]
    if info is None:
        import workloads

        info = describe(workloads.build(name, quick=True))
        info["description"] = "(could not be built)"
    return rows, info


def compile_rows_from(prefill_rows, name):
    """compile-gpt2 is the GPT-2 prefill program: when gpt2-prefill ran in this
    run, its preparation already timed every peer's export and compile."""
    rows = []
    for r in prefill_rows:
        row = {k: v for k, v in r.items() if k in ("peer", "status", "error", "compile_s", "export_s", "notes",
                                                    "error_vs_oracle", "tol")}
        row["workload"] = name
        row.setdefault("notes", [])
        row["notes"] = row["notes"] + ["taken from the gpt2-prefill preparation in this run"]
        rows.append(row)
    return rows


def _derive(w, rows, args, limits):
    """Speedups vs Kiln and fractions of the machine's limits."""
    peak = limits["fma_gflops"].get(args.threads) if limits else None
    bw = limits["read_gbs"].get(args.threads) if limits else None
    key = "compile_s" if w.kind == "compile-time" else "median_s"
    kiln = next((r for r in rows if r["peer"] == "kiln" and r["status"] == "ok" and r.get(key)), None)
    for r in rows:
        if r["status"] != "ok":
            continue
        if kiln and r.get(key):
            r["kiln_speedup"] = r[key] / kiln[key]
        if w.kind == "compile-time":
            continue
        if w.flops:
            r["gflops"] = w.flops / r["median_s"] / 1e9
            if peak:
                r["fraction_of_fma_peak"] = r["gflops"] / peak
        if w.bytes:
            r["gbs"] = w.bytes / r["median_s"] / 1e9
            if bw:
                r["fraction_of_bandwidth"] = r["gbs"] / bw


def _fmt_time(s):
    if s is None:
        return "-"
    if s >= 1:
        return f"{s:.2f} s"
    if s >= 1e-3:
        return f"{s * 1e3:.2f} ms"
    return f"{s * 1e6:.1f} us"


def print_table(w, rows):
    print(f"\n== {w.name}: {w.description}")
    if w.flops:
        print(f"   {w.flops / 1e9:.3f} GFLOP per call", end="")
        print(f", {w.bytes / 1e6:.1f} MB streamed per call" if w.bytes else "")
    print(f"   outputs checked against float64 PyTorch: max |out - ref| / max |ref| <= {w.tol:.0e}")
    for note in w.notes:
        print(f"   note: {note}")
    if w.kind == "compile-time":
        print("   kiln speedup = peer compile / Kiln compile; export (to StableHLO, ONNX) is not in it")
    else:
        print("   kiln speedup = peer median / Kiln median (> 1: Kiln is faster); %peak of the FMA peak on the "
              "threads used")
    if w.kind == "compile-time":
        header = f"   {'peer':<18} {'compile':>10} {'export':>10} {'kiln speedup':>12}  check"
    else:
        header = (f"   {'peer':<18} {'median':>10} {'min-max':>21} {'n':>4} {'kiln speedup':>12} "
                  f"{'GFLOP/s':>8} {'%peak':>6} {'GB/s':>6} {'%bw':>5}  check")
    print(header)
    for r in rows:
        if r["status"] in ("failed", "n/a", "wrong"):
            err = f" (err {r['error_vs_oracle']:.1e})" if r.get("error_vs_oracle") is not None else ""
            print(f"   {r['peer']:<18} {r['status'].upper()}{err}: {_short(r.get('error', ''))}")
            continue
        check = f"{r['error_vs_oracle']:.1e}"
        speed = f"{r['kiln_speedup']:.2f}x" if "kiln_speedup" in r else "-"
        if w.kind == "compile-time":
            print(f"   {r['peer']:<18} {_fmt_time(r['compile_s']):>10} {_fmt_time(r['export_s']):>10} "
                  f"{speed:>12}  {check}")
            continue
        spread = f"{_fmt_time(r['min_s'])}-{_fmt_time(r['max_s'])}"
        gf = f"{r['gflops']:.1f}" if "gflops" in r else "-"
        pk = f"{100 * r['fraction_of_fma_peak']:.1f}" if "fraction_of_fma_peak" in r else "-"
        gb = f"{r['gbs']:.1f}" if "gbs" in r else "-"
        pb = f"{100 * r['fraction_of_bandwidth']:.0f}" if "fraction_of_bandwidth" in r else "-"
        print(f"   {r['peer']:<18} {_fmt_time(r['median_s']):>10} {spread:>21} {r['samples']:>4} {speed:>12} "
              f"{gf:>8} {pk:>6} {gb:>6} {pb:>5}  {check}")
    sys.stdout.flush()


def _find(rows, workload, peer):
    return next((r for r in rows if r["workload"] == workload and r["peer"] == peer and r["status"] == "ok"), None)


def bars(rows):
    """Issue 9's 'Done when' list, each with the value this run measured (None: not measured)."""
    out = []

    def speedup(workload, peer, need):
        r = _find(rows, workload, peer)
        k = _find(rows, workload, "kiln")
        value = r["median_s"] / k["median_s"] if r and k else None
        out.append((f"{workload}: Kiln >= {need}x {peer}", value, need, "x"))

    speedup("gpt2-prefill", "onnxruntime", 1.0)
    speedup("gpt2-prefill", "torch", 2.0)
    k = _find(rows, "gpt2-decode", "kiln")
    out.append(("gpt2-decode: weights stream at >= 70% of bandwidth", k and k.get("fraction_of_bandwidth"), 0.70, "%"))
    k = _find(rows, "gemm", "kiln")
    out.append(("gemm: >= 80% of FMA peak", k and k.get("fraction_of_fma_peak"), 0.80, "%"))
    speedup("resnet18", "onnxruntime", 1.0)
    k = _find(rows, "call-overhead", "kiln")
    out.append(("call-overhead: a tiny compiled call <= 20 us", k and k["median_s"] * 1e6, 20.0, "us<="))
    k = _find(rows, "eager-op", "kiln")
    out.append(("eager-op: a cached eager op <= 100 us", k and k["median_s"] * 1e6, 100.0, "us<="))
    return out


def print_bars(items):
    print("\n== issue 9 bars (this run)")
    for label, value, need, unit in items:
        if value is None:
            print(f"   [ -- ] {label}: not measured")
            continue
        met = value <= need if unit == "us<=" else value >= need
        shown = {"x": f"{value:.2f}x", "%": f"{100 * value:.1f}%", "us<=": f"{value:.1f} us"}[unit]
        print(f"   [{' ok ' if met else 'MISS'}] {label}: {shown}")


def print_limits(limits, load_before, load_after):
    print(f"\n== machine: {limits['cpu']}, {limits['cores']} cores, L3 {(limits['l3_bytes'] or 0) >> 20} MiB, "
          f"{limits['isa']}")
    for n in sorted(limits["fma_gflops"]):
        print(f"   {n} thread(s): f32 FMA peak {limits['fma_gflops'][n]:.1f} GFLOP/s, "
              f"streaming read {limits['read_gbs'][n]:.1f} GB/s ({limits['read_buffer_mib']} MiB buffer)")
    after = f", {load_after:.2f} after" if load_after is not None else ""
    rough = max(load_before or 0, load_after or 0) > 0.5
    print(f"   load average {load_before:.2f} before the run{after}"
          + (": the machine was busy, these numbers are rough (multi-threaded peers suffer most, PyTorch's "
             "OpenMP above all; compare with --threads 1)" if rough else ""))


def print_baseline(rows, path, args):
    """Each (workload, peer) timed now and in the baseline run: old / new."""
    try:
        old = json.loads(Path(path).read_text())
    except (OSError, ValueError) as e:
        print(f"\n--baseline {path}: cannot read it ({e})")
        return
    before = {(r["workload"], r["peer"]): r for r in old.get("results", []) if r.get("status") == "ok"}
    print(f"\n== against the baseline {path} ({old.get('date', '?')}, {old.get('versions', {}).get('kiln_commit')})")
    differ = [k for k in ("threads", "quick") if old.get("args", {}).get(k) != getattr(args, k)]
    if differ:
        print(f"   note: the baseline ran with other {' and '.join(differ)}: "
              + ", ".join(f"{k}={old.get('args', {}).get(k)}" for k in differ))
    for r in rows:
        b = before.get((r["workload"], r["peer"]))
        key = "compile_s" if r["workload"] == "compile-gpt2" else "median_s"
        if r["status"] != "ok" or not b or not r.get(key) or not b.get(key):
            continue
        print(f"   {r['workload']:<14} {r['peer']:<18} {_fmt_time(b[key]):>10} -> {_fmt_time(r[key]):>10}  "
              f"speedup {b[key] / r[key]:.2f}x")


def versions():
    out = {"python": platform.python_version()}
    for module in ("numpy", "torch", "jax", "jaxlib", "onnxruntime", "onnx", "kiln"):
        try:
            out[module] = __import__(module).__version__
        except Exception:
            out[module] = None
    try:
        out["kiln_commit"] = subprocess.run(["git", "-C", str(HERE), "rev-parse", "--short", "HEAD"],
                                            capture_output=True, text=True).stdout.strip() or None
    except OSError:
        out["kiln_commit"] = None
    return out


def main(argv=None):
    sys.path.insert(0, str(HERE))
    args = parse_args(argv)
    set_threads(args.threads)
    if args.child_rows:
        import logging

        logging.getLogger("torch.onnx").setLevel(logging.ERROR)
        return run_child(args)
    missing = ensure_packages(not args.no_install)
    if missing:
        print(f"note: {', '.join(missing)} not installed; ONNX Runtime is reported as failed", flush=True)

    import logging

    import machine
    import workloads

    logging.getLogger("torch.onnx").setLevel(logging.ERROR)  # the exporter's per-op registration chatter

    print(f"measuring the machine ({args.threads} threads)...", flush=True)
    load_before = machine.load_average()
    limits = machine.measure(args.threads, quick=args.quick)
    print_limits(limits, load_before, None)

    isolate = args.isolate or not (args.in_process or args.quick)
    peer_list = None if isolate else make_peers(args)
    all_rows, described, started = [], [], time.time()
    for name in args.only:
        prefill = [r for r in all_rows if r["workload"] == "gpt2-prefill"]
        if name == "compile-gpt2" and prefill:
            source = next(d for d, _ in described if d["name"] == "gpt2-prefill")
            info = dict(source, name=name, kind="compile-time", flops=None, bytes=None,
                        description="compile time of the program of gpt2-prefill: " + source["description"])
            rows = compile_rows_from(prefill, name)
        elif isolate:
            rows, info = run_isolated(name, args)
        else:
            w = workloads.build(name, quick=args.quick)
            rows, _ = run_workload(w, peer_list, args)
            info = describe(w)
            del w
            gc.collect()
        all_rows.extend(rows)
        described.append((info, rows))

    # Measured again at the end: another process's load can only lower a
    # limit, so the higher of the two is the machine's.
    load_after = machine.load_average()
    again = machine.measure(args.threads, quick=args.quick)
    limits["measured_before_and_after"] = {"before": {k: dict(limits[k]) for k in ("fma_gflops", "read_gbs")},
                                           "after": {k: again[k] for k in ("fma_gflops", "read_gbs")}}
    for key in ("fma_gflops", "read_gbs"):
        limits[key] = {n: max(v, again[key][n]) for n, v in limits[key].items()}
    print_limits(limits, load_before, load_after)
    if not args.fresh_limits:
        best = machine.best_known(limits, record=not args.quick)
        limits["this_run"] = {k: dict(limits[k]) for k in ("fma_gflops", "read_gbs")}
        limits.update(fma_gflops=best["fma_gflops"], read_gbs=best["read_gbs"])
        print("   fractions below use the best limits this host has shown (a busy machine only lowers them): "
              + ", ".join(f"{n} thread(s) {best['fma_gflops'][n]:.1f} GFLOP/s, {best['read_gbs'][n]:.1f} GB/s"
                          for n in sorted(best["fma_gflops"]) if n in limits["this_run"]["fma_gflops"]))
    for info, rows in described:
        w = workloads.Workload(info["name"], info["description"], None, {}, [], info["flops"], info["bytes"],
                               info["tol"], info["kind"], info["notes"])
        _derive(w, rows, args, limits)
        print_table(w, rows)
    items = bars(all_rows)
    print_bars(items)
    if args.baseline:
        print_baseline(all_rows, args.baseline, args)

    record = {
        "date": datetime.datetime.now().isoformat(timespec="seconds"),
        "args": {k: v for k, v in vars(args).items()},
        "machine": limits,
        "load_average": {"before": load_before, "after": load_after},
        "versions": versions(),
        "seconds": time.time() - started,
        "results": all_rows,
        "bars": [{"bar": label, "value": value, "need": need, "unit": unit} for label, value, need, unit in items],
    }
    out = Path(args.out) if args.out else HERE / "results" / (
        f"{datetime.date.today().isoformat()}-{limits['host']}{'-quick' if args.quick else ''}.json")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(record, indent=1, default=str))
    print(f"\nwrote {out} ({record['seconds']:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
