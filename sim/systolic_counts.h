#pragma once
// A systolic run's action counts in the analytical model's form, so that the one energy table
// prices them: the layer's analytical counts with the storage traffic of DRAM and of the SRAM
// each tensor lands in replaced by what the folds move (sim/systolic_schedule.h): DRAM reads and
// writes per tensor from the schedule, ifmap and filter SRAM reads and ofmap SRAM writes from
// SCALE-Sim's counts (the physical ofmap writes). The register files in the PEs, the network and
// the MACs keep their analytical counts.

#include "arch/spec.h"
#include "models/analytical_model.h"
#include "sim/schedule.h"
#include "sim/systolic_schedule.h"
#include "workloads/problem.h"

namespace hwaware::sim {

model::LayerCounts systolic_counts(const arch::Spec& spec, const workload::Problem& problem, const Schedule& schedule,
                                   const SystolicReport& report, model::LayerCounts counts);

}  // namespace hwaware::sim
