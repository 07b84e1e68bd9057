#pragma once
// A systolic array's folds (models/systolic_folds.h, SCALE-Sim v2's) as the steps the SystemC
// backend times: one step per fold, group after group, carrying the fold's cycles and its DRAM
// traffic, each tensor landing in the SRAM the fold model names (double-buffered when two of its
// tiles fit). The counting is the model's (models/systolic_model.h); this file only lays the folds
// out in time.

#include "models/analytical_model.h"
#include "models/systolic_folds.h"
#include "sim/schedule.h"
#include "workloads/problem.h"

namespace hwaware::sim {

// `folds` are model::systolic_folds of `problem`; `counts` the model's counts of them
// (model::systolic_counts): they give the DRAM words per element and what the on-chip levels
// move, which the steps share in proportion to their cycles.
Schedule build_systolic_schedule(const workload::Problem& problem, const model::SystolicFolds& folds, const model::LayerCounts& counts);

}  // namespace hwaware::sim
