#include "search/systemc_oracle.h"

#include <map>
#include <mutex>
#include <set>
#include <sstream>

#include "core/diagnostics.h"
#include "models/analytical_model.h"
#include "models/area_estimators.h"
#include "models/energy_estimators.h"
#include "models/network_mapper.h"
#include "models/pim_model.h"
#include "sim/layer_schedule.h"
#include "sim/simulator.h"
#include "search/shape_memo.h"

namespace hwaware::search {
namespace {

// What sim::Simulator builds its modules from (sim/simulator.cpp): the DRAM's bandwidths and
// latency, each on-chip level's bandwidths and ports, the networks where a level fans out, and
// the array's name. One simulator times alike two accelerators with the same signature.
std::string timing_signature(const arch::Spec& spec) {
  std::ostringstream os;
  os.precision(17);
  const auto bandwidth = [&os](const std::optional<double>& b) {
    if (b) os << *b;
    os << ",";
  };
  for (std::size_t l = 0; l < spec.levels.size(); ++l) {
    const auto& level = spec.levels[l];
    os << level.name << ":";
    bandwidth(level.read_bandwidth);
    bandwidth(level.write_bandwidth);
    if (l == 0) os << level.latency_cycles;
    else os << level.ports << "," << (spec.fanout_below(static_cast<int>(l)) > 1 ? level.network_name() : "");
    os << ";";
  }
  os << (spec.pim ? "crossbars" : spec.compute.name);
  return os.str();
}

// The process's one simulator (SystemC elaborates once per process) and the accelerator it was
// elaborated for. Never destroyed: it lives as long as the process, as SystemC's kernel does.
struct ProcessSimulator {
  std::mutex mutex;  // SystemC is not thread-safe: one layer at a time, whichever oracle asks
  std::unique_ptr<sim::Simulator> simulator;
  std::string signature, accelerator;
};

ProcessSimulator& process_simulator() {
  static auto* p = new ProcessSimulator;
  return *p;
}

sim::Simulator& simulator_for(const arch::Spec& spec) {
  sim::require_simulatable(spec);
  ProcessSimulator& p = process_simulator();
  std::lock_guard<std::mutex> lock(p.mutex);
  const std::string signature = timing_signature(spec);
  if (!p.simulator) {
    p.simulator = std::make_unique<sim::Simulator>(spec);
    p.signature = signature;
    p.accelerator = spec.name;
  } else if (p.signature != signature) {
    throw core::InputError(spec.loc, "accelerator",
                           "this process already simulates '" + p.accelerator +
                               "' and SystemC elaborates once per process; simulate '" + spec.name +
                               "', whose levels, bandwidths or ports differ, in another process");
  }
  return *p.simulator;
}

}  // namespace

struct SystemcOracle::State {
  arch::Spec spec;
  model::EnergyTable table;
  model::MapOptions options;
  double area_um2 = 0;
  sim::Simulator* simulator = nullptr;
  ShapeMemo memo;

  // The layer simulated after the analytical model counted it under `m`; priced and timed.
  LayerMetrics simulate(const mapping::Mapping& m, const workload::Problem& problem, const model::LayerCounts& counts) const {
    std::lock_guard<std::mutex> lock(process_simulator().mutex);
    const sim::LayerRun run = sim::run_layer(*simulator, spec, m, problem, counts);
    LayerMetrics lm;
    lm.energy_pj = model::price_total(spec, run.counts, table);  // leakage over the simulated cycles
    lm.cycles = run.counts.cycles;                               // the simulated ones
    lm.latency_s = static_cast<double>(lm.cycles) / spec.clock_hz;
    return lm;
  }
};

SystemcOracle::SystemcOracle(arch::Spec spec, mapping::MapperOptions mapper) : state_(std::make_unique<State>()) {
  state_->spec = std::move(spec);
  state_->simulator = &simulator_for(state_->spec);
  state_->table = model::build_energy_table(state_->spec);
  state_->options.mapper = mapper;
  state_->options.quiet = true;
  state_->area_um2 = model::estimate_area(state_->spec).total_um2;
}

SystemcOracle::~SystemcOracle() = default;

std::string SystemcOracle::settings() const { return mapping::options_key(state_->options.mapper); }

NetworkMetrics SystemcOracle::metrics(const workload::Network& network) {
  State& s = *state_;
  const auto p = s.memo.pending(s.spec, network);
  // A digital accelerator's layers mapped together, as the analytical oracle maps them; PIM
  // crossbars place the weights themselves (no mapping).
  std::vector<mapping::Mapping> mappings(p.unknown.layers.size());
  if (!s.spec.pim && !p.unknown.layers.empty()) {
    const auto mapped = model::map_layers(s.spec, p.unknown, s.table, s.options);
    for (std::size_t i = 0; i < mapped.size(); ++i) mappings[i] = mapped[i].mapping;
  }
  std::vector<LayerMetrics> fresh;
  for (std::size_t i = 0; i < p.unknown.layers.size(); ++i) {
    const auto& problem = p.unknown.layers[i].problem;
    const auto counts = s.spec.pim ? model::evaluate_pim(s.spec, problem, p.resident) : model::evaluate_counts(s.spec, mappings[i], problem);
    fresh.push_back(s.simulate(mappings[i], problem, counts));
  }
  simulated_ += static_cast<long long>(fresh.size());
  return s.memo.answer(network, p, fresh, s.area_um2);
}

}  // namespace hwaware::search
