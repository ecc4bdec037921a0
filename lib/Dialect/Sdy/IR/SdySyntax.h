//===- SdySyntax.h - attribute syntax shared with the ops -------*- C++ -*-===//
//
// Part of Kiln. `sdy.manual_computation` writes its shardings and manual
// axes without the attributes' `<...>` wrapper; these read and write that
// form (defined in SdyDialect.cpp).
//
//===----------------------------------------------------------------------===//

#ifndef KILN_LIB_DIALECT_SDY_IR_SDYSYNTAX_H
#define KILN_LIB_DIALECT_SDY_IR_SDYSYNTAX_H

#include "kiln/Dialect/Sdy/IR/Sdy.h"

namespace kiln::sdy {

/// `[<@mesh, [{"x"}, {}]>, ...]`
FailureOr<TensorShardingPerValueAttr> parseShardingList(AsmParser &parser);
void printShardingList(AsmPrinter &printer, TensorShardingPerValueAttr list);

/// `{"x", "y"}`
FailureOr<ManualAxesAttr> parseManualAxes(AsmParser &parser);
void printManualAxes(AsmPrinter &printer, ManualAxesAttr axes);

} // namespace kiln::sdy

#endif // KILN_LIB_DIALECT_SDY_IR_SDYSYNTAX_H
