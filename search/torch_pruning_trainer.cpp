#include "search/torch_pruning_trainer.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <random>

#include "core/diagnostics.h"
#include "search/torch_model_impl.h"
#include "search/torch_trainer.h"

namespace hwaware::search {
namespace {

using RowMajor = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

Eigen::MatrixXd to_eigen(const torch::Tensor& t) {
  const torch::Tensor d = t.to(torch::kFloat64).contiguous();
  const auto rows = d.dim() > 0 ? d.size(0) : 1;
  const auto cols = d.dim() > 1 ? d.size(1) : 1;
  return Eigen::Map<const RowMajor>(d.data_ptr<double>(), rows, cols);
}

std::size_t node_index(const TorchNetwork& net, const std::string& layer) {
  for (std::size_t i = 0; i < net.nodes.size(); ++i)
    if (net.nodes[i].name == layer && (net.nodes[i].conv || net.nodes[i].linear)) return i;
  core::panic("pruning a layer without weights or not in the network: " + layer);
}

// The weight tensor of a conv2d or FC node.
torch::Tensor& weight_of(TorchNode& n) { return n.conv ? n.conv->weight : n.linear->weight; }

// Least-squares sums of one layer, accumulated over batches of sampled rows.
struct Sums {
  std::vector<torch::Tensor> gram, cross, target;
  void add(const torch::Tensor& x, const torch::Tensor& y) {
    const auto groups = static_cast<long long>(gram.size());
    const auto kg = x.size(1) / groups, mg = y.size(1) / groups;
    for (long long g = 0; g < groups; ++g) {
      const auto xg = x.narrow(1, g * kg, kg), yg = y.narrow(1, g * mg, mg);
      const auto gi = static_cast<std::size_t>(g);
      gram[gi] += xg.t().mm(xg).to(torch::kFloat64);  // a batch's sums in single precision, the total in double
      cross[gi] += xg.t().mm(yg).to(torch::kFloat64);
      target[gi] += yg.pow(2).sum(0).to(torch::kFloat64);
    }
  }
};

// A convolution's input patches (im2col: one row of k values per output position) and `take`
// positions drawn among them.
std::pair<torch::Tensor, torch::Tensor> sampled_patches(const torch::Tensor& input, const workload::Window& win, long long k,
                                                        long long take, std::mt19937_64& rng) {
  namespace F = torch::nn::functional;
  torch::Tensor cols = F::unfold(input, F::UnfoldFuncOptions({win.kernel_h, win.kernel_w})
                                            .dilation({win.dilation_h, win.dilation_w})
                                            .padding({win.pad_h, win.pad_w})
                                            .stride({win.stride_h, win.stride_w}))
                           .permute({0, 2, 1})
                           .reshape({-1, k});
  std::uniform_int_distribution<long long> pick(0, cols.size(0) - 1);
  std::vector<std::int64_t> rows(static_cast<std::size_t>(take));
  for (auto& r : rows) r = pick(rng);
  return {cols, torch::from_blob(rows.data(), {take}, torch::kInt64).clone()};
}

}  // namespace

struct TorchPruningTrainer::Impl {
  Impl(const FashionMnist& d, const workload::Network& net, const std::string& weights, const TrainOptions& o, const PatchSampling& s)
      : data(d), options(o), sampling(s), original(net, o.seed), current(net, o.seed) {
    require_fashion_mnist_shape(net, current);
    original.load(weights);
    current.load(weights);
  }
  const FashionMnist& data;
  TrainOptions options;
  PatchSampling sampling;
  TorchModel original, current;
  std::vector<torch::Tensor> kept;                            // the snapshot: the current network's state, cloned
  std::map<std::string, std::vector<torch::Tensor>> targets;  // per layer and batch: original outputs at the sample
};

TorchPruningTrainer::TorchPruningTrainer(const FashionMnist& data, const workload::Network& net, const std::string& weights_path,
                                         const TrainOptions& options, const PatchSampling& sampling)
    : impl_(std::make_unique<Impl>(data, net, weights_path, options, sampling)) {}

TorchPruningTrainer::~TorchPruningTrainer() = default;

LayerLeastSquares TorchPruningTrainer::least_squares(const std::string& layer) {
  torch::NoGradGuard no_grad;
  torch::set_num_threads(impl_->options.threads);
  TorchNetwork& cur = *impl_->current.impl_->net;
  TorchNetwork& orig = *impl_->original.impl_->net;
  cur.eval();
  orig.eval();
  const std::size_t i = node_index(cur, layer);
  TorchNode& n = cur.nodes[i];
  TorchNode& o = orig.nodes[i];
  const bool fc = static_cast<bool>(n.linear);
  const PatchSampling& s = impl_->sampling;
  // The sample depends on the layer only: every trial of a layer sees the same patches, and the
  // original outputs there are computed once.
  std::mt19937_64 rng(impl_->options.seed ^ (static_cast<unsigned long long>(i + 1) * 0x9e3779b97f4a7c15ULL));
  std::vector<long long> index(static_cast<std::size_t>(training_images(impl_->data)));
  std::iota(index.begin(), index.end(), 0);
  std::shuffle(index.begin(), index.end(), rng);
  const long long images = std::min<long long>(fc ? s.fc_images : s.conv_images, static_cast<long long>(index.size()));
  auto& targets = impl_->targets[layer];  // per batch: the original outputs at the sampled places
  const bool known = !targets.empty();

  const torch::Tensor w = weight_of(n).detach().flatten(1).to(torch::kFloat64);
  const long long groups = fc ? 1 : n.groups, kg = w.size(1), mg = w.size(0) / groups;
  Sums sums;
  for (long long g = 0; g < groups; ++g) {
    sums.gram.push_back(torch::zeros({kg, kg}, torch::kFloat64));
    sums.cross.push_back(torch::zeros({kg, mg}, torch::kFloat64));
    sums.target.push_back(torch::zeros({mg}, torch::kFloat64));
  }
  std::size_t batch = 0;
  for (long long from = 0; from < images; from += s.batch, ++batch) {
    const long long count = std::min(s.batch, images - from);
    const torch::Tensor x = normalized_images(impl_->data.train, index, static_cast<std::size_t>(from), static_cast<std::size_t>(count));
    const torch::Tensor in_c = cur.node_input(i, cur.forward_all(x, i), x);
    torch::Tensor in_o;
    if (!known) in_o = orig.node_input(i, orig.forward_all(x, i), x);
    if (fc) {
      if (!known) targets.push_back(o.linear->forward(in_o));
      sums.add(in_c, targets[batch] - n.linear->bias);
      continue;
    }
    const auto [cols, at] = sampled_patches(in_c, n.window, groups * kg, std::max(1LL, s.conv_patches * count / images), rng);
    if (!known) targets.push_back(o.conv->forward(in_o).flatten(2).permute({0, 2, 1}).reshape({-1, w.size(0)}).index_select(0, at));
    sums.add(cols.index_select(0, at), targets[batch]);
  }
  LayerLeastSquares ls;
  for (long long g = 0; g < groups; ++g) {
    const auto gi = static_cast<std::size_t>(g);
    LeastSquaresBlock b;
    b.gram = to_eigen(sums.gram[gi]);
    b.cross = to_eigen(sums.cross[gi]);
    b.target = to_eigen(sums.target[gi].unsqueeze(1)).col(0);
    b.weights = to_eigen(w.narrow(0, g * mg, mg));
    ls.blocks.push_back(std::move(b));
  }
  return ls;
}

void TorchPruningTrainer::set_weights(const std::string& layer, const std::vector<Eigen::MatrixXd>& blocks) {
  torch::NoGradGuard no_grad;
  TorchNetwork& cur = *impl_->current.impl_->net;
  torch::Tensor& param = weight_of(cur.nodes[node_index(cur, layer)]);
  std::vector<torch::Tensor> rows;
  for (const auto& b : blocks) {
    const RowMajor r = b;
    rows.push_back(torch::from_blob(const_cast<double*>(r.data()), {r.rows(), r.cols()}, torch::kFloat64).clone());
  }
  const torch::Tensor w = torch::cat(rows, 0);
  if (w.numel() != param.numel()) core::panic("set_weights: " + layer + " takes " + shape_text(param) + ", given " + shape_text(w));
  param.copy_(w.view(param.sizes()).to(torch::kFloat32));
  impl_->current.impl_->masks[layer] = {param, param.ne(0).to(torch::kFloat32)};
}

double TorchPruningTrainer::fine_tune(long long steps, unsigned long long salt) {
  if (steps > 0) {
    TrainOptions o = impl_->options;
    o.seed = impl_->options.seed ^ (salt * 0xbf58476d1ce4e5b9ULL);
    o.steps = steps;
    impl_->current.train(impl_->data.train, 0, training_images(impl_->data), o);
  }
  return holdout_accuracy();
}

double TorchPruningTrainer::holdout_accuracy() {
  return impl_->current.accuracy(impl_->data.train, training_images(impl_->data), impl_->data.train.count);
}

double TorchPruningTrainer::test_accuracy() { return impl_->current.accuracy(impl_->data.test, 0, impl_->data.test.count); }

void TorchPruningTrainer::snapshot() {
  impl_->kept.clear();
  for (auto& [name, t] : impl_->current.impl_->net->state()) impl_->kept.push_back(t.detach().clone());
}

void TorchPruningTrainer::rollback() {
  torch::NoGradGuard no_grad;
  auto state = impl_->current.impl_->net->state();
  for (std::size_t k = 0; k < state.size(); ++k) state[k].second.copy_(impl_->kept[k]);
  for (auto& [layer, m] : impl_->current.impl_->masks) m.second = m.first.ne(0).to(torch::kFloat32);
}

void TorchPruningTrainer::save(const std::string& path) const { impl_->current.save(path); }

}  // namespace hwaware::search
