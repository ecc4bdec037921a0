#!/usr/bin/env bash
# Installs and builds everything (scripts/setup.sh), then runs the whole test
# suite: GoogleTest (ctest), lit + FileCheck, pytest. Exits non-zero if any
# suite fails.
set -uo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}

bash scripts/setup.sh || { echo "setup/build failed"; exit 1; }
BUILD=build/py
status=0

echo "==> GoogleTest (ctest)"
ctest --test-dir "$BUILD" --output-on-failure -j2 || status=1

echo "==> lit"
"$PYTHON" -c "import lit.main; lit.main.main()" -sv "$BUILD/test" || status=1

echo "==> pytest"
"$PYTHON" -m pytest -q python/tests || status=1

exit $status
