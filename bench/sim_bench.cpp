// SystemC backend throughput on one core: simulates every layer of a network on an accelerator
// with given mappings (as `hwaware eval --out` writes them; a systolic array runs its folds) and
// prints the simulated cycles, the wall time of building the schedules and simulating, and
// simulated cycles per wall second.
// One accelerator per process (SystemC elaborates once): scripts/bench-sim runs it per preset.
//
//   bench_sim ARCH.yaml NETWORK.yaml MAPPINGS.yaml

#include <chrono>
#include <cstdio>
#include <string>

#include "arch/arch_loader.h"
#include "mappings/mapping_loader.h"
#include "models/analytical_model.h"
#include "sim/layer_schedule.h"
#include "sim/simulator.h"
#include "workloads/workload_loader.h"

using namespace hwaware;

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: bench_sim ARCH.yaml NETWORK.yaml MAPPINGS.yaml\n");
    return 2;
  }
  const auto spec = arch::load_arch(argv[1]);
  const auto network = workload::load_workload(argv[2]);
  std::vector<mapping::Mapping> mappings;
  std::vector<model::LayerCounts> counts;
  for (const auto& layer : network.layers) {
    mappings.push_back(mapping::load_mapping(argv[3], spec, layer.problem, layer.name));
    counts.push_back(model::evaluate_counts(spec, mappings.back(), layer.problem));
  }
  using clock = std::chrono::steady_clock;
  const auto t0 = clock::now();
  sim::Simulator simulator(spec);
  long long simulated = 0, analytical = 0, steps = 0;
  for (std::size_t i = 0; i < network.layers.size(); ++i) {
    const auto r = sim::run_layer(simulator, spec, mappings[i], network.layers[i].problem, counts[i]).result;
    simulated += r.cycles;
    analytical += counts[i].cycles;
    steps += r.steps;
  }
  const double secs = std::chrono::duration<double>(clock::now() - t0).count();
  std::printf(
      "%s on %s: %zu layers, %lld steps, %lld simulated cycles (analytical %lld) in %.3f s wall, one core = %.3g simulated "
      "cycles per second\n",
      network.name.c_str(), spec.name.c_str(), network.layers.size(), steps, simulated, analytical, secs,
      static_cast<double>(simulated) / secs);
  return 0;
}
