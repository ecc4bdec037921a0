//===- SdyOps.cpp - `sdy` ops ---------------------------------------------===//
//
// Part of Kiln. The syntax and verifier of `sdy.manual_computation`; the
// other ops are declared entirely in SdyOps.td.
//
//===----------------------------------------------------------------------===//

#include "SdySyntax.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/OpImplementation.h"

using namespace mlir;
using namespace kiln::sdy;

//===----------------------------------------------------------------------===//
// sdy.manual_computation
//
//   sdy.manual_computation(%x) in_shardings=[...] out_shardings=[...]
//       manual_axes={"x"} (%local: tensor<4x4xf32>) { ... }
//       : (tensor<8x4xf32>) -> tensor<8x4xf32>
//===----------------------------------------------------------------------===//

ParseResult ManualComputationOp::parse(OpAsmParser &parser,
                                       OperationState &result) {
  SmallVector<OpAsmParser::UnresolvedOperand> operands;
  SmallVector<OpAsmParser::Argument> arguments;
  FailureOr<TensorShardingPerValueAttr> inShardings, outShardings;
  FailureOr<ManualAxesAttr> manualAxes;
  FunctionType type;
  SMLoc operandsLoc = parser.getCurrentLocation();
  if (parser.parseOperandList(operands, OpAsmParser::Delimiter::Paren) ||
      parser.parseKeyword("in_shardings") || parser.parseEqual() ||
      failed(inShardings = parseShardingList(parser)) ||
      parser.parseKeyword("out_shardings") || parser.parseEqual() ||
      failed(outShardings = parseShardingList(parser)) ||
      parser.parseKeyword("manual_axes") || parser.parseEqual() ||
      failed(manualAxes = parseManualAxes(parser)) ||
      parser.parseArgumentList(arguments, OpAsmParser::Delimiter::Paren,
                               /*allowType=*/true))
    return failure();
  Region *body = result.addRegion();
  if (parser.parseRegion(*body, arguments) ||
      parser.parseOptionalAttrDict(result.attributes) ||
      parser.parseColonType(type) ||
      parser.resolveOperands(operands, type.getInputs(), operandsLoc,
                             result.operands))
    return failure();
  result.addAttribute(getInShardingsAttrName(result.name), *inShardings);
  result.addAttribute(getOutShardingsAttrName(result.name), *outShardings);
  result.addAttribute(getManualAxesAttrName(result.name), *manualAxes);
  result.addTypes(type.getResults());
  return success();
}

void ManualComputationOp::print(OpAsmPrinter &printer) {
  printer << "(" << getTensors() << ") in_shardings=";
  printShardingList(printer, getInShardings());
  printer << " out_shardings=";
  printShardingList(printer, getOutShardings());
  printer << " manual_axes=";
  printManualAxes(printer, getManualAxes());
  printer << " (";
  llvm::interleaveComma(getBody().getArguments(), printer,
                        [&](BlockArgument arg) {
                          printer.printRegionArgument(arg);
                        });
  printer << ") ";
  printer.printRegion(getBody(), /*printEntryBlockArgs=*/false);
  printer.printOptionalAttrDict(
      (*this)->getAttrs(), {getInShardingsAttrName(), getOutShardingsAttrName(),
                            getManualAxesAttrName()});
  printer << " : ";
  printer.printFunctionalType(getTensors().getTypes(), getResultTypes());
}

LogicalResult ManualComputationOp::verify() {
  size_t numIn = getInShardings().getShardings().size();
  size_t numOut = getOutShardings().getShardings().size();
  if (numIn != getTensors().size())
    return emitOpError() << "expected " << getTensors().size()
                         << " in_shardings (one per operand), got " << numIn;
  if (numOut != getNumResults())
    return emitOpError() << "expected " << getNumResults()
                         << " out_shardings (one per result), got " << numOut;
  Block &block = getBody().front();
  if (block.getNumArguments() != getTensors().size())
    return emitOpError() << "expected " << getTensors().size()
                         << " body arguments (one per operand), got "
                         << block.getNumArguments();
  auto ret = block.empty() ? ReturnOp() : dyn_cast<ReturnOp>(block.back());
  if (!ret)
    return emitOpError() << "expected the body to end in 'sdy.return'";
  if (ret.getResults().size() != getNumResults())
    return emitOpError() << "expected the body to return " << getNumResults()
                         << " values (one per result), got "
                         << ret.getResults().size();
  return success();
}

bool ManualComputationOp::hasGlobalShapesInBody() {
  Block &block = getBody().front();
  return llvm::equal(getTensors().getTypes(), block.getArgumentTypes()) &&
         llvm::equal(getResultTypes(),
                     block.getTerminator()->getOperandTypes());
}

#define GET_OP_CLASSES
#include "kiln/Dialect/Sdy/IR/SdyOps.cpp.inc"
