#include "sim/systolic_schedule.h"

#include "core/diagnostics.h"
#include "sim/spatial_schedule.h"

namespace hwaware::sim {

Schedule build_systolic_schedule(const workload::Problem& problem, const model::SystolicFolds& folds, const model::LayerCounts& counts) {
  const std::size_t nt = problem.data_spaces.size();
  if (nt > kMaxTensors) core::panic("build_systolic_schedule: more tensors than a step holds");
  Schedule s;
  // The fold model counts elements; DRAM moves them in its words (bits per element / word bits).
  const auto& dram = counts.levels.front();
  std::array<double, kMaxTensors> words{};
  for (std::size_t t = 0; t < nt; ++t) {
    s.tensors.push_back(problem.data_spaces[t].name);
    words[t] = dram.bits[t].bits_per_element / static_cast<double>(dram.word_bits);
    if (folds.landing[t] > 0) s.landing[t] = folds.landing[t];
    s.tile_words[t] = folds.tile_elements[t] * words[t];
    s.buffer_words[t] = folds.buffer_elements[t] * words[t];
  }
  long long cycles = 0;
  for (const auto& f : folds.folds) cycles += f.cycles;
  for (long long g = 0; g < folds.groups; ++g)
    for (const auto& f : folds.folds) {
      Step step;
      step.compute_cycles = f.cycles;
      step.share = cycles > 0 ? static_cast<double>(f.cycles) / static_cast<double>(cycles * folds.groups)
                              : 1.0 / static_cast<double>(folds.folds.size() * static_cast<std::size_t>(folds.groups));
      for (std::size_t t = 0; t < nt; ++t) {
        step.dram_reads[t] = f.dram_reads[t] * words[t];
        step.dram_writes[t] = f.dram_writes[t] * words[t];
      }
      s.steps.push_back(step);
    }
  // The on-chip levels' traffic (per instance), which their ports serve while the folds compute.
  s.loads = level_loads(counts);
  s.ideal_cycles = counts.cycles;
  return s;
}

}  // namespace hwaware::sim
