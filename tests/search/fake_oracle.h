#pragma once
// A cost oracle for the search's tests: latency grows with MACs plus a per-layer cost, energy with
// MACs and output channels; no accelerator behind it.

#include "search/cost_oracle.h"

namespace hwaware::search::test {

class FakeOracle : public search::CostOracle {
 public:
  search::NetworkMetrics metrics(const workload::Network& n) override {
    search::NetworkMetrics m;
    for (const auto& l : n.layers) {
      const double macs = static_cast<double>(l.problem.macs());
      m.layers.push_back({l.name, 2.0 * macs + 50.0 * static_cast<double>(l.output_channels()), macs * 1e-9 + 1e-6, 0});
    }
    search::add_totals(m);
    return m;
  }
  std::string backend() const override { return "fake"; }
};

}  // namespace hwaware::search::test
