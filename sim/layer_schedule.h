#pragma once
// A layer's run on the Simulator, returned in the analytical model's form (cycles + action
// counts) for the energy table: a PIM chip's input vectors through its crossbars
// (sim/pim_schedule.h), a systolic array's folds (sim/systolic_schedule.h), or the tiles of a
// spatial array's mapping (sim/spatial_schedule.h). The counts are always the analytical model's;
// only the cycles are simulated (stalls, DRAM latency, fill and drain), so the energy differs from
// the analytical one only by the leakage of the cycles that differ (leakage is priced per cycle).

#include "arch/spec.h"
#include "mappings/mapping.h"
#include "models/analytical_model.h"
#include "sim/simulator.h"
#include "workloads/problem.h"

namespace hwaware::sim {

struct LayerRun {
  SimResult result;           // cycles, stalls, fill, drain, DRAM words
  model::LayerCounts counts;  // what the energy table prices: the analytical counts, cycles the simulated ones
};

// A spatial array's `counts` are the analytical model's counts of the layer under `m` (its
// schedule spreads them over its steps; the cross-check tests hold the simulated DRAM traffic
// equal to them); a PIM chip's, evaluate_pim's (they time its slices). A systolic array needs
// neither: its folds are the mapping, and its counts are model::systolic_counts of them (equal to
// model::evaluate_systolic's, SCALE-Sim's report in counts.systolic).
LayerRun run_layer(Simulator& simulator, const arch::Spec& spec, const mapping::Mapping& m, const workload::Problem& problem,
                   const model::LayerCounts& counts);

}  // namespace hwaware::sim
