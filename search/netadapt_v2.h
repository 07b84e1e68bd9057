#pragma once
// NetAdapt V2 (Yang, Liao & Sze, "NetAdaptV2", CVPR 2021) against simulated metrics: the
// candidates are sub-networks of one super-network trained once with ordered dropout
// (search/subnet_space.h), so each is scored on held-out images with the shared weights, without
// a fine-tune of its own. Multi-layer coordinate descent: each iteration sets the targets as
// NetAdapt does (each unmet budget down by dR, decaying; the budget itself once closer), draws
// `samples` candidates, each shrinking `layers` randomly chosen dimensions together by the fewest
// steps of their choices that meet every target according to the cost oracle, and keeps the one
// of best holdout accuracy (or best accuracy change per resource drop). The run stops when every
// budget holds, then the final sub-network is extracted and fine-tuned long. Each iteration is
// checkpointed as V1's are; draws are seeded by the run's seed and the iteration, so a resumed run
// repeats an uninterrupted one.

#include <string>

#include "search/cost_oracle.h"
#include "search/netadapt.h"
#include "search/subnet_space.h"

namespace hwaware::search {

// The super-network as the optimizer sees it: the LibTorch one (search/torch_supernet.h) and the
// tests' fake implement it. Every call is about sub-network `net`, the network of configuration `c`.
class SupernetEvaluator {
 public:
  virtual ~SupernetEvaluator() = default;
  // Accuracy on the held-out images, read from the shared weights.
  virtual double holdout_accuracy(const workload::Network& net, const SubnetConfig& c) = 0;
  // Accuracy on the test images (reported, never used to choose).
  virtual double test_accuracy(const workload::Network& net, const SubnetConfig& c) = 0;
  // Writes the sub-network's own weights (extracted from the shared ones) to `path`.
  virtual void save(const workload::Network& net, const SubnetConfig& c, const std::string& path) = 0;
  // Extracts the sub-network, fine-tunes it for `steps`, writes its weights to `path` and returns
  // its test accuracy.
  virtual double finish(const workload::Network& net, const SubnetConfig& c, long long steps, const std::string& path) = 0;
};

struct CoordinateDescent {
  int samples = 16;  // candidates drawn per iteration
  int layers = 2;    // dimensions each candidate shrinks together
  unsigned long long seed = 1;
};

// Throws core::InputError (location `--budget`) when even the smallest shape of the space misses a
// budget, naming the budget and what that shape reaches; and when every budget is already met.
BudgetValues reachable_budgets(const SubnetSpace& s, CostOracle& oracle, const std::vector<Budget>& budgets);

// `o.short_steps` is not used (candidates are not fine-tuned); with a checkpoint directory, the
// final network's weights go to final.weights there. FamilyMember::widths holds each member's
// configuration.
NetAdaptResult netadapt_v2(const SubnetSpace& s, CostOracle& oracle, SupernetEvaluator& e, const NetAdaptOptions& o,
                           const CoordinateDescent& cd);

}  // namespace hwaware::search
