#pragma once
// Per-layer answers remembered by layer shape, for the oracles that compute them (analytical,
// SystemC): a search asks about the same layers again and again. On a PIM chip a layer's answer
// also depends on whether the whole network asked about keeps its weights on chip and on the copies
// the network's allocation gives the layer, so those are part of the key. A call that fails leaves nothing half-remembered: answers are
// kept only together.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "arch/spec.h"
#include "mappings/crossbar_allocation.h"
#include "search/cost_oracle.h"

namespace hwaware::search {

class ShapeMemo {
 public:
  // A network's keys, and its layers not remembered yet (a shape twice in it once).
  struct Pending {
    std::vector<std::string> keys;  // per layer of the network
    workload::Network unknown;
    std::vector<std::string> unknown_keys;
    // PIM: the whole network's allocation, one entry per unknown layer (the evaluation's options).
    std::optional<mapping::CopyAllocation> allocation;
  };
  Pending pending(const arch::Spec& spec, const workload::Network& network) const;
  // Remembers `fresh` (one answer per layer of p.unknown, in order) and answers for the network
  // (`pipelined`: its layers run as a pipeline, NetworkMetrics::pipelined).
  NetworkMetrics answer(const workload::Network& network, const Pending& p, const std::vector<LayerMetrics>& fresh, double area_um2,
                        bool pipelined);

 private:
  std::map<std::string, LayerMetrics> known_;
};

}  // namespace hwaware::search
