"""Writes the small ONNX models the lit tests read: make_model.py KIND OUT.onnx.

Built with onnx.helper (test-only dependency); the models are tiny so each
test states exactly what it feeds the importer.
"""

import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper


def model(nodes, inputs, outputs, inits=(), opset=17, extra_opsets=()):
    graph = helper.make_graph(nodes, "g", inputs, outputs, initializer=list(inits))
    opsets = [helper.make_opsetid("", opset)] + [helper.make_opsetid(d, v) for d, v in extra_opsets]
    m = helper.make_model(graph, opset_imports=opsets)
    m.ir_version = 8
    return m


def f32(name, shape):
    return helper.make_tensor_value_info(name, TensorProto.FLOAT, shape)


def conv_relu():
    w = numpy_helper.from_array(np.arange(2 * 3 * 3 * 3, dtype=np.float32).reshape(2, 3, 3, 3) / 50, "w")
    b = numpy_helper.from_array(np.array([0.5, -0.5], np.float32), "b")
    nodes = [helper.make_node("Conv", ["x", "w", "b"], ["c"], name="conv", pads=[1, 1, 1, 1], strides=[2, 2]),
             helper.make_node("Relu", ["c"], ["y"], name="relu")]
    return model(nodes, [f32("x", ["batch", 3, 8, 8])], [f32("y", ["batch", 2, 4, 4])], [w, b])


def shape_chain():
    # x.view(x.shape[0], -1) as exporters write it: Shape -> Gather -> Unsqueeze -> Concat -> Reshape.
    nodes = [helper.make_node("Shape", ["x"], ["s"], name="shape"),
             helper.make_node("Constant", [], ["zero"], value=numpy_helper.from_array(np.array(0, np.int64))),
             helper.make_node("Gather", ["s", "zero"], ["n"], name="gather", axis=0),
             helper.make_node("Constant", [], ["ax"], value=numpy_helper.from_array(np.array([0], np.int64))),
             helper.make_node("Unsqueeze", ["n", "ax"], ["n1"], name="unsqueeze"),
             helper.make_node("Constant", [], ["m1"], value=numpy_helper.from_array(np.array([-1], np.int64))),
             helper.make_node("Concat", ["n1", "m1"], ["shape2"], name="concat", axis=0),
             helper.make_node("Reshape", ["x", "shape2"], ["y"], name="reshape")]
    return model(nodes, [f32("x", [2, 3, 4])], [f32("y", [2, 12])])


def unsupported():
    nodes = [helper.make_node("Relu", ["x"], ["a"], name="ok"),
             helper.make_node("NonMaxSuppression", ["a", "a"], ["b"], name="nms"),
             helper.make_node("FusedGemm", ["a", "a"], ["c"], name="fused", domain="com.microsoft"),
             helper.make_node("Resize", ["a", "", "sc"], ["d"], name="resize", mode="nearest",
                              coordinate_transformation_mode="tf_crop_and_resize"),
             helper.make_node("Add", ["c", "d"], ["y"], name="add")]
    return model(nodes, [f32("x", [1, 1, 2, 2]), f32("sc", [4])], [f32("y", [1, 1, 2, 2])],
                 extra_opsets=[("com.microsoft", 1)])


def old_opset():
    return model([helper.make_node("Relu", ["x"], ["y"], name="relu")], [f32("x", [2])], [f32("y", [2])], opset=11)


def external(path, missing=False):
    w = numpy_helper.from_array(np.array([[1.0, 2.0], [3.0, 4.0]], np.float32), "w")
    m = model([helper.make_node("MatMul", ["x", "w"], ["y"], name="matmul")], [f32("x", [1, 2])], [f32("y", [1, 2])],
              [w])
    onnx.save(m, path, save_as_external_data=True, all_tensors_to_one_file=True,
              location="weights.bin", size_threshold=0)
    if missing:
        import os
        os.remove(os.path.join(os.path.dirname(path) or ".", "weights.bin"))


def main():
    kind, out = sys.argv[1], sys.argv[2]
    if kind in ("external", "external_missing"):
        external(out, missing=kind == "external_missing")
        return
    m = {"conv_relu": conv_relu, "shape_chain": shape_chain, "unsupported": unsupported,
         "old_opset": old_opset}[kind]()
    onnx.save(m, out)


if __name__ == "__main__":
    main()
