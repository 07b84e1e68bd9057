#include "workloads/onnx_node.h"

#include "core/checked.h"

namespace hwaware::workload {
namespace {

std::string rank_text(std::size_t rank) { return std::to_string(rank) + "-D"; }

}  // namespace

std::string dims_text(const std::vector<long long>& dims) {
  std::string s = "[";
  for (std::size_t i = 0; i < dims.size(); ++i) s += (i ? ", " : "") + std::to_string(dims[i]);
  return s + "]";
}

void OnnxNode::fail(const std::string& message) const { throw core::InputError(model_.loc(), OnnxModel::node_key(node_), message); }

std::vector<long long> OnnxNode::input_dims(int index, std::size_t rank, const std::string& what) const {
  if (index >= node_.input_size() || node_.input(index).empty()) fail("expected " + what + " as input " + std::to_string(index));
  return dims(node_.input(index), rank, what);
}

std::vector<long long> OnnxNode::output_dims(int index, std::size_t rank, const std::string& what) const {
  if (index >= node_.output_size() || node_.output(index).empty()) fail("expected " + what + " as output " + std::to_string(index));
  return dims(node_.output(index), rank, what);
}

std::vector<long long> OnnxNode::dims(const std::string& tensor, std::size_t rank, const std::string& what) const {
  const OnnxShape* shape = model_.shape(tensor);
  if (!shape) fail("ONNX's shape inference gives no shape for its " + what + " '" + tensor + "'");
  if ((rank > 0 && shape->size() != rank) || shape->empty())
    fail("expected a " + (rank > 0 ? rank_text(rank) + " " : std::string("")) + what + ", found '" + tensor + "' of " +
         rank_text(shape->size()));
  std::vector<long long> out;
  for (std::size_t i = 0; i < shape->size(); ++i) {
    const OnnxDim& d = (*shape)[i];
    const std::string which = "dimension " + std::to_string(i) + " of its " + what + " '" + tensor + "'";
    const std::string symbol = d.symbol.empty() ? "unknown" : "'" + d.symbol + "'";
    if (!d.known() && i == 0 && !model_.batch_given())
      fail(which + " (the batch) is not fixed (" + symbol + "): pass --batch N to give the batch");
    if (!d.known()) fail(which + " is not fixed (" + symbol + "): hwaware needs fixed sizes (export the model with a fixed input size)");
    if (d.value < 1 || d.value > core::kMaxCount)
      fail(which + " is " + std::to_string(d.value) + "; expected at least 1 and at most " + core::kMaxCountText);
    out.push_back(d.value);
  }
  return out;
}

const onnx::AttributeProto* OnnxNode::attr(const std::string& name) const {
  for (const auto& a : node_.attribute())
    if (a.name() == name) return &a;
  return nullptr;
}

long long OnnxNode::int_attr(const std::string& name, long long fallback, long long minimum) const {
  const auto* a = attr(name);
  if (!a) return fallback;
  if (a->type() != onnx::AttributeProto::INT) fail("expected attribute '" + name + "' to be an integer");
  if (a->i() < minimum || a->i() > core::kMaxCount)
    fail("expected attribute '" + name + "' from " + std::to_string(minimum) + " to 2^53, found " + std::to_string(a->i()));
  return a->i();
}

std::vector<long long> OnnxNode::ints_attr(const std::string& name, const std::vector<long long>& fallback, std::size_t size,
                                           long long minimum) const {
  const auto* a = attr(name);
  if (!a) return fallback;
  if (a->type() != onnx::AttributeProto::INTS) fail("expected attribute '" + name + "' to be a list of integers");
  std::vector<long long> v(a->ints().begin(), a->ints().end());
  if (size > 0 && v.size() != size)
    fail("expected attribute '" + name + "' to have " + std::to_string(size) + " values, found " + dims_text(v));
  for (long long x : v)
    if (x < minimum || x > core::kMaxCount)
      fail("expected the values of attribute '" + name + "' from " + std::to_string(minimum) + " to 2^53, found " + dims_text(v));
  return v;
}

std::string OnnxNode::string_attr(const std::string& name, const std::string& fallback) const {
  const auto* a = attr(name);
  if (!a) return fallback;
  if (a->type() != onnx::AttributeProto::STRING) fail("expected attribute '" + name + "' to be a string");
  return a->s();
}

}  // namespace hwaware::workload
