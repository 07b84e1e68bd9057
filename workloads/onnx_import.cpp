// Walks an ONNX graph in its (topological) order, following where each computed tensor comes from,
// and makes the layers of the nodes hwaware models.
#include "workloads/onnx_import.h"

#include <filesystem>
#include <map>
#include <set>

#include "core/text.h"
#include "workloads/onnx_layers.h"

namespace hwaware::workload {
namespace {

// Ops that cost nothing: what hwaware folds into the layer before them or does not count.
const std::map<std::string, std::string> kFree = {
    {"BatchNormalization", "a normalization, folded into the layer before it"},
    {"InstanceNormalization", "a normalization, folded into the layer before it"},
    {"Relu", "an activation"},
    {"Clip", "an activation"},
    {"LeakyRelu", "an activation"},
    {"PRelu", "an activation"},
    {"Elu", "an activation"},
    {"Selu", "an activation"},
    {"Celu", "an activation"},
    {"ThresholdedRelu", "an activation"},
    {"Sigmoid", "an activation"},
    {"HardSigmoid", "an activation"},
    {"HardSwish", "an activation"},
    {"Tanh", "an activation"},
    {"Softplus", "an activation"},
    {"Softsign", "an activation"},
    {"Mish", "an activation"},
    {"Flatten", "a reshape"},
    {"Reshape", "a reshape"},
    {"Dropout", "passes its input on at inference"},
    {"Identity", "passes its input on"},
};

// Ops that move or copy data and compute nothing: hwaware does not model them (the layers after
// them read what they give, at the size shape inference gives).
const std::set<std::string> kMovesData = {"Transpose", "Squeeze", "Unsqueeze", "Slice",        "Split",        "Gather", "Pad",
                                          "Tile",      "Expand",  "Cast",      "DepthToSpace", "SpaceToDepth", "Resize", "Upsample"};

const std::string kLayerOps = "Conv, Gemm, MatMul, MaxPool, AveragePool, GlobalMaxPool, GlobalAveragePool, Add, Sum and Concat";

// Where a computed tensor comes from: the layers whose outputs it is (concatenated along channels,
// in order), or the network's input. Tensors without one are constants (weights, shapes).
struct Source {
  std::vector<std::size_t> layers;
  bool network_input = false;
  bool refused = false;  // made by a refused node: the nodes reading it are not refused again
  bool operator==(const Source& o) const { return layers == o.layers && network_input == o.network_input; }
};

class Importer {
 public:
  explicit Importer(const OnnxModel& model) : model_(model) {}
  Network run();

 private:
  void visit(const onnx::NodeProto& n);
  void dispatch(const OnnxNode& n, const std::vector<int>& computed);
  void add_layer(const OnnxNode& n, const std::vector<int>& computed);
  void connect(const OnnxNode& n, Layer& l, const std::vector<int>& computed) const;
  std::string cost_of(const OnnxNode& n, const std::vector<int>& computed) const;
  void pass_through(const OnnxNode& n, const std::vector<int>& computed);
  void concat(const OnnxNode& n, const std::vector<int>& computed);
  std::string unique_name(const onnx::NodeProto& n);
  const Source& source(const OnnxNode& n, int input) const { return sources_.at(n.proto().input(input)); }
  void note(const onnx::NodeProto& n, const std::string& what) {
    net_.notes.push_back(OnnxModel::node_key(n).substr(5) + ": " + what);  // without "node "
  }

  const OnnxModel& model_;
  Network net_;
  std::map<std::string, Source> sources_;
  std::set<std::string> names_;
  std::map<std::string, int> constant_ops_;  // op type -> nodes that compute on constants only
  core::DiagnosticSink sink_;
};

Network Importer::run() {
  const auto inputs = model_.data_inputs();
  if (inputs.size() != 1)
    throw core::InputError(model_.loc(), "",
                           "expected a graph with one input (the network's), found " +
                               (inputs.empty() ? std::string("none") : std::to_string(inputs.size()) + ": " + core::join(inputs, ", ")));
  sources_[inputs.front()].network_input = true;
  for (const auto& n : model_.graph().node()) visit(n);
  for (const auto& [op, count] : constant_ops_)
    net_.notes.push_back(std::to_string(count) + " " + op + " node" + (count > 1 ? "s" : "") +
                         ": computed on constants only (weights, shapes), nothing to model");
  if (sink_.empty() && net_.layers.empty())
    sink_.error(model_.loc(), "", "the graph has no node hwaware models as a layer (" + kLayerOps + ")");
  sink_.throw_if_any();
  net_.name = std::filesystem::path(model_.path()).stem().string();
  return net_;
}

void Importer::visit(const onnx::NodeProto& n) {
  std::vector<int> computed;  // the inputs that are computed tensors (not constants)
  bool refused = false;
  for (int i = 0; i < n.input_size(); ++i) {
    auto it = n.input(i).empty() ? sources_.end() : sources_.find(n.input(i));  // "": an optional input left out
    if (it == sources_.end()) continue;
    computed.push_back(i);
    refused = refused || it->second.refused;
  }
  auto mark_refused = [&] {
    for (const auto& out : n.output())
      if (!out.empty()) sources_[out].refused = true;
  };
  if (refused) return mark_refused();
  if (computed.empty()) {
    ++constant_ops_[n.op_type()];
    return;
  }
  try {
    dispatch(OnnxNode(model_, n), computed);
  } catch (const core::InputError& e) {
    for (const auto& d : e.diagnostics()) sink_.error(d.loc, d.key_path, d.message, d.hint);
    mark_refused();
  }
}

void Importer::dispatch(const OnnxNode& n, const std::vector<int>& computed) {
  const std::string& op = n.op();
  const std::string& domain = n.proto().domain();
  if (!domain.empty() && domain != "ai.onnx")
    n.fail("an op of domain '" + domain + "', which hwaware does not model (it models ONNX's " + kLayerOps + ")");
  const bool all_computed = computed.size() == static_cast<std::size_t>(n.proto().input_size());
  if (op == "Conv" || op == "Gemm" || op == "MatMul" || op == "MaxPool" || op == "AveragePool" || op == "GlobalMaxPool" ||
      op == "GlobalAveragePool" || ((op == "Add" || op == "Sum") && all_computed && computed.size() > 1))
    return add_layer(n, computed);
  if (op == "Concat") return concat(n, computed);
  if (op == "Shape" || op == "Size") {
    note(n.proto(), "reads only its input's shape, nothing to model");
    return;  // its output is a constant for the nodes after it
  }
  pass_through(n, computed);
}

void Importer::add_layer(const OnnxNode& n, const std::vector<int>& computed) {
  const std::string& op = n.op();
  const bool add = op == "Add" || op == "Sum";
  if (!add && computed != std::vector<int>{0})
    n.fail("expected its input 0 to be the data and its other inputs constants (weights), found input " + std::to_string(computed.back()) +
           " computed by the network (hwaware's layers have constant weights)");
  if (n.proto().output_size() == 0 || n.proto().output(0).empty()) n.fail("expected an output");
  const std::string name = unique_name(n.proto());
  Layer l = op == "Conv"                     ? onnx_conv(n, name)
            : op == "Gemm" || op == "MatMul" ? onnx_fc(n, name)
            : add                            ? onnx_add(n, name)
                                             : onnx_pool(n, name);
  l.loc = model_.loc();
  connect(n, l, computed);
  names_.insert(name);
  sources_[n.proto().output(0)] = Source{{net_.layers.size()}, false, false};
  net_.layers.push_back(std::move(l));
}

// The layer's inputs, with the channels (or an FC layer's features) they give checked against what
// it reads, as hwaware's format checks them.
void Importer::connect(const OnnxNode& n, Layer& l, const std::vector<int>& computed) const {
  const auto name_of = [&](std::size_t i) { return net_.layers[i].name; };
  if (l.type == "add") {
    for (int i : computed) {
      const Source& s = source(n, i);
      if (s.network_input || s.layers.size() != 1)
        n.fail("an operand of the sum is " + std::string(s.network_input ? "the network's input" : "a concatenation of layers") +
               ", which hwaware's add layer cannot read (it sums the outputs of whole layers)");
      if (net_.layers[s.layers.front()].output_channels() != l.input_channels())
        n.fail("adds " + std::to_string(l.input_channels()) + " channels but '" + name_of(s.layers.front()) + "' gives " +
               std::to_string(net_.layers[s.layers.front()].output_channels()));
      l.inputs.push_back(name_of(s.layers.front()));
    }
    return;
  }
  const Source& s = source(n, computed.front());
  if (s.network_input && !s.layers.empty())
    n.fail("reads the network's input concatenated with other layers' outputs, which hwaware's `inputs` cannot say");
  if (s.network_input) return;  // no inputs: the network's input
  long long given = 0;
  for (std::size_t i : s.layers) {
    l.inputs.push_back(name_of(i));
    given += l.type == "fc" ? net_.layers[i].output_values() : net_.layers[i].output_channels();
  }
  if (given != l.input_channels())
    n.fail("reads " + std::to_string(l.input_channels()) + (l.type == "fc" ? " features" : " channels") + " but its inputs (" +
           core::join(l.inputs, ", ") + ") give " + std::to_string(given) +
           " (a reshape or data movement between them that hwaware's layers cannot follow)");
}

// What a node that is no layer does (for the notes), or an error for one hwaware does not model.
std::string Importer::cost_of(const OnnxNode& n, const std::vector<int>& computed) const {
  const std::string& op = n.op();
  const bool one = computed.size() == 1;
  if (auto free = kFree.find(op); free != kFree.end() && one) return "costs nothing (" + free->second + ")";
  if (kMovesData.count(op) && one) {
    if ((op == "Resize" || op == "Upsample") && n.string_attr("mode", "nearest") != "nearest")
      n.fail("resizes by interpolation (mode '" + n.string_attr("mode", "") + "'), which hwaware does not model");
    return "moves data and computes nothing: not modelled";
  }
  const bool arithmetic = op == "Add" || op == "Sub" || op == "Mul" || op == "Div";
  if (arithmetic && one && !(op == "Div" && computed.front() == 1))
    return "costs nothing (a scale or shift by a constant, as a normalization)";
  if (op == "Mul" && computed.size() == 2 && source(n, computed[0]) == source(n, computed[1]))
    return "costs nothing (its input times a function of itself: an activation such as Swish or HardSwish)";
  if (arithmetic) n.fail("an elementwise " + op + " of computed tensors, which hwaware does not model (it models Add of equal shapes)");
  if (kFree.count(op) || kMovesData.count(op)) n.fail("expected one computed input, found " + std::to_string(computed.size()));
  n.fail("an op hwaware does not model (it models " + kLayerOps + " as layers; normalizations, activations, reshapes, Dropout " +
         "and Identity cost nothing)");
}

// Ops that compute nothing hwaware counts: their outputs come from where their computed input does.
void Importer::pass_through(const OnnxNode& n, const std::vector<int>& computed) {
  note(n.proto(), cost_of(n, computed));
  const Source s = source(n, computed.front());
  for (const auto& out : n.proto().output())
    if (!out.empty()) sources_[out] = s;
}

// A concatenation along channels is what a layer's `inputs` already means: no layer.
void Importer::concat(const OnnxNode& n, const std::vector<int>& computed) {
  if (computed.size() != static_cast<std::size_t>(n.proto().input_size()))
    n.fail("concatenates computed tensors with constants, which hwaware does not model");
  const auto rank = static_cast<long long>(n.output_dims(0, 0, "output").size());
  const long long axis = n.int_attr("axis", 1, -rank);
  if (axis != 1 && axis != 1 - rank)
    n.fail("concatenates along axis " + std::to_string(axis) + "; hwaware's layers read their inputs concatenated along channels (axis 1)");
  Source s;
  for (int i : computed) {
    const Source& in = source(n, i);
    s.layers.insert(s.layers.end(), in.layers.begin(), in.layers.end());
    s.network_input = s.network_input || in.network_input;
  }
  note(n.proto(), "costs nothing (the layers after it read its inputs concatenated along channels)");
  sources_[n.proto().output(0)] = s;
}

// The node's name, else its first output's; a taken one gets its first output's, then a number.
std::string Importer::unique_name(const onnx::NodeProto& n) {
  std::string name = n.name().empty() ? n.output(0) : n.name();
  if (names_.count(name) && !names_.count(n.output(0))) name = n.output(0);
  for (int i = 2; names_.count(name); ++i) name = (n.name().empty() ? n.output(0) : n.name()) + "_" + std::to_string(i);
  return name;
}

}  // namespace

Network import_onnx(const std::string& path, const OnnxOptions& options) {
  const OnnxModel model = OnnxModel::load(path, options.batch);
  return Importer(model).run();
}

}  // namespace hwaware::workload
