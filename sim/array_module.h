#pragma once
// The compute array as the SystemC backend times it: it computes the steps in order, each for
// its compute cycles once its operands are in the buffer, and records when it waited.

#include <systemc>

#include "sim/buffer_module.h"
#include "sim/schedule.h"

namespace hwaware::sim {

class ArrayModule : public sc_core::sc_module {
 public:
  ArrayModule(const sc_core::sc_module_name& name, BufferModule& buffer);

  void start(const Schedule& schedule);

  sc_core::sc_time started, first_compute, last_compute;  // of the current layer
  long long busy_cycles = 0, stall_cycles = 0;             // of the current layer

 private:
  void compute();  // SC_THREAD

  BufferModule& buffer_;
  const Schedule* schedule_ = nullptr;
  sc_core::sc_event start_;
};

}  // namespace hwaware::sim
