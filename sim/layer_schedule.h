#pragma once
// The schedule the SystemC backend runs for a layer: a PIM chip's input vectors through its
// crossbars, a systolic array's folds (SCALE-Sim's way, with its report), or the tiles of a
// spatial array's mapping; and a layer's run on the
// Simulator, returned in the analytical model's form (cycles + action counts) for the energy
// table.

#include <optional>

#include "arch/spec.h"
#include "mappings/mapping.h"
#include "models/analytical_model.h"
#include "sim/schedule.h"
#include "sim/simulator.h"
#include "sim/systolic_schedule.h"
#include "workloads/problem.h"

namespace hwaware::sim {

struct LayerSchedule {
  Schedule schedule;
  std::optional<SystolicReport> systolic;  // set for a systolic array
};

// `counts` are the analytical model's counts of the layer under `m` (a spatial array's schedule
// spreads them over its steps; a PIM chip's, from evaluate_pim, time its slices; a systolic
// array's ignores the mapping).
LayerSchedule build_layer_schedule(const arch::Spec& spec, const mapping::Mapping& m, const workload::Problem& problem,
                                   const model::LayerCounts& counts);

struct LayerRun {
  SimResult result;                        // cycles, stalls, fill, drain, DRAM words
  model::LayerCounts counts;               // what the energy table prices: cycles are the simulated ones
  std::optional<SystolicReport> systolic;  // a systolic array: SCALE-Sim's report
};

// Builds the layer's schedule and runs it. A spatial array's counts are the analytical ones (the
// cross-check tests hold the simulated DRAM traffic equal to them); a systolic array's storage
// traffic is its folds' (systolic_counts.h).
LayerRun run_layer(Simulator& simulator, const arch::Spec& spec, const mapping::Mapping& m, const workload::Problem& problem,
                   const model::LayerCounts& counts);

}  // namespace hwaware::sim
