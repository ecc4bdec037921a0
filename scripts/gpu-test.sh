#!/usr/bin/env bash
# Builds the runtime-only project (kiln_runtime + the CUDA backend + their
# unit tests; no MLIR) with CUDA and runs the tests on this machine's GPU:
# the runtime tests, the CUDA oracle test (CUDA kernels vs the reference
# kernels on random shapes), then a short benchmark of the CUDA kernels.
#
#   scripts/gpu-test.sh [BUILD_DIR]        # default build/gpu
#
# Environment: KILN_CUDA_ARCH (default 90), KILN_CUBLASLT_INCLUDE_DIR and
# KILN_CUBLASLT_LIBRARY (default: found in the toolkit or in Python's
# site-packages, e.g. PyTorch's nvidia-cublas), OUT (where test reports go).
# docs/cuda.md says how to run it with the device tool.
set -uo pipefail
SRC=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${1:-$SRC/build/gpu}
ARCH=${KILN_CUDA_ARCH:-90}
REPORTS=${OUT:-$BUILD}
mkdir -p "$REPORTS"

echo "==> machine"
nvidia-smi --query-gpu=name,compute_cap,driver_version,memory.total --format=csv || true
nvcc --version | tail -2
cmake --version | head -1

# cuBLASLt: the toolkit's, else one in Python's site-packages.
INC=${KILN_CUBLASLT_INCLUDE_DIR:-}
LIB=${KILN_CUBLASLT_LIBRARY:-}
if [ -z "$INC" ]; then
  roots="/usr/local/cuda/include /usr/local/cuda/targets"
  roots="$roots $(python3 -c 'import site; print(" ".join(site.getsitepackages()))' 2>/dev/null)"
  header=$(find $roots -name cublasLt.h 2>/dev/null | head -1)
  if [ -n "$header" ]; then
    INC=$(dirname "$header")
    LIB=$(find "$(dirname "$INC")" /usr/local/cuda/lib64 -name 'libcublasLt.so*' 2>/dev/null | sort | head -1)
  fi
fi
echo "==> cuBLASLt: include ${INC:-none}, library ${LIB:-none}"

# GoogleTest: installed, else sources beside this script or in /usr/src.
GTEST_ARGS=()
if ! ls /usr/lib/*/libgtest.a /usr/lib/libgtest.a /usr/local/lib/libgtest.a >/dev/null 2>&1; then
  for dir in "$SRC/googletest" /usr/src/googletest; do
    if [ -f "$dir/CMakeLists.txt" ]; then
      GTEST_ARGS=(-DKILN_GTEST_SOURCE_DIR="$dir")
      break
    fi
  done
fi

configure_and_build() { # $1 build dir, then extra CMake arguments
  local dir=$1
  shift
  cmake -G Ninja -S "$SRC" -B "$dir" -DCMAKE_BUILD_TYPE=Release \
    -DKILN_RUNTIME_ONLY=ON -DKILN_ENABLE_CUDA=ON \
    -DCMAKE_CUDA_ARCHITECTURES="$ARCH" "${GTEST_ARGS[@]}" "$@" >"$dir.configure.log" 2>&1 \
    || { cat "$dir.configure.log"; return 1; }
  grep "Kiln:" "$dir.configure.log"
  ninja -C "$dir" -j"$(nproc)" KilnDeviceTests KilnRuntimeTests >"$dir.build.log" 2>&1 \
    || { grep -B2 -A12 "error\|FAILED" "$dir.build.log" | head -80; return 1; }
}

echo "==> build ($BUILD, sm_$ARCH)"
mkdir -p "$(dirname "$BUILD")"
start=$(date +%s)
if [ -n "$INC" ] && [ -n "$LIB" ]; then
  if ! configure_and_build "$BUILD" -DKILN_CUBLASLT_INCLUDE_DIR="$INC" -DKILN_CUBLASLT_LIBRARY="$LIB"; then
    echo "==> build with cuBLASLt FAILED; building without it so the other tests run"
    BUILD=$BUILD-nocublas
    configure_and_build "$BUILD" -DKILN_CUBLASLT_INCLUDE_DIR=none -DKILN_CUBLASLT_LIBRARY=none || exit 1
  fi
else
  configure_and_build "$BUILD" || exit 1
fi
echo "==> built in $(( $(date +%s) - start )) s"

status=0
echo "==> KilnRuntimeTests"
"$BUILD/bin/KilnRuntimeTests" --gtest_brief=1 --gtest_output=xml:"$REPORTS/runtime-tests.xml" || status=1
echo "==> KilnDeviceTests (targets, CUDA device layer, CUDA vs reference)"
"$BUILD/bin/KilnDeviceTests" --gtest_output=xml:"$REPORTS/device-tests.xml" 2>&1 \
  | grep -v '^\[ *\(RUN\|OK\) *\]' || status=1
[ "${PIPESTATUS[0]}" -eq 0 ] || status=1
if command -v compute-sanitizer >/dev/null; then
  echo "==> compute-sanitizer memcheck (kernels on random shapes)"
  compute-sanitizer --tool memcheck --error-exitcode 9 "$BUILD/bin/KilnDeviceTests" \
    --gtest_brief=1 --gtest_filter='CudaKernels.Elem*:CudaKernels.Softmax*:CudaKernels.Matrix*:CudaContext.*' \
    2>&1 | tail -15 || status=1
  [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
fi
echo "==> benchmark"
"$BUILD/bin/KilnDeviceTests" --gtest_also_run_disabled_tests --gtest_filter='CudaBench.*' 2>&1 \
  | grep '\[bench\]\|FAILED'
echo "==> gpu-test.sh: $([ $status -eq 0 ] && echo PASSED || echo FAILED)"
exit $status
