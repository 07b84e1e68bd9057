// The SystemC cost oracle against the analytical one on the same accelerator and network: the
// mapper makes the same choice for both, so the action counts and thus the energy (one energy
// table prices both) are equal, and the simulated cycles are never below the analytical,
// throughput-bound ones (the presets' DRAM has finite bandwidth and a latency); totals are the
// sums of the layers; a shape asked again is answered from memory. SystemC elaborates once per
// process: ctest runs each test case in its own process.

#include <catch2/catch.hpp>

#include "arch/arch_loader.h"
#include "core/diagnostics.h"
#include "search/analytical_oracle.h"
#include "search/systemc_oracle.h"
#include "workloads/workload_loader.h"

using namespace hwaware;

namespace {

const std::string kSource = HWAWARE_SOURCE_DIR;

arch::Spec preset(const std::string& name) { return arch::load_arch(kSource + "/arch/presets/" + name + ".yaml"); }

workload::Network fmnist_vgg() { return workload::load_workload(kSource + "/workloads/networks/fmnist_vgg.yaml"); }

// A small mapper budget keeps each test case to a few seconds; both oracles get the same one.
mapping::MapperOptions small_budget() {
  mapping::MapperOptions options;
  options.max_evaluations = options.exhaustive_limit = options.patience = 300;
  return options;
}

// Per layer: the analytical energy, never fewer cycles, latency the cycles at the clock.
void check_against_analytical(const std::string& accelerator) {
  const auto spec = preset(accelerator);
  const auto net = fmnist_vgg();
  search::AnalyticalOracle analytical(spec, small_budget());
  search::SystemcOracle systemc(spec, small_budget());
  const auto a = analytical.metrics(net);
  const auto s = systemc.metrics(net);
  REQUIRE(s.layers.size() == net.layers.size());
  for (std::size_t i = 0; i < net.layers.size(); ++i) {
    INFO(accelerator << ", layer " << net.layers[i].name);
    CHECK(s.layers[i].layer == net.layers[i].name);
    CHECK(s.layers[i].energy_pj == a.layers[i].energy_pj);  // same counts, same table: exactly
    CHECK(s.layers[i].cycles >= a.layers[i].cycles);
    CHECK(s.layers[i].latency_s == static_cast<double>(s.layers[i].cycles) / spec.clock_hz);
  }
  CHECK(s.area_um2 == a.area_um2);
}

}  // namespace

TEST_CASE("SystemC oracle: per-layer energy equals the analytical oracle's, cycles never below it (Eyeriss-like)", "[search][sim]") {
  check_against_analytical("eyeriss_like");
}

TEST_CASE("SystemC oracle on PIM crossbars: the PIM model's energy, cycles never below its bound (RRAM 128x128)", "[search][sim][pim]") {
  check_against_analytical("rram_128x128");
}

TEST_CASE("SystemC oracle: network totals are the sums of its layers", "[search][sim]") {
  search::SystemcOracle systemc(preset("eyeriss_like"), small_budget());
  const auto m = systemc.metrics(fmnist_vgg());
  double energy_pj = 0, latency_s = 0;
  for (const auto& l : m.layers) {
    energy_pj += l.energy_pj;
    latency_s += l.latency_s;
  }
  CHECK(m.energy_pj == energy_pj);
  CHECK(m.latency_s == latency_s);
  CHECK(m.energy_pj > 0);
}

TEST_CASE("SystemC oracle: a layer shape asked again is answered from memory with equal results", "[search][sim]") {
  search::SystemcOracle systemc(preset("eyeriss_like"), small_budget());
  CHECK(systemc.backend() == "systemc");
  const auto net = fmnist_vgg();
  const auto first = systemc.metrics(net);
  const long long simulated = systemc.layers_simulated();
  CHECK(simulated == static_cast<long long>(net.layers.size()));  // fmnist_vgg repeats no shape
  const auto again = systemc.metrics(net);
  CHECK(systemc.layers_simulated() == simulated);
  REQUIRE(again.layers.size() == first.layers.size());
  for (std::size_t i = 0; i < first.layers.size(); ++i) {
    CHECK(again.layers[i].energy_pj == first.layers[i].energy_pj);
    CHECK(again.layers[i].cycles == first.layers[i].cycles);
    CHECK(again.layers[i].latency_s == first.layers[i].latency_s);
  }
  CHECK(again.energy_pj == first.energy_pj);
  // Known shapes under other names, one of them twice: nothing new is simulated.
  workload::Network twice;
  twice.layers = {net.layers[1], net.layers[1], net.layers[3]};
  twice.layers[1].name = "copy";
  const auto known = systemc.metrics(twice);
  CHECK(systemc.layers_simulated() == simulated);
  CHECK(known.layers[1].layer == "copy");
  CHECK(known.layers[1].energy_pj == first.layers[1].energy_pj);
  CHECK(known.layers[2].cycles == first.layers[3].cycles);
}

TEST_CASE("SystemC oracle: an accelerator without an on-chip level below DRAM is an input error", "[search][sim]") {
  auto spec = preset("eyeriss_like");
  spec.levels.resize(1);
  CHECK_THROWS_AS(search::SystemcOracle(spec, small_budget()), core::InputError);
}

TEST_CASE("SystemC oracle: oracles of one process share its simulator and must time the same accelerator", "[search][sim]") {
  const auto spec = preset("eyeriss_like");
  search::SystemcOracle first(spec, small_budget());
  search::SystemcOracle same(spec, small_budget());  // the same timing: the simulator is shared
  auto faster = spec;
  faster.levels.front().read_bandwidth = 64;
  CHECK_THROWS_AS(search::SystemcOracle(faster, small_budget()), core::InputError);
  workload::Network one;
  one.layers = {fmnist_vgg().layers[0]};
  CHECK(first.metrics(one).layers[0].cycles == same.metrics(one).layers[0].cycles);
}
