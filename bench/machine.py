"""The machine's limits, measured on the spot: f32 FMA peak and memory bandwidth.

native/limits.c is compiled with the system C compiler into bench/.build/
(rebuilt when the source changes) and run for 1 and N threads.
"""

import hashlib
import json
import os
import platform
import shutil
import socket
import subprocess
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "native" / "limits.c"


def _build():
    cc = os.environ.get("CC") or shutil.which("cc") or shutil.which("gcc") or shutil.which("clang")
    if not cc:
        raise RuntimeError("no C compiler found (set CC): the FMA peak and bandwidth are measured by a C program")
    digest = hashlib.sha256(SOURCE.read_bytes()).hexdigest()[:12]
    out = HERE / ".build" / f"limits-{digest}"
    if not out.exists():
        out.parent.mkdir(exist_ok=True)
        tmp = out.with_suffix(".tmp")
        r = subprocess.run([cc, "-O2", "-pthread", "-o", str(tmp), str(SOURCE)], capture_output=True, text=True)
        if r.returncode != 0:
            raise RuntimeError(f"building {SOURCE.name} with {cc} failed:\n{r.stderr}")
        tmp.replace(out)
    return out


def _run(binary, *args):
    r = subprocess.run([str(binary), *map(str, args)], capture_output=True, text=True, timeout=300)
    if r.returncode != 0:
        raise RuntimeError(f"{binary.name} {' '.join(map(str, args))} failed: {r.stderr.strip()}")
    return r.stdout.split()


def cpu_model():
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def l3_bytes():
    try:
        for index in Path("/sys/devices/system/cpu/cpu0/cache").glob("index*"):
            if (index / "level").read_text().strip() == "3":
                size = (index / "size").read_text().strip()
                units = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}
                return int(size[:-1]) * units[size[-1]] if size[-1] in units else int(size)
    except (OSError, ValueError):
        pass
    return None


def load_average():
    try:
        return os.getloadavg()[0]
    except OSError:
        return None


def measure(threads, quick=False):
    """{'isa', 'fma_gflops': {n: GFLOP/s}, 'read_gbs': {n: GB/s}, ...} for 1 and `threads` threads.

    The streaming read covers at least 8x the L3 (1 GiB when the L3 is unknown);
    each figure is the best of several passes, so a pass slowed by another
    process's load does not count."""
    binary = _build()
    counts = sorted({1, threads})
    l3 = l3_bytes()
    mib = 64 if quick else max(1024, 8 * (l3 or 0) >> 20)
    fma, read, isa = {}, {}, None
    for n in counts:
        isa, gflops = _run(binary, "fma", n, 0.05 if quick else 0.5)
        fma[n] = float(gflops)
        read[n] = float(_run(binary, "read", n, mib, 2 if quick else 5)[0])
    return {
        "host": socket.gethostname(),
        "cpu": cpu_model(),
        "cores": os.cpu_count(),
        "l3_bytes": l3,
        "isa": isa,
        "fma_gflops": fma,
        "read_gbs": read,
        "read_buffer_mib": mib,
    }


def best_known(limits, record=True):
    """The higher of this run's limits and the best this host showed before.

    A busy machine only lowers a measured peak, so the fraction of the limit
    is taken against the best seen on this host (bench/.build/, per host and
    ISA); `record` adds this run's figures to it."""
    path = HERE / ".build" / f"best-limits-{limits['host']}.json"
    best = {}
    try:
        best = json.loads(path.read_text())
    except (OSError, ValueError):
        pass
    if best.get("isa") != limits["isa"] or best.get("read_buffer_mib") != limits["read_buffer_mib"]:
        best = {}
    merged = {"isa": limits["isa"], "read_buffer_mib": limits["read_buffer_mib"]}
    for key in ("fma_gflops", "read_gbs"):
        old = {int(n): v for n, v in best.get(key, {}).items()}
        merged[key] = {n: max(v, old.get(n, 0.0)) for n, v in limits[key].items()}
        merged[key].update({n: v for n, v in old.items() if n not in merged[key]})
    if record:
        path.parent.mkdir(exist_ok=True)
        path.write_text(json.dumps(merged, indent=1))
    return merged
