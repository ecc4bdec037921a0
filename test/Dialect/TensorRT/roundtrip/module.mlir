// RUN: kiln-opt %s -split-input-file | kiln-opt -split-input-file | FileCheck %s

// Round trip of tensorrt.module.

// -----

tensorrt.module @engines {
  func.func @double(%x: tensor<4xf32>) -> tensor<4xf32> {
    %0 = tensorrt.element_wise <kSUM>(%x, %x : tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
    return %0 : tensor<4xf32>
  }
  func.func @identity(%x: tensor<?xf16>) -> tensor<?xf16> {
    return %x : tensor<?xf16>
  }
}
// CHECK-LABEL: tensorrt.module @engines {
//  CHECK-NEXT:   func.func @double
//       CHECK:   func.func @identity

// -----

tensorrt.module @empty {
}
// CHECK-LABEL: tensorrt.module @empty {
//  CHECK-NEXT: }

// -----

tensorrt.module @with_attrs attributes {note = "built for sm_90"} {
  func.func private @declared(tensor<2xf32>) -> tensor<2xf32>
}
// CHECK-LABEL: tensorrt.module @with_attrs attributes {note = "built for sm_90"} {
//  CHECK-NEXT:   func.func private @declared(tensor<2xf32>) -> tensor<2xf32>
