#include "search/analytical_oracle.h"

#include "models/analytical_model.h"
#include "models/area_estimators.h"
#include "models/energy_estimators.h"
#include "models/network_mapper.h"
#include "models/pim_model.h"
#include "search/shape_memo.h"

namespace hwaware::search {

void add_totals(NetworkMetrics& m) {
  m.energy_pj = m.latency_s = 0;
  for (const auto& l : m.layers) {
    m.energy_pj += l.energy_pj;
    m.latency_s += l.latency_s;
  }
}

struct AnalyticalOracle::State {
  arch::Spec spec;
  model::EnergyTable table;
  model::MapOptions options;
  double area_um2 = 0;
  ShapeMemo memo;
};

AnalyticalOracle::AnalyticalOracle(arch::Spec spec, mapping::MapperOptions mapper) : state_(std::make_unique<State>()) {
  state_->spec = std::move(spec);
  state_->table = model::build_energy_table(state_->spec);
  state_->options.mapper = mapper;
  state_->options.quiet = true;
  state_->area_um2 = model::estimate_area(state_->spec).total_um2;
}

AnalyticalOracle::~AnalyticalOracle() = default;

std::string AnalyticalOracle::settings() const { return mapping::options_key(state_->options.mapper); }

NetworkMetrics AnalyticalOracle::metrics(const workload::Network& network) {
  State& s = *state_;
  const auto p = s.memo.pending(s.spec, network);
  // The layers not known yet, mapped together (a digital accelerator) or evaluated (PIM).
  std::vector<model::LayerCounts> counts;
  if (s.spec.pim) {
    for (const auto& l : p.unknown.layers) counts.push_back(model::evaluate_pim(s.spec, l.problem, p.resident));
  } else if (!p.unknown.layers.empty()) {
    const auto mapped = model::map_layers(s.spec, p.unknown, s.table, s.options);
    for (std::size_t i = 0; i < p.unknown.layers.size(); ++i)
      counts.push_back(model::evaluate_counts(s.spec, mapped[i].mapping, p.unknown.layers[i].problem));
  }
  std::vector<LayerMetrics> fresh;
  for (const auto& c : counts) {
    LayerMetrics lm;
    lm.energy_pj = model::price_total(s.spec, c, s.table);
    lm.cycles = c.cycles;
    lm.latency_s = static_cast<double>(c.cycles) / s.spec.clock_hz;
    fresh.push_back(lm);
  }
  evaluated_ += static_cast<long long>(fresh.size());
  return s.memo.answer(network, p, fresh, s.area_um2);
}

}  // namespace hwaware::search
