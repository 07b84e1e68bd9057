#pragma once
// NetAdapt V2's super-network on Fashion-MNIST with LibTorch (Yang et al., NetAdaptV2, CVPR 2021):
// the workload network at its full widths, started from trained weights and trained with ordered
// dropout: in every step each image runs its own sub-network (each searched width group keeps its
// first k channels, k drawn uniformly from the group's choices, width 0 bypassing the layer; one
// image in four runs the whole network), kernels and resolution drawn once per step, on the training images but
// the last 5,000. A candidate is cut out of it (first channels, kernels' centres, bypassed layers
// left out), its batch-normalization statistics recomputed on 2,000 training images, and scored on
// the 5,000 held-out ones without a fine-tune. This header does not include LibTorch.

#include <memory>
#include <string>

#include "search/fashion_mnist.h"
#include "search/netadapt_v2.h"
#include "search/torch_model.h"

namespace hwaware::search {

constexpr long long kRecalibrationImages = 2000;

class TorchSupernet : public SupernetEvaluator {
 public:
  // Starts from the weights in `weights_path` (of the space's network at its full widths). Throws
  // core::InputError when the network cannot be built, does not take Fashion-MNIST's images to 10
  // classes, or when the weights do not match it (another network's, naming the layer).
  TorchSupernet(const FashionMnist& data, const SubnetSpace& space, const std::string& weights_path, const TrainOptions& options);
  ~TorchSupernet() override;

  // Trains with ordered dropout for `steps` (the options' batch, rate and seed); returns the mean
  // loss of the last tenth of the steps.
  double train(long long steps);
  // The super-network's weights (as TorchModel::save and load write and read them).
  void save_super(const std::string& path) const;
  void load_super(const std::string& path);

  // The sub-network of configuration `c` as a model of its own, batch-norm statistics recomputed.
  std::unique_ptr<TorchModel> extract(const workload::Network& net, const SubnetConfig& c) const;

  double holdout_accuracy(const workload::Network& net, const SubnetConfig& c) override;
  double test_accuracy(const workload::Network& net, const SubnetConfig& c) override;
  void save(const workload::Network& net, const SubnetConfig& c, const std::string& path) override;
  double finish(const workload::Network& net, const SubnetConfig& c, long long steps, const std::string& path) override;

 private:
  TorchModel& cut(const workload::Network& net, const SubnetConfig& c);  // extract(), kept for the next call about `c`

  const FashionMnist& data_;
  const SubnetSpace& space_;
  TrainOptions options_;
  std::unique_ptr<TorchModel> super_;
  SubnetConfig cut_config_;
  std::unique_ptr<TorchModel> cut_;
};

}  // namespace hwaware::search
