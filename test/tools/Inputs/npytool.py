"""Small numpy helper for the lit tests of kiln-run.

  npytool.py write PATH DTYPE EXPR        save eval(EXPR) (numpy as np) as DTYPE
  npytool.py check PATH EXPR [--atol X]   compare PATH with eval(EXPR), where the
                                          names a, b, c... are bound to --bind files
  npytool.py corrupt PATH OFFSET          flip the bits of the byte at OFFSET
  npytool.py truncate PATH SIZE           keep only the first SIZE bytes
"""
import argparse
import sys

import numpy as np


def main():
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="cmd", required=True)
    w = sub.add_parser("write")
    w.add_argument("path")
    w.add_argument("dtype")
    w.add_argument("expr")
    c = sub.add_parser("check")
    c.add_argument("path")
    c.add_argument("expr")
    c.add_argument("--bind", action="append", default=[], help="NAME=file.npy")
    c.add_argument("--atol", type=float, default=1e-5)
    x = sub.add_parser("corrupt")
    x.add_argument("path")
    x.add_argument("offset", type=int)
    t = sub.add_parser("truncate")
    t.add_argument("path")
    t.add_argument("size", type=int)
    args = parser.parse_args()

    if args.cmd == "write":
        rng = np.random.default_rng(0)
        np.save(args.path, np.asarray(eval(args.expr, {"np": np, "rng": rng}), dtype=args.dtype))
    elif args.cmd == "check":
        scope = {"np": np}
        for binding in args.bind:
            name, path = binding.split("=", 1)
            scope[name] = np.load(path)
        got = np.load(args.path)
        want = np.asarray(eval(args.expr, scope))
        if got.shape != want.shape or got.dtype != want.dtype:
            sys.exit(f"mismatch: got {got.dtype}{list(got.shape)}, want {want.dtype}{list(want.shape)}")
        if not np.allclose(got.astype(np.float64), want.astype(np.float64), atol=args.atol, rtol=1e-5):
            sys.exit(f"values differ: max abs error {np.max(np.abs(got.astype(np.float64) - want)):.3g}\n{got}\n{want}")
        print("OK")
    elif args.cmd == "corrupt":
        data = bytearray(open(args.path, "rb").read())
        data[args.offset] ^= 0xFF
        open(args.path, "wb").write(bytes(data))
    elif args.cmd == "truncate":
        data = open(args.path, "rb").read()
        open(args.path, "wb").write(data[: args.size])


if __name__ == "__main__":
    main()
