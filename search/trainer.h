#pragma once
// A trainer as NetAdapt sees it: the LibTorch trainer on Fashion-MNIST (search/torch_trainer.h)
// and the tests' fake implement it; NetAdapt never sees tensors.

#include <cstddef>
#include <limits>
#include <string>

#include "workloads/layer.h"

namespace hwaware::search {

class Trainer {
 public:
  static constexpr std::size_t kNoGroup = std::numeric_limits<std::size_t>::max();

  virtual ~Trainer() = default;
  // Narrows the current network to `proposal` (group `group` narrowed: the filters of largest L2
  // norm kept, the matching input channels of their consumers dropped), fine-tunes it for `steps`
  // and returns its accuracy on the held-out images. With kNoGroup, the current network itself.
  // The result depends only on the current weights and the proposal, never on what was tried before.
  virtual double try_proposal(const workload::Network& proposal, std::size_t group, long long steps) = 0;
  // A network just tried (or the current one) becomes the current network, with its weights.
  virtual void accept(const workload::Network& chosen) = 0;
  // The current network's accuracy on the test images (reported, never used to choose).
  virtual double test_accuracy() = 0;
  // Writes the current network's weights; restore makes `net` with those weights current.
  virtual void save(const std::string& path) const = 0;
  virtual void restore(const workload::Network& net, const std::string& path) = 0;
  // Fine-tunes the current network for `steps` and returns its accuracy on the test images.
  virtual double finish(long long steps) = 0;
};

}  // namespace hwaware::search
