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

// `counts` are the analytical model's counts of the layer: a spatial array's under `m` (its
// schedule spreads them over its steps), a PIM chip's from evaluate_pim (they time its slices), a
// systolic array's from evaluate_systolic (its steps are the same folds, the mapping ignored; the
// counts give the DRAM words per element). The run keeps them, with the simulated cycles; the
// cross-check tests hold the traffic the DRAM module simulates equal to them.
LayerRun run_layer(Simulator& simulator, const arch::Spec& spec, const mapping::Mapping& m, const workload::Problem& problem,
                   const model::LayerCounts& counts);

}  // namespace hwaware::sim
