#include "sim/systemc_simulator.h"

#include <memory>
#include <mutex>
#include <sstream>

#include "core/diagnostics.h"
#include "sim/layer_schedule.h"
#include "sim/simulator.h"

namespace hwaware::sim {
namespace {

// What Simulator builds its modules from (simulator.cpp): the DRAM's bandwidths and latency, each
// on-chip level's bandwidths and ports, the networks where a level fans out, and the array's
// name. One simulator times alike two accelerators with the same signature.
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

// The process's one simulator and the accelerator it was elaborated for. Never destroyed: it
// lives as long as the process, as SystemC's kernel does.
struct ProcessSimulator {
  std::mutex mutex;  // SystemC is not thread-safe: one layer at a time, whoever asks
  std::unique_ptr<Simulator> simulator;
  std::string signature, accelerator;
};

ProcessSimulator& process_simulator() {
  static auto* p = new ProcessSimulator;
  return *p;
}

}  // namespace

SystemcSimulator::SystemcSimulator(const arch::Spec& spec) {
  require_simulatable(spec);
  ProcessSimulator& p = process_simulator();
  std::lock_guard<std::mutex> lock(p.mutex);
  const std::string signature = timing_signature(spec);
  if (!p.simulator) {
    p.simulator = std::make_unique<Simulator>(spec);
    p.signature = signature;
    p.accelerator = spec.name;
  } else if (p.signature != signature) {
    throw core::InputError(spec.loc, "accelerator",
                           "this process already simulates '" + p.accelerator + "' and SystemC elaborates once per process; simulate '" +
                               spec.name + "', whose levels, bandwidths or ports differ, in another process");
  }
  simulator_ = p.simulator.get();
}

model::SimulatedLayer SystemcSimulator::simulate(const arch::Spec& spec, const mapping::Mapping& m, const workload::Problem& problem,
                                                 const model::LayerCounts& counts) {
  std::lock_guard<std::mutex> lock(process_simulator().mutex);
  const LayerRun run = run_layer(*simulator_, spec, m, problem, counts);
  model::SimulatedLayer s;
  s.counts = run.counts;
  s.compute_cycles = run.result.compute_cycles;
  s.stall_cycles = run.result.stall_cycles;
  s.fill_cycles = run.result.fill_cycles;
  s.drain_cycles = run.result.drain_cycles;
  s.steps = run.result.steps;
  s.double_buffered = run.result.double_buffered;
  return s;
}

}  // namespace hwaware::sim
