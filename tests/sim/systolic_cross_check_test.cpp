// The SystemC backend against the analytical model of a systolic array on SCALE-Sim's reference
// cases: it keeps the analytical counts, so the energy is the same (the cases have no leakage,
// which is priced per cycle), and its cycles are the folds' with fill, drain and any stall, never
// fewer than the analytical ones. One Simulator per test case (process).

#include <catch2/catch.hpp>

#include "models/energy_estimators.h"
#include "models/scalesim_cases.h"
#include "models/systolic_model.h"
#include "sim/layer_schedule.h"

using namespace hwaware;

namespace {

void check_case(const std::string& config, const std::string& topology) {
  const auto k = test::scalesim_case(config, topology);
  const auto analytical = model::evaluate_systolic(k.spec, k.problem);
  sim::Simulator simulator(k.spec);
  const auto run = sim::run_layer(simulator, k.spec, mapping::Mapping{}, k.problem, analytical);
  const auto table = model::build_energy_table(k.spec);
  const double e_analytical = model::price_total(k.spec, analytical, table);
  const double e_systemc = model::price_total(k.spec, run.counts, table);
  INFO(k.name() << ": analytical " << analytical.cycles << " cycles, " << e_analytical << " pJ; SystemC " << run.result.cycles
                << " cycles, " << e_systemc << " pJ");
  CHECK(e_systemc == Approx(e_analytical).epsilon(1e-3));
  CHECK(run.result.cycles >= analytical.cycles);
  CHECK(run.result.stall_cycles == 0);  // CALC: the DRAM keeps up
  CHECK(run.counts.cycles == run.result.cycles);
  for (std::size_t l = 0; l < analytical.levels.size(); ++l)
    for (std::size_t t = 0; t < k.problem.data_spaces.size(); ++t) {
      INFO(analytical.levels[l].name << " " << k.problem.data_spaces[t].name);
      CHECK(run.counts.levels[l].tensors[t].reads == analytical.levels[l].tensors[t].reads);
      CHECK(run.counts.levels[l].tensors[t].fills == analytical.levels[l].tensors[t].fills);
      CHECK(run.counts.levels[l].tensors[t].updates == analytical.levels[l].tensors[t].updates);
    }
  // The DRAM module moved the words the analytical counts price.
  const auto& dram = analytical.levels.front();
  for (std::size_t t = 0; t < k.problem.data_spaces.size(); ++t) {
    CHECK(run.result.dram_reads[t] == Approx(dram.bits[t].read_bits / static_cast<double>(dram.word_bits)));
    CHECK(run.result.dram_writes[t] == Approx(dram.bits[t].update_bits / static_cast<double>(dram.word_bits)));
  }
}

}  // namespace

TEST_CASE("SystemC on SCALE-Sim's AlexNet conv3 os: the analytical counts and energy, never fewer cycles", "[sim][systolic]") {
  check_case("sa32x32_os", "alexnet_sel");
}
TEST_CASE("SystemC on SCALE-Sim's AlexNet conv3 ws: the analytical counts and energy, never fewer cycles", "[sim][systolic]") {
  check_case("sa32x32_ws", "alexnet_sel");
}
TEST_CASE("SystemC on SCALE-Sim's AlexNet conv3 is: the analytical counts and energy, never fewer cycles", "[sim][systolic]") {
  check_case("sa32x32_is", "alexnet_sel");
}
TEST_CASE("SystemC on SCALE-Sim's GEMM os: the analytical counts and energy, never fewer cycles", "[sim][systolic]") {
  check_case("sa32x32_os", "gemm_sel");
}
TEST_CASE("SystemC on SCALE-Sim's GEMM ws: the analytical counts and energy, never fewer cycles", "[sim][systolic]") {
  check_case("sa32x32_ws", "gemm_sel");
}
TEST_CASE("SystemC on SCALE-Sim's GEMM is: the analytical counts and energy, never fewer cycles", "[sim][systolic]") {
  check_case("sa32x32_is", "gemm_sel");
}
