"""Compares a kiln-run output with ONNX Runtime's on the same inputs.

  ort_check.py MODEL.onnx OUTPUT.npy INPUT.npy...   prints OK, or exits 1
"""
import sys

import numpy as np
import onnxruntime as ort


def main():
    model, output, *inputs = sys.argv[1:]
    session = ort.InferenceSession(model, providers=["CPUExecutionProvider"])
    feed = {i.name: np.load(p) for i, p in zip(session.get_inputs(), inputs)}
    want = session.run(None, feed)[0]
    got = np.load(output)
    if got.shape != want.shape or got.dtype != want.dtype:
        sys.exit(f"mismatch: got {got.dtype}{list(got.shape)}, want {want.dtype}{list(want.shape)}")
    if not np.allclose(got, want, rtol=1e-4, atol=1e-4):
        sys.exit(f"values differ: max abs error {np.max(np.abs(got - want)):.3g}")
    print("OK")


if __name__ == "__main__":
    main()
