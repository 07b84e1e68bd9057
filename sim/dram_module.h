#pragma once
// DRAM as the SystemC backend times it: a read port and a write port, each moving at most
// `bandwidth` words per cycle (without limit when the description gives none), and a latency
// from a request to its first word. Requests on a port are served in order and pipelined: a
// request holds its port for ceil(words / bandwidth) cycles and its data is complete `latency`
// cycles after that. Counts the words it reads and writes per tensor.

#include <array>
#include <optional>
#include <systemc>

#include "sim/schedule.h"

namespace hwaware::sim {

class DramModule : public sc_core::sc_module {
 public:
  DramModule(const sc_core::sc_module_name& name, std::optional<double> read_words_per_cycle, std::optional<double> write_words_per_cycle,
             long long latency_cycles);

  // Called from a SystemC thread; returns when the words have arrived.
  void read(std::size_t tensor, double words);
  // Called from a SystemC thread; returns when the port has taken the words.
  void write(std::size_t tensor, double words);

  std::array<double, kMaxTensors> words_read{}, words_written{};

 private:
  // Holds a port for the transfer; returns when the transfer ends on the port.
  sc_core::sc_time occupy(sc_core::sc_time& port_free, const std::optional<double>& bandwidth, double words);

  std::optional<double> read_bandwidth_, write_bandwidth_;
  long long latency_cycles_;
  sc_core::sc_time read_free_, write_free_;  // when each port is next free
};

}  // namespace hwaware::sim
