#pragma once
// What energy-aware pruning (energy_aware_pruning.h) and its filter-based baseline
// (filter_pruning.h) share: the schedule's options, the per-layer report, the order in which
// layers are pruned (highest energy first, from the cost oracle) and the network with each
// layer's measured weight density, which the sparsity-aware accelerator model prices
// (compression, zero gating or skipping).

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "search/cost_oracle.h"
#include "search/layer_least_squares.h"

namespace hwaware::search {

struct PruneOptions {
  double tolerance = 0.01;      // holdout accuracy may fall this much below the start (absolute)
  double step = 0.1;            // each trial removes this fraction of the layer's dense weights (or filters)
  double min_density = 0.05;    // no layer keeps less
  long long short_steps = 100;  // global fine-tune after each trial
  long long long_steps = 2000;  // final global fine-tune
  long long max_swaps = 2000;   // feature-map selection: restore/remove pairs per trial
  RefitOptions refit;
  std::function<void(const std::string&)> progress;  // one line per trial
};

// One layer before and after.
struct PrunedLayer {
  std::string name;
  double density_before = 1, density_after = 1;  // non-zero weights / weights of the starting layer
  double energy_before_pj = 0, energy_after_pj = 0;
  int trials = 0, accepted = 0;
  double holdout = 0;  // after its last accepted trial
};

struct PruneResult {
  workload::Network network;                     // the pruned network, with its layers' weight densities
  std::vector<PrunedLayer> layers;               // in the order they were pruned
  double holdout_before = 0, holdout_after = 0;  // the last before the final fine-tune
  double test_before = 0, test_after = 0;
  NetworkMetrics metrics_before, metrics_after;
};

// The layers with weights (conv2d, fc), highest energy first according to `m` (ties: network order).
std::vector<std::size_t> energy_order(const workload::Network& net, const NetworkMetrics& m);

// `net` with the Weights density of each named layer set.
workload::Network with_densities(const workload::Network& net, const std::map<std::string, double>& density);

// Energy of a layer in `m`, by name (0 when absent).
double layer_energy_pj(const NetworkMetrics& m, const std::string& layer);

// Throws core::InputError unless the options are in range (a tolerance in (0, 1), a step in (0, 1),
// a minimum density in [0, 1)).
void check_prune_options(const PruneOptions& o);

}  // namespace hwaware::search
