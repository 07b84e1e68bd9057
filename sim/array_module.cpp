#include "sim/array_module.h"

#include <utility>

#include "sim/sim_time.h"

namespace hwaware::sim {

ArrayModule::ArrayModule(const sc_core::sc_module_name& name, std::vector<BufferModule*> buffers)
    : sc_core::sc_module(name), buffers_(std::move(buffers)) {
  SC_HAS_PROCESS(ArrayModule);
  SC_THREAD(compute);
}

void ArrayModule::start(const Schedule& schedule) {
  schedule_ = &schedule;
  busy_cycles = stall_cycles = 0;
  started = first_compute = last_compute = sc_core::sc_time_stamp();
  start_.notify(sc_core::SC_ZERO_TIME);
}

void ArrayModule::compute() {
  for (;;) {
    wait(start_);
    const Schedule& s = *schedule_;
    for (std::size_t n = 0; n < s.steps.size(); ++n) {
      std::size_t k = 0;
      for (BufferModule* b : buffers_) b->ready.read(k);  // every level hands over step n
      const sc_core::sc_time now = sc_core::sc_time_stamp();
      if (n == 0) first_compute = now;
      else stall_cycles += to_cycles(now - last_compute);
      wait(cycles(static_cast<double>(s.steps[k].compute_cycles)));
      busy_cycles += s.steps[k].compute_cycles;
      last_compute = sc_core::sc_time_stamp();  // waiting for room for the outputs counts as a stall
      for (BufferModule* b : buffers_) {
        b->release_slot();
        b->computed.write(k);
      }
    }
  }
}

}  // namespace hwaware::sim
