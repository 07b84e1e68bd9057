#include "cli/systemc_backend.h"

#include <iostream>
#include <optional>

#include "sim/layer_schedule.h"
#include "sim/simulator.h"

namespace hwaware::cli {

void simulate_layers(const arch::Spec& spec, const workload::Network& network, const std::vector<mapping::Mapping>& mappings,
                     const model::EnergyTable& table, std::vector<LayerReport>& layers) {
  sim::require_simulatable(spec);
  sim::Simulator simulator(spec);
  for (std::size_t i = 0; i < layers.size(); ++i) {
    const auto& layer = network.layers[i];
    LayerReport& r = layers[i];
    // A systolic array runs folds as SCALE-Sim does; a spatial array, the tiles of its mapping.
    const sim::LayerRun run = sim::run_layer(simulator, spec, mappings[i], layer.problem, r.counts);
    const sim::SimResult& s = run.result;
    const auto& folds = run.counts.systolic;
    SystemcSummary sc;
    sc.cycles = s.cycles;
    sc.compute_cycles = s.compute_cycles;
    sc.stall_cycles = s.stall_cycles;
    sc.fill_cycles = s.fill_cycles;
    sc.drain_cycles = s.drain_cycles;
    sc.steps = s.steps;
    sc.double_buffered = s.double_buffered;
    sc.energy_pj = model::price_total(spec, run.counts, table);  // leakage over the simulated cycles
    if (folds) {
      // SCALE-Sim's sense: its cycles count to the index of the last cycle (one less per
      // sublayer than the folds' cycles the steps carry), plus the stalls and fill the
      // simulation found.
      SystolicSummary x;
      x.report = *folds;
      x.total_cycles = s.cycles - (s.compute_cycles - folds->compute_cycles);
      x.stall_cycles = x.total_cycles - folds->compute_cycles;
      sc.systolic = x;
    }
    r.systemc = sc;
    std::cerr << "[" << i + 1 << "/" << layers.size() << "] " << layer.name << ": simulated " << s.cycles << " cycles (" << s.steps
              << " steps)\n";
  }
}

}  // namespace hwaware::cli
