#pragma once
// Energy-aware pruning (Yang, Chen, Sze, CVPR 2017) against a cost oracle that sees sparsity.
// Layers with weights are pruned one at a time, highest energy first. Each trial of a layer keeps
// `step` less of its dense weights: the weights to keep are chosen by how well the layer still
// reproduces its original output feature map (magnitude first, then greedy restore/remove pairs,
// feature_map_mask), refit in closed form by least squares on sampled patches (the local
// fine-tune), then the whole network is fine-tuned briefly by backpropagation. A layer stops at the
// first trial whose holdout accuracy falls more than the tolerance below the starting network's;
// that trial is undone. A final global fine-tune ends the run.

#include "search/pruning.h"
#include "search/pruning_trainer.h"

namespace hwaware::search {

// How a layer's kept weights are chosen: EAP's feature-map selection, or magnitude alone with no
// least-squares refit (Han et al., NIPS 2015: the ablation of both of EAP's steps).
enum class WeightSelection { feature_map, magnitude };

PruneResult energy_aware_pruning(const workload::Network& net, CostOracle& oracle, PruningTrainer& trainer, const PruneOptions& options,
                                 WeightSelection selection = WeightSelection::feature_map);

}  // namespace hwaware::search
