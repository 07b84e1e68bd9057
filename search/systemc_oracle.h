#pragma once
// The SystemC cost oracle: every layer mapped by the mapper as the analytical oracle maps it
// (identical shapes once, and remembered across calls), then run on the SystemC models of the
// accelerator (sim/); the energy table prices its action counts and its latency is its simulated
// cycles at the accelerator's clock. PIM accelerators: the PIM model's counts timed by the PIM
// schedule (whether the weights stay on chip depends on the whole network asked about).
// SystemC elaborates once per process: all SystemcOracles of a process share one simulator, so
// they must describe accelerators that the simulator times alike. This header does not include
// SystemC.

#include <memory>

#include "arch/spec.h"
#include "mappings/mapper.h"
#include "search/cost_oracle.h"

namespace hwaware::search {

class SystemcOracle : public CostOracle {
 public:
  // Elaborates the process's simulator (or reuses it). Throws core::InputError when the
  // accelerator cannot be simulated (no on-chip level below DRAM) or when this process already
  // simulates an accelerator whose timing differs (levels, bandwidths, latencies, ports, fan-out).
  SystemcOracle(arch::Spec spec, mapping::MapperOptions mapper);
  ~SystemcOracle() override;
  NetworkMetrics metrics(const workload::Network& network) override;
  std::string backend() const override { return "systemc"; }
  std::string settings() const override;
  long long layers_simulated() const { return simulated_; }  // layers not answered from memory

 private:
  struct State;
  std::unique_ptr<State> state_;
  long long simulated_ = 0;
};

}  // namespace hwaware::search
