#pragma once
// The schedule of a layer on a spatial array (Eyeriss-like: DRAM, a global buffer, a PE array
// with its register files), built from the layer's mapping and the analytical model's counts:
// one step per iteration of the backing store's temporal loops, i.e. per tile the outermost
// on-chip level receives (consecutive iterations are grouped when there are more than
// kMaxSteps). The first step fetches its whole tiles; DRAM reads and writes and the array's
// cycles are spread over the steps so that their totals are exactly the analytical model's.
// Each step computes its share of the analytical compute cycles and moves the same share of
// every on-chip level's traffic (Schedule::loads); the SystemC modules find how long the levels'
// ports and the DRAM make it take.

#include "arch/spec.h"
#include "mappings/mapping.h"
#include "models/analytical_model.h"
#include "sim/schedule.h"
#include "workloads/problem.h"

namespace hwaware::sim {

constexpr long long kMaxSteps = 4096;

Schedule build_spatial_schedule(const arch::Spec& spec, const mapping::Mapping& m, const workload::Problem& problem,
                                const model::LayerCounts& counts);

// What each on-chip level moves over the layer (Schedule::loads), from the analytical counts: the
// bits each instance reads and writes, in the level's words, and its network's deliveries.
std::vector<LevelLoad> level_loads(const model::LayerCounts& counts);

// Splits `total` into `parts` shares whose sum is exactly `total`: whole numbers (the last
// share takes any fraction), as even as possible, earlier shares never larger than later ones.
std::vector<double> even_shares(double total, long long parts);

}  // namespace hwaware::sim
