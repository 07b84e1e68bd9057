#pragma once
// The schedule of a layer on analog PIM crossbars (models/pim_model.h), for the SystemC backend:
// steps of input vectors (at most kMaxSteps, consecutive vectors grouped), each vector entering
// its input slices one after the other. A slice is one read pulse of the crossbars (the PIM
// model's pulse_ns: its column turns through the shared ADCs, then its shift-adds, in whole sensing
// cycles as NeuroSim's synchronous subarray); the first step also reads the weights from DRAM and
// programs them when they do not stay on chip. Copies of the layer split the vectors; each copy takes its
// ceil share. The on-chip levels serve the steps' shares of their traffic at their ports.

#include "arch/spec.h"
#include "models/analytical_model.h"
#include "sim/schedule.h"
#include "workloads/problem.h"

namespace hwaware::sim {

// `counts` are the PIM model's counts of the layer (counts.pim set).
Schedule build_pim_schedule(const arch::Spec& spec, const workload::Problem& problem, const model::LayerCounts& counts);

}  // namespace hwaware::sim
