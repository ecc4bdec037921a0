// RUN: kiln-opt %s -split-input-file -verify-diagnostics

// Invalid #tensorrt.shape_profile attributes.

// -----

// expected-error @below {{expected min <= opt <= max in dimension 0, got 4, 2, 8}}
func.func private @opt_below_min() attributes {p = #tensorrt.shape_profile<min = [4], opt = [2], max = [8]>}

// -----

// expected-error @below {{expected min, opt and max of equal rank, got 2, 1 and 2}}
func.func private @ranks_differ() attributes {p = #tensorrt.shape_profile<min = [1, 1], opt = [2], max = [4, 4]>}

// -----

// expected-error @below {{expected non-negative bounds, got min[1] = -1}}
func.func private @negative() attributes {p = #tensorrt.shape_profile<min = [1, -1], opt = [2, 2], max = [4, 4]>}

// -----

// expected-error @below {{expected 'opt'}}
func.func private @missing_opt() attributes {p = #tensorrt.shape_profile<min = [1], max = [4]>}
