// NetAdapt with a fake cost oracle and a fake trainer: every iteration lowers each budgeted
// resource to its target, the chosen proposal is the best one, widths stay consistent, a budget
// already met or out of reach is refused, and a run stopped at iteration k and resumed equals the
// uninterrupted run.

#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>

#include "core/diagnostics.h"
#include "fake_oracle.h"
#include "search/consistency.h"
#include "search/netadapt.h"
#include "workloads/native_workload.h"
#include "yaml_doc.h"

using namespace hwaware;

namespace {

const char* kNet = R"(workload:
  name: small_cnn
  layers:
    - {name: conv1, type: conv2d, in_channels: 1, out_channels: 32, input: [28, 28], kernel: 3, padding: 1}
    - {name: conv2, type: conv2d, in_channels: 32, out_channels: 32, input: [28, 28], kernel: 3, padding: 1}
    - {name: res, type: add, channels: 32, input: [28, 28], inputs: [conv2, conv1]}
    - {name: pool, type: pool, mode: max, channels: 32, input: [28, 28], kernel: 2, stride: 2}
    - {name: conv3, type: conv2d, in_channels: 32, out_channels: 64, input: [14, 14], kernel: 3, padding: 1}
    - {name: gap, type: pool, mode: avg, channels: 64, input: [14, 14], global: true}
    - {name: fc, type: fc, in_features: 64, out_features: 10}
)";

workload::Network small_cnn() {
  test::Doc d(kNet, "small_cnn.yaml");
  auto net = workload::read_native_workload(d.get("workload"));
  REQUIRE(d.sink.diagnostics().empty());
  return net;
}

// Accuracy falls as groups narrow, each group by its own weight; records every proposal tried.
class FakeTrainer : public search::Trainer {
 public:
  explicit FakeTrainer(const workload::Network& start) : start_(start) {}
  double accuracy(const workload::Network& n) const {
    double a = 0.92;
    for (std::size_t i = 0; i < n.layers.size(); ++i) {
      const double kept = static_cast<double>(n.layers[i].output_channels()) / static_cast<double>(start_.layers[i].output_channels());
      a -= 0.01 * static_cast<double>(i + 1) * (1 - kept) * (1 - kept);
    }
    return a;
  }
  double try_proposal(const workload::Network& p, std::size_t, long long) override {
    const double a = accuracy(p);
    tried.push_back(a);
    return a;
  }
  void accept(const workload::Network& n) override {
    accepted.push_back(accuracy(n));
    current_ = n;
  }
  double test_accuracy() override { return accuracy(current_) - 0.01; }
  // The fake's weights are its network: saved as the widths, restored by checking them.
  void save(const std::string& path) const override {
    std::ofstream out(path);
    for (const auto& l : current_.layers) out << l.output_channels() << "\n";
  }
  void restore(const workload::Network& n, const std::string& path) override {
    std::ifstream in(path);
    for (const auto& l : n.layers) {
      long long w = 0;
      REQUIRE(in >> w);
      REQUIRE(w == l.output_channels());
    }
    current_ = n;
  }
  double finish(long long) override { return accuracy(current_) - 0.005; }
  std::vector<double> tried, accepted;

 private:
  workload::Network start_, current_;
};

search::NetAdaptOptions options(std::string checkpoint_dir = {}) {
  search::NetAdaptOptions o;
  o.budgets = {{search::Resource::latency, 0.5}, {search::Resource::energy, 0.6}};
  o.checkpoint_dir = std::move(checkpoint_dir);
  o.run_key = "test";
  return o;
}

std::string fresh(const std::string& name) {
  const auto p = std::filesystem::temp_directory_path() / ("hwaware-netadapt-" + name);
  std::filesystem::remove_all(p);
  std::filesystem::create_directories(p);
  return p.string();
}

}  // namespace

TEST_CASE("every NetAdapt iteration lowers each budgeted resource and meets its target", "[search]") {
  const auto start = small_cnn();
  search::test::FakeOracle oracle;
  FakeTrainer trainer(start);
  const auto o = options();
  const auto r = search::netadapt(start, oracle, trainer, o);
  REQUIRE(r.complete);
  REQUIRE(r.family.size() > 2);
  const auto& r0 = r.family.front().resources;
  for (std::size_t k = 1; k < r.family.size(); ++k) {
    const auto& prev = r.family[k - 1];
    const auto& cur = r.family[k];
    const double scale = o.step_fraction * std::pow(o.step_decay, cur.iteration - 1);
    for (std::size_t i = 0; i < r0.size(); ++i) {
      INFO("iteration " << cur.iteration << ", budget " << i);
      const double budget = o.budgets[i].fraction * r0[i];
      const double target = prev.resources[i] <= budget ? budget : prev.resources[i] - scale * r0[i];
      CHECK(cur.resources[i] <= target);
      if (prev.resources[i] > budget) CHECK(cur.resources[i] < prev.resources[i]);
    }
  }
  for (std::size_t i = 0; i < r0.size(); ++i) CHECK(r.family.back().resources[i] <= o.budgets[i].fraction * r0[i]);
  test::require_consistent(r.network);
  CHECK(r.network.layers.back().output_channels() == 10);  // the output keeps the classes
}

TEST_CASE("NetAdapt keeps the proposal of best holdout accuracy", "[search]") {
  const auto start = small_cnn();
  search::test::FakeOracle oracle;
  FakeTrainer trainer(start);
  auto o = options();
  o.max_iterations = 1;
  const auto r = search::netadapt(start, oracle, trainer, o);
  REQUIRE(r.family.size() == 2);
  REQUIRE(trainer.tried.size() > 2);  // the starting network, then one proposal per group
  double best = -1;
  for (std::size_t i = 1; i < trainer.tried.size(); ++i) best = std::max(best, trainer.tried[i]);
  CHECK(r.family.back().holdout == best);
}

TEST_CASE("a NetAdapt run stopped at iteration k and resumed equals the uninterrupted run", "[search]") {
  const auto start = small_cnn();
  search::test::FakeOracle oracle;
  FakeTrainer whole_trainer(start);
  const auto whole = search::netadapt(start, oracle, whole_trainer, options(fresh("whole")));
  const auto file = fresh("resumed");
  FakeTrainer first(start);
  auto stopped = options(file);
  stopped.max_iterations = 3;
  REQUIRE_FALSE(search::netadapt(start, oracle, first, stopped).complete);
  FakeTrainer second(start);
  const auto resumed = search::netadapt(start, oracle, second, options(file));
  REQUIRE(resumed.family.size() == whole.family.size());
  for (std::size_t k = 0; k < whole.family.size(); ++k) {
    CHECK(resumed.family[k].widths == whole.family[k].widths);
    CHECK(resumed.family[k].resources == whole.family[k].resources);
    CHECK(resumed.family[k].holdout == whole.family[k].holdout);
    CHECK(resumed.family[k].test == whole.family[k].test);
  }
  CHECK(resumed.test_accuracy == whole.test_accuracy);
}

TEST_CASE("NetAdapt refuses a budget already met and one out of reach", "[search]") {
  const auto start = small_cnn();
  search::test::FakeOracle oracle;
  FakeTrainer trainer(start);
  auto met = options();
  met.budgets = {{search::Resource::macs, 1.5}};
  CHECK_THROWS_AS(search::netadapt(start, oracle, trainer, met), core::InputError);
  auto unreachable = options();
  unreachable.budgets = {{search::Resource::weights, 1e-6}};  // fewer weights than the output layer needs
  CHECK_THROWS_AS(search::netadapt(start, oracle, trainer, unreachable), core::InputError);
}

// Every layer costs a fixed latency (a floor no narrowing removes) plus its MACs.
class FlooredOracle : public search::CostOracle {
 public:
  search::NetworkMetrics metrics(const workload::Network& n) override {
    search::NetworkMetrics m;
    for (const auto& l : n.layers) m.layers.push_back({l.name, 1.0, 1.0 + static_cast<double>(l.problem.macs()) * 1e-9, 0});
    search::add_totals(m);
    return m;
  }
  std::string backend() const override { return "floored"; }
};

TEST_CASE("NetAdapt aims at the budget when a full step is out of reach but the budget is not", "[search]") {
  const auto start = small_cnn();
  FlooredOracle oracle;
  FakeTrainer trainer(start);
  auto o = options();
  o.budgets = {{search::Resource::latency, 0.9995}};  // 7 s of floors + 11 ms of MACs: cut 3.5 ms
  o.step_fraction = 0.5;                              // a step of half the latency: below the floors
  const auto r = search::netadapt(start, oracle, trainer, o);
  REQUIRE(r.complete);
  CHECK(r.family.size() == 2);
  CHECK(r.family.back().resources[0] <= 0.9995 * r.family.front().resources[0]);
}

TEST_CASE("NetAdapt refuses to resume a checkpoint written by another run", "[search]") {
  const auto start = small_cnn();
  search::test::FakeOracle oracle;
  FakeTrainer first(start);
  const auto dir = fresh("other-run");
  auto stopped = options(dir);
  stopped.max_iterations = 1;
  search::netadapt(start, oracle, first, stopped);
  FakeTrainer second(start);
  auto other = options(dir);
  other.run_key = "another";
  CHECK_THROWS_AS(search::netadapt(start, oracle, second, other), core::InputError);
}
