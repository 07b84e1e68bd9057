#pragma once
// What the evaluation engine asks of a cycle-approximate backend (the SystemC models in sim/
// implement it; models/ does not depend on sim/): time one layer that the analytical model has
// counted, and give back the counts the energy table prices, with the cycles it simulated.

#include "arch/spec.h"
#include "mappings/mapping.h"
#include "models/analytical_model.h"
#include "workloads/problem.h"

namespace hwaware::model {

// A layer as a cycle-approximate model ran it: its counts (the analytical ones, with the simulated
// cycles) and where the cycles went.
struct SimulatedLayer {
  LayerCounts counts;
  long long compute_cycles = 0;  // the array computing
  long long stall_cycles = 0;    // the array waiting for operands between steps
  long long fill_cycles = 0;     // before the first step computes
  long long drain_cycles = 0;    // after the last step computes
  long long steps = 0;
  bool double_buffered = false;
};

class LayerSimulator {
 public:
  virtual ~LayerSimulator() = default;
  // `counts`: the analytical model's counts of `problem` on `spec` under `m` (`m` is empty on PIM
  // crossbars and systolic arrays, which place the layer themselves).
  virtual SimulatedLayer simulate(const arch::Spec& spec, const mapping::Mapping& m, const workload::Problem& problem,
                                  const LayerCounts& counts) = 0;
};

}  // namespace hwaware::model
