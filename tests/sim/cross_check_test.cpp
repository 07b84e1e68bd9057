// The SystemC backend against the analytical model, on the Timeloop reference cases and on
// random small layers: with unlimited DRAM bandwidth its DRAM counts equal the analytical ones
// exactly and its cycles exceed them by no more than the pipeline fill and drain; with the DRAM
// bandwidth cut it stalls and is never faster than the analytical (throughput) bound.
// SystemC elaborates once per process: every test case here builds one Simulator, and ctest runs
// each test case in its own process.

#include <catch2/catch.hpp>

#include <random>

#include "arch/arch_loader.h"
#include "mappings/dataflow.h"
#include "mappings/mapping_loader.h"
#include "mappings/search_space.h"
#include "models/analytical_model.h"
#include "sim/simulator.h"
#include "sim/spatial_schedule.h"
#include "workloads/layer.h"
#include "workloads/workload_loader.h"

using namespace hwaware;

namespace {

const std::string kData = HWAWARE_TEST_DATA;
const std::string kSource = HWAWARE_SOURCE_DIR;

arch::Spec unlimited_dram(arch::Spec spec) {
  spec.levels.front().read_bandwidth.reset();
  spec.levels.front().write_bandwidth.reset();
  spec.levels.front().latency_cycles = 0;
  return spec;
}

// Runs one layer and checks the rules of an unlimited DRAM.
void check_unlimited(sim::Simulator& simulator, const arch::Spec& spec, const mapping::Mapping& m, const workload::Problem& pr) {
  const auto counts = model::evaluate_counts(spec, m, pr);
  const auto schedule = sim::build_spatial_schedule(spec, m, pr, counts);
  const auto r = simulator.run(schedule);
  const auto& dram = counts.levels.front();
  const double word = static_cast<double>(dram.word_bits);
  for (std::size_t t = 0; t < pr.data_spaces.size(); ++t) {
    INFO("tensor " << pr.data_spaces[t].name);
    CHECK(r.dram_reads[t] == dram.bits[t].read_bits / word);
    CHECK(r.dram_writes[t] == dram.bits[t].update_bits / word);
  }
  CHECK(r.cycles >= counts.cycles);
  CHECK(r.cycles <= counts.cycles + r.fill_cycles + r.drain_cycles);
  CHECK(r.stall_cycles == 0);
  CHECK(r.compute_cycles + r.fill_cycles + r.drain_cycles == r.cycles);
}

void check_reference_case(const std::string& name) {
  const std::string dir = kData + "/reference/timeloop/" + name + "/";
  const auto spec = unlimited_dram(arch::load_arch(dir + "arch.yaml"));
  const auto net = workload::load_workload(dir + "problem.yaml");
  const auto& pr = net.layers.at(0).problem;
  const auto m = mapping::load_mapping(dir + "mapping.yaml", spec, pr);
  sim::Simulator simulator(spec);
  check_unlimited(simulator, spec, m, pr);
}

// A Sparseloop reference case (tests/reference/sparseloop) on the mapping its stats come from: the
// SystemC modules are fed the sparse counts (actual and gated accesses and format words at the
// ports, the compressed DRAM traffic, the actual and gated computes).
void check_sparseloop_case(const std::string& name) {
  const std::string dir = kData + "/reference/sparseloop/" + name + "/";
  const auto spec = unlimited_dram(arch::load_arch(dir + "parsed-processed-input.yaml"));
  REQUIRE(spec.sparse_optimized());
  const auto net = workload::load_workload(dir + "parsed-processed-input.yaml");
  const auto& pr = net.layers.at(0).problem;
  const auto m = mapping::load_mapping(dir + "mapping.yaml", spec, pr);
  sim::Simulator simulator(spec);
  check_unlimited(simulator, spec, m, pr);
}

// Random small convolutions with legal mappings drawn from the search space of a preset.
template <typename Check>
void for_random_layers(const arch::Spec& spec, int layers, Check check) {
  const auto dataflow = mapping::load_dataflow(mapping::dataflow_file(spec.dataflow));
  std::mt19937_64 rng(42);
  auto pick = [&](long long lo, long long hi) { return std::uniform_int_distribution<long long>(lo, hi)(rng); };
  for (int i = 0; i < layers; ++i) {
    workload::ConvParams p;
    p.in_channels = pick(1, 64);
    p.out_channels = pick(1, 64);
    p.kernel_h = p.kernel_w = pick(1, 2) * 2 - 1;
    p.pad_h = p.pad_w = p.kernel_h / 2;
    p.in_height = p.in_width = pick(4, 28);
    const auto pr = workload::conv2d_problem("random", p);
    const auto rules = mapping::resolve_rules(spec, pr, &dataflow);
    mapping::SearchSpace space(spec, pr, rules);
    if (!space.infeasible().empty()) continue;
    for (int draw = 0; draw < 50; ++draw) {
      const auto c = space.greedy(rng);
      if (!space.misfit(c).empty()) continue;
      INFO("layer " << i << " C" << p.in_channels << " M" << p.out_channels << " R" << p.kernel_h << " H" << p.in_height);
      check(space.to_mapping(c), pr);
      break;
    }
  }
}

}  // namespace

TEST_CASE("SystemC with unlimited DRAM: counts equal Timeloop v0.4 two-level output stationary's analytical ones", "[sim]") {
  check_reference_case("v4-conv1d-2level-os");
}
TEST_CASE("SystemC with unlimited DRAM: counts equal the analytical ones, tiled two-level case", "[sim]") {
  check_reference_case("v4-conv1d-oc-2level-tiled");
}
TEST_CASE("SystemC with unlimited DRAM: counts equal the analytical ones, three levels", "[sim]") {
  check_reference_case("v4-conv1d-oc-3level");
}
TEST_CASE("SystemC with unlimited DRAM: counts equal the analytical ones, three levels with bypass", "[sim]") {
  check_reference_case("v4-conv1d-oc-3level-bypass");
}
TEST_CASE("SystemC with unlimited DRAM: counts equal the analytical ones, Eyeriss-like mapper result", "[sim]") {
  check_reference_case("v4-eyeriss-like-mapper");
}
TEST_CASE("SystemC with unlimited DRAM: counts equal the analytical ones, v0.2 two-level case", "[sim]") {
  check_reference_case("v02-conv1d-2level-os");
}
TEST_CASE("SystemC with unlimited DRAM: counts equal the analytical ones, v0.2 spatial case", "[sim]") {
  check_reference_case("v02-conv1d-oc-ic-3level-spatial-kp");
}

TEST_CASE(
    "SystemC with unlimited DRAM: compressed operands skipped on each other, counts equal the analytical sparse ones (Sparseloop 02.2.2)",
    "[sim]") {
  check_sparseloop_case("02.2.2-spMspM-tiled");
}
TEST_CASE(
    "SystemC with unlimited DRAM: compressed DRAM traffic and skipped computes equal the analytical sparse counts (Sparseloop 03.2.3)",
    "[sim]") {
  check_sparseloop_case("03.2.3-conv1d+oc-spatial");
}
TEST_CASE("SystemC with unlimited DRAM: counts equal the analytical ones on random layers (Eyeriss-like)", "[sim]") {
  const auto spec = unlimited_dram(arch::load_arch(kSource + "/arch/presets/eyeriss_like.yaml"));
  sim::Simulator simulator(spec);
  for_random_layers(spec, 30, [&](const mapping::Mapping& m, const workload::Problem& pr) { check_unlimited(simulator, spec, m, pr); });
}

TEST_CASE("SystemC with DRAM bandwidth cut stalls and is never faster than the analytical bound", "[sim]") {
  auto spec = arch::load_arch(kSource + "/arch/presets/eyeriss_like.yaml");
  spec.levels.front().read_bandwidth = 0.25;  // words/cycle: far below what the layers need
  spec.levels.front().write_bandwidth = 0.25;
  spec.levels.front().latency_cycles = 50;
  sim::Simulator simulator(spec);
  int stalled = 0;
  for_random_layers(spec, 30, [&](const mapping::Mapping& m, const workload::Problem& pr) {
    const auto counts = model::evaluate_counts(spec, m, pr);
    const auto r = simulator.run(sim::build_spatial_schedule(spec, m, pr, counts));
    CHECK(r.cycles >= counts.cycles);
    CHECK(r.fill_cycles > 0);
    if (r.steps > 1 && r.stall_cycles > 0) ++stalled;
  });
  CHECK(stalled > 0);
}

TEST_CASE("SystemC times a single-ported on-chip level at its ports, as the analytical bound counts it", "[sim]") {
  // Unlimited DRAM, a global buffer of 2 words/cycle on one port shared by reads and writes:
  // the layers are bound by the buffer, which the buffer module times step by step.
  auto spec = unlimited_dram(arch::load_arch(kSource + "/arch/presets/eyeriss_like.yaml"));
  auto& glb = spec.levels[static_cast<std::size_t>(spec.level_index("shared_glb"))];
  glb.read_bandwidth = 2;
  glb.write_bandwidth = 2;
  glb.ports = 1;
  sim::Simulator simulator(spec);
  int bound = 0;
  for_random_layers(spec, 20, [&](const mapping::Mapping& m, const workload::Problem& pr) {
    const auto counts = model::evaluate_counts(spec, m, pr);
    const auto r = simulator.run(sim::build_spatial_schedule(spec, m, pr, counts));
    CHECK(r.cycles >= counts.cycles);
    CHECK(r.cycles <= counts.cycles + r.fill_cycles + r.drain_cycles + 1);
    if (counts.cycles > counts.compute_cycles) ++bound;
  });
  CHECK(bound > 0);  // the buffer did bind some layers
}
