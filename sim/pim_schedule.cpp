#include "sim/pim_schedule.h"

#include <algorithm>
#include <cmath>

#include "core/diagnostics.h"
#include "sim/spatial_schedule.h"

namespace hwaware::sim {
Schedule build_pim_schedule(const arch::Spec& spec, const workload::Problem& problem, const model::LayerCounts& counts) {
  if (!spec.pim || !counts.pim) core::panic("build_pim_schedule: a PIM accelerator and the PIM model's counts are needed");
  const auto& p = *counts.pim;
  const auto& x = p.placement;
  Schedule s;
  for (const auto& ds : problem.data_spaces) s.tensors.push_back(ds.name);
  s.ideal_cycles = counts.cycles;
  const double ghz = spec.clock_hz * 1e-9;
  const long long copies = std::max(1LL, x.replicas);
  const long long vectors = x.crossbars > 0 ? (x.vectors + copies - 1) / copies : 0;  // per copy
  const long long steps = std::max(1LL, std::min(vectors, kMaxSteps));
  s.steps.resize(static_cast<std::size_t>(steps));
  const double per_slice = p.pulse_ns;
  if (x.vectors == 0 && p.compute_ns > 0) {  // a layer whose latency its organization gives whole (NeuroSim's chip)
    s.steps.resize(1);
    s.steps[0].compute_cycles = static_cast<long long>(std::ceil(p.compute_ns * ghz - 1e-9));
    s.steps[0].share = 1.0;
    s.loads = level_loads(counts);
    return s;
  }
  const auto shares = even_shares(static_cast<double>(vectors), steps);
  // Cycles at whole-cycle boundaries of the running time, so the steps add up to the layer's.
  double ns = 0;
  long long before = 0;
  for (std::size_t k = 0; k < s.steps.size(); ++k) {
    ns += shares[k] * spec.pim->input_slices() * static_cast<double>(x.reads_per_slice) * per_slice;
    if (k == 0 && vectors > 0) ns += p.write_ns;  // weights programmed before the first vector
    const long long upto = static_cast<long long>(std::ceil(ns * ghz - 1e-9));
    s.steps[k].compute_cycles = upto - before;
    before = upto;
    s.steps[k].share = vectors > 0 ? shares[k] / static_cast<double>(vectors) : 1.0;
  }
  // DRAM: the weights, before the first step, when they are programmed every inference.
  const auto& dram = counts.levels.front();
  for (std::size_t t = 0; t < s.tensors.size(); ++t)
    if (dram.tensors[t].kept) s.steps[0].dram_reads[t] = dram.bits[t].read_bits / static_cast<double>(dram.word_bits);
  // On-chip levels: the PIM counts are totals over each level's instances; its ports move a share.
  s.loads = level_loads(counts);
  for (std::size_t l = 1; l < s.loads.size(); ++l) {
    const double instances = static_cast<double>(std::max(1LL, spec.levels[l].instances));
    s.loads[l].read_words /= instances;
    s.loads[l].write_words /= instances;
  }
  return s;
}

}  // namespace hwaware::sim
