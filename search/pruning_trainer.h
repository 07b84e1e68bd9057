#pragma once
// A trainer as energy-aware pruning sees it: the layers as least-squares problems, their weights,
// fine-tuning with pruned weights held at zero, accuracies and in-memory snapshots. The LibTorch
// trainer on Fashion-MNIST (torch_pruning_trainer.h) and the tests' fake implement it; EAP never
// sees tensors.

#include <string>
#include <vector>

#include "search/layer_least_squares.h"

namespace hwaware::search {

class PruningTrainer {
 public:
  virtual ~PruningTrainer() = default;
  // Layer `layer` (conv2d or fc) as a least-squares problem: input patches sampled from the current
  // network, outputs of the original network at the same places (bias removed), the current filters.
  // Every call for a layer samples the same places.
  virtual LayerLeastSquares least_squares(const std::string& layer) = 0;
  // Sets the layer's weights (per block, as least_squares gives them); its zeros stay zero from now on.
  virtual void set_weights(const std::string& layer, const std::vector<Eigen::MatrixXd>& weights) = 0;
  // Fine-tunes the whole network by backpropagation for `steps` (zeros held) and returns its
  // accuracy on the held-out images. `salt` seeds the fine-tune.
  virtual double fine_tune(long long steps, unsigned long long salt) = 0;
  virtual double holdout_accuracy() = 0;
  virtual double test_accuracy() = 0;
  // Keeps the current weights in memory; rollback makes the last kept ones current again.
  virtual void snapshot() = 0;
  virtual void rollback() = 0;
  virtual void save(const std::string& path) const = 0;
};

}  // namespace hwaware::search
