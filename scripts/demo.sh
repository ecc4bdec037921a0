#!/usr/bin/env bash
# Installs and builds everything (scripts/setup.sh), then runs the main demo:
# a transformer block written with the Python frontend, compiled to an engine,
# checked against numpy and timed.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec "${PYTHON:-python3}" examples/transformer_block.py "$@"
