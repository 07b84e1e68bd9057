#pragma once
// What `hwaware eval` prints and writes: the per-layer table, summary.csv, breakdown.csv and
// stats.json (deterministic: no time stamps, no absolute paths).

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "arch/spec.h"
#include "cli/eval_command.h"
#include "models/analytical_model.h"
#include "models/systolic_report.h"
#include "workloads/layer.h"

namespace hwaware::cli {

// How the mapper found a layer's mapping (absent when the mapping was given).
struct SearchSummary {
  long long evaluated = 0, rejected = 0, repeated = 0;
  bool exhaustive = false;
  std::string stop_reason;
  std::string reused_from;  // a layer of the same shape mapped earlier, or empty
};

// A systolic array's figures in SCALE-Sim's sense (models/systolic_report.h).
struct SystolicSummary {
  model::SystolicReport report;
  long long total_cycles = 0;  // SCALE-Sim's total cycles: its compute cycles + stalls
  long long stall_cycles = 0;  // the array waiting for DRAM (0 when the DRAM keeps up)
};

// What the SystemC backend found for a layer (absent with the analytical backend).
struct SystemcSummary {
  long long cycles = 0, compute_cycles = 0, stall_cycles = 0, fill_cycles = 0, drain_cycles = 0, steps = 0;
  bool double_buffered = false;
  double energy_pj = 0;                     // the energy table's price of the simulated counts
  std::optional<SystolicSummary> systolic;  // a systolic array: SCALE-Sim's report
};

struct LayerReport {
  std::string name;
  long long macs = 0;
  model::LayerCounts counts;
  model::LayerEnergy energy;
  std::optional<SearchSummary> search;
  std::optional<SystemcSummary> systemc;
};

void print_table(std::ostream& os, const arch::Spec& spec, const std::vector<LayerReport>& layers);
void write_outputs(const std::string& dir, const arch::Spec& spec, const workload::Network& net, const std::vector<LayerReport>& layers,
                   const EvalOptions& options);

}  // namespace hwaware::cli
