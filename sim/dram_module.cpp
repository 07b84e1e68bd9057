#include "sim/dram_module.h"

#include <algorithm>
#include <cmath>

#include "sim/sim_time.h"

namespace hwaware::sim {

DramModule::DramModule(const sc_core::sc_module_name& name, std::optional<double> read_words_per_cycle,
                       std::optional<double> write_words_per_cycle, long long latency_cycles)
    : sc_core::sc_module(name),
      read_bandwidth_(read_words_per_cycle),
      write_bandwidth_(write_words_per_cycle),
      latency_cycles_(latency_cycles) {}

sc_core::sc_time DramModule::occupy(sc_core::sc_time& port_free, const std::optional<double>& bandwidth, double words) {
  const sc_core::sc_time start = std::max(sc_core::sc_time_stamp(), port_free);
  const double busy = bandwidth ? std::ceil(words / *bandwidth - 1e-9) : 0.0;
  port_free = start + cycles(busy);
  return port_free;
}

void DramModule::read(std::size_t tensor, double words) {
  if (words <= 0) return;
  words_read[tensor] += words;
  const sc_core::sc_time done = occupy(read_free_, read_bandwidth_, words) + cycles(static_cast<double>(latency_cycles_));
  wait(done - sc_core::sc_time_stamp());
}

void DramModule::write(std::size_t tensor, double words) {
  if (words <= 0) return;
  words_written[tensor] += words;
  const sc_core::sc_time done = occupy(write_free_, write_bandwidth_, words);
  wait(done - sc_core::sc_time_stamp());
}

}  // namespace hwaware::sim
