#pragma once
// The compute array as the SystemC backend times it: it computes the steps in order, each once
// every on-chip level has its operands, for its compute cycles or as long as the levels' ports
// take to move the step's share of their traffic, whichever is longer; it records when it waited.

#include <systemc>
#include <vector>

#include "sim/buffer_module.h"
#include "sim/network_module.h"
#include "sim/schedule.h"

namespace hwaware::sim {

class ArrayModule : public sc_core::sc_module {
 public:
  // buffers[i] and networks[i] (nullptr where a level does not fan out) are level i + 1's.
  ArrayModule(const sc_core::sc_module_name& name, std::vector<BufferModule*> buffers, std::vector<NetworkModule*> networks);

  void start(const Schedule& schedule);

  sc_core::sc_time started, first_compute, last_compute;  // of the current layer
  double busy_cycles = 0;                                 // of the current layer: computing or moving on-chip data
  long long stall_cycles = 0;

 private:
  void compute();  // SC_THREAD

  std::vector<BufferModule*> buffers_;
  std::vector<NetworkModule*> networks_;
  const Schedule* schedule_ = nullptr;
  sc_core::sc_event start_;
};

}  // namespace hwaware::sim
