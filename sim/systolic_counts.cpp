#include "sim/systolic_counts.h"

namespace hwaware::sim {
namespace {

// Elements of tensor `t` that `words` words of level `l` hold.
double elements(const model::LayerCounts& c, std::size_t l, std::size_t t, double words) {
  const double per = c.levels[l].bits[t].bits_per_element;
  return per > 0 ? words * static_cast<double>(c.levels[l].word_bits) / per : words;
}

}  // namespace

model::LayerCounts systolic_counts(const arch::Spec& spec, const workload::Problem& problem, const Schedule& schedule,
                                   const SystolicReport& report, model::LayerCounts counts) {
  const std::size_t nt = problem.data_spaces.size();
  const int weights = problem.data_space_index("Weights"), inputs = problem.data_space_index("Inputs"),
            outputs = problem.data_space_index("Outputs");
  auto& dram = counts.levels.front();
  for (std::size_t t = 0; t < nt; ++t) {
    if (!dram.tensors[t].kept) continue;
    const double read = elements(counts, 0, t, total_dram_reads(schedule, t));
    const double written = elements(counts, 0, t, total_dram_writes(schedule, t));
    dram.tensors[t].reads = read;
    dram.tensors[t].updates = written;
    const std::size_t l = schedule.landing[t];
    auto& sram = counts.levels[l].tensors[t];
    if (!sram.kept) continue;
    sram.fills = read;  // what DRAM delivers lands here
    if (static_cast<int>(t) == inputs) sram.reads = report.sram_ifmap_reads;
    if (static_cast<int>(t) == weights) sram.reads = report.sram_filter_reads;
    if (static_cast<int>(t) == outputs) {
      sram.updates = report.sram_ofmap_writes_physical;
      sram.reads = written;  // outputs leave for DRAM
    }
  }
  // The bits those accesses move, as the analytical model computes them.
  for (std::size_t l = 0; l < counts.levels.size(); ++l)
    for (std::size_t t = 0; t < nt; ++t)
      if (counts.levels[l].tensors[t].kept)
        counts.levels[l].bits[t] = model::tensor_bits(spec, spec.levels[l], problem.data_spaces[t], counts.levels[l].tensors[t]);
  return counts;
}

}  // namespace hwaware::sim
