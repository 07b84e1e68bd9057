#include "search/analytical_oracle.h"

#include <set>

#include "models/analytical_model.h"
#include "models/area_estimators.h"
#include "models/energy_estimators.h"
#include "models/network_mapper.h"
#include "models/pim_model.h"

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
  std::map<std::string, LayerMetrics> known;  // shape key (and, for PIM, residency) -> metrics
};

AnalyticalOracle::AnalyticalOracle(arch::Spec spec, mapping::MapperOptions mapper) : state_(std::make_unique<State>()) {
  state_->spec = std::move(spec);
  state_->table = model::build_energy_table(state_->spec);
  state_->options.mapper = mapper;
  state_->options.quiet = true;
  state_->area_um2 = model::estimate_area(state_->spec).total_um2;
}

AnalyticalOracle::~AnalyticalOracle() = default;

NetworkMetrics AnalyticalOracle::metrics(const workload::Network& network) {
  State& s = *state_;
  NetworkMetrics m;
  m.area_um2 = s.area_um2;
  bool resident = true;
  if (s.spec.pim) {
    std::vector<const workload::Problem*> problems;
    for (const auto& l : network.layers) problems.push_back(&l.problem);
    resident = model::weights_fit(s.spec, problems);
  }
  // The layers not known yet, mapped together (a digital accelerator) or evaluated (PIM).
  // Nothing is remembered until every new layer is evaluated: a call that throws leaves no entry.
  workload::Network unknown;
  std::vector<std::string> keys;
  std::set<std::string> pending;  // a shape twice in the network is evaluated once
  for (const auto& l : network.layers) {
    std::string key = model::shape_key(l.problem) + (s.spec.pim ? (resident ? "|resident" : "|programmed") : "");
    keys.push_back(key);
    if (!s.known.count(key) && pending.insert(key).second) unknown.layers.push_back(l);
  }
  std::vector<model::LayerCounts> counts;
  if (s.spec.pim) {
    for (const auto& l : unknown.layers) counts.push_back(model::evaluate_pim(s.spec, l.problem, resident));
  } else if (!unknown.layers.empty()) {
    const auto mapped = model::map_layers(s.spec, unknown, s.table, s.options);
    for (std::size_t i = 0; i < unknown.layers.size(); ++i)
      counts.push_back(model::evaluate_counts(s.spec, mapped[i].mapping, unknown.layers[i].problem));
  }
  for (std::size_t i = 0; i < unknown.layers.size(); ++i) {
    LayerMetrics lm;
    lm.energy_pj = model::price_total(s.spec, counts[i], s.table);
    lm.cycles = counts[i].cycles;
    lm.latency_s = static_cast<double>(counts[i].cycles) / s.spec.clock_hz;
    s.known[model::shape_key(unknown.layers[i].problem) + (s.spec.pim ? (resident ? "|resident" : "|programmed") : "")] = lm;
    ++evaluated_;
  }
  for (std::size_t i = 0; i < network.layers.size(); ++i) {
    LayerMetrics lm = s.known[keys[i]];
    lm.layer = network.layers[i].name;
    m.layers.push_back(lm);
  }
  add_totals(m);
  return m;
}

}  // namespace hwaware::search
