// Reads an ONNX model with ONNX's own classes: protobuf parsing, checker, shape inference.
#include "workloads/onnx_model.h"

#include <onnx/checker.h>
#include <onnx/shape_inference/implementation.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <stdexcept>
#include <unordered_map>

#include "core/text.h"

namespace hwaware::workload {
namespace {

// ONNX's messages run over lines ("...\n\n==> Context: ..."): one line for a diagnostic.
std::string one_line(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c != '\n') out += c;
    else if (!out.empty() && out.back() != ' ') out += ' ';
  }
  return core::trim(out);
}

OnnxShape shape_of(const onnx::TypeProto& type) {
  OnnxShape s;
  if (!type.has_tensor_type() || !type.tensor_type().has_shape()) return s;
  for (const auto& d : type.tensor_type().shape().dim()) {
    OnnxDim dim;
    if (d.has_dim_value() && d.dim_value() >= 0) dim.value = d.dim_value();
    else if (d.has_dim_param()) dim.symbol = d.dim_param();
    s.push_back(dim);
  }
  return s;
}

bool has_shape(const onnx::ValueInfoProto& v) { return v.type().has_tensor_type() && v.type().tensor_type().has_shape(); }

// Sets the first dimension of every data input to `batch`; the shapes recorded for other tensors
// (value_info, the outputs' declared shapes) are dropped, to be inferred again from it.
void set_batch(onnx::ModelProto& model, long long batch) {
  auto* g = model.mutable_graph();
  std::set<std::string> weights;
  for (const auto& t : g->initializer()) weights.insert(t.name());
  for (auto& in : *g->mutable_input()) {
    if (weights.count(in.name()) || !has_shape(in) || in.type().tensor_type().shape().dim_size() == 0) continue;
    auto* dim = in.mutable_type()->mutable_tensor_type()->mutable_shape()->mutable_dim(0);
    dim->clear_dim_param();
    dim->set_dim_value(batch);
  }
  g->clear_value_info();
  for (auto& out : *g->mutable_output())
    if (out.type().has_tensor_type()) out.mutable_type()->mutable_tensor_type()->clear_shape();
}

// Parses the file into `model`. A regular file is parsed as it is read: a model's weights make up
// most of its bytes (528 MiB for VGG-16), and each copy of them costs seconds. Anything else (a
// pipe; a directory, a device or a missing file, which core::read_file_bytes refuses) is read first.
bool parse(const std::string& path, onnx::ModelProto& model) {
  std::error_code ec;  // a path the system cannot look up (too long, say) is read_file_bytes's to report
  if (!std::filesystem::is_regular_file(path, ec)) return model.ParseFromString(core::read_file_bytes(path));
  std::ifstream in(path, std::ios::binary);
  if (!in) core::read_file_bytes(path);  // throws: cannot open the file
  return model.ParseFromIstream(&in);
}

// Attributes ONNX 1.12's shape inference divides by without checking them (a Conv's stride of 0
// stops the process with a division by zero): each value must be at least 1. Throws InputError at
// the first node with one that is not.
void check_divisors(const OnnxModel& m, const onnx::GraphProto& g) {
  static const std::set<std::string> kDivisors = {"strides", "dilations", "kernel_shape", "group", "blocksize"};
  for (const auto& n : g.node())
    for (const auto& a : n.attribute()) {
      if (!kDivisors.count(a.name())) continue;
      const bool bad =
          a.type() == onnx::AttributeProto::INT ? a.i() < 1 : std::any_of(a.ints().begin(), a.ints().end(), [](auto v) { return v < 1; });
      if (bad) throw core::InputError(m.loc(), OnnxModel::node_key(n), "expected attribute '" + a.name() + "' of values at least 1");
    }
}

using ShapeData = std::unordered_map<std::string, onnx::TensorShapeProto>;

// A Reshape to a shape the graph computes (PyTorch's x.view(x.size(0), -1) exports Shape, Gather,
// Unsqueeze, Concat): ONNX 1.12 propagates the values of the shape but its Reshape does not read
// them. Each such shape whose values are all known becomes a constant of those values (true if any).
bool reshape_to_propagated(onnx::ModelProto& model, const ShapeData& data) {
  bool changed = false;
  for (auto& n : *model.mutable_graph()->mutable_node()) {
    auto it = n.op_type() == "Reshape" && n.input_size() == 2 ? data.find(n.input(1)) : data.end();
    if (it == data.end() || !std::all_of(it->second.dim().begin(), it->second.dim().end(), [](auto& d) { return d.has_dim_value(); }))
      continue;
    auto* t = model.mutable_graph()->add_initializer();
    t->set_name("hwaware.propagated." + n.input(1));
    t->set_data_type(onnx::TensorProto::INT64);
    t->add_dims(it->second.dim_size());
    for (const auto& d : it->second.dim()) t->add_int64_data(d.dim_value());
    n.set_input(1, t->name());
    changed = true;
  }
  return changed;
}

// ONNX's shape inference: strict (a node's error is thrown), types checked, values propagated
// through shape computations; again once a Reshape's computed shape is known.
void infer_shapes(onnx::ModelProto& model) {
  const onnx::ShapeInferenceOptions options(true, 1, true);
  ShapeData data;
  onnx::shape_inference::InferShapes(model, onnx::OpSchemaRegistry::Instance(), options, &data);
  if (!reshape_to_propagated(model, data)) return;
  data.clear();
  onnx::shape_inference::InferShapes(model, onnx::OpSchemaRegistry::Instance(), options, &data);
}

}  // namespace

OnnxModel OnnxModel::load(const std::string& path, std::optional<long long> batch) {
  OnnxModel m;
  m.path_ = path;
  m.batch_given_ = batch.has_value();
  auto refuse = [&](const std::string& key, const std::string& message) { throw core::InputError(m.loc(), key, message); };
  if (!parse(path, m.model_))
    refuse("",
           "expected an ONNX model (a protobuf ModelProto), found bytes that do not parse as one (a truncated or damaged file, "
           "or another format)");
  if (m.model_.ir_version() <= 0 || !m.model_.has_graph() || m.model_.graph().node_size() == 0)
    refuse("", "expected an ONNX model with a graph of nodes, found " +
                   std::string(m.model_.ir_version() <= 0 ? "no IR version (not an ONNX file)" : "no nodes"));
  try {
    onnx::checker::check_model(m.model_);
  } catch (const std::exception& e) {  // onnx::checker::ValidationError, or anything ONNX's checker throws
    refuse("ONNX checker", one_line(e.what()));
  }
  check_divisors(m, m.model_.graph());
  if (batch) set_batch(m.model_, *batch);
  try {
    infer_shapes(m.model_);
  } catch (const std::exception& e) {  // onnx::InferenceError, or anything its inference throws
    refuse("ONNX shape inference", one_line(e.what()));
  }
  const auto& g = m.model_.graph();
  for (const auto* list : {&g.input(), &g.value_info(), &g.output()})
    for (const auto& v : *list)
      if (has_shape(v)) m.shapes_[v.name()] = shape_of(v.type());
  for (const auto& t : g.initializer()) {
    OnnxShape s;
    for (auto d : t.dims()) s.push_back(OnnxDim{d, ""});
    m.shapes_[t.name()] = s;
  }
  return m;
}

const OnnxShape* OnnxModel::shape(const std::string& tensor) const {
  auto it = shapes_.find(tensor);
  return it == shapes_.end() ? nullptr : &it->second;
}

std::vector<std::string> OnnxModel::data_inputs() const {
  std::set<std::string> weights;
  for (const auto& t : graph().initializer()) weights.insert(t.name());
  std::vector<std::string> out;
  for (const auto& in : graph().input())
    if (!weights.count(in.name())) out.push_back(in.name());
  return out;
}

std::string OnnxModel::node_key(const onnx::NodeProto& node) {
  const std::string name = !node.name().empty() ? node.name() : node.output_size() > 0 ? node.output(0) : std::string("?");
  return "node '" + name + "' (" + node.op_type() + ")";
}

}  // namespace hwaware::workload
