// RUN: kiln-opt %s -split-input-file | kiln-opt -split-input-file | FileCheck %s

// Round trip of tensorrt.call_alloc.

// -----

tensorrt.module @engines {
  func.func @callee(%x: tensor<?x8xf32>) -> tensor<?x8xf32> {
    return %x : tensor<?x8xf32>
  }
}

func.func @call_alloc_tensor(%x: tensor<3x8xf32>) -> tensor<?x8xf32> {
  %0 = tensorrt.call_alloc @engines::@callee(%x : tensor<3x8xf32>) -> tensor<?x8xf32>
  return %0 : tensor<?x8xf32>
}
// CHECK-LABEL: func.func @call_alloc_tensor
//  CHECK-NEXT:   tensorrt.call_alloc @engines::@callee(%{{.+}} : tensor<3x8xf32>) -> tensor<?x8xf32>

// -----

tensorrt.module @engines {
  func.func @shape_input(%x: tensor<?xf32>, %n: i32) -> tensor<?xf32> {
    return %x : tensor<?xf32>
  }
}

func.func @call_alloc_memref(%x: tensor<5xf32>, %n: i32) -> memref<?xf32> {
  %0 = tensorrt.call_alloc @engines::@shape_input(%x, %n : tensor<5xf32>, i32) -> memref<?xf32>
  return %0 : memref<?xf32>
}
// CHECK-LABEL: func.func @call_alloc_memref
//  CHECK-NEXT:   tensorrt.call_alloc @engines::@shape_input(%{{.+}}, %{{.+}} : tensor<5xf32>, i32) -> memref<?xf32>
