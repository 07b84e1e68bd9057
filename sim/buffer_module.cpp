#include "sim/buffer_module.h"

namespace hwaware::sim {

BufferModule::BufferModule(const sc_core::sc_module_name& name, DramModule& dram)
    : sc_core::sc_module(name), ready("ready", 2), computed("computed", 2), dram_(dram) {
  SC_HAS_PROCESS(BufferModule);
  SC_THREAD(load);
  SC_THREAD(drain);
}

void BufferModule::start(const Schedule& schedule, int slots, const std::array<bool, kMaxTensors>& mine) {
  schedule_ = &schedule;
  mine_ = mine;
  free_slots_ = slots;
  start_load_.notify(sc_core::SC_ZERO_TIME);
  start_drain_.notify(sc_core::SC_ZERO_TIME);
}

void BufferModule::release_slot() {
  ++free_slots_;
  slot_freed_.notify(sc_core::SC_ZERO_TIME);
}

void BufferModule::load() {
  for (;;) {
    wait(start_load_);
    const Schedule& s = *schedule_;
    for (std::size_t k = 0; k < s.steps.size(); ++k) {
      while (free_slots_ == 0) wait(slot_freed_);
      --free_slots_;
      for (std::size_t t = 0; t < s.tensors.size(); ++t) {
        if (!mine_[t]) continue;
        dram_.read(t, s.steps[k].dram_reads[t]);
        words_filled[t] += s.steps[k].dram_reads[t];
      }
      ready.write(k);
    }
  }
}

void BufferModule::drain() {
  for (;;) {
    wait(start_drain_);
    const Schedule& s = *schedule_;
    for (std::size_t n = 0; n < s.steps.size(); ++n) {
      std::size_t k = 0;
      computed.read(k);
      for (std::size_t t = 0; t < s.tensors.size(); ++t) {
        if (!mine_[t]) continue;
        dram_.write(t, s.steps[k].dram_writes[t]);
        words_drained[t] += s.steps[k].dram_writes[t];
      }
    }
    last_write = sc_core::sc_time_stamp();
  }
}

}  // namespace hwaware::sim
