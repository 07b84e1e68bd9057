#pragma once
// A PIM chip of crossbars whose layers run as a pipeline (`pim: {pipeline: true}`; ISAAC's and
// PUMA's inter-layer pipeline): every layer keeps its own crossbars (the network's weights must stay
// on chip) and works on the next input while the later layers work on earlier ones.
// - A layer's stage time is its own cycles (reads, conversions, its traffic at the levels'
//   bandwidths) or, when longer, the time a level it uses needs for the traffic of all the stages
//   together: the stages share each level's ports, each served in proportion to its traffic, so a
//   stage using a level finishes its transfers when the level has moved the whole pipeline's.
// - An inference takes, in steady state, the slowest stage's time (the pipeline's interval); the
//   first result leaves after the sum of the stages (the fill).
// - The whole chip leaks for the interval every inference; each layer is charged its share, in
//   proportion to the crossbars its weights and copies hold.
// Layer by layer (pipeline: false), a layer's cycles are its own and the whole chip leaks while it
// runs (pim_model.h).

#include <vector>

#include "arch/spec.h"
#include "models/analytical_model.h"

namespace hwaware::model {

// Turns the counts of every layer of a network (in order; layer-by-layer counts from evaluate_pim
// with the weights staying on chip) into its pipeline stages: stage cycles and leakage as above.
// Returns the interval in cycles. Precondition (core::panic): a PIM accelerator of crossbars.
long long pipeline_stages(const arch::Spec& spec, const std::vector<LayerCounts*>& layers);

}  // namespace hwaware::model
