#include "sim/array_module.h"

#include <algorithm>
#include <utility>

#include "sim/sim_time.h"

namespace hwaware::sim {

ArrayModule::ArrayModule(const sc_core::sc_module_name& name, std::vector<BufferModule*> buffers, std::vector<NetworkModule*> networks)
    : sc_core::sc_module(name), buffers_(std::move(buffers)), networks_(std::move(networks)) {
  SC_HAS_PROCESS(ArrayModule);
  SC_THREAD(compute);
}

void ArrayModule::start(const Schedule& schedule) {
  schedule_ = &schedule;
  busy_cycles = 0;
  stall_cycles = 0;
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
      const Step& step = s.steps[k];
      sc_core::sc_time end = now + cycles(static_cast<double>(step.compute_cycles));
      if (!s.loads.empty())
        for (std::size_t b = 0; b < buffers_.size(); ++b) {
          const LevelLoad& load = s.loads[b + 1];
          end = std::max(end, buffers_[b]->serve(step.share * load.read_words, step.share * load.write_words));
          if (networks_[b]) networks_[b]->deliver(step.share * load.network_words);
        }
      wait(end - now);
      busy_cycles += (end - now).to_seconds() * 1e9;
      last_compute = sc_core::sc_time_stamp();  // waiting for room for the outputs counts as a stall
      for (BufferModule* b : buffers_) {
        b->release_slot();
        b->computed.write(k);
      }
    }
  }
}

}  // namespace hwaware::sim
