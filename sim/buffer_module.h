#pragma once
// An on-chip level as the SystemC backend times it, for the tensors whose DRAM reads land in it:
// it fetches each step's operands from DRAM into a free slot (two slots when two steps' tiles
// fit: double buffering, so the next step's operands arrive while the array computes), hands the
// step to the array, and writes the outputs of computed steps back to DRAM. A level no tensor
// lands in during a layer only passes the steps on. Counts the words it fills and drains.

#include <array>
#include <systemc>

#include "sim/dram_module.h"
#include "sim/schedule.h"

namespace hwaware::sim {

class BufferModule : public sc_core::sc_module {
 public:
  BufferModule(const sc_core::sc_module_name& name, DramModule& dram);

  // Starts a layer at the current time: `slots` steps may be in the buffer at once; it moves the
  // tensors whose `mine` entry is set.
  void start(const Schedule& schedule, int slots, const std::array<bool, kMaxTensors>& mine);
  // The array no longer needs a step's operands.
  void release_slot();

  sc_core::sc_fifo<std::size_t> ready;     // steps whose operands have arrived
  sc_core::sc_fifo<std::size_t> computed;  // steps whose outputs wait to leave
  sc_core::sc_time last_write;             // when the layer's last output left
  std::array<double, kMaxTensors> words_filled{}, words_drained{};

 private:
  void load();   // SC_THREAD: DRAM -> buffer, step by step
  void drain();  // SC_THREAD: buffer -> DRAM, step by step

  DramModule& dram_;
  const Schedule* schedule_ = nullptr;
  std::array<bool, kMaxTensors> mine_{};
  int free_slots_ = 0;
  sc_core::sc_event slot_freed_, start_load_, start_drain_;
};

}  // namespace hwaware::sim
