#include "search/cost_oracle.h"

#include <algorithm>

namespace hwaware::search {

void add_totals(NetworkMetrics& m) {
  m.energy_pj = m.latency_s = 0;
  for (const auto& l : m.layers) {
    m.energy_pj += l.energy_pj;
    m.latency_s = m.pipelined ? std::max(m.latency_s, l.latency_s) : m.latency_s + l.latency_s;
  }
}

}  // namespace hwaware::search
