#include "search/torch_supernet.h"

#include <random>

#include "core/diagnostics.h"
#include "search/torch_model_impl.h"
#include "search/torch_trainer.h"

namespace hwaware::search {
namespace {

// Share of images that run the whole super-network in each step, so that it stays trained too.
constexpr double kWholeShare = 0.25;

// One step's sub-networks: per image a choice of every width dimension, per step one of every
// kernel and of the resolution.
SubnetSample draw(const SubnetSpace& s, const TorchNetwork& net, long long images, std::mt19937_64& rng) {
  std::vector<bool> whole(static_cast<std::size_t>(images));
  std::bernoulli_distribution coin(kWholeShare);
  for (auto&& w : whole) w = coin(rng);
  std::vector<std::vector<long long>> values;
  for (const auto& d : s.dims) {
    std::uniform_int_distribution<std::size_t> pick(0, d.choices.size() - 1);
    if (d.kind != Dimension::Kind::width) {
      values.push_back({d.choices[pick(rng)]});
      continue;
    }
    values.emplace_back(static_cast<std::size_t>(images));
    for (std::size_t b = 0; b < whole.size(); ++b) values.back()[b] = whole[b] ? d.choices.back() : d.choices[pick(rng)];
  }
  return subnet_sample(s, net, values);
}

}  // namespace

SubnetSample subnet_sample(const SubnetSpace& s, const TorchNetwork& net, const std::vector<std::vector<long long>>& values) {
  const std::size_t nodes = net.nodes.size();
  SubnetSample sample{std::vector<torch::Tensor>(nodes), std::vector<torch::Tensor>(nodes), std::vector<long long>(nodes, 0)};
  std::vector<torch::Tensor> group_keep(nodes), group_bypass(nodes);  // per producer
  for (std::size_t k = 0; k < s.dims.size(); ++k) {
    const auto& d = s.dims[k];
    if (d.kind == Dimension::Kind::kernel) sample.kernel[d.index] = values[k].front();
    if (d.kind == Dimension::Kind::resolution) sample.resolution = values[k].front();
    if (d.kind != Dimension::Kind::width) continue;
    const torch::Tensor w = torch::tensor(std::vector<std::int64_t>(values[k].begin(), values[k].end()), torch::kInt64);
    const auto& group = s.groups[d.index];
    const torch::Tensor keep = (torch::arange(static_cast<std::int64_t>(group.width)).unsqueeze(0) < w.unsqueeze(1)).to(torch::kFloat32);
    for (std::size_t i : group.layers) {  // the producers
      group_keep[i] = keep;
      if (d.choices.front() == 0) group_bypass[i] = w.eq(0);
    }
  }
  // In node order, the channels each node's output keeps (undefined: all): a producer its group's (its
  // input's where bypassed), the others what they read.
  std::vector<torch::Tensor> kept(nodes);
  const auto read = [&](std::size_t j, long long images) {
    if (j == TorchNode::kNetworkInput) return torch::Tensor();
    return kept[j].defined() ? kept[j] : torch::ones({images, net.nodes[j].out_channels});
  };
  for (std::size_t i = 0; i < nodes; ++i) {
    const TorchNode& n = net.nodes[i];
    if (n.produces()) {
      if (!group_keep[i].defined()) continue;
      sample.keep[i] = kept[i] = group_keep[i];
      if (group_bypass[i].defined()) {
        sample.bypass[i] = group_bypass[i];
        kept[i] = torch::where(group_bypass[i].unsqueeze(1), read(n.inputs.front(), group_keep[i].size(0)), group_keep[i]);
      }
      continue;
    }
    std::vector<torch::Tensor> in;
    long long images = 0;
    for (std::size_t j : n.inputs)
      if (j != TorchNode::kNetworkInput && kept[j].defined()) images = kept[j].size(0);
    if (images == 0) continue;  // reads nothing cut
    for (std::size_t j : n.inputs) in.push_back(read(j, images));
    kept[i] = n.type == "add" || in.size() == 1 ? in.front() : torch::cat(in, 1);
    if (n.conv) sample.keep[i] = kept[i];  // a depthwise convolution: its batch norm's shift would refill a cut channel
  }
  return sample;
}

TorchSupernet::TorchSupernet(const FashionMnist& data, const SubnetSpace& space, const std::string& weights_path,
                             const TrainOptions& options)
    : data_(data), space_(space), options_(options), super_(std::make_unique<TorchModel>(space.super, options.seed)) {
  require_fashion_mnist_shape(space.super, *super_);
  super_->load(weights_path);
  torch::set_num_threads(options.threads);  // scoring may come before any training (a reused super-network)
}

TorchSupernet::~TorchSupernet() = default;

double TorchSupernet::train(long long steps) {
  TorchNetwork& net = *super_->impl_->net;
  std::mt19937_64 rng(options_.seed * 0x9e3779b97f4a7c15ULL + 17);
  SubnetSample sample;
  TrainOptions o = options_;
  o.steps = steps;
  o.before_step = [&](long long, long long images) {
    sample = draw(space_, net, images, rng);
    net.sample = &sample;
  };
  const double loss = super_->train(data_.train, 0, training_images(data_), o);
  net.sample = nullptr;
  cut_.reset();
  return loss;
}

void TorchSupernet::save_super(const std::string& path) const { super_->save(path); }

void TorchSupernet::load_super(const std::string& path) {
  super_->load(path);
  cut_.reset();
}

std::unique_ptr<TorchModel> TorchSupernet::extract(const workload::Network& net, const SubnetConfig& c) const {
  std::vector<long long> kept(space_.super.layers.size(), -1);
  for (std::size_t k = 0; k < space_.dims.size(); ++k)
    if (space_.dims[k].kind == Dimension::Kind::width)
      for (std::size_t i : space_.groups[space_.dims[k].index].layers) kept[i] = c[k];
  std::vector<bool> bypass(space_.super.layers.size());
  for (std::size_t i = 0; i < bypass.size(); ++i) bypass[i] = bypassed(space_, c, i);
  auto model = std::make_unique<TorchModel>(net, options_.seed);
  model->impl_->net = search::extract(
      *super_->impl_->net, net, [&](std::size_t i) { return kept[i]; }, bypass);
  model->recalibrate_norms(data_.train, 0, kRecalibrationImages);
  return model;
}

TorchModel& TorchSupernet::cut(const workload::Network& net, const SubnetConfig& c) {
  if (!cut_ || cut_config_ != c) {
    cut_ = extract(net, c);
    cut_config_ = c;
  }
  return *cut_;
}

double TorchSupernet::holdout_accuracy(const workload::Network& net, const SubnetConfig& c) {
  return cut(net, c).accuracy(data_.train, training_images(data_), data_.train.count);
}

double TorchSupernet::test_accuracy(const workload::Network& net, const SubnetConfig& c) {
  return cut(net, c).accuracy(data_.test, 0, data_.test.count);
}

void TorchSupernet::save(const workload::Network& net, const SubnetConfig& c, const std::string& path) { cut(net, c).save(path); }

double TorchSupernet::finish(const workload::Network& net, const SubnetConfig& c, long long steps, const std::string& path) {
  auto model = extract(net, c);
  TrainOptions o = options_;
  o.steps = steps;
  o.seed = options_.seed + 2;
  model->train(data_.train, 0, training_images(data_), o);
  if (!path.empty()) model->save(path);
  return model->accuracy(data_.test, 0, data_.test.count);
}

}  // namespace hwaware::search
