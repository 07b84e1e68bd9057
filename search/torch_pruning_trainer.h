#pragma once
// Energy-aware pruning's trainer on Fashion-MNIST with LibTorch. It keeps the original network
// (whose output feature maps pruned layers must reproduce) beside the one being pruned. A layer's
// least-squares problem is sampled from training images: a convolution's input patches at random
// positions (im2col), an FC layer's whole inputs; the targets are the original layer's outputs
// before batch normalization (convolutions) or less the current bias (FC layers). Fine-tuning uses
// the training images but the last 5,000, scored on those 5,000; the test images only report.
// This header does not include LibTorch.

#include <memory>
#include <string>

#include "search/fashion_mnist.h"
#include "search/pruning_trainer.h"
#include "search/torch_model.h"

namespace hwaware::search {

struct PatchSampling {
  long long conv_images = 256;     // images a convolution's patches come from
  long long conv_patches = 16384;  // patches drawn among them
  long long fc_images = 4096;      // an FC layer: one input vector per image
  long long batch = 256;           // images per forward pass while sampling
};

class TorchPruningTrainer : public PruningTrainer {
 public:
  // Starts from `net` with the weights in `weights_path` (also the original network). Throws
  // core::InputError when the network cannot be built or does not fit Fashion-MNIST, or when the
  // weights do not match it.
  TorchPruningTrainer(const FashionMnist& data, const workload::Network& net, const std::string& weights_path, const TrainOptions& options,
                      const PatchSampling& sampling = {});
  ~TorchPruningTrainer() override;

  LayerLeastSquares least_squares(const std::string& layer) override;
  void set_weights(const std::string& layer, const std::vector<Eigen::MatrixXd>& weights) override;
  double fine_tune(long long steps, unsigned long long salt) override;
  double holdout_accuracy() override;
  double test_accuracy() override;
  void snapshot() override;
  void rollback() override;
  void save(const std::string& path) const override;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace hwaware::search
