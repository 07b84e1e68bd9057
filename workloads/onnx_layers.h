#pragma once
// The ONNX nodes that become hwaware layers: Conv (conv2d: groups, dilation, strides, asymmetric
// pads, auto_pad), Gemm and MatMul (fc), MaxPool, AveragePool and their global forms (pool), Add and
// Sum of computed tensors (add). Each builds its layer from the node's attributes and the shapes ONNX
// inferred, and checks that hwaware's window gives ONNX's output size. Errors are InputErrors at the
// node. Internal to workloads/ (workloads/onnx_import.cpp decides which node is which).

#include <string>

#include "workloads/layer.h"
#include "workloads/onnx_node.h"

namespace hwaware::workload {

Layer onnx_conv(const OnnxNode& node, const std::string& name);
Layer onnx_fc(const OnnxNode& node, const std::string& name);    // Gemm, MatMul: input 0 the data, input 1 the weights
Layer onnx_pool(const OnnxNode& node, const std::string& name);  // MaxPool, AveragePool, GlobalMaxPool, GlobalAveragePool
Layer onnx_add(const OnnxNode& node, const std::string& name);   // Add, Sum: every input computed, all of one shape

}  // namespace hwaware::workload
