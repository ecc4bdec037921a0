// RUN: kiln-opt %s -split-input-file | kiln-opt -split-input-file | FileCheck %s

// Round trip of tensorrt.einsum: explicit and implicit results, reductions,
// diagonals, broadcasting and spaces in the equation.

// -----

func.func @einsum_row_sum(%x: tensor<?x?xf32>) -> tensor<?xf32> {
  %0 = tensorrt.einsum {
    equation = "ij->i"
  } ins(%x : tensor<?x?xf32>) -> tensor<?xf32>
  return %0 : tensor<?xf32>
}
// CHECK-LABEL: func.func @einsum_row_sum
//  CHECK-NEXT:   tensorrt.einsum {equation = "ij->i"} ins(%{{.+}} : tensor<?x?xf32>) -> tensor<?xf32>

// -----

func.func @einsum_total_sum(%x: tensor<?xf32>) -> tensor<f32> {
  %0 = tensorrt.einsum {equation = "i->"} ins(%x : tensor<?xf32>) -> tensor<f32>
  return %0 : tensor<f32>
}
// CHECK-LABEL: func.func @einsum_total_sum
//  CHECK-NEXT:   tensorrt.einsum {equation = "i->"} ins(%{{.+}} : tensor<?xf32>) -> tensor<f32>

// -----

func.func @einsum_trace(%x: tensor<?x?xf32>) -> tensor<f32> {
  %0 = tensorrt.einsum {equation = "ii->"} ins(%x : tensor<?x?xf32>) -> tensor<f32>
  return %0 : tensor<f32>
}
// CHECK-LABEL: func.func @einsum_trace
//  CHECK-NEXT:   tensorrt.einsum {equation = "ii->"} ins(%{{.+}} : tensor<?x?xf32>) -> tensor<f32>

// -----

func.func @einsum_diagonal(%x: tensor<?x5xf32>) -> tensor<5xf32> {
  %0 = tensorrt.einsum {equation = "ii->i"} ins(%x : tensor<?x5xf32>) -> tensor<5xf32>
  return %0 : tensor<5xf32>
}
// CHECK-LABEL: func.func @einsum_diagonal
//  CHECK-NEXT:   tensorrt.einsum {equation = "ii->i"} ins(%{{.+}} : tensor<?x5xf32>) -> tensor<5xf32>

// -----

func.func @einsum_implicit_identity(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = tensorrt.einsum {equation = "ij"} ins(%x : tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}
// CHECK-LABEL: func.func @einsum_implicit_identity
//  CHECK-NEXT:   tensorrt.einsum {equation = "ij"} ins(%{{.+}} : tensor<2x3xf32>) -> tensor<2x3xf32>

// -----

func.func @einsum_transpose_4d(%x: tensor<4x7x8x9xf32>) -> tensor<7x4x9x8xf32> {
  %0 = tensorrt.einsum {equation = "ijkl->jilk"} ins(%x: tensor<4x7x8x9xf32>) -> tensor<7x4x9x8xf32>
  return %0 : tensor<7x4x9x8xf32>
}
// CHECK-LABEL: func.func @einsum_transpose_4d
//  CHECK-NEXT:   tensorrt.einsum {equation = "ijkl->jilk"} ins(%{{.+}} : tensor<4x7x8x9xf32>) -> tensor<7x4x9x8xf32>

// -----

func.func @einsum_elementwise_spaces(%a: tensor<4x7xf16>, %b: tensor<4x7xf16>) -> tensor<4x7xf16> {
  %0 = tensorrt.einsum {equation = "ij, ij -> ij"} ins(%a, %b : tensor<4x7xf16>, tensor<4x7xf16>) -> tensor<4x7xf16>
  return %0 : tensor<4x7xf16>
}
// CHECK-LABEL: func.func @einsum_elementwise_spaces
//  CHECK-NEXT:   tensorrt.einsum {equation = "ij, ij -> ij"} ins(%{{.+}}, %{{.+}} : tensor<4x7xf16>, tensor<4x7xf16>) -> tensor<4x7xf16>

// -----

func.func @einsum_dot(%a: tensor<4xf32>, %b: tensor<4xf32>) -> tensor<f32> {
  %0 = tensorrt.einsum {equation = "i,i"} ins(%a, %b : tensor<4xf32>, tensor<4xf32>) -> tensor<f32>
  return %0 : tensor<f32>
}
// CHECK-LABEL: func.func @einsum_dot
//  CHECK-NEXT:   tensorrt.einsum {equation = "i,i"} ins(%{{.+}}, %{{.+}} : tensor<4xf32>, tensor<4xf32>) -> tensor<f32>

// -----

func.func @einsum_outer(%a: tensor<4xf32>, %b: tensor<5xf32>) -> tensor<4x5xf32> {
  %0 = tensorrt.einsum {equation = "i,j -> ij"} ins(%a, %b : tensor<4xf32>, tensor<5xf32>) -> tensor<4x5xf32>
  return %0 : tensor<4x5xf32>
}
// CHECK-LABEL: func.func @einsum_outer
//  CHECK-NEXT:   tensorrt.einsum {equation = "i,j -> ij"} ins(%{{.+}}, %{{.+}} : tensor<4xf32>, tensor<5xf32>) -> tensor<4x5xf32>

// -----

// Without `->` the result letters are sorted: "zj,jl" gives "lz".
func.func @einsum_implicit_sorted(%a: tensor<4x7xf32>, %b: tensor<7x9xf32>) -> tensor<9x4xf32> {
  %0 = tensorrt.einsum {equation = "zj,jl"} ins(%a, %b : tensor<4x7xf32>, tensor<7x9xf32>) -> tensor<9x4xf32>
  return %0 : tensor<9x4xf32>
}
// CHECK-LABEL: func.func @einsum_implicit_sorted
//  CHECK-NEXT:   tensorrt.einsum {equation = "zj,jl"} ins(%{{.+}}, %{{.+}} : tensor<4x7xf32>, tensor<7x9xf32>) -> tensor<9x4xf32>

// -----

func.func @einsum_batch_matmul(%a: tensor<2x?x?xf32>, %b: tensor<2x?x4xf32>) -> tensor<2x?x4xf32> {
  %0 = tensorrt.einsum {equation = "bij,bjk->bik"} ins(%a, %b: tensor<2x?x?xf32>, tensor<2x?x4xf32>) -> tensor<2x?x4xf32>
  return %0 : tensor<2x?x4xf32>
}
// CHECK-LABEL: func.func @einsum_batch_matmul
//  CHECK-NEXT:   tensorrt.einsum {equation = "bij,bjk->bik"} ins(%{{.+}}, %{{.+}} : tensor<2x?x?xf32>, tensor<2x?x4xf32>) -> tensor<2x?x4xf32>

// -----

// A size-1 dimension broadcasts against the other input's.
func.func @einsum_broadcast_batch(%a: tensor<1x3x4xbf16>, %b: tensor<6x4x5xbf16>) -> tensor<6x3x5xbf16> {
  %0 = tensorrt.einsum {equation = "bij,bjk->bik"} ins(%a, %b : tensor<1x3x4xbf16>, tensor<6x4x5xbf16>) -> tensor<6x3x5xbf16>
  return %0 : tensor<6x3x5xbf16>
}
// CHECK-LABEL: func.func @einsum_broadcast_batch
//  CHECK-NEXT:   tensorrt.einsum {equation = "bij,bjk->bik"} ins(%{{.+}}, %{{.+}} : tensor<1x3x4xbf16>, tensor<6x4x5xbf16>) -> tensor<6x3x5xbf16>
