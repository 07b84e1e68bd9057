#pragma once
// The filter-based baseline of energy-aware pruning: the same schedule (layers highest energy
// first, a trial removes `step` of the layer's starting filters, a short global fine-tune, stop at
// the first trial below the holdout tolerance and undo it, a final fine-tune) and the same cost
// oracle, but whole filters go, those of smallest L2 norm (magnitude only: Li et al., "Pruning
// Filters for Efficient ConvNets", ICLR 2017), and the network becomes narrower instead of
// sparser. It drives NetAdapt's trainer (trainer.h), which narrows that way.

#include "search/pruning.h"
#include "search/trainer.h"

namespace hwaware::search {

PruneResult filter_pruning(const workload::Network& net, CostOracle& oracle, Trainer& trainer, const PruneOptions& options);

}  // namespace hwaware::search
