// NetAdapt V2's optimizer (multi-layer coordinate descent) with a fake cost oracle and a fake
// super-network: the result meets every budget, each member is the best candidate its iteration
// scored, a budget no shape can meet is refused before anything is scored, and a resumed run
// repeats an uninterrupted one.

#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "core/diagnostics.h"
#include "fake_oracle.h"
#include "search/netadapt_v2.h"
#include "workloads/workload_loader.h"

using namespace hwaware;

namespace {

workload::Network vgg() { return workload::load_workload(std::string(HWAWARE_SOURCE_DIR) + "/workloads/networks/fmnist_vgg.yaml"); }

// Accuracy falls as each dimension shrinks (each by its own weight) and by 2 points per bypassed
// layer; records the accuracies it scored since the last member.
class FakeSupernet : public search::SupernetEvaluator {
 public:
  explicit FakeSupernet(const search::SubnetSpace& s) : s_(s) {}
  double accuracy(const search::SubnetConfig& c) const {
    double a = 0.93;
    for (std::size_t k = 0; k < c.size(); ++k) {
      const double kept = static_cast<double>(c[k]) / static_cast<double>(s_.dims[k].choices.back());
      a -= c[k] == 0 ? 0.02 : 0.03 * static_cast<double>(k + 1) * (1 - kept) * (1 - kept);
    }
    return a;
  }
  double holdout_accuracy(const workload::Network&, const search::SubnetConfig& c) override {
    ++scored;
    scored_now.push_back(accuracy(c));
    return scored_now.back();
  }
  double test_accuracy(const workload::Network&, const search::SubnetConfig& c) override {
    iterations.push_back(scored_now);
    scored_now.clear();
    return accuracy(c) - 0.01;
  }
  void save(const workload::Network&, const search::SubnetConfig& c, const std::string& path) override {
    std::ofstream out(path);
    for (long long v : c) out << v << "\n";
  }
  double finish(const workload::Network&, const search::SubnetConfig& c, long long, const std::string&) override {
    return accuracy(c) + 0.005;
  }
  int scored = 0;
  std::vector<double> scored_now;
  std::vector<std::vector<double>> iterations;  // per member: what was scored before it was recorded

 private:
  const search::SubnetSpace& s_;
};

search::NetAdaptOptions options(std::string dir = {}) {
  search::NetAdaptOptions o;
  o.budgets = {{search::Resource::latency, 0.5}, {search::Resource::energy, 0.6}, {search::Resource::weights, 0.7}};
  o.step_fraction = 0.1;
  o.checkpoint_dir = std::move(dir);
  o.run_key = "v2 test";
  return o;
}

std::string fresh(const std::string& name) {
  const auto p = std::filesystem::temp_directory_path() / ("hwaware-netadapt-v2-" + name);
  std::filesystem::remove_all(p);
  std::filesystem::create_directories(p);
  return p.string();
}

}  // namespace

TEST_CASE("NetAdapt V2's result meets every budget, and every member its iteration's target", "[search]") {
  const auto s = search::subnet_space(vgg(), {});
  search::test::FakeOracle oracle;
  FakeSupernet net(s);
  const auto o = options();
  const auto r = search::netadapt_v2(s, oracle, net, o, {});
  REQUIRE(r.complete);
  const auto start = search::resources_of(s.super, o.budgets, oracle);
  const auto end = search::resources_of(r.network, o.budgets, oracle);
  for (std::size_t i = 0; i < o.budgets.size(); ++i) CHECK(end[i] <= o.budgets[i].fraction * start[i]);
  for (std::size_t k = 1; k < r.family.size(); ++k) {
    const auto& m = r.family[k];
    CHECK(m.resources == search::resources_of(search::subnetwork(s, m.widths), o.budgets, oracle));  // recorded as priced
    for (std::size_t i = 0; i < o.budgets.size(); ++i) {
      const double limit = o.budgets[i].fraction * start[i];
      const double prev = r.family[k - 1].resources[i];
      // Down by a step of 10% of the start (decaying by 2% per iteration), or to the budget.
      const double target = prev <= limit ? limit : std::max(limit, prev - 0.1 * std::pow(0.98, k - 1) * start[i]);
      CHECK(m.resources[i] <= target * (1 + 1e-12));
    }
  }
  CHECK(r.test_accuracy == Approx(net.accuracy(r.family.back().widths) + 0.005));
}

TEST_CASE("NetAdapt V2 keeps the best candidate its iteration scored, shrinking several layers at once", "[search]") {
  const auto s = search::subnet_space(vgg(), {});
  search::test::FakeOracle oracle;
  FakeSupernet net(s);
  search::CoordinateDescent cd;
  cd.samples = 8;
  cd.layers = 3;
  const auto r = search::netadapt_v2(s, oracle, net, options(), cd);
  REQUIRE(net.iterations.size() == r.family.size());
  bool several = false;
  for (std::size_t k = 1; k < r.family.size(); ++k) {
    const auto& scored = net.iterations[k];
    REQUIRE_FALSE(scored.empty());
    CHECK(r.family[k].holdout == *std::max_element(scored.begin(), scored.end()));
    int changed = 0;
    for (std::size_t d = 0; d < s.dims.size(); ++d) changed += r.family[k].widths[d] != r.family[k - 1].widths[d];
    CHECK(changed >= 1);
    CHECK(changed <= 3);
    several = several || changed > 1;
  }
  CHECK(several);
}

TEST_CASE("NetAdapt V2 refuses a budget no shape can meet before it scores any candidate", "[search]") {
  const auto s = search::subnet_space(vgg(), {});
  search::test::FakeOracle oracle;
  FakeSupernet net(s);
  auto o = options();
  o.budgets = {{search::Resource::weights, 0.001}};
  try {
    search::netadapt_v2(s, oracle, net, o, {});
    FAIL("an unreachable budget was accepted");
  } catch (const core::InputError& e) {
    CHECK_THAT(e.what(), Catch::Contains("weights budget is unreachable") && Catch::Contains("smallest shape"));
  }
  CHECK(net.scored == 0);
}

TEST_CASE("a NetAdapt V2 run stopped at iteration k and resumed equals the uninterrupted run", "[search]") {
  const auto s = search::subnet_space(vgg(), {});
  search::test::FakeOracle oracle;
  FakeSupernet whole_net(s), first(s), second(s);
  const auto whole = search::netadapt_v2(s, oracle, whole_net, options(fresh("whole")), {});
  const std::string dir = fresh("resumed");
  auto stopped = options(dir);
  stopped.max_iterations = 2;
  REQUIRE_FALSE(search::netadapt_v2(s, oracle, first, stopped, {}).complete);
  const auto resumed = search::netadapt_v2(s, oracle, second, options(dir), {});
  REQUIRE(resumed.family.size() == whole.family.size());
  for (std::size_t k = 0; k < whole.family.size(); ++k) {
    CHECK(resumed.family[k].widths == whole.family[k].widths);
    CHECK(resumed.family[k].holdout == whole.family[k].holdout);
  }
  auto other = options(dir);
  other.run_key = "another run";
  CHECK_THROWS_AS(search::netadapt_v2(s, oracle, second, other, {}), core::InputError);
}
