#pragma once
// ONNX models as hwaware networks (docs/formats.md, "ONNX models"), read with Debian's libonnx: the
// protobuf classes, ONNX's checker and its shape inference (no parsing of our own). Conv, Gemm,
// MatMul, the pools, Add and Sum become layers sized by shape inference; Concat is what hwaware's
// `inputs` already mean (a layer reads its inputs concatenated along channels); normalizations,
// activations, reshapes, Dropout and Identity cost nothing, and ops that only move data (Transpose,
// Pad, Slice, ...) are not modelled: each such node is listed in Network::notes. Any other op is an
// error naming the node and its op type; never a silent skip.

#include <optional>
#include <string>

#include "workloads/layer.h"

namespace hwaware::workload {

struct OnnxOptions {
  // The batch the network is evaluated at: the first dimension of the graph's input, replacing the
  // one in the file (needed when the file leaves it symbolic). Unset: the file's.
  std::optional<long long> batch;
};

// The network of an ONNX file, named after the file, its layers after their nodes (or their first
// output where a node has no name). Throws core::InputError, located "FILE: node 'NAME' (OP)",
// with every refused node of the graph together.
Network import_onnx(const std::string& path, const OnnxOptions& options = {});

}  // namespace hwaware::workload
