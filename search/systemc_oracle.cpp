#include "search/systemc_oracle.h"

#include <mutex>
#include <sstream>

#include "core/diagnostics.h"
#include "search/layer_counter.h"
#include "sim/layer_schedule.h"
#include "sim/simulator.h"

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
                           "this process already simulates '" + p.accelerator + "' and SystemC elaborates once per process; simulate '" +
                               spec.name + "', whose levels, bandwidths or ports differ, in another process");
  }
  return *p.simulator;
}

}  // namespace

struct SystemcOracle::State {
  LayerCounter counter;
  sim::Simulator* simulator = nullptr;

  // The layer simulated after the analytical model counted it under `m`; priced and timed by its
  // simulated counts (leakage over the simulated cycles).
  LayerMetrics simulate(const mapping::Mapping& m, const workload::Problem& problem, const model::LayerCounts& counts) const {
    std::lock_guard<std::mutex> lock(process_simulator().mutex);
    return counter.priced(sim::run_layer(*simulator, counter.spec(), m, problem, counts).counts);
  }
};

SystemcOracle::SystemcOracle(arch::Spec spec, mapping::MapperOptions mapper)
    : state_(std::make_unique<State>(State{LayerCounter(std::move(spec), mapper), nullptr})) {
  state_->simulator = &simulator_for(state_->counter.spec());
}

SystemcOracle::~SystemcOracle() = default;

std::string SystemcOracle::settings() const { return state_->counter.settings(); }

NetworkMetrics SystemcOracle::metrics(const workload::Network& network) {
  State& s = *state_;
  // A digital accelerator's layers mapped together, as the analytical oracle maps them; PIM
  // crossbars place the weights themselves (no mapping).
  const auto c = s.counter.count(network);
  std::vector<LayerMetrics> fresh;
  for (std::size_t i = 0; i < c.counts.size(); ++i)
    fresh.push_back(s.simulate(c.mappings[i], c.pending.unknown.layers[i].problem, c.counts[i]));
  simulated_ += static_cast<long long>(fresh.size());
  return s.counter.answer(network, c, fresh);
}

}  // namespace hwaware::search
