#!/usr/bin/env bash
# Installs everything Kiln needs (Debian packages, Python packages) and builds
# it: the C++ libraries, tools, unit tests and the `kiln` Python package.
# Idempotent: a second run installs nothing and rebuilds only what changed.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(libmlir-22-dev mlir-22-tools llvm-22-dev llvm-22-tools
              libgtest-dev ccache ninja-build g++)
PYTHON=${PYTHON:-python3}

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "==> apt-get install ${missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q "${missing[@]}"
fi

echo "==> pip install -r requirements-dev.txt"
"$PYTHON" -m pip install -q --disable-pip-version-check --root-user-action=ignore \
  -r requirements-dev.txt

# One build directory (build/py) serves the Python package, the tools, the
# unit tests and the lit suite; ccache and Ninja keep rebuilds incremental.
echo "==> building Kiln (build/py)"
export CMAKE_BUILD_PARALLEL_LEVEL=${CMAKE_BUILD_PARALLEL_LEVEL:-2}
"$PYTHON" -m pip install --disable-pip-version-check --root-user-action=ignore \
  --no-build-isolation --no-deps . \
  --config-settings=cmake.define.KILN_BUILD_TESTS=ON
