// Narrowing a network's weights to a NetAdapt proposal (the filters of largest L2 norm kept, with
// their batch-norm parameters, and the consumers' matching input channels), and extracting a
// NetAdapt V2 sub-network from its super-network (the first channels kept, bypassed layers left out).

#include <algorithm>
#include <map>

#include "core/diagnostics.h"
#include "search/torch_model_impl.h"

namespace hwaware::search {
namespace {

torch::Tensor index(const std::vector<long long>& keep) {
  return torch::tensor(std::vector<std::int64_t>(keep.begin(), keep.end()), torch::kInt64);
}

std::vector<long long> all(long long n) {
  std::vector<long long> v(static_cast<std::size_t>(n));
  for (long long i = 0; i < n; ++i) v[static_cast<std::size_t>(i)] = i;
  return v;
}

// The output channels each node keeps, and the input channels (features for FC layers) each
// consumer keeps.
struct Keep {
  std::vector<std::vector<long long>> out, in;
};

// `produce(i)`: the output channels producer i keeps. A node with bypass[i] keeps what its input does.
Keep keep_channels(TorchNetwork& net, const std::function<std::vector<long long>(std::size_t)>& produce, const std::vector<bool>& bypass) {
  torch::NoGradGuard no_grad;
  net.eval();
  std::vector<std::int64_t> in_shape{1};
  in_shape.insert(in_shape.end(), net.input_shape.begin(), net.input_shape.end());
  const auto outputs = net.forward_all(torch::zeros(in_shape));
  Keep k;
  k.out.resize(net.nodes.size());
  k.in.resize(net.nodes.size());
  for (std::size_t i = 0; i < net.nodes.size(); ++i) {
    const TorchNode& n = net.nodes[i];
    // What the node reads, channel by channel (and feature by feature once flattened).
    std::vector<long long> channels, features;
    long long channel_offset = 0, feature_offset = 0;
    const auto read = [&](const std::vector<long long>& keep, long long count, long long spatial) {
      for (long long c : keep) {
        channels.push_back(channel_offset + c);
        for (long long s = 0; s < spatial; ++s) features.push_back(feature_offset + c * spatial + s);
      }
      channel_offset += count;
      feature_offset += count * spatial;
    };
    if (n.inputs.empty()) read(all(net.input_shape[0]), net.input_shape[0], net.input_shape[1] * net.input_shape[2]);
    for (std::size_t j : n.inputs) {
      const long long count = outputs[j].size(1);
      read(k.out[j], count, outputs[j].numel() / count);
    }
    if (bypass[i]) k.out[i] = k.out[n.inputs.front()];
    else if (n.produces()) k.out[i] = produce(i);
    else if (n.type == "add") k.out[i] = k.out[n.inputs.empty() ? i : n.inputs.front()];
    else k.out[i] = channels;
    k.in[i] = n.type == "fc" ? features : channels;
    if (n.type == "conv2d" && n.groups > 1 && !n.depthwise && static_cast<long long>(channels.size()) != channel_offset)
      throw core::InputError(n.loc, "layer '" + n.name + "'",
                             "the trainer narrows grouped convolutions only when they are depthwise (one input channel per group)");
  }
  return k;
}

// The channels of the group to keep: the `width` of largest filter L2 norm, summed over the group's
// producers, in their original order.
std::vector<long long> strongest(TorchNetwork& net, const std::vector<std::size_t>& group, long long width) {
  torch::NoGradGuard no_grad;
  torch::Tensor score;
  for (std::size_t i : group) {
    const TorchNode& n = net.nodes[i];
    if (!n.produces()) continue;
    const torch::Tensor w = n.conv ? n.conv->weight : n.linear->weight;
    const torch::Tensor s = w.pow(2).flatten(1).sum(1);
    score = score.defined() ? score + s : s;
  }
  if (!score.defined()) core::panic("a width group without a layer that sets its width");
  const torch::Tensor top = std::get<0>(std::get<1>(score.topk(width)).sort());
  return std::vector<long long>(top.data_ptr<std::int64_t>(), top.data_ptr<std::int64_t>() + top.numel());
}

void copy_into(torch::Tensor& to, const torch::Tensor& from, const std::string& what) {
  if (!to.sizes().equals(from.sizes())) core::panic("narrowing " + what + ": " + shape_text(from) + " does not fit " + shape_text(to));
  torch::NoGradGuard no_grad;
  to.copy_(from);
}

// The network `target` with `old`'s weights cut to what `k` keeps, node by node of the same name
// (nodes of `old` that `target` lacks are left out); kernels keep their centre.
std::shared_ptr<TorchNetwork> copy_kept(TorchNetwork& old, const workload::Network& target, const Keep& k) {
  std::map<std::string, std::size_t> at;
  for (std::size_t i = 0; i < old.nodes.size(); ++i) at[old.nodes[i].name] = i;
  auto result = std::make_shared<TorchNetwork>(target);
  for (TorchNode& n : result->nodes) {
    const std::size_t i = at.at(n.name);
    const TorchNode& o = old.nodes[i];
    const torch::Tensor out = index(k.out[i]), in = index(k.in[i]);
    if (o.conv) {
      torch::Tensor w = o.conv->weight.index_select(0, out);
      if (!o.depthwise && o.groups == 1) w = w.index_select(1, in);
      const long long kernel = n.conv->weight.size(2), off = (w.size(2) - kernel) / 2;
      if (off > 0) w = w.narrow(2, off, kernel).narrow(3, off, kernel);
      copy_into(n.conv->weight, w, o.name);
      copy_into(n.norm->weight, o.norm->weight.index_select(0, out), o.name);
      copy_into(n.norm->bias, o.norm->bias.index_select(0, out), o.name);
      copy_into(n.norm->running_mean, o.norm->running_mean.index_select(0, out), o.name);
      copy_into(n.norm->running_var, o.norm->running_var.index_select(0, out), o.name);
      copy_into(n.norm->num_batches_tracked, o.norm->num_batches_tracked, o.name);
    } else if (o.linear) {
      copy_into(n.linear->weight, o.linear->weight.index_select(0, out).index_select(1, in), o.name);
      copy_into(n.linear->bias, o.linear->bias.index_select(0, out), o.name);
    }
  }
  return result;
}

}  // namespace

std::shared_ptr<TorchNetwork> narrow(TorchNetwork& old, const workload::Network& proposal, const std::vector<std::size_t>& group_layers) {
  const long long width = proposal.layers.at(group_layers.front()).output_channels();
  const auto kept = strongest(old, group_layers, width);
  const auto produce = [&](std::size_t i) {
    return std::find(group_layers.begin(), group_layers.end(), i) != group_layers.end() ? kept : all(old.nodes[i].out_channels);
  };
  return copy_kept(old, proposal, keep_channels(old, produce, std::vector<bool>(old.nodes.size(), false)));
}

std::shared_ptr<TorchNetwork> extract(TorchNetwork& super, const workload::Network& sub, const std::function<long long(std::size_t)>& kept,
                                      const std::vector<bool>& bypass) {
  const auto produce = [&](std::size_t i) {
    const long long k = kept(i);
    return all(k < 0 ? super.nodes[i].out_channels : k);
  };
  return copy_kept(super, sub, keep_channels(super, produce, bypass));
}

std::unique_ptr<TorchModel> TorchModel::narrowed(const workload::Network& proposal, const std::vector<std::size_t>& group_layers) const {
  auto result = std::make_unique<TorchModel>(proposal, 0);
  result->impl_->net = narrow(*impl_->net, proposal, group_layers);
  return result;
}

}  // namespace hwaware::search
