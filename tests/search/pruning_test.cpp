// Energy-aware pruning's schedule with a fake cost oracle and a fake trainer: layers go highest
// energy first, a trial below the holdout tolerance is undone and ends its layer, the pruned
// network carries each layer's weight density, and out-of-range options are input errors. Then the
// sparsity-aware accelerator: a layer's energy never grows as its weight density falls. The
// filter-based baseline runs the same schedule on NetAdapt's trainer interface.

#include <catch2/catch.hpp>

#include <map>

#include "arch/arch_loader.h"
#include "core/diagnostics.h"
#include "search/analytical_oracle.h"
#include "search/energy_aware_pruning.h"
#include "search/filter_pruning.h"
#include "search/network_surgery.h"
#include "workloads/native_workload.h"
#include "workloads/workload_loader.h"
#include "yaml_doc.h"

using namespace hwaware;

namespace {

const char* kNet = R"(workload:
  name: three_layers
  layers:
    - {name: conv1, type: conv2d, in_channels: 1, out_channels: 8, input: [8, 8], kernel: 3, padding: 1}
    - {name: conv2, type: conv2d, in_channels: 8, out_channels: 16, input: [8, 8], kernel: 3, padding: 1}
    - {name: fc, type: fc, in_features: 1024, out_features: 10}
)";

workload::Network three_layers() {
  test::Doc d(kNet, "three_layers.yaml");
  auto net = workload::read_native_workload(d.get("workload"));
  REQUIRE(d.sink.diagnostics().empty());
  return net;
}

double weight_density(const workload::Layer& l) {
  const int w = l.problem.data_space_index("Weights");
  return w < 0 ? 1 : l.problem.data_spaces[static_cast<std::size_t>(w)].density;
}

// Energy proportional to a layer's weights and their density, scaled per layer so that fc costs
// most, then conv2, then conv1.
class FakeOracle : public search::CostOracle {
 public:
  search::NetworkMetrics metrics(const workload::Network& n) override {
    const std::map<std::string, double> scale{{"conv1", 100}, {"conv2", 3}, {"fc", 1}};
    search::NetworkMetrics m;
    for (const auto& l : n.layers) {
      const int w = l.problem.data_space_index("Weights");
      const double weights = static_cast<double>(l.problem.tensor_size(w));
      m.layers.push_back({l.name, scale.at(l.name) * weights * (0.2 + 0.8 * weight_density(l)), 1e-6, 0});
    }
    search::add_totals(m);
    return m;
  }
  std::string backend() const override { return "fake"; }
};

// One block per layer: the patches are orthonormal (Gram = identity) and the original outputs are
// the original weights', so a refit restores kept weights to their original values. Holdout
// accuracy falls with the square of each layer's pruned fraction.
class FakePruner : public search::PruningTrainer {
 public:
  explicit FakePruner(const workload::Network& net) {
    for (const auto& l : net.layers) {
      const int w = l.problem.data_space_index("Weights");
      const auto k = l.problem.tensor_size(w) / l.output_channels();
      Eigen::MatrixXd weights(l.output_channels(), k);
      for (Eigen::Index i = 0; i < weights.size(); ++i) weights(i) = 1.0 + static_cast<double>((i * 7919) % 1000) / 1000.0;
      original_[l.name] = current_[l.name] = weights;
    }
    kept_ = current_;
  }
  search::LayerLeastSquares least_squares(const std::string& layer) override {
    search::LeastSquaresBlock b;
    const auto& w = original_.at(layer);
    b.gram = Eigen::MatrixXd::Identity(w.cols(), w.cols());
    b.cross = w.transpose();
    b.target = w.array().square().rowwise().sum();
    b.weights = current_.at(layer);
    return {{b}};
  }
  void set_weights(const std::string& layer, const std::vector<Eigen::MatrixXd>& w) override { current_[layer] = w.at(0); }
  double fine_tune(long long, unsigned long long) override { return holdout_accuracy(); }
  double holdout_accuracy() override {
    double a = 0.90;
    for (const auto& [name, w] : current_) {
      const double pruned = 1 - static_cast<double>((w.array() != 0).count()) / static_cast<double>(w.size());
      a -= 0.02 * pruned * pruned;
    }
    return a;
  }
  double test_accuracy() override { return holdout_accuracy() - 0.01; }
  void snapshot() override { kept_ = current_; }
  void rollback() override {
    ++rollbacks;
    current_ = kept_;
  }
  void save(const std::string&) const override {}
  double density(const std::string& layer) const {
    const auto& w = current_.at(layer);
    return static_cast<double>((w.array() != 0).count()) / static_cast<double>(w.size());
  }
  int rollbacks = 0;

 private:
  std::map<std::string, Eigen::MatrixXd> original_, current_, kept_;
};

}  // namespace

TEST_CASE("energy-aware pruning prunes layers highest energy first and undoes the trial that breaks the tolerance") {
  const auto net = three_layers();
  FakeOracle oracle;
  FakePruner trainer(net);
  search::PruneOptions o;
  o.tolerance = 0.01;
  o.step = 0.1;
  const auto r = search::energy_aware_pruning(net, oracle, trainer, o);
  REQUIRE(r.layers.size() == 3);
  // conv1: 72 weights x 100; fc: 10240 x 1; conv2: 1152 x 3.
  CHECK(r.layers[0].name == "fc");
  CHECK(r.layers[1].name == "conv1");
  CHECK(r.layers[2].name == "conv2");
  // fc alone: 0.02 p^2 <= 0.01 holds up to p = 0.7 (density 0.3); density 0.2 is tried and undone.
  CHECK(r.layers[0].density_after == Approx(0.3).margin(1e-3));
  CHECK(r.layers[0].trials == r.layers[0].accepted + 1);
  CHECK(trainer.rollbacks == 3);  // each layer ends on an undone trial
  for (const auto& pl : r.layers) {
    CHECK(trainer.density(pl.name) == Approx(pl.density_after).margin(1e-3));
    for (const auto& l : r.network.layers)
      if (l.name == pl.name) CHECK(weight_density(l) == Approx(pl.density_after));
    CHECK(pl.energy_after_pj <= pl.energy_before_pj);
  }
  CHECK(r.holdout_after >= r.holdout_before - o.tolerance);
  CHECK(r.metrics_after.energy_pj < r.metrics_before.energy_pj);
}

TEST_CASE("magnitude pruning without refit runs the same schedule") {
  const auto net = three_layers();
  FakeOracle oracle;
  FakePruner trainer(net);
  const auto r = search::energy_aware_pruning(net, oracle, trainer, search::PruneOptions{}, search::WeightSelection::magnitude);
  CHECK(r.layers.front().name == "fc");
  CHECK(r.layers.front().density_after < 1);
}

TEST_CASE("a pruning tolerance, step or minimum density out of range is an input error") {
  const auto net = three_layers();
  FakeOracle oracle;
  FakePruner trainer(net);
  for (double t : {0.0, -0.01, 1.0, 2.0}) {
    search::PruneOptions o;
    o.tolerance = t;
    CHECK_THROWS_AS(search::energy_aware_pruning(net, oracle, trainer, o), core::InputError);
  }
  search::PruneOptions o;
  o.step = 1.5;
  CHECK_THROWS_AS(search::check_prune_options(o), core::InputError);
}

TEST_CASE("energy is monotone in weight density for the sparsity-aware accelerator") {
  const auto spec = arch::load_arch(std::string(HWAWARE_SOURCE_DIR) + "/arch/presets/eyeriss_sparse_weights.yaml");
  const auto net = workload::load_workload(std::string(HWAWARE_SOURCE_DIR) + "/workloads/networks/fmnist_vgg.yaml");
  mapping::MapperOptions mapper;
  mapper.objectives = {mapping::Objective::edp};
  mapper.max_evaluations = 5000;
  mapper.patience = 1000;
  search::AnalyticalOracle oracle(spec, mapper);
  std::map<std::string, double> last;
  for (double d : {1.0, 0.9, 0.75, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0.05}) {
    std::map<std::string, double> density;
    for (const auto& l : net.layers) density[l.name] = d;
    const auto m = oracle.metrics(search::with_densities(net, density));
    for (const auto& lm : m.layers) {
      if (last.count(lm.layer)) CHECK(lm.energy_pj <= last[lm.layer] * (1 + 1e-12));
      last[lm.layer] = lm.energy_pj;
    }
  }
  // And pruning does pay: fc1 at 5% of its weights costs well under half its dense energy.
  const auto dense = oracle.metrics(net);
  CHECK(last.at("fc1") < 0.5 * search::layer_energy_pj(dense, "fc1"));
}

namespace {

// NetAdapt's trainer interface with accuracy falling with the square of each layer's removed
// fraction of filters; accepted networks are the current one.
class FakeNarrowingTrainer : public search::Trainer {
 public:
  explicit FakeNarrowingTrainer(const workload::Network& start) : start_(start), current_(start) {}
  double accuracy(const workload::Network& n) const {
    double a = 0.90;
    for (std::size_t i = 0; i < n.layers.size(); ++i) {
      const double cut = 1 - static_cast<double>(n.layers[i].output_channels()) / static_cast<double>(start_.layers[i].output_channels());
      a -= 0.02 * cut * cut;
    }
    return a;
  }
  double try_proposal(const workload::Network& p, std::size_t, long long) override { return accuracy(p); }
  void accept(const workload::Network& n) override { current_ = n; }
  double test_accuracy() override { return accuracy(current_) - 0.01; }
  void save(const std::string&) const override {}
  void restore(const workload::Network& n, const std::string&) override { current_ = n; }
  double finish(long long) override { return test_accuracy(); }
  workload::Network current() const { return current_; }

 private:
  workload::Network start_, current_;
};

}  // namespace

TEST_CASE("the filter-based baseline narrows layers highest energy first, within the tolerance") {
  const auto net = three_layers();
  FakeOracle oracle;
  FakeNarrowingTrainer trainer(net);
  search::PruneOptions o;
  o.tolerance = 0.01;
  const auto r = search::filter_pruning(net, oracle, trainer, o);
  REQUIRE(r.layers.size() == 3);
  CHECK(r.layers[0].name == "fc");  // highest energy, but the output layer: its 10 classes stay
  CHECK(r.layers[0].trials == 0);
  CHECK(r.layers[1].name == "conv1");  // alone, a cut of at most 70% keeps 0.02 c^2 <= 0.01
  CHECK(r.network.layers[0].output_channels() < 8);
  CHECK(r.network.layers[2].output_channels() == 10);
  CHECK(r.holdout_after >= r.holdout_before - o.tolerance);
  CHECK(trainer.current().layers[0].output_channels() == r.network.layers[0].output_channels());
  CHECK(r.metrics_after.energy_pj < r.metrics_before.energy_pj);
}
