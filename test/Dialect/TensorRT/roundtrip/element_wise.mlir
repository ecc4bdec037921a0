// RUN: kiln-opt %s -split-input-file | kiln-opt -split-input-file | FileCheck %s

// Round trip of tensorrt.element_wise: every operation, broadcasting, unknown sizes.

// -----

func.func @ew_sum(%a: tensor<4x8xf32>, %b: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %0 = tensorrt.element_wise <kSUM>(%a, %b : tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>
  return %0 : tensor<4x8xf32>
}
// CHECK-LABEL: func.func @ew_sum
//  CHECK-NEXT:   tensorrt.element_wise <kSUM>(%{{.+}}, %{{.+}} : tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>

// -----

func.func @ew_prod(%a: tensor<4x8xf32>, %b: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %0 = tensorrt.element_wise <kPROD>(%a, %b : tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>
  return %0 : tensor<4x8xf32>
}
// CHECK-LABEL: func.func @ew_prod
//  CHECK-NEXT:   tensorrt.element_wise <kPROD>(%{{.+}}, %{{.+}} : tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>

// -----

func.func @ew_max(%a: tensor<4x8xf32>, %b: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %0 = tensorrt.element_wise <kMAX>(%a, %b : tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>
  return %0 : tensor<4x8xf32>
}
// CHECK-LABEL: func.func @ew_max
//  CHECK-NEXT:   tensorrt.element_wise <kMAX>(%{{.+}}, %{{.+}} : tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>

// -----

func.func @ew_min(%a: tensor<4x8xf32>, %b: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %0 = tensorrt.element_wise <kMIN>(%a, %b : tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>
  return %0 : tensor<4x8xf32>
}
// CHECK-LABEL: func.func @ew_min
//  CHECK-NEXT:   tensorrt.element_wise <kMIN>(%{{.+}}, %{{.+}} : tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>

// -----

func.func @ew_sub(%a: tensor<4x8xf32>, %b: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %0 = tensorrt.element_wise <kSUB>(%a, %b : tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>
  return %0 : tensor<4x8xf32>
}
// CHECK-LABEL: func.func @ew_sub
//  CHECK-NEXT:   tensorrt.element_wise <kSUB>(%{{.+}}, %{{.+}} : tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>

// -----

func.func @ew_div(%a: tensor<4x8xf32>, %b: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %0 = tensorrt.element_wise <kDIV>(%a, %b : tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>
  return %0 : tensor<4x8xf32>
}
// CHECK-LABEL: func.func @ew_div
//  CHECK-NEXT:   tensorrt.element_wise <kDIV>(%{{.+}}, %{{.+}} : tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>

// -----

func.func @ew_pow(%a: tensor<4x8xf32>, %b: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %0 = tensorrt.element_wise <kPOW>(%a, %b : tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>
  return %0 : tensor<4x8xf32>
}
// CHECK-LABEL: func.func @ew_pow
//  CHECK-NEXT:   tensorrt.element_wise <kPOW>(%{{.+}}, %{{.+}} : tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>

// -----

func.func @ew_floor_div(%a: tensor<4x8xf32>, %b: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %0 = tensorrt.element_wise <kFLOOR_DIV>(%a, %b : tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>
  return %0 : tensor<4x8xf32>
}
// CHECK-LABEL: func.func @ew_floor_div
//  CHECK-NEXT:   tensorrt.element_wise <kFLOOR_DIV>(%{{.+}}, %{{.+}} : tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>

// -----

func.func @ew_and(%a: tensor<16xi1>, %b: tensor<16xi1>) -> tensor<16xi1> {
  %0 = tensorrt.element_wise <kAND>(%a, %b : tensor<16xi1>, tensor<16xi1>) -> tensor<16xi1>
  return %0 : tensor<16xi1>
}
// CHECK-LABEL: func.func @ew_and
//  CHECK-NEXT:   tensorrt.element_wise <kAND>(%{{.+}}, %{{.+}} : tensor<16xi1>, tensor<16xi1>) -> tensor<16xi1>

// -----

func.func @ew_or(%a: tensor<16xi1>, %b: tensor<16xi1>) -> tensor<16xi1> {
  %0 = tensorrt.element_wise <kOR>(%a, %b : tensor<16xi1>, tensor<16xi1>) -> tensor<16xi1>
  return %0 : tensor<16xi1>
}
// CHECK-LABEL: func.func @ew_or
//  CHECK-NEXT:   tensorrt.element_wise <kOR>(%{{.+}}, %{{.+}} : tensor<16xi1>, tensor<16xi1>) -> tensor<16xi1>

// -----

func.func @ew_xor(%a: tensor<16xi1>, %b: tensor<16xi1>) -> tensor<16xi1> {
  %0 = tensorrt.element_wise <kXOR>(%a, %b : tensor<16xi1>, tensor<16xi1>) -> tensor<16xi1>
  return %0 : tensor<16xi1>
}
// CHECK-LABEL: func.func @ew_xor
//  CHECK-NEXT:   tensorrt.element_wise <kXOR>(%{{.+}}, %{{.+}} : tensor<16xi1>, tensor<16xi1>) -> tensor<16xi1>

// -----

func.func @ew_equal(%a: tensor<?x3xi32>, %b: tensor<1x3xi32>) -> tensor<?x3xi1> {
  %0 = tensorrt.element_wise <kEQUAL>(%a, %b : tensor<?x3xi32>, tensor<1x3xi32>) -> tensor<?x3xi1>
  return %0 : tensor<?x3xi1>
}
// CHECK-LABEL: func.func @ew_equal
//  CHECK-NEXT:   tensorrt.element_wise <kEQUAL>(%{{.+}}, %{{.+}} : tensor<?x3xi32>, tensor<1x3xi32>) -> tensor<?x3xi1>

// -----

func.func @ew_greater(%a: tensor<?x3xi32>, %b: tensor<1x3xi32>) -> tensor<?x3xi1> {
  %0 = tensorrt.element_wise <kGREATER>(%a, %b : tensor<?x3xi32>, tensor<1x3xi32>) -> tensor<?x3xi1>
  return %0 : tensor<?x3xi1>
}
// CHECK-LABEL: func.func @ew_greater
//  CHECK-NEXT:   tensorrt.element_wise <kGREATER>(%{{.+}}, %{{.+}} : tensor<?x3xi32>, tensor<1x3xi32>) -> tensor<?x3xi1>

// -----

func.func @ew_less(%a: tensor<?x3xi32>, %b: tensor<1x3xi32>) -> tensor<?x3xi1> {
  %0 = tensorrt.element_wise <kLESS>(%a, %b : tensor<?x3xi32>, tensor<1x3xi32>) -> tensor<?x3xi1>
  return %0 : tensor<?x3xi1>
}
// CHECK-LABEL: func.func @ew_less
//  CHECK-NEXT:   tensorrt.element_wise <kLESS>(%{{.+}}, %{{.+}} : tensor<?x3xi32>, tensor<1x3xi32>) -> tensor<?x3xi1>

// -----

// Unit dimensions on either side broadcast.
func.func @ew_broadcast(%a: tensor<4x1xf16>, %b: tensor<1x8xf16>) -> tensor<4x8xf16> {
  %0 = tensorrt.element_wise <kSUM>(%a, %b : tensor<4x1xf16>, tensor<1x8xf16>) -> tensor<4x8xf16>
  return %0 : tensor<4x8xf16>
}
// CHECK-LABEL: func.func @ew_broadcast
//  CHECK-NEXT:   tensorrt.element_wise <kSUM>(%{{.+}}, %{{.+}} : tensor<4x1xf16>, tensor<1x8xf16>) -> tensor<4x8xf16>

// -----

// Unknown sizes are accepted; the engine checks them once shapes are bound.
func.func @ew_dynamic(%a: tensor<?x?xbf16>, %b: tensor<?x?xbf16>) -> tensor<?x?xbf16> {
  %0 = tensorrt.element_wise <kMAX>(%a, %b : tensor<?x?xbf16>, tensor<?x?xbf16>) -> tensor<?x?xbf16>
  return %0 : tensor<?x?xbf16>
}
// CHECK-LABEL: func.func @ew_dynamic
//  CHECK-NEXT:   tensorrt.element_wise <kMAX>(%{{.+}}, %{{.+}} : tensor<?x?xbf16>, tensor<?x?xbf16>) -> tensor<?x?xbf16>

// -----

// The written result may be less precise than the inferred one.
func.func @ew_less_precise_result(%a: tensor<10xi64>, %b: tensor<1xi64>) -> tensor<?xi64> {
  %0 = tensorrt.element_wise <kSUB>(%a, %b : tensor<10xi64>, tensor<1xi64>) -> tensor<?xi64>
  return %0 : tensor<?xi64>
}
// CHECK-LABEL: func.func @ew_less_precise_result
//  CHECK-NEXT:   tensorrt.element_wise <kSUB>(%{{.+}}, %{{.+}} : tensor<10xi64>, tensor<1xi64>) -> tensor<?xi64>

// -----

// ... or more precise.
func.func @ew_more_precise_result(%a: tensor<?x5xf32>, %b: tensor<?x5xf32>) -> tensor<3x5xf32> {
  %0 = tensorrt.element_wise <kDIV>(%a, %b : tensor<?x5xf32>, tensor<?x5xf32>) -> tensor<3x5xf32>
  return %0 : tensor<3x5xf32>
}
// CHECK-LABEL: func.func @ew_more_precise_result
//  CHECK-NEXT:   tensorrt.element_wise <kDIV>(%{{.+}}, %{{.+}} : tensor<?x5xf32>, tensor<?x5xf32>) -> tensor<3x5xf32>

// -----

func.func @ew_scalar(%a: tensor<i8>, %b: tensor<i8>) -> tensor<i8> {
  %0 = tensorrt.element_wise <kPROD>(%a, %b : tensor<i8>, tensor<i8>) -> tensor<i8>
  return %0 : tensor<i8>
}
// CHECK-LABEL: func.func @ew_scalar
//  CHECK-NEXT:   tensorrt.element_wise <kPROD>(%{{.+}}, %{{.+}} : tensor<i8>, tensor<i8>) -> tensor<i8>
