#pragma once
// The SystemC backend's entry point: elaborates, once per process, SystemC modules named after
// the accelerator's components (the DRAM level, the outermost on-chip buffer, the compute
// array) and times schedules on them, layer after layer. SystemC 2.3 elaborates only once per
// process, so a process holds at most one Simulator, for one accelerator; tests that simulate
// run one test case per process. This header does not include SystemC.

#include <array>
#include <memory>

#include "arch/spec.h"
#include "sim/schedule.h"

namespace hwaware::sim {

struct SimResult {
  long long cycles = 0;          // from the first DRAM request to the last output written back
  long long compute_cycles = 0;  // cycles the array computes
  long long stall_cycles = 0;    // cycles the array waits for operands between steps
  long long fill_cycles = 0;     // before the first step computes (its operands arriving)
  long long drain_cycles = 0;    // after the last step computes (its outputs leaving)
  long long steps = 0;
  std::array<double, kMaxTensors> dram_reads{}, dram_writes{};  // words, counted by the DRAM module
  bool double_buffered = false;                                 // whether the buffer held two steps' operands
};

// Throws core::InputError, at the accelerator, when it cannot be simulated: the SystemC models need
// DRAM and at least one on-chip level below it.
void require_simulatable(const arch::Spec& spec);

class Simulator {
 public:
  // Elaborates the modules; a second Simulator in the same process is a bug (panic).
  explicit Simulator(const arch::Spec& spec);
  ~Simulator();
  Simulator(const Simulator&) = delete;
  Simulator& operator=(const Simulator&) = delete;

  // Times one layer's schedule; layers run one after the other on the same modules.
  SimResult run(const Schedule& schedule);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace hwaware::sim
