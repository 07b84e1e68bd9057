#include "search/analytical_oracle.h"

#include "search/layer_counter.h"

namespace hwaware::search {

void add_totals(NetworkMetrics& m) {
  m.energy_pj = m.latency_s = 0;
  for (const auto& l : m.layers) {
    m.energy_pj += l.energy_pj;
    m.latency_s += l.latency_s;
  }
}

struct AnalyticalOracle::State {
  LayerCounter counter;
};

AnalyticalOracle::AnalyticalOracle(arch::Spec spec, mapping::MapperOptions mapper)
    : state_(std::make_unique<State>(State{LayerCounter(std::move(spec), mapper)})) {}

AnalyticalOracle::~AnalyticalOracle() = default;

std::string AnalyticalOracle::settings() const { return state_->counter.settings(); }

NetworkMetrics AnalyticalOracle::metrics(const workload::Network& network) {
  LayerCounter& counter = state_->counter;
  const auto c = counter.count(network);
  std::vector<LayerMetrics> fresh;
  for (const auto& counts : c.counts) fresh.push_back(counter.priced(counts));
  evaluated_ += static_cast<long long>(fresh.size());
  return counter.answer(network, c, fresh);
}

}  // namespace hwaware::search
