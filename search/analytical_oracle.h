#pragma once
// The analytical cost oracle: every layer mapped by the mapper (identical shapes once, and
// remembered across calls, as a search asks about the same layers again and again) and priced by
// the analytical model and the energy table; PIM accelerators by the PIM model (whether the
// weights stay on chip depends on the whole network asked about).

#include <map>
#include <memory>

#include "arch/spec.h"
#include "mappings/mapper.h"
#include "search/cost_oracle.h"

namespace hwaware::search {

class AnalyticalOracle : public CostOracle {
 public:
  AnalyticalOracle(arch::Spec spec, mapping::MapperOptions mapper);
  ~AnalyticalOracle() override;
  NetworkMetrics metrics(const workload::Network& network) override;
  std::string backend() const override { return "analytical"; }
  std::string settings() const override;
  long long layers_evaluated() const { return evaluated_; }  // layers not answered from memory

 private:
  struct State;
  std::unique_ptr<State> state_;
  long long evaluated_ = 0;
};

}  // namespace hwaware::search
