#include "sim/buffer_module.h"

#include <algorithm>

#include "sim/sim_time.h"

namespace hwaware::sim {

BufferModule::BufferModule(const sc_core::sc_module_name& name, const arch::StorageLevel& level, DramModule& dram)
    : sc_core::sc_module(name),
      ready("ready", 2),
      computed("computed", 2),
      dram_(dram),
      read_bandwidth_(level.read_bandwidth),
      write_bandwidth_(level.write_bandwidth),
      ports_(level.ports) {
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

sc_core::sc_time BufferModule::serve(double read_words, double write_words) {
  words_read += read_words;
  words_written += write_words;
  const sc_core::sc_time now = sc_core::sc_time_stamp();
  const double reading = read_bandwidth_ ? read_words / *read_bandwidth_ : 0.0;
  const double writing = write_bandwidth_ ? write_words / *write_bandwidth_ : 0.0;
  if (ports_ == 1) {
    read_free_ = std::max(now, read_free_) + cycles(reading + writing);
    return read_free_;
  }
  read_free_ = std::max(now, read_free_) + cycles(reading);
  write_free_ = std::max(now, write_free_) + cycles(writing);
  return std::max(read_free_, write_free_);
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
