// A systolic array's schedule is the fold model's folds laid out in time (sim/systolic_schedule.h):
// one step per fold, group after group, with the folds' cycles and DRAM traffic in DRAM words.

#include <catch2/catch.hpp>

#include "models/scalesim_cases.h"
#include "models/systolic_model.h"
#include "sim/systolic_schedule.h"

using namespace hwaware;

namespace {

std::size_t index_of(const sim::Schedule& s, const std::string& tensor) {
  for (std::size_t i = 0; i < s.tensors.size(); ++i)
    if (s.tensors[i] == tensor) return i;
  FAIL("no tensor " << tensor);
  return 0;
}

// Words of tensor `t` the analytical counts read from (write to) DRAM.
double dram_words(const model::LayerCounts& c, std::size_t t, bool write) {
  const auto& dram = c.levels.front();
  return (write ? dram.bits[t].update_bits : dram.bits[t].read_bits) / static_cast<double>(dram.word_bits);
}

}  // namespace

TEST_CASE("a systolic schedule runs the model's folds group after group, moving the DRAM words the counts price", "[sim][systolic]") {
  const auto spec = test::scalesim_cfg(32, 32, 64, 64, 8, "ws");  // partial sums spill: DRAM reads of Outputs too
  for (const auto& p : {test::scalesim_conv(64, 32, 18, 3), test::scalesim_conv(64, 64, 10, 3, 1, 4)}) {
    const auto folds = model::systolic_folds(spec, p);
    const auto counts = model::systolic_counts(spec, p, folds);
    const auto s = sim::build_systolic_schedule(p, folds, counts);
    INFO("groups " << folds.groups);
    CHECK(static_cast<long long>(s.steps.size()) == folds.report.folds);
    CHECK(sim::total_compute_cycles(s) == folds.report.compute_cycles + folds.groups);  // SCALE-Sim counts to the last index
    for (std::size_t t = 0; t < s.tensors.size(); ++t) {
      INFO(s.tensors[t]);
      CHECK(sim::total_dram_reads(s, t) == Approx(dram_words(counts, t, false)));
      CHECK(sim::total_dram_writes(s, t) == Approx(dram_words(counts, t, true)));
    }
    CHECK(s.landing[index_of(s, "Weights")] == static_cast<std::size_t>(spec.level_index("filter_sram")));
    double shares = 0;
    for (const auto& step : s.steps) shares += step.share;
    CHECK(shares == Approx(1));  // the on-chip levels' traffic is spread over the steps
  }
}

TEST_CASE("a systolic schedule moves 16-bit elements as two 8-bit DRAM words", "[sim][systolic]") {
  auto spec = test::scalesim_cfg(32, 32, 64, 64, 64, "os");
  spec.tensor_bits["Inputs"] = 16;
  const auto p = test::scalesim_conv(16, 16, 10, 3);  // 1600 input elements
  const auto folds = model::systolic_folds(spec, p);
  const auto s = sim::build_systolic_schedule(p, folds, model::systolic_counts(spec, p, folds));
  CHECK(folds.report.dram_ifmap_reads == Approx(1600));
  CHECK(sim::total_dram_reads(s, index_of(s, "Inputs")) == Approx(3200));
}

TEST_CASE("a layer without weights is one step of no compute that streams its tensors", "[sim][systolic]") {
  workload::PoolParams pp;
  pp.channels = 8;
  pp.in_height = pp.in_width = 8;
  pp.kernel_h = pp.kernel_w = pp.stride_h = pp.stride_w = 2;
  const auto p = workload::pool_problem("pool", pp);
  const auto spec = test::scalesim_cfg(32, 32, 64, 64, 64, "ws");
  const auto folds = model::systolic_folds(spec, p);
  const auto s = sim::build_systolic_schedule(p, folds, model::systolic_counts(spec, p, folds));
  REQUIRE(s.steps.size() == 1);
  CHECK(s.steps[0].compute_cycles == 0);
  CHECK(sim::total_dram_reads(s, index_of(s, "Inputs")) == Approx(8 * 8 * 8));
  CHECK(sim::total_dram_writes(s, index_of(s, "Outputs")) == Approx(8 * 4 * 4));
}
