#include "search/layer_counter.h"

#include "models/area_estimators.h"
#include "models/pim_model.h"

namespace hwaware::search {

LayerCounter::LayerCounter(arch::Spec spec, mapping::MapperOptions mapper) : spec_(std::move(spec)) {
  table_ = model::build_energy_table(spec_);
  options_.mapper = mapper;
  options_.quiet = true;
  area_um2_ = model::estimate_area(spec_).total_um2;
}

LayerCounter::Counted LayerCounter::count(const workload::Network& network) const {
  Counted c;
  c.pending = memo_.pending(spec_, network);
  const auto& unknown = c.pending.unknown.layers;
  c.mappings.resize(unknown.size());
  if (!spec_.pim && !unknown.empty()) {
    const auto mapped = model::map_layers(spec_, c.pending.unknown, table_, options_);
    for (std::size_t i = 0; i < mapped.size(); ++i) c.mappings[i] = mapped[i].mapping;
  }
  for (std::size_t i = 0; i < unknown.size(); ++i)
    c.counts.push_back(spec_.pim ? model::evaluate_pim(spec_, unknown[i].problem, c.pending.resident)
                                 : model::evaluate_counts(spec_, c.mappings[i], unknown[i].problem));
  return c;
}

LayerMetrics LayerCounter::priced(const model::LayerCounts& counts) const {
  LayerMetrics lm;
  lm.energy_pj = model::price_total(spec_, counts, table_);
  lm.cycles = counts.cycles;
  lm.latency_s = static_cast<double>(counts.cycles) / spec_.clock_hz;
  return lm;
}

NetworkMetrics LayerCounter::answer(const workload::Network& network, const Counted& c, const std::vector<LayerMetrics>& fresh) {
  return memo_.answer(network, c.pending, fresh, area_um2_);
}

}  // namespace hwaware::search
