// The SystemC model of PIM crossbars against the PIM analytical model: the same counts (the DRAM
// module counts the weights the analytical model reads), and never fewer cycles than its bound;
// with an unlimited DRAM, the same cycles (a read pulse's conversions and shift-adds in sequence,
// as NeuroSim's synchronous subarray: nothing to fill). One Simulator per test case (process).

#include <catch2/catch.hpp>

#include "arch/arch_loader.h"
#include "models/pim_model.h"
#include "models/small_layers.h"
#include "sim/layer_schedule.h"

using namespace hwaware;

namespace {

std::vector<workload::Problem> layers() {
  return {test::square_conv(64, 64, 16, 3), test::square_conv(32, 32, 28, 3, 32), test::square_conv(256, 128, 14, 1),
          workload::fc_problem("fc", 1, 1024, 1000, 8, 8, 8)};
}

arch::Spec rram(long long n) {
  auto spec = arch::load_arch(std::string(HWAWARE_SOURCE_DIR) + "/arch/presets/rram_128x128.yaml");
  spec.pim->rows = spec.pim->cols = n;
  return spec;
}

}  // namespace

TEST_CASE("SystemC PIM with unlimited DRAM: the analytical counts and cycles", "[sim][pim]") {
  const auto spec = rram(256);
  sim::Simulator simulator(spec);
  for (const auto& pr : layers()) {
    const auto counts = model::evaluate_pim(spec, pr, false, {});  // weights programmed: DRAM reads them
    const auto run = sim::run_layer(simulator, spec, mapping::Mapping{}, pr, counts);
    INFO(pr.name << " groups " << counts.pim->placement.groups);
    CHECK(run.counts.pim->conversions == counts.pim->conversions);
    CHECK(run.counts.pim->rows_on == counts.pim->rows_on);
    const auto w = static_cast<std::size_t>(pr.data_space_index("Weights"));
    const auto& dram = counts.levels.front();
    CHECK(run.result.dram_reads[w] == dram.bits[w].read_bits / static_cast<double>(dram.word_bits));
    CHECK(run.result.cycles >= counts.cycles);
    CHECK(run.result.cycles <= counts.cycles + 2);  // read pulses in sequence: no pipeline to fill
  }
}

TEST_CASE("SystemC PIM with DRAM bandwidth cut waits for the weights and is never faster than the analytical bound", "[sim][pim]") {
  auto spec = rram(128);
  spec.levels.front().read_bandwidth = 0.5;  // words/cycle
  spec.levels.front().latency_cycles = 100;
  sim::Simulator simulator(spec);
  for (const auto& pr : layers()) {
    const auto counts = model::evaluate_pim(spec, pr, false, {});
    const auto run = sim::run_layer(simulator, spec, mapping::Mapping{}, pr, counts);
    INFO(pr.name);
    CHECK(run.result.cycles >= counts.cycles);
    CHECK(run.result.fill_cycles > 0);  // the weights arrive before the first vector
  }
}
