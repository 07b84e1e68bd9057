#pragma once
// What the analytical and SystemC oracles share: the accelerator prepared once (energy table,
// mapper options, area), the layers a network brings that are not remembered yet counted by the
// analytical model (a digital accelerator's mapped together by the mapper, a PIM chip's placed on
// its crossbars), pricing by the one energy table, and the answers remembered by shape
// (shape_memo.h).

#include <string>
#include <vector>

#include "arch/spec.h"
#include "mappings/mapper.h"
#include "models/analytical_model.h"
#include "models/energy_estimators.h"
#include "models/network_mapper.h"
#include "search/shape_memo.h"

namespace hwaware::search {

class LayerCounter {
 public:
  // The network's layers not remembered yet, with the mapping (digital) and counts of each.
  struct Counted {
    ShapeMemo::Pending pending;
    std::vector<mapping::Mapping> mappings;  // per unknown layer; empty mappings on a PIM chip
    std::vector<model::LayerCounts> counts;  // per unknown layer
  };

  LayerCounter(arch::Spec spec, mapping::MapperOptions mapper);
  Counted count(const workload::Network& network) const;
  // Energy from the energy table, cycles and latency at the accelerator's clock.
  LayerMetrics priced(const model::LayerCounts& counts) const;
  // Remembers `fresh` (one answer per unknown layer of `c`) and answers for the network.
  NetworkMetrics answer(const workload::Network& network, const Counted& c, const std::vector<LayerMetrics>& fresh);
  const arch::Spec& spec() const { return spec_; }
  std::string settings() const { return mapping::options_key(options_.mapper); }

 private:
  arch::Spec spec_;
  model::EnergyTable table_;
  model::MapOptions options_;
  double area_um2_ = 0;
  ShapeMemo memo_;
};

}  // namespace hwaware::search
