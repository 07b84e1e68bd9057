// A systolic array stalls when the DRAM cannot deliver the next fold's operands while the array
// computes the current one, and not when it can.

#include <catch2/catch.hpp>

#include "arch/arch_loader.h"
#include "sim/simulator.h"
#include "sim/systolic_schedule.h"
#include "workloads/layer.h"

using namespace hwaware;

TEST_CASE("a systolic array stalls when DRAM bandwidth is short, and its cycles are its folds' plus the stalls", "[sim][systolic]") {
  auto spec = arch::load_arch(std::string(HWAWARE_SOURCE_DIR) + "/arch/presets/tpu_like_128x128.yaml");
  spec.levels.front().read_bandwidth = 0.5;  // words/cycle: far below what the folds need
  spec.levels.front().write_bandwidth = 0.5;
  sim::Simulator simulator(spec);
  workload::ConvParams p;  // a ResNet-50 3x3 layer: 128 -> 128 channels on 28x28
  p.in_channels = p.out_channels = 128;
  p.in_height = p.in_width = 28;
  p.kernel_h = p.kernel_w = 3;
  p.pad_h = p.pad_w = 1;
  const auto folds = sim::build_systolic_schedule(spec, workload::conv2d_problem("conv", p));
  REQUIRE(folds.schedule.steps.size() > 1);
  const auto r = simulator.run(folds.schedule);
  CHECK(r.stall_cycles > 0);
  CHECK(r.fill_cycles > 0);
  CHECK(r.compute_cycles == sim::total_compute_cycles(folds.schedule));
  CHECK(r.cycles == r.compute_cycles + r.stall_cycles + r.fill_cycles + r.drain_cycles);
  // The DRAM is the bound: the layer takes at least its reads at 0.5 words per cycle.
  double reads = 0;
  for (std::size_t t = 0; t < folds.schedule.tensors.size(); ++t) reads += sim::total_dram_reads(folds.schedule, t);
  CHECK(static_cast<double>(r.cycles) >= reads / 0.5);
}
