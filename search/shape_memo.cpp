#include "search/shape_memo.h"

#include <set>

#include "core/diagnostics.h"
#include "models/network_evaluation.h"
#include "models/network_mapper.h"

namespace hwaware::search {

ShapeMemo::Pending ShapeMemo::pending(const arch::Spec& spec, const workload::Network& network) const {
  Pending p;
  if (model::answers_depend_on_network(spec)) {  // the whole network, or nothing, is evaluated
    const auto contexts = model::layer_context_keys(spec, network);
    bool unknown = false;
    for (std::size_t i = 0; i < network.layers.size(); ++i) {
      p.keys.push_back(model::shape_key(network.layers[i].problem) + contexts[i]);
      unknown = unknown || !known_.count(p.keys.back());
    }
    if (unknown) {
      p.unknown = network;
      p.unknown_keys = p.keys;
    }
    return p;
  }
  mapping::CopyAllocation whole;
  if (spec.pim) {
    whole = model::allocate_pim_copies(spec, network);
    p.allocation = mapping::CopyAllocation{whole.weights_resident, whole.free_crossbars, {}};
  }
  std::set<std::string> asked;
  for (std::size_t i = 0; i < network.layers.size(); ++i) {
    const auto& l = network.layers[i];
    p.keys.push_back(model::shape_key(l.problem) + (spec.pim ? mapping::copies_key(whole.weights_resident, whole.layers[i]) : ""));
    if (!known_.count(p.keys.back()) && asked.insert(p.keys.back()).second) {
      p.unknown.layers.push_back(l);
      p.unknown_keys.push_back(p.keys.back());
      if (p.allocation) p.allocation->layers.push_back(whole.layers[i]);
    }
  }
  return p;
}

NetworkMetrics ShapeMemo::answer(const workload::Network& network, const Pending& p, const std::vector<LayerMetrics>& fresh,
                                 double area_um2, bool pipelined) {
  if (fresh.size() != p.unknown_keys.size()) core::panic("ShapeMemo::answer: one answer per unknown layer expected");
  for (std::size_t i = 0; i < fresh.size(); ++i) known_[p.unknown_keys[i]] = fresh[i];
  NetworkMetrics m;
  m.area_um2 = area_um2;
  m.pipelined = pipelined;
  for (std::size_t i = 0; i < network.layers.size(); ++i) {
    LayerMetrics lm = known_.at(p.keys[i]);
    lm.layer = network.layers[i].name;
    m.layers.push_back(lm);
  }
  add_totals(m);
  return m;
}

}  // namespace hwaware::search
