#pragma once
// NetAdapt's trainer on Fashion-MNIST with LibTorch: proposals are narrowed from the current
// weights (filters of largest L2 norm kept), fine-tuned on the training images but the last 5,000,
// and scored on those 5,000 held-out images; the test images only report. Every fine-tune is seeded
// from the run's seed and the proposal's widths, so a resumed run repeats an uninterrupted one.
// This header does not include LibTorch.

#include <memory>
#include <string>
#include <vector>

#include "search/fashion_mnist.h"
#include "search/network_surgery.h"
#include "search/torch_model.h"
#include "search/trainer.h"

namespace hwaware::search {

constexpr long long kHoldoutImages = 5000;

// Training images of the split: all but the last kHoldoutImages, which are held out.
inline long long training_images(const FashionMnist& data) { return data.train.count - kHoldoutImages; }

class TorchTrainer : public Trainer {
 public:
  // Starts from `start` with the weights in `weights_path`. Throws core::InputError when the
  // network cannot be built or does not take Fashion-MNIST's 1x28x28 images to 10 classes, or when
  // the weights do not match it.
  TorchTrainer(const FashionMnist& data, const workload::Network& start, const std::string& weights_path, const TrainOptions& options);
  ~TorchTrainer() override;

  double try_proposal(const workload::Network& proposal, std::size_t group, long long steps) override;
  void accept(const workload::Network& chosen) override;
  double test_accuracy() override;
  void save(const std::string& path) const override;
  void restore(const workload::Network& net, const std::string& path) override;
  double finish(long long steps) override;

 private:
  struct Tried {
    workload::Network net;
    std::unique_ptr<TorchModel> model;
  };
  TrainOptions seeded(const workload::Network& net, unsigned long long salt) const;

  const FashionMnist& data_;
  TrainOptions options_;
  std::vector<WidthGroup> groups_;
  std::unique_ptr<TorchModel> current_;
  std::vector<Tried> tried_;
};

// Throws core::InputError unless `net` takes 1x28x28 images (or a smaller square they are resized
// to) to 10 scores (naming what it takes).
void require_fashion_mnist_shape(const workload::Network& net, const TorchModel& model);

}  // namespace hwaware::search
