#pragma once
// The compute array as the SystemC backend times it: it computes the steps in order, each for
// its compute cycles once every on-chip level has its operands, and records when it waited.

#include <systemc>
#include <vector>

#include "sim/buffer_module.h"
#include "sim/schedule.h"

namespace hwaware::sim {

class ArrayModule : public sc_core::sc_module {
 public:
  ArrayModule(const sc_core::sc_module_name& name, std::vector<BufferModule*> buffers);

  void start(const Schedule& schedule);

  sc_core::sc_time started, first_compute, last_compute;  // of the current layer
  long long busy_cycles = 0, stall_cycles = 0;             // of the current layer

 private:
  void compute();  // SC_THREAD

  std::vector<BufferModule*> buffers_;
  const Schedule* schedule_ = nullptr;
  sc_core::sc_event start_;
};

}  // namespace hwaware::sim
