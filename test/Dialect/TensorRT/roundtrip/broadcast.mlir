// RUN: kiln-opt %s -split-input-file | kiln-opt -split-input-file | FileCheck %s

// Round trip of tensorrt.broadcast: new dimensions, permuted dims, shape operand.

// -----

func.func @broadcast_add_dim(%x: tensor<1024x1024xf32>) -> tensor<10x1024x1024xf32> {
  %0 = tensorrt.broadcast %x broadcast_dims<1, 2> : tensor<1024x1024xf32> to tensor<10x1024x1024xf32>
  return %0 : tensor<10x1024x1024xf32>
}
// CHECK-LABEL: func.func @broadcast_add_dim
//  CHECK-NEXT:   tensorrt.broadcast %{{.+}} broadcast_dims<1, 2> : tensor<1024x1024xf32> to tensor<10x1024x1024xf32>

// -----

func.func @broadcast_permuting(%x: tensor<1024x1024xf32>) -> tensor<10x1024x1024xf32> {
  %0 = tensorrt.broadcast %x broadcast_dims<2, 1> : tensor<1024x1024xf32> to tensor<10x1024x1024xf32>
  return %0 : tensor<10x1024x1024xf32>
}
// CHECK-LABEL: func.func @broadcast_permuting
//  CHECK-NEXT:   tensorrt.broadcast %{{.+}} broadcast_dims<2, 1> : tensor<1024x1024xf32> to tensor<10x1024x1024xf32>

// -----

func.func @broadcast_unit(%x: tensor<1x1xf32>) -> tensor<1x10xf32> {
  %0 = tensorrt.broadcast %x broadcast_dims<0, 1> : tensor<1x1xf32> to tensor<1x10xf32>
  return %0 : tensor<1x10xf32>
}
// CHECK-LABEL: func.func @broadcast_unit
//  CHECK-NEXT:   tensorrt.broadcast %{{.+}} broadcast_dims<0, 1> : tensor<1x1xf32> to tensor<1x10xf32>

// -----

func.func @broadcast_expand_vector(%x: tensor<8xi32>) -> tensor<4x8xi32> {
  %0 = tensorrt.broadcast %x broadcast_dims<1> : tensor<8xi32> to tensor<4x8xi32>
  return %0 : tensor<4x8xi32>
}
// CHECK-LABEL: func.func @broadcast_expand_vector
//  CHECK-NEXT:   tensorrt.broadcast %{{.+}} broadcast_dims<1> : tensor<8xi32> to tensor<4x8xi32>

// -----

func.func @broadcast_scalar(%x: tensor<f16>) -> tensor<3x3xf16> {
  %0 = tensorrt.broadcast %x broadcast_dims<> : tensor<f16> to tensor<3x3xf16>
  return %0 : tensor<3x3xf16>
}
// CHECK-LABEL: func.func @broadcast_scalar
//  CHECK-NEXT:   tensorrt.broadcast %{{.+}} broadcast_dims<> : tensor<f16> to tensor<3x3xf16>

// -----

func.func @broadcast_shape_operand(%x: tensor<?x1xf32>, %s: tensor<3xi32>) -> tensor<?x?x?xf32> {
  %0 = tensorrt.broadcast %x broadcast_dims<0, 2> shape(%s : tensor<3xi32>) : tensor<?x1xf32> to tensor<?x?x?xf32>
  return %0 : tensor<?x?x?xf32>
}
// CHECK-LABEL: func.func @broadcast_shape_operand
//  CHECK-NEXT:   tensorrt.broadcast %{{.+}} broadcast_dims<0, 2> shape(%{{.+}} : tensor<3xi32>) : tensor<?x1xf32> to tensor<?x?x?xf32>
