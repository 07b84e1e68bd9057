// A systolic array stalls when the DRAM cannot deliver the next fold's operands while the array
// computes the current one. The SystemC backend keeps the analytical counts; its cycles are the
// folds' plus the stalls, never fewer than the analytical model's (which throttles the folds by
// the same bandwidth), and its energy differs only by the leakage of the extra cycles.

#include <catch2/catch.hpp>

#include "arch/arch_loader.h"
#include "models/energy_estimators.h"
#include "models/systolic_model.h"
#include "sim/layer_schedule.h"
#include "workloads/layer.h"

using namespace hwaware;

TEST_CASE(
    "a systolic array stalls when DRAM bandwidth is short, its cycles are its folds' plus the stalls, never below the analytical bound",
    "[sim][systolic]") {
  auto spec = arch::load_arch(std::string(HWAWARE_SOURCE_DIR) + "/arch/presets/tpu_like_128x128.yaml");
  spec.levels.front().read_bandwidth = 0.5;  // words/cycle: far below what the folds need
  spec.levels.front().write_bandwidth = 0.5;
  sim::Simulator simulator(spec);
  workload::ConvParams p;  // a ResNet-50 3x3 layer: 128 -> 128 channels on 28x28
  p.in_channels = p.out_channels = 128;
  p.in_height = p.in_width = 28;
  p.kernel_h = p.kernel_w = 3;
  p.pad_h = p.pad_w = 1;
  const auto pr = workload::conv2d_problem("conv", p);
  const auto folds = model::systolic_folds(spec, pr);
  REQUIRE(folds.folds.size() > 1);
  const auto analytical = model::evaluate_systolic(spec, pr);
  const auto run = sim::run_layer(simulator, spec, mapping::Mapping{}, pr, analytical);
  const auto& r = run.result;
  CHECK(r.stall_cycles > 0);
  CHECK(r.fill_cycles > 0);
  CHECK(r.compute_cycles == analytical.systolic->compute_cycles + folds.groups);  // the folds' cycles
  CHECK(r.cycles == r.compute_cycles + r.stall_cycles + r.fill_cycles + r.drain_cycles);
  // The DRAM is the bound: the layer takes at least its reads at 0.5 words per cycle, and the
  // analytical model, throttled by the same bandwidth, says so too.
  const auto& dram = analytical.levels.front();
  double reads = 0;
  for (std::size_t t = 0; t < pr.data_spaces.size(); ++t) reads += dram.bits[t].read_bits / static_cast<double>(dram.word_bits);
  CHECK(static_cast<double>(r.cycles) >= reads / 0.5);
  CHECK(analytical.cycles > analytical.systolic->compute_cycles);
  CHECK(r.cycles >= analytical.cycles);
  // Leakage is priced per cycle: the simulated cycles change the energy by it, and by nothing else.
  auto table = model::build_energy_table(spec);
  CHECK(model::price_total(spec, run.counts, table) == Approx(model::price_total(spec, analytical, table)));
  double leak_per_cycle = 0;
  for (const auto& lvl : analytical.levels) {
    auto e = *table.find(lvl.name);
    e.leak_pj_per_cycle = 0.5;
    table.set(lvl.name, e);
    leak_per_cycle += 0.5 * static_cast<double>(lvl.utilized_instances);
  }
  const double extra = static_cast<double>(r.cycles - analytical.cycles);
  CHECK(model::price_total(spec, run.counts, table) - model::price_total(spec, analytical, table) == Approx(leak_per_cycle * extra));
}
