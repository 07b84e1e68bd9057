#include "models/pim_pipeline.h"

#include <algorithm>

#include "core/diagnostics.h"
#include "models/exact_rounding.h"
#include "models/pim_model.h"

namespace hwaware::model {

long long pipeline_stages(const arch::Spec& spec, const std::vector<LayerCounts*>& layers) {
  if (!spec.pim || spec.pim->organization != "crossbars") core::panic("pipeline_stages: not a PIM accelerator of crossbars");
  const std::size_t levels = spec.levels.size();
  // Each level's traffic over all the stages, and the cycles its ports take for it.
  std::vector<LevelTraffic> total(levels);
  std::vector<std::vector<LevelTraffic>> traffic;
  for (const LayerCounts* c : layers) {
    traffic.push_back(level_traffic(spec, *c));
    for (std::size_t l = 0; l < levels; ++l) {
      total[l].read_bits += traffic.back()[l].read_bits;
      total[l].write_bits += traffic.back()[l].write_bits;
    }
  }
  std::vector<long long> shared_cycles(levels);
  for (std::size_t l = 0; l < levels; ++l) {
    const double busy = port_busy_cycles(spec.levels[l], total[l].read_bits, total[l].write_bits);
    shared_cycles[l] = static_cast<long long>(ceil_count(busy - 1e-12 * std::max(1.0, busy)));  // as throttled_cycles rounds
  }
  long long interval = 0;
  double crossbars_held = 0;
  for (std::size_t i = 0; i < layers.size(); ++i) {
    LayerCounts& c = *layers[i];
    for (std::size_t l = 0; l < levels; ++l)
      if (traffic[i][l].read_bits + traffic[i][l].write_bits > 0) c.cycles = std::max(c.cycles, shared_cycles[l]);
    interval = std::max(interval, c.cycles);
    crossbars_held += static_cast<double>(c.compute_instances);
  }
  const double chip = static_cast<double>(spec.pim->crossbars());
  for (LayerCounts* c : layers) {
    const double share =
        crossbars_held > 0 ? static_cast<double>(c->compute_instances) / crossbars_held : 1.0 / static_cast<double>(layers.size());
    for (auto& a : c->pim->actions)
      if (a.component == "crossbars" && a.action == "leak") a.count = static_cast<double>(interval) * chip * share;
  }
  return interval;
}

}  // namespace hwaware::model
