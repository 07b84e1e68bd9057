#pragma once
// An on-chip level as the SystemC backend times it, for the tensors whose DRAM reads land in it:
// it fetches each step's operands from DRAM into a free slot (two slots when two steps' tiles
// fit: double buffering, so the next step's operands arrive while the array computes), hands the
// step to the array, and writes the outputs of computed steps back to DRAM. A level no tensor
// lands in during a layer only passes the steps on. While the array computes a step, the level
// serves that step's share of its traffic at its ports: a read port and a write port at their
// bandwidths, or, with `ports: 1`, one port whose time reads and writes share (no bandwidth: no
// limit). Counts the words it fills from and drains to DRAM, and the words its ports move.

#include <array>
#include <optional>
#include <systemc>

#include "arch/spec.h"
#include "sim/dram_module.h"
#include "sim/schedule.h"

namespace hwaware::sim {

class BufferModule : public sc_core::sc_module {
 public:
  BufferModule(const sc_core::sc_module_name& name, const arch::StorageLevel& level, DramModule& dram);

  // Starts a layer at the current time: `slots` steps may be in the buffer at once; it moves the
  // tensors whose `mine` entry is set.
  void start(const Schedule& schedule, int slots, const std::array<bool, kMaxTensors>& mine);
  // The array no longer needs a step's operands.
  void release_slot();
  // Moves `read_words` and `write_words` at the ports from now on; returns when they are done.
  sc_core::sc_time serve(double read_words, double write_words);

  sc_core::sc_fifo<std::size_t> ready;     // steps whose operands have arrived
  sc_core::sc_fifo<std::size_t> computed;  // steps whose outputs wait to leave
  sc_core::sc_time last_write;             // when the layer's last output left
  std::array<double, kMaxTensors> words_filled{}, words_drained{};
  double words_read = 0, words_written = 0;  // at the ports, for the levels below

 private:
  void load();   // SC_THREAD: DRAM -> buffer, step by step
  void drain();  // SC_THREAD: buffer -> DRAM, step by step

  DramModule& dram_;
  std::optional<double> read_bandwidth_, write_bandwidth_;
  int ports_ = 2;
  sc_core::sc_time read_free_, write_free_;  // when each port is next free (one port: read_free_)
  const Schedule* schedule_ = nullptr;
  std::array<bool, kMaxTensors> mine_{};
  int free_slots_ = 0;
  sc_core::sc_event slot_freed_, start_load_, start_drain_;
};

}  // namespace hwaware::sim
