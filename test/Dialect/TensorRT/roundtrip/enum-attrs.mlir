// RUN: kiln-opt %s -split-input-file | kiln-opt -split-input-file | FileCheck %s

// Every case of every enum attribute prints back as written.

// -----

func.func private @activation_type() attributes {v00 = #tensorrt.activation_type<kRELU>, v01 = #tensorrt.activation_type<kSIGMOID>, v02 = #tensorrt.activation_type<kTANH>, v03 = #tensorrt.activation_type<kLEAKY_RELU>, v04 = #tensorrt.activation_type<kELU>, v05 = #tensorrt.activation_type<kSELU>, v06 = #tensorrt.activation_type<kSOFTSIGN>, v07 = #tensorrt.activation_type<kSOFTPLUS>, v08 = #tensorrt.activation_type<kCLIP>, v09 = #tensorrt.activation_type<kHARD_SIGMOID>, v10 = #tensorrt.activation_type<kSCALED_TANH>, v11 = #tensorrt.activation_type<kTHRESHOLDED_RELU>, v12 = #tensorrt.activation_type<kGELU_ERF>, v13 = #tensorrt.activation_type<kGELU_TANH>}
// CHECK-LABEL: func.func private @activation_type()
//  CHECK-SAME:   v00 = #tensorrt.activation_type<kRELU>
//  CHECK-SAME:   v01 = #tensorrt.activation_type<kSIGMOID>
//  CHECK-SAME:   v02 = #tensorrt.activation_type<kTANH>
//  CHECK-SAME:   v03 = #tensorrt.activation_type<kLEAKY_RELU>
//  CHECK-SAME:   v04 = #tensorrt.activation_type<kELU>
//  CHECK-SAME:   v05 = #tensorrt.activation_type<kSELU>
//  CHECK-SAME:   v06 = #tensorrt.activation_type<kSOFTSIGN>
//  CHECK-SAME:   v07 = #tensorrt.activation_type<kSOFTPLUS>
//  CHECK-SAME:   v08 = #tensorrt.activation_type<kCLIP>
//  CHECK-SAME:   v09 = #tensorrt.activation_type<kHARD_SIGMOID>
//  CHECK-SAME:   v10 = #tensorrt.activation_type<kSCALED_TANH>
//  CHECK-SAME:   v11 = #tensorrt.activation_type<kTHRESHOLDED_RELU>
//  CHECK-SAME:   v12 = #tensorrt.activation_type<kGELU_ERF>
//  CHECK-SAME:   v13 = #tensorrt.activation_type<kGELU_TANH>

// -----

func.func private @padding_mode() attributes {v00 = #tensorrt.padding_mode<kEXPLICIT_ROUND_DOWN>, v01 = #tensorrt.padding_mode<kEXPLICIT_ROUND_UP>, v02 = #tensorrt.padding_mode<kSAME_UPPER>, v03 = #tensorrt.padding_mode<kSAME_LOWER>}
// CHECK-LABEL: func.func private @padding_mode()
//  CHECK-SAME:   v00 = #tensorrt.padding_mode<kEXPLICIT_ROUND_DOWN>
//  CHECK-SAME:   v01 = #tensorrt.padding_mode<kEXPLICIT_ROUND_UP>
//  CHECK-SAME:   v02 = #tensorrt.padding_mode<kSAME_UPPER>
//  CHECK-SAME:   v03 = #tensorrt.padding_mode<kSAME_LOWER>

// -----

func.func private @pooling_type() attributes {v00 = #tensorrt.pooling_type<kMAX>, v01 = #tensorrt.pooling_type<kAVERAGE>, v02 = #tensorrt.pooling_type<kMAX_AVERAGE_BLEND>}
// CHECK-LABEL: func.func private @pooling_type()
//  CHECK-SAME:   v00 = #tensorrt.pooling_type<kMAX>
//  CHECK-SAME:   v01 = #tensorrt.pooling_type<kAVERAGE>
//  CHECK-SAME:   v02 = #tensorrt.pooling_type<kMAX_AVERAGE_BLEND>

// -----

func.func private @element_wise_operation() attributes {v00 = #tensorrt.element_wise_operation<kSUM>, v01 = #tensorrt.element_wise_operation<kPROD>, v02 = #tensorrt.element_wise_operation<kMAX>, v03 = #tensorrt.element_wise_operation<kMIN>, v04 = #tensorrt.element_wise_operation<kSUB>, v05 = #tensorrt.element_wise_operation<kDIV>, v06 = #tensorrt.element_wise_operation<kPOW>, v07 = #tensorrt.element_wise_operation<kFLOOR_DIV>, v08 = #tensorrt.element_wise_operation<kAND>, v09 = #tensorrt.element_wise_operation<kOR>, v10 = #tensorrt.element_wise_operation<kXOR>, v11 = #tensorrt.element_wise_operation<kEQUAL>, v12 = #tensorrt.element_wise_operation<kGREATER>, v13 = #tensorrt.element_wise_operation<kLESS>}
// CHECK-LABEL: func.func private @element_wise_operation()
//  CHECK-SAME:   v00 = #tensorrt.element_wise_operation<kSUM>
//  CHECK-SAME:   v01 = #tensorrt.element_wise_operation<kPROD>
//  CHECK-SAME:   v02 = #tensorrt.element_wise_operation<kMAX>
//  CHECK-SAME:   v03 = #tensorrt.element_wise_operation<kMIN>
//  CHECK-SAME:   v04 = #tensorrt.element_wise_operation<kSUB>
//  CHECK-SAME:   v05 = #tensorrt.element_wise_operation<kDIV>
//  CHECK-SAME:   v06 = #tensorrt.element_wise_operation<kPOW>
//  CHECK-SAME:   v07 = #tensorrt.element_wise_operation<kFLOOR_DIV>
//  CHECK-SAME:   v08 = #tensorrt.element_wise_operation<kAND>
//  CHECK-SAME:   v09 = #tensorrt.element_wise_operation<kOR>
//  CHECK-SAME:   v10 = #tensorrt.element_wise_operation<kXOR>
//  CHECK-SAME:   v11 = #tensorrt.element_wise_operation<kEQUAL>
//  CHECK-SAME:   v12 = #tensorrt.element_wise_operation<kGREATER>
//  CHECK-SAME:   v13 = #tensorrt.element_wise_operation<kLESS>

// -----

func.func private @gather_mode() attributes {v00 = #tensorrt.gather_mode<kDEFAULT>, v01 = #tensorrt.gather_mode<kELEMENT>, v02 = #tensorrt.gather_mode<kND>}
// CHECK-LABEL: func.func private @gather_mode()
//  CHECK-SAME:   v00 = #tensorrt.gather_mode<kDEFAULT>
//  CHECK-SAME:   v01 = #tensorrt.gather_mode<kELEMENT>
//  CHECK-SAME:   v02 = #tensorrt.gather_mode<kND>

// -----

func.func private @unary_operation() attributes {v00 = #tensorrt.unary_operation<kEXP>, v01 = #tensorrt.unary_operation<kLOG>, v02 = #tensorrt.unary_operation<kSQRT>, v03 = #tensorrt.unary_operation<kRECIP>, v04 = #tensorrt.unary_operation<kABS>, v05 = #tensorrt.unary_operation<kNEG>, v06 = #tensorrt.unary_operation<kSIN>, v07 = #tensorrt.unary_operation<kCOS>, v08 = #tensorrt.unary_operation<kTAN>, v09 = #tensorrt.unary_operation<kSINH>, v10 = #tensorrt.unary_operation<kCOSH>, v11 = #tensorrt.unary_operation<kASIN>, v12 = #tensorrt.unary_operation<kACOS>, v13 = #tensorrt.unary_operation<kATAN>, v14 = #tensorrt.unary_operation<kASINH>, v15 = #tensorrt.unary_operation<kACOSH>, v16 = #tensorrt.unary_operation<kATANH>, v17 = #tensorrt.unary_operation<kCEIL>, v18 = #tensorrt.unary_operation<kFLOOR>, v19 = #tensorrt.unary_operation<kERF>, v20 = #tensorrt.unary_operation<kNOT>, v21 = #tensorrt.unary_operation<kSIGN>, v22 = #tensorrt.unary_operation<kROUND>}
// CHECK-LABEL: func.func private @unary_operation()
//  CHECK-SAME:   v00 = #tensorrt.unary_operation<kEXP>
//  CHECK-SAME:   v01 = #tensorrt.unary_operation<kLOG>
//  CHECK-SAME:   v02 = #tensorrt.unary_operation<kSQRT>
//  CHECK-SAME:   v03 = #tensorrt.unary_operation<kRECIP>
//  CHECK-SAME:   v04 = #tensorrt.unary_operation<kABS>
//  CHECK-SAME:   v05 = #tensorrt.unary_operation<kNEG>
//  CHECK-SAME:   v06 = #tensorrt.unary_operation<kSIN>
//  CHECK-SAME:   v07 = #tensorrt.unary_operation<kCOS>
//  CHECK-SAME:   v08 = #tensorrt.unary_operation<kTAN>
//  CHECK-SAME:   v09 = #tensorrt.unary_operation<kSINH>
//  CHECK-SAME:   v10 = #tensorrt.unary_operation<kCOSH>
//  CHECK-SAME:   v11 = #tensorrt.unary_operation<kASIN>
//  CHECK-SAME:   v12 = #tensorrt.unary_operation<kACOS>
//  CHECK-SAME:   v13 = #tensorrt.unary_operation<kATAN>
//  CHECK-SAME:   v14 = #tensorrt.unary_operation<kASINH>
//  CHECK-SAME:   v15 = #tensorrt.unary_operation<kACOSH>
//  CHECK-SAME:   v16 = #tensorrt.unary_operation<kATANH>
//  CHECK-SAME:   v17 = #tensorrt.unary_operation<kCEIL>
//  CHECK-SAME:   v18 = #tensorrt.unary_operation<kFLOOR>
//  CHECK-SAME:   v19 = #tensorrt.unary_operation<kERF>
//  CHECK-SAME:   v20 = #tensorrt.unary_operation<kNOT>
//  CHECK-SAME:   v21 = #tensorrt.unary_operation<kSIGN>
//  CHECK-SAME:   v22 = #tensorrt.unary_operation<kROUND>

// -----

func.func private @reduce_operation() attributes {v00 = #tensorrt.reduce_operation<kSUM>, v01 = #tensorrt.reduce_operation<kPROD>, v02 = #tensorrt.reduce_operation<kMAX>, v03 = #tensorrt.reduce_operation<kMIN>, v04 = #tensorrt.reduce_operation<kAVG>}
// CHECK-LABEL: func.func private @reduce_operation()
//  CHECK-SAME:   v00 = #tensorrt.reduce_operation<kSUM>
//  CHECK-SAME:   v01 = #tensorrt.reduce_operation<kPROD>
//  CHECK-SAME:   v02 = #tensorrt.reduce_operation<kMAX>
//  CHECK-SAME:   v03 = #tensorrt.reduce_operation<kMIN>
//  CHECK-SAME:   v04 = #tensorrt.reduce_operation<kAVG>

// -----

func.func private @slice_mode() attributes {v00 = #tensorrt.slice_mode<kDEFAULT>, v01 = #tensorrt.slice_mode<kWRAP>, v02 = #tensorrt.slice_mode<kCLAMP>, v03 = #tensorrt.slice_mode<kFILL>, v04 = #tensorrt.slice_mode<kREFLECT>}
// CHECK-LABEL: func.func private @slice_mode()
//  CHECK-SAME:   v00 = #tensorrt.slice_mode<kDEFAULT>
//  CHECK-SAME:   v01 = #tensorrt.slice_mode<kWRAP>
//  CHECK-SAME:   v02 = #tensorrt.slice_mode<kCLAMP>
//  CHECK-SAME:   v03 = #tensorrt.slice_mode<kFILL>
//  CHECK-SAME:   v04 = #tensorrt.slice_mode<kREFLECT>

// -----

func.func private @top_k_operation() attributes {v00 = #tensorrt.top_k_operation<kMAX>, v01 = #tensorrt.top_k_operation<kMIN>}
// CHECK-LABEL: func.func private @top_k_operation()
//  CHECK-SAME:   v00 = #tensorrt.top_k_operation<kMAX>
//  CHECK-SAME:   v01 = #tensorrt.top_k_operation<kMIN>

// -----

func.func private @matrix_operation() attributes {v00 = #tensorrt.matrix_operation<kNONE>, v01 = #tensorrt.matrix_operation<kTRANSPOSE>, v02 = #tensorrt.matrix_operation<kVECTOR>}
// CHECK-LABEL: func.func private @matrix_operation()
//  CHECK-SAME:   v00 = #tensorrt.matrix_operation<kNONE>
//  CHECK-SAME:   v01 = #tensorrt.matrix_operation<kTRANSPOSE>
//  CHECK-SAME:   v02 = #tensorrt.matrix_operation<kVECTOR>

// -----

func.func private @resize_mode() attributes {v00 = #tensorrt.resize_mode<kNEAREST>, v01 = #tensorrt.resize_mode<kLINEAR>, v02 = #tensorrt.resize_mode<kCUBIC>}
// CHECK-LABEL: func.func private @resize_mode()
//  CHECK-SAME:   v00 = #tensorrt.resize_mode<kNEAREST>
//  CHECK-SAME:   v01 = #tensorrt.resize_mode<kLINEAR>
//  CHECK-SAME:   v02 = #tensorrt.resize_mode<kCUBIC>

// -----

func.func private @resize_selector() attributes {v00 = #tensorrt.resize_selector<kFORMULA>, v01 = #tensorrt.resize_selector<kUPPER>}
// CHECK-LABEL: func.func private @resize_selector()
//  CHECK-SAME:   v00 = #tensorrt.resize_selector<kFORMULA>
//  CHECK-SAME:   v01 = #tensorrt.resize_selector<kUPPER>

// -----

func.func private @resize_round_mode() attributes {v00 = #tensorrt.resize_round_mode<kHALF_UP>, v01 = #tensorrt.resize_round_mode<kHALF_DOWN>, v02 = #tensorrt.resize_round_mode<kFLOOR>, v03 = #tensorrt.resize_round_mode<kCEIL>}
// CHECK-LABEL: func.func private @resize_round_mode()
//  CHECK-SAME:   v00 = #tensorrt.resize_round_mode<kHALF_UP>
//  CHECK-SAME:   v01 = #tensorrt.resize_round_mode<kHALF_DOWN>
//  CHECK-SAME:   v02 = #tensorrt.resize_round_mode<kFLOOR>
//  CHECK-SAME:   v03 = #tensorrt.resize_round_mode<kCEIL>

// -----

func.func private @loop_output() attributes {v00 = #tensorrt.loop_output<kLAST_VALUE>, v01 = #tensorrt.loop_output<kCONCATENATE>, v02 = #tensorrt.loop_output<kREVERSE>}
// CHECK-LABEL: func.func private @loop_output()
//  CHECK-SAME:   v00 = #tensorrt.loop_output<kLAST_VALUE>
//  CHECK-SAME:   v01 = #tensorrt.loop_output<kCONCATENATE>
//  CHECK-SAME:   v02 = #tensorrt.loop_output<kREVERSE>

// -----

func.func private @trip_limit() attributes {v00 = #tensorrt.trip_limit<kCOUNT>, v01 = #tensorrt.trip_limit<kWHILE>}
// CHECK-LABEL: func.func private @trip_limit()
//  CHECK-SAME:   v00 = #tensorrt.trip_limit<kCOUNT>
//  CHECK-SAME:   v01 = #tensorrt.trip_limit<kWHILE>

// -----

func.func private @fill_operation() attributes {v00 = #tensorrt.fill_operation<kLINSPACE>, v01 = #tensorrt.fill_operation<kRANDOM_UNIFORM>, v02 = #tensorrt.fill_operation<kRANDOM_NORMAL>}
// CHECK-LABEL: func.func private @fill_operation()
//  CHECK-SAME:   v00 = #tensorrt.fill_operation<kLINSPACE>
//  CHECK-SAME:   v01 = #tensorrt.fill_operation<kRANDOM_UNIFORM>
//  CHECK-SAME:   v02 = #tensorrt.fill_operation<kRANDOM_NORMAL>

// -----

func.func private @scatter_mode() attributes {v00 = #tensorrt.scatter_mode<kELEMENT>, v01 = #tensorrt.scatter_mode<kND>}
// CHECK-LABEL: func.func private @scatter_mode()
//  CHECK-SAME:   v00 = #tensorrt.scatter_mode<kELEMENT>
//  CHECK-SAME:   v01 = #tensorrt.scatter_mode<kND>
