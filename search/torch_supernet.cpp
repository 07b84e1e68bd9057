#include "search/torch_supernet.h"

#include <random>

#include "core/diagnostics.h"
#include "search/torch_model_impl.h"
#include "search/torch_trainer.h"

namespace hwaware::search {
namespace {

// Share of images that run the whole super-network in each step, so that it stays trained too.
constexpr double kWholeShare = 0.25;

// One step's sub-networks: per image a choice of every width dimension, per step one of every kernel.
SubnetSample draw(const SubnetSpace& s, const TorchNetwork& net, long long images, std::mt19937_64& rng) {
  const std::size_t nodes = net.nodes.size();
  SubnetSample sample{std::vector<torch::Tensor>(nodes), std::vector<torch::Tensor>(nodes), std::vector<long long>(nodes, 0)};
  std::vector<bool> whole(static_cast<std::size_t>(images));
  std::bernoulli_distribution coin(kWholeShare);
  for (auto&& w : whole) w = coin(rng);
  for (const auto& d : s.dims) {
    std::uniform_int_distribution<std::size_t> pick(0, d.choices.size() - 1);
    if (d.kind == Dimension::Kind::kernel) {
      sample.kernel[d.index] = d.choices[pick(rng)];
      continue;
    }
    if (d.kind == Dimension::Kind::resolution) {
      sample.resolution = d.choices[pick(rng)];
      continue;
    }
    std::vector<std::int64_t> width(static_cast<std::size_t>(images));
    for (std::size_t b = 0; b < width.size(); ++b) width[b] = whole[b] ? d.choices.back() : d.choices[pick(rng)];
    const torch::Tensor w = torch::tensor(width, torch::kInt64);
    const auto& group = s.groups[d.index];
    const torch::Tensor keep = (torch::arange(static_cast<std::int64_t>(group.width)).unsqueeze(0) < w.unsqueeze(1)).to(torch::kFloat32);
    for (std::size_t i : group.layers) {
      const TorchNode& n = net.nodes[i];
      if (!n.conv && !n.linear) continue;  // pools and adds pass cut channels on
      sample.keep[i] = keep;               // a depthwise convolution too: its batch norm's shift would refill a cut channel
      if (n.produces() && d.choices.front() == 0) sample.bypass[i] = w.eq(0);
    }
  }
  return sample;
}

}  // namespace

TorchSupernet::TorchSupernet(const FashionMnist& data, const SubnetSpace& space, const std::string& weights_path,
                             const TrainOptions& options)
    : data_(data), space_(space), options_(options), super_(std::make_unique<TorchModel>(space.super, options.seed)) {
  require_fashion_mnist_shape(space.super, *super_);
  super_->load(weights_path);
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
