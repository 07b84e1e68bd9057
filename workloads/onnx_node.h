#pragma once
// One ONNX node as the importer reads it: its attributes (with ONNX's defaults) and the fixed
// sizes of its tensors from shape inference, every problem an InputError at the node
// ("model.onnx: error: node 'NAME' (OP): ..."). Internal to workloads/.

#include <string>
#include <vector>

#include "workloads/onnx_model.h"

namespace hwaware::workload {

class OnnxNode {
 public:
  OnnxNode(const OnnxModel& model, const onnx::NodeProto& node) : model_(model), node_(node) {}

  const onnx::NodeProto& proto() const { return node_; }
  const std::string& op() const { return node_.op_type(); }
  [[noreturn]] void fail(const std::string& message) const;

  // The fixed sizes of input (or output) `index`, which must have `rank` dimensions (any rank of
  // at least 1 when rank is 0); `what` names it in errors ("input (N, C, H, W)"). A symbolic
  // dimension is an error that says what to do (--batch for the batch, else a fixed export).
  std::vector<long long> input_dims(int index, std::size_t rank, const std::string& what) const;
  std::vector<long long> output_dims(int index, std::size_t rank, const std::string& what) const;

  // Attributes; absent ones take `fallback`, ONNX's default. A list must have `size` entries
  // (any when 0), each at least `minimum` and at most core::kMaxCount.
  long long int_attr(const std::string& name, long long fallback, long long minimum) const;
  std::vector<long long> ints_attr(const std::string& name, const std::vector<long long>& fallback, std::size_t size,
                                   long long minimum) const;
  std::string string_attr(const std::string& name, const std::string& fallback) const;

 private:
  std::vector<long long> dims(const std::string& tensor, std::size_t rank, const std::string& what) const;
  const onnx::AttributeProto* attr(const std::string& name) const;

  const OnnxModel& model_;
  const onnx::NodeProto& node_;
};

// "[1, 64, 56, 56]".
std::string dims_text(const std::vector<long long>& dims);

}  // namespace hwaware::workload
