#include "search/shape_memo.h"

#include <set>

#include "core/diagnostics.h"
#include "models/network_mapper.h"
#include "models/pim_model.h"

namespace hwaware::search {

ShapeMemo::Pending ShapeMemo::pending(const arch::Spec& spec, const workload::Network& network) const {
  Pending p;
  if (spec.pim) {
    std::vector<const workload::Problem*> problems;
    for (const auto& l : network.layers) problems.push_back(&l.problem);
    p.resident = model::weights_fit(spec, problems);
  }
  const std::string residency = spec.pim ? (p.resident ? "|resident" : "|programmed") : "";
  std::set<std::string> asked;
  for (const auto& l : network.layers) {
    p.keys.push_back(model::shape_key(l.problem) + residency);
    if (!known_.count(p.keys.back()) && asked.insert(p.keys.back()).second) {
      p.unknown.layers.push_back(l);
      p.unknown_keys.push_back(p.keys.back());
    }
  }
  return p;
}

NetworkMetrics ShapeMemo::answer(const workload::Network& network, const Pending& p, const std::vector<LayerMetrics>& fresh,
                                 double area_um2) {
  if (fresh.size() != p.unknown_keys.size()) core::panic("ShapeMemo::answer: one answer per unknown layer expected");
  for (std::size_t i = 0; i < fresh.size(); ++i) known_[p.unknown_keys[i]] = fresh[i];
  NetworkMetrics m;
  m.area_um2 = area_um2;
  for (std::size_t i = 0; i < network.layers.size(); ++i) {
    LayerMetrics lm = known_.at(p.keys[i]);
    lm.layer = network.layers[i].name;
    m.layers.push_back(lm);
  }
  add_totals(m);
  return m;
}

}  // namespace hwaware::search
