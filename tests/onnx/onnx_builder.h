#pragma once
// Test helper: small ONNX models built with ONNX's own protobuf classes (opset 13), written to a
// temporary file for the importer to read as a user's file.

#include <onnx/onnx_pb.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace hwaware::test {

class OnnxBuilder {
 public:
  // A graph reading `input`, of dims such as {"1", "3", "32", "32"} ("batch": a symbolic one).
  explicit OnnxBuilder(const std::vector<std::string>& input, const std::string& input_name = "x") {
    model_.set_ir_version(8);
    model_.set_producer_name("hwaware tests");
    auto* opset = model_.add_opset_import();
    opset->set_domain("");
    opset->set_version(13);
    graph()->set_name("test");
    declare(graph()->add_input(), input_name, input);
  }

  onnx::GraphProto* graph() { return model_.mutable_graph(); }

  // A constant tensor (weights) of `dims`, zeros.
  void weight(const std::string& name, const std::vector<long long>& dims) {
    auto* t = graph()->add_initializer();
    t->set_name(name);
    t->set_data_type(onnx::TensorProto::FLOAT);
    long long n = 1;
    for (long long d : dims) t->add_dims(d), n *= d;
    t->set_raw_data(std::string(static_cast<std::size_t>(n) * 4, '\0'));
  }
  // A constant tensor of int64 values (shapes, axes), 1-D.
  void int64s(const std::string& name, const std::vector<long long>& values) {
    auto* t = graph()->add_initializer();
    t->set_name(name);
    t->set_data_type(onnx::TensorProto::INT64);
    t->add_dims(static_cast<long long>(values.size()));
    for (long long v : values) t->add_int64_data(v);
  }

  onnx::NodeProto& node(const std::string& op, const std::vector<std::string>& inputs, const std::vector<std::string>& outputs,
                        const std::string& name = "") {
    auto* n = graph()->add_node();
    n->set_op_type(op);
    n->set_name(name);
    for (const auto& i : inputs) n->add_input(i);
    for (const auto& o : outputs) n->add_output(o);
    return *n;
  }

  static void ints(onnx::NodeProto& n, const std::string& name, const std::vector<long long>& values) {
    auto* a = attribute(n, name, onnx::AttributeProto::INTS);
    for (long long v : values) a->add_ints(v);
  }
  static void integer(onnx::NodeProto& n, const std::string& name, long long value) {
    attribute(n, name, onnx::AttributeProto::INT)->set_i(value);
  }
  static void text(onnx::NodeProto& n, const std::string& name, const std::string& value) {
    attribute(n, name, onnx::AttributeProto::STRING)->set_s(value);
  }

  // Declares the graph's output, of `dims` (as the input's), and writes the model to a temporary
  // file; returns its path.
  std::string write(const std::string& output, const std::vector<std::string>& dims, const std::string& file = "model.onnx") {
    declare(graph()->add_output(), output, dims);
    const auto dir = std::filesystem::temp_directory_path() / ("hwaware_onnx_test_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const std::string path = (dir / file).string();
    std::ofstream f(path, std::ios::binary);
    model_.SerializeToOstream(&f);
    return path;
  }

 private:
  // A float tensor's name and shape; dims of digits are fixed, others symbolic.
  static void declare(onnx::ValueInfoProto* v, const std::string& name, const std::vector<std::string>& dims) {
    v->set_name(name);
    auto* type = v->mutable_type()->mutable_tensor_type();
    type->set_elem_type(onnx::TensorProto::FLOAT);
    auto* shape = type->mutable_shape();
    for (const auto& d : dims) {
      auto* dim = shape->add_dim();
      if (!d.empty() && d.find_first_not_of("0123456789") == std::string::npos) dim->set_dim_value(std::stoll(d));
      else dim->set_dim_param(d);
    }
  }

  static onnx::AttributeProto* attribute(onnx::NodeProto& n, const std::string& name, onnx::AttributeProto::AttributeType type) {
    auto* a = n.add_attribute();
    a->set_name(name);
    a->set_type(type);
    return a;
  }

  onnx::ModelProto model_;
};

}  // namespace hwaware::test
