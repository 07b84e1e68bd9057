#include "sim/schedule.h"

namespace hwaware::sim {

double total_dram_reads(const Schedule& s, std::size_t t) {
  double words = 0;
  for (const auto& step : s.steps) words += step.dram_reads[t];
  return words;
}

double total_dram_writes(const Schedule& s, std::size_t t) {
  double words = 0;
  for (const auto& step : s.steps) words += step.dram_writes[t];
  return words;
}

long long total_compute_cycles(const Schedule& s) {
  long long cycles = 0;
  for (const auto& step : s.steps) cycles += step.compute_cycles;
  return cycles;
}

}  // namespace hwaware::sim
