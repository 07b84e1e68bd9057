#include "cli/systemc_backend.h"

#include <iostream>

#include "core/diagnostics.h"
#include "sim/simulator.h"
#include "sim/spatial_schedule.h"

namespace hwaware::cli {

void simulate_layers(const arch::Spec& spec, const workload::Network& network, const std::vector<mapping::Mapping>& mappings,
                     const model::EnergyTable& table, std::vector<LayerReport>& layers) {
  if (spec.levels.size() < 2)
    throw core::InputError(spec.loc, "accelerator.levels",
                           "the SystemC backend needs an on-chip level below '" + spec.levels.front().name +
                               "' (the buffer DRAM fills); this accelerator has only one level");
  sim::Simulator simulator(spec);
  for (std::size_t i = 0; i < layers.size(); ++i) {
    const auto& layer = network.layers[i];
    LayerReport& r = layers[i];
    const sim::Schedule schedule = sim::build_spatial_schedule(spec, mappings[i], layer.problem, r.counts);
    const sim::SimResult s = simulator.run(schedule);
    // The simulated counts are the analytical ones (the cross-check tests hold them equal) over
    // the simulated cycles: the energy table prices them, leakage over the longer run included.
    model::LayerCounts counts = r.counts;
    counts.cycles = s.cycles;
    SystemcSummary sc;
    sc.cycles = s.cycles;
    sc.compute_cycles = s.compute_cycles;
    sc.stall_cycles = s.stall_cycles;
    sc.fill_cycles = s.fill_cycles;
    sc.drain_cycles = s.drain_cycles;
    sc.steps = s.steps;
    sc.double_buffered = s.double_buffered;
    sc.energy_pj = model::price_total(spec, counts, table);
    r.systemc = sc;
    std::cerr << "[" << i + 1 << "/" << layers.size() << "] " << layer.name << ": simulated " << s.cycles << " cycles ("
              << s.steps << " steps)\n";
  }
}

}  // namespace hwaware::cli
