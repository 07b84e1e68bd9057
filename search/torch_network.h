#pragma once
// The LibTorch module behind TorchModel, one node per workload layer (internal to search/torch_*.cpp:
// this header includes LibTorch). Weights are named after the workload's layers, the way a
// PyTorch state_dict names them: "<layer>.weight", "<layer>.norm.running_mean", ...

#include <torch/torch.h>

#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "search/subnet_space.h"
#include "workloads/layer.h"

namespace hwaware::search {

struct TorchNode {
  std::string name, type, op;
  core::SourceLoc loc;
  // An input from outside the network (a layer built alone, e.g. to be timed): the network's
  // input stands in for it, once per operand of an add, once for the others' concatenation.
  static constexpr std::size_t kNetworkInput = static_cast<std::size_t>(-1);
  std::vector<std::size_t> inputs;  // empty: the network's input
  workload::Window window;
  long long out_channels = 0, groups = 1;
  bool depthwise = false;  // a grouped convolution with one input channel per output channel
  bool relu = true;
  torch::nn::Conv2d conv{nullptr};
  torch::nn::BatchNorm2d norm{nullptr};
  torch::nn::Linear linear{nullptr};
  // Whether the node chooses its own output channels (conv2d and fc but depthwise ones); pools,
  // adds and depthwise convolutions pass their input's channels through.
  bool produces() const { return (type == "conv2d" && !depthwise) || type == "fc"; }
};

// One training step's sub-networks of a super-network (NetAdapt V2's ordered dropout): per image,
// the channels a node keeps and whether it passes its input on instead; per step, its kernel.
struct SubnetSample {
  std::vector<torch::Tensor> keep;    // per node: images x channels of 1 (kept: the first k) and 0; undefined: all kept
  std::vector<torch::Tensor> bypass;  // per node: images, true where its input stands in for its output; undefined: never
  std::vector<long long> kernel;      // per node: the centre k x k of its kernel, padding shrunk alike; 0: all of it
  long long resolution = 0;           // images resized to r x r first; 0: the network's own input size
};

struct TorchNetwork : torch::nn::Module {
  std::vector<TorchNode> nodes;
  std::vector<long long> input_shape;    // channels, height, width of one image
  const SubnetSample* sample = nullptr;  // set while a super-network trains: the sub-networks of the batch

  // Throws core::InputError for a layer it cannot build, naming the layer.
  explicit TorchNetwork(const workload::Network& net);
  // Every node's output for a batch of images (nodes after `last` are not run: left undefined).
  // Images of another size than the network's input (or the sample's resolution) are resized to it
  // first (bilinear): a network searched at a lower resolution reads Fashion-MNIST's 28x28 images.
  std::vector<torch::Tensor> forward_all(const torch::Tensor& images, std::size_t last = static_cast<std::size_t>(-1));
  // What node i reads, given the outputs of the nodes before it: its inputs (the network's input
  // `x` for outside ones) concatenated along channels; an FC node's flattened first. Not for adds.
  torch::Tensor node_input(std::size_t i, const std::vector<torch::Tensor>& out, const torch::Tensor& x) const;
  torch::Tensor forward(const torch::Tensor& x) { return forward_all(x).back().flatten(1); }
  // Ordered dropout and bypass of node i's output `out[i]` under sample `s`.
  void apply(const SubnetSample& s, std::size_t i, std::vector<torch::Tensor>& out, const torch::Tensor& x) const;
  // Every weight and buffer, named as in a state_dict.
  std::vector<std::pair<std::string, torch::Tensor>> state();
};

// The sub-networks of per-image choices `values` (per dimension of `s`, one value per image; a
// kernel or the resolution: one value) as ordered dropout applies them to `net` (built from
// s.super): a producer keeps the first channels its group's choice keeps, a bypassed one passes its
// input on, and depthwise convolutions keep what they read.
SubnetSample subnet_sample(const SubnetSpace& s, const TorchNetwork& net, const std::vector<std::vector<long long>>& values);

// A tensor's sizes as "[32, 1, 3, 3]", for messages.
std::string shape_text(const torch::Tensor& t);

// The network of `proposal` (`net` with the layers of one width group narrowed to the proposal's
// width; see network_surgery.h) with `net`'s weights narrowed: the output channels whose filters
// have the largest L2 norm, summed over the group's layers, are kept in their order, with their
// batch-norm parameters; pools, adds and depthwise convolutions pass the choice on; consumers keep
// the matching input channels (FC layers the matching flattened features). Throws
// core::InputError for a grouped, non-depthwise convolution it would have to cut.
std::shared_ptr<TorchNetwork> narrow(TorchNetwork& net, const workload::Network& proposal, const std::vector<std::size_t>& group_layers);

// The network `sub` (a sub-network of the super-network `super`: search/subnet_space.h) with
// `super`'s weights: each producer keeps its first `kept(node)` output channels (-1: all), a node
// with bypass[node] is left out (its consumers read its input), kernels keep their centre.
std::shared_ptr<TorchNetwork> extract(TorchNetwork& super, const workload::Network& sub, const std::function<long long(std::size_t)>& kept,
                                      const std::vector<bool>& bypass);

}  // namespace hwaware::search
