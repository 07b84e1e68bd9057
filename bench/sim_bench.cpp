// SystemC backend throughput on one core: simulates every layer of a network on an accelerator
// (with given mappings, as `hwaware eval --out` writes them; a systolic array runs its folds and a
// PIM chip its placement, without) and prints the simulated cycles, the wall time of building the
// schedules and simulating, and simulated cycles per wall second. The layers are counted first by
// the engine (models/network_evaluation.h), not timed.
// One accelerator per process (SystemC elaborates once): scripts/bench-sim runs it per preset.
//
//   bench_sim ARCH NETWORK.yaml [MAPPINGS.yaml]

#include <chrono>
#include <cstdio>
#include <string>

#include "models/network_evaluation.h"
#include "sim/layer_schedule.h"
#include "sim/simulator.h"
#include "workloads/workload_loader.h"

using namespace hwaware;

int main(int argc, char** argv) {
  if (argc != 3 && argc != 4) {
    std::fprintf(stderr, "usage: bench_sim ARCH NETWORK.yaml [MAPPINGS.yaml]\n");
    return 2;
  }
  const auto accelerator = model::load_accelerator(argv[1]);
  const auto& spec = accelerator.spec;
  const auto network = workload::load_workload(argv[2]);
  model::EvaluationOptions options;
  options.mapping_file = argc == 4 ? argv[3] : "";
  const auto evaluation = model::evaluate_network(accelerator, network, options);
  using clock = std::chrono::steady_clock;
  const auto t0 = clock::now();
  sim::Simulator simulator(spec);
  long long simulated = 0, analytical = 0, steps = 0;
  for (std::size_t i = 0; i < network.layers.size(); ++i) {
    const auto& l = evaluation.layers[i];
    const auto r = sim::run_layer(simulator, spec, l.mapping, network.layers[i].problem, l.counts).result;
    simulated += r.cycles;
    analytical += l.counts.cycles;
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
