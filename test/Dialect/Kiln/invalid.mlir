// RUN: kiln-opt %s -split-input-file -verify-diagnostics -allow-unregistered-dialect

// Invalid `kiln` ops and attributes.

// -----

func.func @empty_kernel(%a: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @below {{'kiln.step' op expected a non-empty kernel name}}
  %0 = kiln.step ""(%a) : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @f32_attr(%a: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @below {{'kiln.step' op expected kernel attribute 'alpha' to be an i64, f64, string, array<i64> or array<f64>, got 5.000000e-01 : f32}}
  %0 = kiln.step "activation"(%a) {alpha = 0.5 : f32} : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @i32_attr(%a: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @below {{'kiln.step' op expected kernel attribute 'axis' to be an i64, f64, string, array<i64> or array<f64>, got 1 : i32}}
  %0 = kiln.step "softmax"(%a) {axis = 1 : i32} : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @arena_count(%a: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @below {{'kiln.step' op expected 1 arena offsets (one per result), got 2}}
  %0 = kiln.step "copy"(%a) arena [0, 64] : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @arena_negative(%a: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @below {{'kiln.step' op expected non-negative arena offsets, got -64}}
  %0 = kiln.step "copy"(%a) arena [-64] : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @empty_backend(%a: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @below {{'kiln.step' op expected a non-empty backend name}}
  %0 = kiln.step "copy"(%a) backend "" : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @region_terminator(%c: tensor<i1>) {
  // expected-error @below {{'kiln.step' op expected region 0 to end in 'kiln.yield'}}
  kiln.step "if"(%c) : (tensor<i1>) -> () {
    "test.end"() : () -> ()
  }
  return
}

// -----

func.func @region_args_count(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @below {{'kiln.step' op expected 1 arena offsets for the arguments of region 0, got 0}}
  %0 = kiln.step "while"(%x) region_args [array<i64>] : (tensor<4xf32>) -> tensor<4xf32> {
  ^bb0(%v: tensor<4xf32>):
    kiln.yield %v : tensor<4xf32>
  }
  return %0 : tensor<4xf32>
}

// -----

func.func @region_args_regions(%c: tensor<i1>) {
  // expected-error @below {{'kiln.step' op expected 1 region_args offset lists (one per region), got 2}}
  kiln.step "if"(%c) region_args [array<i64>, array<i64>] : (tensor<i1>) -> () {
    kiln.yield
  }
  return
}

// -----

func.func @constant_offset() -> tensor<f32> {
  // expected-error @below {{'kiln.constant' op expected a non-negative offset, got -1}}
  %0 = kiln.constant dense<1.0> : tensor<f32> at -1
  return %0 : tensor<f32>
}

// -----

// expected-error @below {{'func.func' op expected 'kiln.arena_size' to be a non-negative i64, got -1 : i64}}
func.func @arena_size() attributes {kiln.arena_size = -1 : i64} {
  return
}

// -----

// expected-error @below {{'func.func' op unknown attribute 'kiln.mystery' of the kiln dialect}}
func.func @unknown_attr() attributes {kiln.mystery = 1 : i64} {
  return
}

// -----

// expected-error @below {{'func.func' op expected 'kiln.name' of argument 0 to be a string, got 3 : i64}}
func.func @name(%x: tensor<f32> {kiln.name = 3 : i64}) {
  return
}

// -----

// expected-error @below {{'func.func' op expected the shape profile of argument 0 to keep static dimension 1 at 8, got min 4 and max 4}}
func.func @profile_static(%x: tensor<?x8xf32> {kiln.shape_profile = #kiln.shape_profile<min = [1, 4], opt = [2, 4], max = [4, 4]>}) {
  return
}

// -----

// expected-error @below {{'func.func' op expected the shape profile of argument 0 to have one entry per dimension of its type 'tensor<?x8xf32>', got 1}}
func.func @profile_rank(%x: tensor<?x8xf32> {kiln.shape_profile = #kiln.shape_profile<min = [1], opt = [2], max = [4]>}) {
  return
}

// -----

// expected-error @below {{expected 0 <= min <= opt <= max in dimension 0, got 4, 2 and 8}}
func.func @profile_order(%x: tensor<?xf32> {kiln.shape_profile = #kiln.shape_profile<min = [4], opt = [2], max = [8]>}) {
  return
}
