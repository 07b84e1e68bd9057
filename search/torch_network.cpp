#include "search/torch_network.h"

#include <algorithm>
#include <map>
#include <sstream>

#include "core/diagnostics.h"

namespace hwaware::search {
namespace {

core::InputError unbuildable(const workload::Layer& l, const std::string& why) {
  return core::InputError(l.loc, "layer '" + l.name + "'", why);
}

long long bound(const workload::Layer& l, const char* dim) {
  const int i = l.problem.dim_index(dim);
  return i < 0 ? 1 : l.problem.bounds[static_cast<std::size_t>(i)];
}

void build_conv(TorchNetwork& m, TorchNode& n, const workload::Layer& l, const std::string& module) {
  const auto& w = l.window;
  n.groups = l.input_channels() / std::max(1LL, bound(l, "C"));
  n.depthwise = n.groups > 1 && n.groups == l.input_channels() && n.groups == l.output_channels();
  n.conv = m.register_module(module + "_conv",
                             torch::nn::Conv2d(torch::nn::Conv2dOptions(l.input_channels(), l.output_channels(), {w.kernel_h, w.kernel_w})
                                                   .stride({w.stride_h, w.stride_w})
                                                   .padding({w.pad_h, w.pad_w})
                                                   .dilation({w.dilation_h, w.dilation_w})
                                                   .groups(n.groups)
                                                   .bias(false)));
  n.norm = m.register_module(module + "_norm", torch::nn::BatchNorm2d(l.output_channels()));
}

// The convolution of node n, with the centre `kernel` x `kernel` of its weights when `kernel` is
// set and smaller (padding shrunk by as much, so the output keeps its size).
torch::Tensor convolve(TorchNode& n, const torch::Tensor& y, long long kernel) {
  const auto& w = n.window;
  if (kernel == 0 || kernel == w.kernel_h) return n.conv->forward(y);
  const long long off = (w.kernel_h - kernel) / 2;
  return torch::conv2d(y, n.conv->weight.narrow(2, off, kernel).narrow(3, off, kernel), {}, {w.stride_h, w.stride_w},
                       {w.pad_h - off, w.pad_w - off}, {w.dilation_h, w.dilation_w}, n.groups);
}

}  // namespace

std::string shape_text(const torch::Tensor& t) {
  std::ostringstream s;
  s << "[";
  for (std::size_t i = 0; i < static_cast<std::size_t>(t.dim()); ++i) s << (i ? ", " : "") << t.size(static_cast<long>(i));
  return s.str() + "]";
}

TorchNetwork::TorchNetwork(const workload::Network& net) {
  std::map<std::string, std::size_t> at;
  for (std::size_t i = 0; i < net.layers.size(); ++i) {
    const auto& l = net.layers[i];
    TorchNode n;
    n.name = l.name;
    n.type = l.type;
    n.op = l.op;
    n.loc = l.loc;
    n.window = l.window;
    n.out_channels = l.output_channels();
    for (const auto& in : l.inputs) {
      const auto it = at.find(in);
      const bool outside_read = std::count(n.inputs.begin(), n.inputs.end(), TorchNode::kNetworkInput) > 0;
      if (it != at.end()) n.inputs.push_back(it->second);
      else if (l.type == "add" || !outside_read) n.inputs.push_back(TorchNode::kNetworkInput);
    }
    if ((l.type == "conv2d" || l.type == "pool") && !l.window.known)
      throw unbuildable(l,
                        "the trainer needs the layer's window (input size, kernel, stride, padding): write the layer in hwaware's format");
    if (l.window.asymmetric()) throw unbuildable(l, "the trainer pads both sides of an input alike; this layer pads them differently");
    const std::string module = "layer" + std::to_string(i);
    if (l.type == "conv2d") {
      build_conv(*this, n, l, module);
    } else if (l.type == "fc") {
      n.linear = register_module(module + "_fc", torch::nn::Linear(l.input_channels(), l.output_channels()));
      n.relu = i + 1 < net.layers.size();
    } else if (l.type != "pool" && l.type != "add") {
      throw unbuildable(l, "the trainer cannot build a layer of type '" + l.type + "' (it builds conv2d, fc, pool and add)");
    }
    if (i == 0) {
      if (l.window.known) input_shape = {l.input_channels(), l.window.in_height, l.window.in_width};
      else if (l.type == "add") input_shape = {l.input_channels(), bound(l, "Q"), bound(l, "P")};
      else input_shape = {l.input_channels(), 1, 1};
    }
    at[l.name] = i;
    nodes.push_back(std::move(n));
  }
}

torch::Tensor TorchNetwork::node_input(std::size_t i, const std::vector<torch::Tensor>& out, const torch::Tensor& x) const {
  const TorchNode& n = nodes[i];
  std::vector<torch::Tensor> in;
  for (std::size_t j : n.inputs) in.push_back(j == TorchNode::kNetworkInput ? x : out[j]);
  if (in.empty()) in.push_back(x);
  if (n.type == "fc")
    for (auto& t : in) t = t.flatten(1);
  return in.size() == 1 ? in[0] : torch::cat(in, 1);
}

std::vector<torch::Tensor> TorchNetwork::forward_all(const torch::Tensor& images, std::size_t last) {
  const long long rows = sample && sample->resolution ? sample->resolution : input_shape[1];
  const long long cols = sample && sample->resolution ? sample->resolution : input_shape[2];
  torch::Tensor x = images;
  if (x.dim() == 4 && (x.size(2) != rows || x.size(3) != cols))
    x = torch::nn::functional::interpolate(x, torch::nn::functional::InterpolateFuncOptions()
                                                  .size(std::vector<std::int64_t>{rows, cols})
                                                  .mode(torch::kBilinear)
                                                  .align_corners(false));
  std::vector<torch::Tensor> out(nodes.size());
  for (std::size_t i = 0; i < nodes.size() && i <= last; ++i) {
    TorchNode& n = nodes[i];
    if (n.type == "add") {
      std::vector<torch::Tensor> in;
      for (std::size_t j : n.inputs) in.push_back(j == TorchNode::kNetworkInput ? x : out[j]);
      if (in.empty()) in.push_back(x);
      torch::Tensor sum = in[0];
      for (std::size_t k = 1; k < in.size(); ++k) sum = sum + in[k];
      out[i] = torch::relu(sum);
    } else if (n.type == "fc") {
      torch::Tensor y = n.linear->forward(node_input(i, out, x));
      out[i] = n.relu ? torch::relu(y) : y;
    } else {
      const torch::Tensor y = node_input(i, out, x);
      const auto& w = n.window;
      if (n.type == "conv2d") out[i] = torch::relu(n.norm->forward(convolve(n, y, sample ? sample->kernel[i] : 0)));
      else if (w.global && n.op == "max") out[i] = std::get<0>(torch::adaptive_max_pool2d(y, {1, 1}));
      else if (w.global) out[i] = torch::adaptive_avg_pool2d(y, {1, 1});
      else if (n.op == "max")
        out[i] = torch::max_pool2d(y, {w.kernel_h, w.kernel_w}, {w.stride_h, w.stride_w}, {w.pad_h, w.pad_w}, {w.dilation_h, w.dilation_w});
      else out[i] = torch::avg_pool2d(y, {w.kernel_h, w.kernel_w}, {w.stride_h, w.stride_w}, {w.pad_h, w.pad_w});
    }
    if (sample) apply(*sample, i, out, x);
  }
  return out;
}

void TorchNetwork::apply(const SubnetSample& s, std::size_t i, std::vector<torch::Tensor>& out, const torch::Tensor& x) const {
  if (s.keep[i].defined()) {
    const torch::Tensor& k = s.keep[i];
    out[i] = out[i] * (out[i].dim() == 4 ? k.view({k.size(0), k.size(1), 1, 1}) : k);
  }
  if (s.bypass[i].defined()) {
    const torch::Tensor in = node_input(i, out, x);
    out[i] = torch::where(s.bypass[i].view({-1, 1, 1, 1}), in, out[i]);
  }
}

std::vector<std::pair<std::string, torch::Tensor>> TorchNetwork::state() {
  std::vector<std::pair<std::string, torch::Tensor>> s;
  for (auto& n : nodes) {
    if (n.conv) {
      s.emplace_back(n.name + ".weight", n.conv->weight);
      s.emplace_back(n.name + ".norm.weight", n.norm->weight);
      s.emplace_back(n.name + ".norm.bias", n.norm->bias);
      s.emplace_back(n.name + ".norm.running_mean", n.norm->running_mean);
      s.emplace_back(n.name + ".norm.running_var", n.norm->running_var);
      s.emplace_back(n.name + ".norm.num_batches_tracked", n.norm->num_batches_tracked);
    } else if (n.linear) {
      s.emplace_back(n.name + ".weight", n.linear->weight);
      s.emplace_back(n.name + ".bias", n.linear->bias);
    }
  }
  return s;
}

}  // namespace hwaware::search
