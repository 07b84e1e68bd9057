#pragma once
// An ONNX model as the importer reads it (workloads/onnx_import.h): parsed with ONNX's protobuf
// classes, checked by ONNX's checker, its batch set when asked, and every tensor's shape inferred
// by ONNX's shape inference. Internal to workloads/: the only files that include ONNX's headers
// are this one's users there.

#include <onnx/onnx_pb.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.h"

namespace hwaware::workload {

// One dimension of an inferred shape: a number (value >= 0), or unknown, with its symbol (the
// dim_param, such as "batch") when it has one.
struct OnnxDim {
  long long value = -1;
  std::string symbol;
  bool known() const { return value >= 0; }
};
using OnnxShape = std::vector<OnnxDim>;

class OnnxModel {
 public:
  // Reads the file, checks it and infers every shape. With `batch`, the first dimension of every
  // graph input (symbolic or fixed) is set to it first. Throws core::InputError naming the file
  // (and the node, where ONNX names one) for a file that is not an ONNX model, fails ONNX's checks
  // or its shape inference.
  static OnnxModel load(const std::string& path, std::optional<long long> batch);

  const std::string& path() const { return path_; }
  // Whether the batch was given (--batch) rather than taken from the graph's inputs.
  bool batch_given() const { return batch_given_; }
  const onnx::GraphProto& graph() const { return model_.graph(); }
  // A tensor's shape, if the file or shape inference gives one (its rank at least).
  const OnnxShape* shape(const std::string& tensor) const;
  // The graph's inputs that are not initializers (weights): what the network reads.
  std::vector<std::string> data_inputs() const;

  // "node 'NAME' (OP)": the location of a node's errors (after the file's name).
  static std::string node_key(const onnx::NodeProto& node);
  // The location of every error in this file (no line: a binary file).
  core::SourceLoc loc() const { return core::SourceLoc{path_, 0, 0}; }

 private:
  std::string path_;
  bool batch_given_ = false;
  onnx::ModelProto model_;
  std::map<std::string, OnnxShape> shapes_;
};

}  // namespace hwaware::workload
