"""Compiles every zoo program with kiln-compile (no jax needed): the cases
expected to work must compile; the xfail ones must be rejected with a
diagnostic, never a crash. Prints one line per case."""

import glob
import json
import os
import subprocess
import sys

INPUTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "Inputs")


def main():
    cases = []
    for description in sorted(glob.glob(os.path.join(INPUTS, "*.json"))):
        with open(description) as f:
            cases.append(json.load(f))
    bad = 0
    for case in cases:
        path = os.path.join(INPUTS, case["name"] + ".mlir")
        command = ["kiln-compile", path, "--print-plan"] + case.get("compile_args", [])
        run = subprocess.run(command, capture_output=True, text=True)
        if case["xfail"]:
            ok = run.returncode == 1 and "error:" in run.stderr
            status = "rejected" if ok else "UNEXPECTED"
        else:
            ok = run.returncode == 0
            status = "compiled" if ok else "FAILED"
        print(f"{status} {case['name']}")
        if not ok:
            bad += 1
            sys.stdout.write(run.stderr)
    print(f"{bad} unexpected")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
