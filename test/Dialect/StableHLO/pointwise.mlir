// RUN: kiln-opt %s | FileCheck %s
// RUN: kiln-opt %s | kiln-opt | FileCheck %s
// RUN: kiln-opt %s -mlir-print-op-generic | kiln-opt | FileCheck %s

// Pointwise ops print one type when operands and result agree, else a
// function type, as JAX does.

// CHECK-LABEL: func.func @unary
func.func @unary(%x: tensor<4xf32>) -> tensor<4xf32> {
  // CHECK: stablehlo.exponential %{{.*}} : tensor<4xf32>
  %0 = stablehlo.exponential %x : tensor<4xf32>
  // CHECK: stablehlo.rsqrt %{{.*}} : tensor<4xf32>
  %1 = stablehlo.rsqrt %0 : tensor<4xf32>
  // CHECK: stablehlo.log_plus_one %{{.*}} : tensor<4xf32>
  %2 = stablehlo.log_plus_one %1 : tensor<4xf32>
  // CHECK: stablehlo.round_nearest_even %{{.*}} : tensor<4xf32>
  %3 = stablehlo.round_nearest_even %2 : tensor<4xf32>
  // CHECK: stablehlo.logistic %{{.*}} : tensor<4xf32>
  %4 = stablehlo.logistic %3 : tensor<4xf32>
  return %4 : tensor<4xf32>
}

// CHECK-LABEL: func.func @unary_result_type
func.func @unary_result_type(%x: tensor<2x3xf32>) -> (tensor<2x3xi32>, tensor<2x3xi1>, tensor<2x3xf32>) {
  // CHECK: stablehlo.convert %{{.*}} : (tensor<2x3xf32>) -> tensor<2x3xi32>
  %0 = stablehlo.convert %x : (tensor<2x3xf32>) -> tensor<2x3xi32>
  // CHECK: stablehlo.is_finite %{{.*}} : (tensor<2x3xf32>) -> tensor<2x3xi1>
  %1 = stablehlo.is_finite %x : (tensor<2x3xf32>) -> tensor<2x3xi1>
  // A convert to the same type prints the short form.
  // CHECK: stablehlo.convert %{{.*}} : tensor<2x3xf32>
  %2 = stablehlo.convert %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0, %1, %2 : tensor<2x3xi32>, tensor<2x3xi1>, tensor<2x3xf32>
}

// CHECK-LABEL: func.func @binary
func.func @binary(%a: tensor<2x2xf32>, %b: tensor<2x2xf32>, %p: tensor<2x2xi1>) -> (tensor<2x2xf32>, tensor<2x2xi1>) {
  // CHECK: stablehlo.add %{{.*}}, %{{.*}} : tensor<2x2xf32>
  %0 = stablehlo.add %a, %b : tensor<2x2xf32>
  // CHECK: stablehlo.divide %{{.*}}, %{{.*}} : tensor<2x2xf32>
  %1 = stablehlo.divide %0, %b : tensor<2x2xf32>
  // CHECK: stablehlo.remainder %{{.*}}, %{{.*}} : tensor<2x2xf32>
  %2 = stablehlo.remainder %1, %a : tensor<2x2xf32>
  // CHECK: stablehlo.power %{{.*}}, %{{.*}} : tensor<2x2xf32>
  %3 = stablehlo.power %2, %a : tensor<2x2xf32>
  // CHECK: stablehlo.xor %{{.*}}, %{{.*}} : tensor<2x2xi1>
  %4 = stablehlo.xor %p, %p : tensor<2x2xi1>
  return %3, %4 : tensor<2x2xf32>, tensor<2x2xi1>
}

// CHECK-LABEL: func.func @compare_select_clamp
func.func @compare_select_clamp(%a: tensor<4xf32>, %b: tensor<4xf32>, %lo: tensor<f32>) -> (tensor<4xf32>, tensor<4xf32>) {
  // CHECK: stablehlo.compare GT, %{{.*}}, %{{.*}}, FLOAT : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
  %0 = stablehlo.compare  GT, %a, %b,  FLOAT : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
  // The comparison type is optional.
  // CHECK: stablehlo.compare EQ, %{{.*}}, %{{.*}} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
  %1 = stablehlo.compare EQ, %a, %b : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
  // CHECK: stablehlo.select %{{.*}}, %{{.*}}, %{{.*}} : tensor<4xi1>, tensor<4xf32>
  %2 = stablehlo.select %0, %a, %b : tensor<4xi1>, tensor<4xf32>
  // CHECK: stablehlo.clamp %{{.*}}, %{{.*}}, %{{.*}} : (tensor<f32>, tensor<4xf32>, tensor<f32>) -> tensor<4xf32>
  %3 = stablehlo.clamp %lo, %2, %lo : (tensor<f32>, tensor<4xf32>, tensor<f32>) -> tensor<4xf32>
  // CHECK: stablehlo.clamp %{{.*}}, %{{.*}}, %{{.*}} : tensor<4xf32>
  %4 = stablehlo.clamp %a, %3, %b : tensor<4xf32>
  return %3, %4 : tensor<4xf32>, tensor<4xf32>
}

// CHECK-LABEL: func.func @scalar_predicate
func.func @scalar_predicate(%p: tensor<i1>, %a: tensor<3xf32>, %b: tensor<3xf32>) -> tensor<3xf32> {
  // CHECK: stablehlo.select %{{.*}}, %{{.*}}, %{{.*}} : tensor<i1>, tensor<3xf32>
  %0 = stablehlo.select %p, %a, %b : tensor<i1>, tensor<3xf32>
  return %0 : tensor<3xf32>
}
