#pragma once
// The SystemC backend as the evaluation engine sees it (model::LayerSimulator): each layer's
// schedule (sim/layer_schedule.h) timed on the process's one Simulator. SystemC elaborates once
// per process, so every SystemcSimulator of a process shares one Simulator, elaborated for the
// first accelerator asked about; a later one must be timed alike (same levels, bandwidths,
// latencies, ports and fan-outs). Safe to use from several threads: one layer runs at a time.
// This header does not include SystemC.

#include "arch/spec.h"
#include "models/layer_simulator.h"

namespace hwaware::sim {

class Simulator;

class SystemcSimulator : public model::LayerSimulator {
 public:
  // Elaborates the process's simulator for `spec` (or reuses it). Throws core::InputError when the
  // accelerator cannot be simulated (no on-chip level below DRAM) or when this process already
  // simulates an accelerator whose timing differs.
  explicit SystemcSimulator(const arch::Spec& spec);
  model::SimulatedLayer simulate(const arch::Spec& spec, const mapping::Mapping& m, const workload::Problem& problem,
                                 const model::LayerCounts& counts) override;

 private:
  Simulator* simulator_ = nullptr;
};

}  // namespace hwaware::sim
