#include "search/model_oracle.h"

#include "models/area_estimators.h"
#include "models/network_evaluation.h"
#include "search/shape_memo.h"

namespace hwaware::search {
namespace {

// A layer's metrics from its evaluation: the simulated counts when it was simulated.
LayerMetrics layer_metrics(const model::LayerEvaluation& l, const model::Accelerator& a) {
  LayerMetrics m;
  const model::LayerCounts& counts = l.simulated ? l.simulated->counts : l.counts;
  const model::LayerEnergy& energy = l.simulated ? l.simulated_energy : l.energy;
  m.energy_pj = energy.total_pj;
  for (const auto& row : energy.rows) m.energy_by_component_pj[row.component] += row.energy_pj;
  m.cycles = counts.cycles;
  m.latency_s = static_cast<double>(counts.cycles) / a.spec.clock_hz;
  return m;
}

}  // namespace

struct ModelOracle::State {
  model::Accelerator accelerator;
  model::MapOptions map;
  double area_um2 = 0;
  ShapeMemo memo;
};

ModelOracle::ModelOracle(const model::Accelerator& accelerator, model::MapOptions map, std::unique_ptr<model::LayerSimulator> simulator)
    : state_(std::make_unique<State>()), simulator_(std::move(simulator)) {
  state_->accelerator = accelerator;
  state_->map = std::move(map);
  state_->map.quiet = true;
  state_->area_um2 = model::estimate_area(accelerator.spec).total_um2;
}

ModelOracle::~ModelOracle() = default;

std::string ModelOracle::energy_unit() const { return state_->accelerator.energy_unit().symbol; }

std::vector<std::string> ModelOracle::layer_contexts(const workload::Network& network) const {
  return model::layer_context_keys(state_->accelerator.spec, network);
}

bool ModelOracle::pipelined() const {
  const auto& pim = state_->accelerator.spec.pim;
  return pim && pim->pipeline;
}

std::string ModelOracle::settings() const {
  const std::string& dataflow = state_->map.dataflow;
  return mapping::options_key(state_->map.mapper) + (dataflow.empty() ? "" : " dataflow=" + dataflow);
}

NetworkMetrics ModelOracle::metrics(const workload::Network& network) {
  State& s = *state_;
  const auto pending = s.memo.pending(s.accelerator.spec, network);
  model::EvaluationOptions options;
  options.map = s.map;
  options.pim_allocation = pending.allocation;  // of the whole network, not of its new layers
  std::vector<LayerMetrics> fresh;
  if (!pending.unknown.layers.empty()) {
    const auto evaluation = model::evaluate_network(s.accelerator, pending.unknown, options, simulator_.get());
    for (const auto& l : evaluation.layers) fresh.push_back(layer_metrics(l, s.accelerator));
  }
  evaluated_ += static_cast<long long>(fresh.size());
  return s.memo.answer(network, pending, fresh, s.area_um2, pipelined());
}

}  // namespace hwaware::search
