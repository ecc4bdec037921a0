// RUN: kiln-opt %s -split-input-file | kiln-opt -split-input-file | FileCheck %s

// Round trip of tensorrt.call.

// -----

tensorrt.module @engines {
  func.func @callee(%x: tensor<?xf32>) -> tensor<?xf32> {
    return %x : tensor<?xf32>
  }
}

func.func @call_tensor_outs(%x: tensor<10xf32>, %out: tensor<10xf32>) -> tensor<10xf32> {
  %0 = tensorrt.call @engines::@callee(%x : tensor<10xf32>) outs(%out : tensor<10xf32>) -> tensor<10xf32>
  return %0 : tensor<10xf32>
}
// CHECK-LABEL: func.func @call_tensor_outs
//  CHECK-NEXT:   tensorrt.call @engines::@callee(%{{.+}} : tensor<10xf32>) outs(%{{.+}} : tensor<10xf32>) -> tensor<10xf32>

// -----

tensorrt.module @engines {
  func.func @two(%x: tensor<4xf16>, %n: tensor<i32>) -> (tensor<4xf16>, tensor<i32>) {
    return %x, %n : tensor<4xf16>, tensor<i32>
  }
}

func.func @call_buffer_outs(%x: tensor<4xf16>, %n: tensor<i32>, %a: memref<4xf16>, %b: memref<i32>) {
  tensorrt.call @engines::@two(%x, %n : tensor<4xf16>, tensor<i32>) outs(%a, %b : memref<4xf16>, memref<i32>)
  return
}
// CHECK-LABEL: func.func @call_buffer_outs
//  CHECK-NEXT:   tensorrt.call @engines::@two(%{{.+}}, %{{.+}} : tensor<4xf16>, tensor<i32>) outs(%{{.+}}, %{{.+}} : memref<4xf16>, memref<i32>)
//  CHECK-NEXT:   return

// -----

tensorrt.module @engines {
  func.func @constant() -> tensor<2xf32> {
    %0 = tensorrt.constant dense<1.0> : tensor<2xf32>
    return %0 : tensor<2xf32>
  }
}

func.func @call_no_inputs(%out: tensor<2xf32>) -> tensor<2xf32> {
  %0 = tensorrt.call @engines::@constant() outs(%out : tensor<2xf32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}
// CHECK-LABEL: func.func @call_no_inputs
//  CHECK-NEXT:   tensorrt.call @engines::@constant() outs(%{{.+}} : tensor<2xf32>) -> tensor<2xf32>
