//===- MatrixMultiply.cpp - CUDA matrix_multiply through cuBLASLt ---------===//
//
// f32, f16 and bf16 with f32 accumulation (CUBLAS_COMPUTE_32F: f32 inputs
// are not rounded to TF32, so results match the reference kernel to f32
// rounding). Operands are kNONE or kTRANSPOSE matrices with equal batch
// dims, or one side without batch dims (broadcast with a zero batch
// stride); kVECTOR and other batch broadcasts run on the host.
//
// cuBLASLt is column-major; a row-major MxN result is a column-major NxM
// matrix, so we ask for C^T = B^T A^T, which reads both operands in place.
// The algorithm is chosen once, when the step is prepared, for the actual
// operand addresses (their alignment matters to cuBLASLt).
//
//===----------------------------------------------------------------------===//
#include "kiln/Runtime/CUDA/CudaDevice.h"
#include "kiln/Runtime/CUDA/CudaKernel.h"
#include "kiln/Runtime/Error.h"

#include <cublasLt.h>

#include <string>

namespace kiln::cuda {
namespace {

void checkBlas(cublasStatus_t status, const char *what) {
  if (status != CUBLAS_STATUS_SUCCESS)
    fail(what, ": ", cublasLtGetStatusName(status), ": ",
         cublasLtGetStatusString(status));
}

cudaDataType_t blasType(DType type) {
  switch (type) {
  case DType::F16:
    return CUDA_R_16F;
  case DType::BF16:
    return CUDA_R_16BF;
  default:
    return CUDA_R_32F;
  }
}

/// The largest power of two (at most 256) that divides `pointer`.
uint32_t alignmentOf(const void *pointer) {
  auto address = reinterpret_cast<uintptr_t>(pointer);
  uint32_t alignment = 256;
  while (alignment > 1 && address % alignment != 0)
    alignment /= 2;
  return alignment;
}

struct GemmShape {
  int64_t m = 0, n = 0, k = 0, batch = 1;
  bool transposeA = false, transposeB = false;
  int64_t batchStrideA = 0, batchStrideB = 0; // elements; 0 broadcasts
};

class MatrixMultiplyStep : public PreparedStep {
public:
  MatrixMultiplyStep(const GemmShape &shape, DType type,
                     const std::vector<TensorView> &operands,
                     const std::vector<TensorView> &results,
                     const Libraries &libraries)
      : shape_(shape) {
    cudaDataType_t dataType = blasType(type);
    checkBlas(cublasLtMatmulDescCreate(&desc_, CUBLAS_COMPUTE_32F, CUDA_R_32F),
              "cublasLtMatmulDescCreate");
    // cuBLAS operand 1 is our B (read as B^T), operand 2 our A (as A^T).
    cublasOperation_t opFirst = shape.transposeB ? CUBLAS_OP_T : CUBLAS_OP_N;
    cublasOperation_t opSecond = shape.transposeA ? CUBLAS_OP_T : CUBLAS_OP_N;
    checkBlas(cublasLtMatmulDescSetAttribute(desc_, CUBLASLT_MATMUL_DESC_TRANSA,
                                             &opFirst, sizeof(opFirst)),
              "cublasLtMatmulDescSetAttribute(TRANSA)");
    checkBlas(cublasLtMatmulDescSetAttribute(desc_, CUBLASLT_MATMUL_DESC_TRANSB,
                                             &opSecond, sizeof(opSecond)),
              "cublasLtMatmulDescSetAttribute(TRANSB)");
    const int64_t m = shape.m, n = shape.n, k = shape.k;
    // B stored [K, N] row-major = column-major N x K (ld N); transposed it is
    // stored [N, K] = column-major K x N (ld K).
    first_ = layout(dataType, shape.transposeB ? k : n, shape.transposeB ? n : k,
                    shape.transposeB ? k : n, shape.batchStrideB);
    // A stored [M, K] = column-major K x M (ld K); transposed [K, M] = M x K.
    second_ = layout(dataType, shape.transposeA ? m : k,
                     shape.transposeA ? k : m, shape.transposeA ? m : k,
                     shape.batchStrideA);
    result_ = layout(dataType, n, m, n, m * n);

    cublasLtMatmulPreference_t preference = nullptr;
    checkBlas(cublasLtMatmulPreferenceCreate(&preference),
              "cublasLtMatmulPreferenceCreate");
    uint64_t workspace = static_cast<uint64_t>(libraries.workspaceBytes);
    uint32_t alignFirst = alignmentOf(operands[1].data);
    uint32_t alignSecond = alignmentOf(operands[0].data);
    uint32_t alignResult = alignmentOf(results[0].data);
    cublasLtMatmulPreferenceSetAttribute(
        preference, CUBLASLT_MATMUL_PREF_MAX_WORKSPACE_BYTES, &workspace,
        sizeof(workspace));
    cublasLtMatmulPreferenceSetAttribute(
        preference, CUBLASLT_MATMUL_PREF_MIN_ALIGNMENT_A_BYTES, &alignFirst,
        sizeof(alignFirst));
    cublasLtMatmulPreferenceSetAttribute(
        preference, CUBLASLT_MATMUL_PREF_MIN_ALIGNMENT_B_BYTES, &alignSecond,
        sizeof(alignSecond));
    cublasLtMatmulPreferenceSetAttribute(
        preference, CUBLASLT_MATMUL_PREF_MIN_ALIGNMENT_C_BYTES, &alignResult,
        sizeof(alignResult));
    cublasLtMatmulPreferenceSetAttribute(
        preference, CUBLASLT_MATMUL_PREF_MIN_ALIGNMENT_D_BYTES, &alignResult,
        sizeof(alignResult));
    cublasLtMatmulHeuristicResult_t heuristic = {};
    int found = 0;
    cublasStatus_t status = cublasLtMatmulAlgoGetHeuristic(
        static_cast<cublasLtHandle_t>(libraries.cublasLt), desc_, first_,
        second_, result_, result_, preference, 1, &heuristic, &found);
    cublasLtMatmulPreferenceDestroy(preference);
    checkBlas(status, "cublasLtMatmulAlgoGetHeuristic");
    if (found == 0)
      fail("cuBLASLt has no algorithm for this matrix_multiply");
    algo_ = heuristic.algo;
  }

  ~MatrixMultiplyStep() override {
    for (cublasLtMatrixLayout_t l : {first_, second_, result_})
      if (l)
        cublasLtMatrixLayoutDestroy(l);
    if (desc_)
      cublasLtMatmulDescDestroy(desc_);
  }

  void run(const StepArgs &args) const override {
    const float alpha = 1.0f, beta = 0.0f;
    void *d = args.results[0].data;
    checkBlas(cublasLtMatmul(
                  static_cast<cublasLtHandle_t>(args.libraries.cublasLt), desc_,
                  &alpha, args.operands[1].data, first_, args.operands[0].data,
                  second_, &beta, d, result_, d, result_, &algo_,
                  args.libraries.workspace,
                  static_cast<size_t>(args.libraries.workspaceBytes),
                  args.stream),
              "cublasLtMatmul");
  }

private:
  cublasLtMatrixLayout_t layout(cudaDataType_t type, int64_t rows,
                                int64_t cols, int64_t ld, int64_t batchStride) {
    cublasLtMatrixLayout_t l = nullptr;
    checkBlas(cublasLtMatrixLayoutCreate(&l, type, static_cast<uint64_t>(rows),
                                         static_cast<uint64_t>(cols), ld),
              "cublasLtMatrixLayoutCreate");
    if (shape_.batch > 1) {
      int32_t count = static_cast<int32_t>(shape_.batch);
      checkBlas(cublasLtMatrixLayoutSetAttribute(
                    l, CUBLASLT_MATRIX_LAYOUT_BATCH_COUNT, &count, sizeof(count)),
                "cublasLtMatrixLayoutSetAttribute(BATCH_COUNT)");
      checkBlas(cublasLtMatrixLayoutSetAttribute(
                    l, CUBLASLT_MATRIX_LAYOUT_STRIDED_BATCH_OFFSET, &batchStride,
                    sizeof(batchStride)),
                "cublasLtMatrixLayoutSetAttribute(STRIDED_BATCH_OFFSET)");
    }
    return l;
  }

  GemmShape shape_;
  cublasLtMatmulDesc_t desc_ = nullptr;
  cublasLtMatrixLayout_t first_ = nullptr, second_ = nullptr, result_ = nullptr;
  cublasLtMatmulAlgo_t algo_ = {};
};

/// kNONE -> false, kTRANSPOSE -> true; anything else has no CUDA kernel.
bool parseTranspose(const StepDesc &step, const char *name, bool &transpose) {
  auto it = step.attrs.find(name);
  if (it == step.attrs.end()) {
    transpose = false;
    return true;
  }
  const std::string *value = std::get_if<std::string>(&it->second);
  if (!value || (*value != "kNONE" && *value != "kTRANSPOSE"))
    return false;
  transpose = *value == "kTRANSPOSE";
  return true;
}

int64_t product(const std::vector<int64_t> &dims) {
  int64_t n = 1;
  for (int64_t d : dims)
    n *= d;
  return n;
}

} // namespace

void *createBlasLtHandle() {
  cublasLtHandle_t handle = nullptr;
  checkBlas(cublasLtCreate(&handle), "cublasLtCreate");
  return handle;
}

void destroyBlasLtHandle(void *handle) {
  if (handle)
    cublasLtDestroy(static_cast<cublasLtHandle_t>(handle));
}

/// The GEMM that `step` asks for, or false when cuBLASLt does not take it
/// here (the step then needs another backend).
static bool analyze(const StepDesc &step,
                    const std::vector<TensorView> &operands,
                    const std::vector<TensorView> &results, GemmShape &shape) {
  if (operands.size() != 2 || results.size() != 1)
    return false;
  const TensorView &a = operands[0], &b = operands[1], &r = results[0];
  DType type = a.dtype;
  if ((type != DType::F32 && type != DType::F16 && type != DType::BF16) ||
      b.dtype != type || r.dtype != type)
    return false;
  if (!parseTranspose(step, "op0", shape.transposeA) ||
      !parseTranspose(step, "op1", shape.transposeB))
    return false;
  if (a.shape.size() < 2 || b.shape.size() < 2)
    return false;
  size_t ra = a.shape.size(), rb = b.shape.size();
  shape.m = shape.transposeA ? a.shape[ra - 1] : a.shape[ra - 2];
  shape.k = shape.transposeA ? a.shape[ra - 2] : a.shape[ra - 1];
  int64_t kb = shape.transposeB ? b.shape[rb - 1] : b.shape[rb - 2];
  shape.n = shape.transposeB ? b.shape[rb - 2] : b.shape[rb - 1];
  if (kb != shape.k)
    return false;
  std::vector<int64_t> batchA(a.shape.begin(), a.shape.end() - 2);
  std::vector<int64_t> batchB(b.shape.begin(), b.shape.end() - 2);
  std::vector<int64_t> batch;
  if (batchA == batchB) {
    batch = batchA;
    shape.batchStrideA = shape.m * shape.k;
    shape.batchStrideB = shape.k * shape.n;
  } else if (product(batchA) == 1 && batchA.size() <= batchB.size()) {
    batch = batchB;
    shape.batchStrideB = shape.k * shape.n;
  } else if (product(batchB) == 1 && batchB.size() <= batchA.size()) {
    batch = batchA;
    shape.batchStrideA = shape.m * shape.k;
  } else {
    return false;
  }
  std::vector<int64_t> expected = batch;
  expected.push_back(shape.m);
  expected.push_back(shape.n);
  shape.batch = product(batch);
  const int64_t int32Max = 0x7fffffff;
  if (r.shape != expected || shape.batch > int32Max || shape.m > int32Max ||
      shape.n > int32Max || shape.k > int32Max)
    return false;
  // Empty products: the reference kernel writes the zeros.
  return shape.m * shape.n * shape.batch != 0 && shape.k != 0;
}

bool matrixMultiplyTakes(const StepDesc &step,
                         const std::vector<TensorView> &operands,
                         const std::vector<TensorView> &results) {
  GemmShape shape;
  return analyze(step, operands, results, shape);
}

std::unique_ptr<PreparedStep>
prepareMatrixMultiply(const StepDesc &step,
                      const std::vector<TensorView> &operands,
                      const std::vector<TensorView> &results,
                      const Libraries &libraries) {
  GemmShape shape;
  if (!libraries.cublasLt || !analyze(step, operands, results, shape))
    return nullptr;
  return std::make_unique<MatrixMultiplyStep>(shape, operands[0].dtype,
                                              operands, results, libraries);
}

} // namespace kiln::cuda
