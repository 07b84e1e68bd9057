#include "search/torch_model.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

#include "search/torch_model_impl.h"

namespace hwaware::search {
namespace {

// Fashion-MNIST's pixel mean and standard deviation (over the training set, on [0, 1]).
constexpr float kMean = 0.2860f, kStd = 0.3530f;

}  // namespace

torch::Tensor normalized_images(const ImageSet& set, const std::vector<long long>& index, std::size_t from, std::size_t count) {
  const auto pixels = static_cast<std::size_t>(set.rows * set.cols);
  std::vector<float> buf(count * pixels);
  for (std::size_t b = 0; b < count; ++b) {
    const auto* src = set.pixels.data() + static_cast<std::size_t>(index[from + b]) * pixels;
    for (std::size_t p = 0; p < pixels; ++p) buf[b * pixels + p] = (static_cast<float>(src[p]) / 255.0f - kMean) / kStd;
  }
  return torch::from_blob(buf.data(), {static_cast<long long>(count), 1, set.rows, set.cols}, torch::kFloat32).clone();
}

namespace {

torch::Tensor labels(const ImageSet& set, const std::vector<long long>& index, std::size_t from, std::size_t count) {
  std::vector<std::int64_t> buf(count);
  for (std::size_t b = 0; b < count; ++b) buf[b] = set.labels[static_cast<std::size_t>(index[from + b])];
  return torch::from_blob(buf.data(), {static_cast<long long>(count)}, torch::kInt64).clone();
}

}  // namespace

TorchModel::TorchModel(const workload::Network& net, unsigned long long seed) {
  torch::manual_seed(seed);
  impl_ = std::make_unique<Impl>(Impl{std::make_shared<TorchNetwork>(net), net, {}});
}

TorchModel::~TorchModel() = default;

const workload::Network& TorchModel::network() const { return impl_->workload; }

double TorchModel::train(const ImageSet& set, long long first, long long last, const TrainOptions& o) {
  torch::set_num_threads(o.threads);
  torch::manual_seed(o.seed);
  std::vector<long long> index(static_cast<std::size_t>(last - first));
  std::iota(index.begin(), index.end(), first);
  std::mt19937_64 rng(o.seed);
  std::shuffle(index.begin(), index.end(), rng);
  auto& net = *impl_->net;
  torch::optim::SGD sgd(net.parameters(), torch::optim::SGDOptions(o.learning_rate).momentum(o.momentum).weight_decay(o.weight_decay));
  net.train();
  double tail = 0;
  long long counted = 0;
  std::size_t at = 0;
  const auto batch = static_cast<std::size_t>(std::min<long long>(o.batch, static_cast<long long>(index.size())));
  double window = 0;
  for (long long s = 0; s < o.steps; ++s) {
    if (o.cosine) {
      const double lr = 0.5 * o.learning_rate * (1 + std::cos(M_PI * static_cast<double>(s) / static_cast<double>(o.steps)));
      for (auto& g : sgd.param_groups()) static_cast<torch::optim::SGDOptions&>(g.options()).lr(lr);
    }
    if (at + batch > index.size()) {
      std::shuffle(index.begin(), index.end(), rng);
      at = 0;
    }
    if (o.before_step) o.before_step(s, static_cast<long long>(batch));
    sgd.zero_grad();
    auto loss = torch::nn::functional::cross_entropy(net.forward(normalized_images(set, index, at, batch)), labels(set, index, at, batch));
    loss.backward();
    sgd.step();
    if (!impl_->masks.empty()) {
      torch::NoGradGuard no_grad;
      for (auto& [layer, m] : impl_->masks) m.first.mul_(m.second);
    }
    at += batch;
    const double l = loss.item<double>();
    window += l;
    if (o.progress && o.report_every > 0 && (s + 1) % o.report_every == 0) {
      o.progress(s + 1, window / static_cast<double>(o.report_every));
      window = 0;
    }
    if (s >= o.steps - std::max(1LL, o.steps / 10)) {
      tail += l;
      ++counted;
    }
  }
  return counted ? tail / static_cast<double>(counted) : 0;
}

void TorchModel::recalibrate_norms(const ImageSet& set, long long first, long long last) {
  torch::NoGradGuard no_grad;
  auto& net = *impl_->net;
  net.train();
  for (auto& n : net.nodes)
    if (n.norm) {
      n.norm->reset_running_stats();
      n.norm->options.momentum(c10::nullopt);  // a cumulative average over the batches
    }
  std::vector<long long> index(static_cast<std::size_t>(last - first));
  std::iota(index.begin(), index.end(), first);
  for (std::size_t at = 0; at < index.size(); at += 500)
    net.forward(normalized_images(set, index, at, std::min<std::size_t>(500, index.size() - at)));
  for (auto& n : net.nodes)
    if (n.norm) n.norm->options.momentum(torch::nn::BatchNorm2dOptions(1).momentum());
}

double TorchModel::accuracy(const ImageSet& set, long long first, long long last) const {
  torch::NoGradGuard no_grad;
  auto& net = *impl_->net;
  net.eval();
  std::vector<long long> index(static_cast<std::size_t>(last - first));
  std::iota(index.begin(), index.end(), first);
  long long right = 0;
  for (std::size_t at = 0; at < index.size(); at += 500) {
    const std::size_t n = std::min<std::size_t>(500, index.size() - at);
    auto guess = net.forward(normalized_images(set, index, at, n)).argmax(1);
    right += guess.eq(labels(set, index, at, n)).sum().item<std::int64_t>();
  }
  return index.empty() ? 0 : static_cast<double>(right) / static_cast<double>(index.size());
}

std::vector<long long> TorchModel::output_shape(long long batch) const {
  torch::NoGradGuard no_grad;
  auto& net = *impl_->net;
  net.eval();
  std::vector<std::int64_t> in{batch};
  in.insert(in.end(), net.input_shape.begin(), net.input_shape.end());
  auto y = net.forward(torch::zeros(in));
  return std::vector<long long>(y.sizes().begin(), y.sizes().end());
}

}  // namespace hwaware::search
