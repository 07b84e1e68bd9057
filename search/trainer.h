#pragma once
// A trainer as NetAdapt sees it. The LibTorch trainer on Fashion-MNIST (to come) and the tests'
// fake implement it; NetAdapt never sees tensors.

#include <cstddef>

#include "workloads/layer.h"

namespace hwaware::search {

class Trainer {
 public:
  virtual ~Trainer() = default;
  // Narrows the current network to `proposal` (group `group` narrowed: the filters of largest L2
  // norm kept, the matching input channels of their consumers dropped), fine-tunes it for `steps`
  // and returns its accuracy on the held-out images.
  virtual double try_proposal(const workload::Network& proposal, std::size_t group, long long steps) = 0;
  // The proposal just tried becomes the current network, with its fine-tuned weights.
  virtual void accept(const workload::Network& chosen) = 0;
  // Fine-tunes the current network for `steps` and returns its accuracy on the test images.
  virtual double finish(long long steps) = 0;
};

}  // namespace hwaware::search
