#pragma once
// The SystemC cost oracle: every layer evaluated as the analytical oracle evaluates it (the same
// mappings, placements and folds, through the one engine, model_oracle.h), then run on the SystemC
// models of the accelerator (sim/systemc_simulator.h); the energy table prices its simulated
// counts and its latency is its simulated cycles at the accelerator's clock. SystemC elaborates
// once per process: all SystemcOracles of a process share one simulator, so they must describe
// accelerators that the simulator times alike. This header does not include SystemC.

#include "arch/spec.h"
#include "search/model_oracle.h"

namespace hwaware::search {

class SystemcOracle : public ModelOracle {
 public:
  // Elaborates the process's simulator (or reuses it). Throws core::InputError when the
  // accelerator cannot be simulated (no on-chip level below DRAM) or when this process already
  // simulates an accelerator whose timing differs (levels, bandwidths, latencies, ports, fan-out).
  SystemcOracle(const model::Accelerator& accelerator, const model::MapOptions& map);
  // An accelerator priced by its own energies (no ERT), keyed by its name, mapped under its own dataflow.
  SystemcOracle(const arch::Spec& spec, const mapping::MapperOptions& mapper);
  long long layers_simulated() const { return layers_evaluated(); }
};

}  // namespace hwaware::search
