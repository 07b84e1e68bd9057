#pragma once
// An exploration's space (`hwaware explore --space SPACE.yaml`): the accelerator, the hardware
// parameters to vary and their values, the networks, and what to do at each hardware point with
// each network: evaluate it, or reshape it against that point (NetAdapt, energy-aware pruning).
//
//   space:
//     accelerator: ../arch/presets/rram_128x128.yaml     # paths are relative to this file
//     parameters:                                         # dotted keys of the accelerator
//       pim.crossbar.rows+pim.crossbar.cols: [128, 256, 512]
//       pim.adc.bits: [6, 8]
//     networks:
//       - {workload: ../workloads/networks/fmnist_vgg.yaml, weights: vgg.weights}
//     search: {method: netadapt, budget: latency=50%, short_steps: 50, long_steps: 500}

#include <string>
#include <vector>

#include "cli/sweep_points.h"
#include "core/diagnostics.h"

namespace hwaware::cli {

struct SpaceNetwork {
  std::string workload, weights;  // weights: empty when not given (evaluate reports no accuracy)
  core::SourceLoc loc;
};

struct SpaceSearch {
  std::string method = "evaluate";   // evaluate, netadapt or eap
  std::vector<std::string> budgets;  // netadapt: RESOURCE=VALUE, as `adapt --budget`
  std::string tolerance = "1%";      // eap: as `prune --tolerance`
  double step = 0.1;                 // netadapt's first cut, eap's density step
  long long short_steps = 50, long_steps = 500;
  core::SourceLoc loc;
};

struct ExploreSpace {
  std::string path, text;  // the space file and its bytes
  std::string accelerator;
  core::SourceLoc accelerator_loc;
  std::vector<SweepSetting> parameters;
  std::vector<SpaceNetwork> networks;
  SpaceSearch search;
};

// Reads and checks a space file (not yet its parameters against the accelerator: parse_sweep does).
// Throws core::InputError with every mistake: unknown keys (with a "did you mean"), a parameter
// without values, no parameter or no network (an empty space), a missing file, an unknown method,
// a search without what it needs (weights, a budget).
ExploreSpace read_space(const std::string& path);

}  // namespace hwaware::cli
