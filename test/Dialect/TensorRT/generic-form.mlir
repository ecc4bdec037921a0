// RUN: kiln-opt %s -mlir-print-op-generic | FileCheck %s --check-prefix=GENERIC
// RUN: kiln-opt %s -mlir-print-op-generic | kiln-opt | FileCheck %s

// Ops survive the generic form; attributes are stored as properties.

func.func @generic(%x: tensor<8x8xf32>, %s: tensor<2xi32>) -> tensor<?x?xf32> {
  %0 = tensorrt.slice %x[0, 0][%s: tensor<2xi32>][1, 1] {mode = #tensorrt.slice_mode<kWRAP>} : tensor<8x8xf32> to tensor<?x?xf32>
  %1 = tensorrt.reduce <kSUM> %0 {reduceAxes = array<i64: 0>, keepDimensions = true} : tensor<?x?xf32> -> tensor<1x?xf32>
  %2 = tensorrt.broadcast %1 broadcast_dims<0, 1> shape(%s : tensor<2xi32>) : tensor<1x?xf32> to tensor<?x?xf32>
  return %2 : tensor<?x?xf32>
}
// GENERIC: "tensorrt.slice"(%{{.+}}, %{{.+}}) <{mode = #tensorrt.slice_mode<kWRAP>, operandSegmentSizes = array<i32: 1, 0, 0, 1, 0>, static_start = array<i32: 0, 0>, static_stride = array<i32: 1, 1>}>
// GENERIC: "tensorrt.reduce"(%{{.+}}) <{keepDimensions = true, reduceAxes = array<i64: 0>, reduceOperation = #tensorrt.reduce_operation<kSUM>}>
// GENERIC: "tensorrt.broadcast"(%{{.+}}, %{{.+}}) <{broadcast_dims = array<i64: 0, 1>}>

// CHECK-LABEL: func.func @generic
//  CHECK-NEXT:   tensorrt.slice %{{.+}}[0, 0][%{{.+}}: tensor<2xi32>][1, 1] {mode = #tensorrt.slice_mode<kWRAP>} : tensor<8x8xf32> to tensor<?x?xf32>
//  CHECK-NEXT:   tensorrt.reduce <kSUM> %{{.+}} {keepDimensions = true, reduceAxes = array<i64: 0>} : tensor<?x?xf32> -> tensor<1x?xf32>
//  CHECK-NEXT:   tensorrt.broadcast %{{.+}} broadcast_dims<0, 1> shape(%{{.+}} : tensor<2xi32>) : tensor<1x?xf32> to tensor<?x?xf32>
