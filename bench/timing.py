"""Timing one prepared call: warm up, batch short calls, keep every sample."""

import statistics
import time


def measure(call, repeat, min_sample_s=0.02, budget_s=30.0):
    """Median/min/max seconds per call over `repeat` samples.

    A sample is `inner` back-to-back calls (inner chosen so a sample lasts at
    least min_sample_s: a 2 us call is not timed one at a time), divided by
    inner. Sampling stops early, after at least 3 samples, once budget_s is
    spent; `samples` says how many were taken. The caller has run call()
    once already (to check its outputs); one more untimed call warms up
    whatever the first left cold, two for calls shorter than 0.5 s."""
    t = time.perf_counter()
    call()
    one = time.perf_counter() - t
    if one < 0.5:
        t = time.perf_counter()
        call()
        one = time.perf_counter() - t
    inner = max(1, min(100000, int(min_sample_s / max(one, 1e-9)) + 1)) if one < min_sample_s else 1
    samples = []
    start = time.perf_counter()
    for i in range(repeat):
        t = time.perf_counter()
        for _ in range(inner):
            call()
        samples.append((time.perf_counter() - t) / inner)
        if i >= 2 and time.perf_counter() - start > budget_s:
            break
    return {
        "median_s": statistics.median(samples),
        "min_s": min(samples),
        "max_s": max(samples),
        "samples": len(samples),
        "inner": inner,
    }
