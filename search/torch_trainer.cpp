#include "search/torch_trainer.h"

#include <torch/torch.h>

#include "core/diagnostics.h"

namespace hwaware::search {
namespace {

bool same_widths(const workload::Network& a, const workload::Network& b) {
  if (a.layers.size() != b.layers.size()) return false;
  for (std::size_t i = 0; i < a.layers.size(); ++i)
    if (a.layers[i].output_channels() != b.layers[i].output_channels() || a.layers[i].input_channels() != b.layers[i].input_channels())
      return false;
  return true;
}

}  // namespace

void require_fashion_mnist_shape(const workload::Network& net, const TorchModel& model) {
  const auto& first = net.layers.front();
  // A square map up to 28x28: the images are resized to a smaller one (NetAdapt V2's resolutions).
  const auto& w = first.window;
  const bool image = first.input_channels() == 1 && w.known && w.in_height == w.in_width && w.in_height >= 1 && w.in_height <= 28;
  if (!image)
    throw core::InputError(first.loc, "layer '" + first.name + "'",
                           "the trainer trains on Fashion-MNIST: expected a first layer reading 1 channel of 28x28 (or of a smaller "
                           "square, the images resized to it), found " +
                               std::to_string(first.input_channels()) + " channel(s) of " + std::to_string(first.window.in_height) + "x" +
                               std::to_string(first.window.in_width));
  const auto out = model.output_shape(2);
  if (out != std::vector<long long>{2, 10}) {
    const auto& last = net.layers.back();
    throw core::InputError(last.loc, "layer '" + last.name + "'",
                           "the trainer trains on Fashion-MNIST: expected 10 scores per image from the last layer, found " +
                               std::to_string(out.size() > 1 ? out[1] : 0));
  }
}

TorchTrainer::TorchTrainer(const FashionMnist& data, const workload::Network& start, const std::string& weights_path,
                           const TrainOptions& options)
    : data_(data), options_(options), groups_(width_groups(start)), current_(std::make_unique<TorchModel>(start, options.seed)) {
  require_fashion_mnist_shape(start, *current_);
  current_->load(weights_path);
  torch::set_num_threads(options.threads);  // the starting network is scored before any fine-tune
}

TorchTrainer::~TorchTrainer() = default;

TrainOptions TorchTrainer::seeded(const workload::Network& net, unsigned long long salt) const {
  unsigned long long h = 1469598103934665603ULL ^ options_.seed ^ (salt * 0x9e3779b97f4a7c15ULL);  // FNV-1a over the widths
  for (const auto& l : net.layers) {
    h ^= static_cast<unsigned long long>(l.output_channels());
    h *= 1099511628211ULL;
  }
  TrainOptions o = options_;
  o.seed = h;
  return o;
}

double TorchTrainer::try_proposal(const workload::Network& proposal, std::size_t group, long long steps) {
  std::unique_ptr<TorchModel> model;
  if (group == kNoGroup) {
    if (!same_widths(proposal, current_->network())) core::panic("a proposal without a group must be the current network");
  } else {
    model = current_->narrowed(proposal, groups_.at(group).layers);
  }
  TorchModel& m = model ? *model : *current_;
  if (steps > 0) {
    TrainOptions o = seeded(proposal, 1);
    o.steps = steps;
    m.train(data_.train, 0, training_images(data_), o);
  }
  const double holdout = m.accuracy(data_.train, training_images(data_), data_.train.count);
  if (model) tried_.push_back({proposal, std::move(model)});
  return holdout;
}

void TorchTrainer::accept(const workload::Network& chosen) {
  for (auto& t : tried_) {
    if (same_widths(t.net, chosen)) {
      current_ = std::move(t.model);
      tried_.clear();
      return;
    }
  }
  if (!same_widths(chosen, current_->network())) core::panic("accepting a network that was not tried");
  tried_.clear();
}

double TorchTrainer::test_accuracy() { return current_->accuracy(data_.test, 0, data_.test.count); }

void TorchTrainer::save(const std::string& path) const { current_->save(path); }

void TorchTrainer::restore(const workload::Network& net, const std::string& path) {
  auto model = std::make_unique<TorchModel>(net, options_.seed);
  model->load(path);
  current_ = std::move(model);
  tried_.clear();
}

double TorchTrainer::finish(long long steps) {
  TrainOptions o = seeded(current_->network(), 2);
  o.steps = steps;
  current_->train(data_.train, 0, training_images(data_), o);
  return test_accuracy();
}

}  // namespace hwaware::search
