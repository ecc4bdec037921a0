// RUN: kiln-opt %s -convert-stablehlo-to-tensorrt -split-input-file | FileCheck %s

// `dense_resource` constants become `tensorrt.constant`s holding the blob's
// values. A blob is a 4-byte alignment, then the elements in little-endian
// order; `i1` takes one byte per element.

// CHECK-LABEL: func.func @floats
//       CHECK:   tensorrt.constant dense<{{\[}}[-1.250000e+00, -1.000000e+00], [5.000000e-01, 3.000000e+00]]> : tensor<2x2xf32>
//       CHECK:   tensorrt.constant dense<[5.000000e-01, -1.500000e+00, 2.250000e+00]> : tensor<3xf16>
//       CHECK:   tensorrt.constant dense<[1.000000e+00, -2.000000e+00]> : tensor<2xbf16>
//       CHECK:   tensorrt.constant dense<5.000000e-01> : tensor<f32>
//   CHECK-NOT:   dense_resource
func.func @floats() -> (tensor<2x2xf32>, tensor<3xf16>, tensor<2xbf16>, tensor<f32>) {
  %0 = stablehlo.constant dense_resource<matrix> : tensor<2x2xf32>
  %1 = stablehlo.constant dense_resource<halves> : tensor<3xf16>
  %2 = stablehlo.constant dense_resource<brains> : tensor<2xbf16>
  %3 = stablehlo.constant dense_resource<scalar> : tensor<f32>
  return %0, %1, %2, %3 : tensor<2x2xf32>, tensor<3xf16>, tensor<2xbf16>, tensor<f32>
}

{-#
  dialect_resources: {
    builtin: {
      matrix: "0x040000000000A0BF000080BF0000003F00004040",
      halves: "0x02000000003800BE8040",
      brains: "0x02000000803F00C0",
      scalar: "0x040000000000003F"
    }
  }
#-}

// -----

// CHECK-LABEL: func.func @integers
//       CHECK:   tensorrt.constant dense<[-2, -1, 0, 70000]> : tensor<4xi32>
//       CHECK:   tensorrt.constant dense<[true, false, true, true, false]> : tensor<5xi1>
//       CHECK:   tensorrt.constant dense<[-5, 7]> : tensor<2xi8>
//       CHECK:   tensorrt.constant dense<[4294967296, -1]> : tensor<2xi64>
func.func @integers() -> (tensor<4xi32>, tensor<5xi1>, tensor<2xi8>, tensor<2xi64>) {
  %0 = stablehlo.constant dense_resource<steps> : tensor<4xi32>
  %1 = stablehlo.constant dense_resource<mask> : tensor<5xi1>
  %2 = stablehlo.constant dense_resource<bytes> : tensor<2xi8>
  %3 = stablehlo.constant dense_resource<wide> : tensor<2xi64>
  return %0, %1, %2, %3 : tensor<4xi32>, tensor<5xi1>, tensor<2xi8>, tensor<2xi64>
}

{-#
  dialect_resources: {
    builtin: {
      steps: "0x04000000FEFFFFFFFFFFFFFF0000000070110100",
      mask: "0x010000000100010100",
      bytes: "0x01000000FB07",
      wide: "0x080000000000000001000000FFFFFFFFFFFFFFFF"
    }
  }
#-}

// -----

// One blob may back several constants, also in a private function, which
// is inlined first (the two equal constants are then one).
// CHECK-LABEL: func.func public @main
//       CHECK:   %[[C:.*]] = tensorrt.constant dense<[1.000000e+00, 2.000000e+00]> : tensor<2xf32>
//       CHECK:   tensorrt.element_wise <kSUM>(%{{.*}}, %[[C]] :
//       CHECK:   tensorrt.element_wise <kPROD>(%{{.*}}, %[[C]] :
//   CHECK-NOT:   func.func private
module {
  func.func public @main(%x: tensor<2xf32>) -> tensor<2xf32> {
    %0 = stablehlo.constant dense_resource<shared> : tensor<2xf32>
    %1 = stablehlo.add %x, %0 : tensor<2xf32>
    %2 = call @scale(%1) : (tensor<2xf32>) -> tensor<2xf32>
    return %2 : tensor<2xf32>
  }
  func.func private @scale(%x: tensor<2xf32>) -> tensor<2xf32> {
    %0 = stablehlo.constant dense_resource<shared> : tensor<2xf32>
    %1 = stablehlo.multiply %x, %0 : tensor<2xf32>
    return %1 : tensor<2xf32>
  }
}

{-#
  dialect_resources: {
    builtin: {
      shared: "0x040000000000803F00000040"
    }
  }
#-}
