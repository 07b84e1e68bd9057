#pragma once
// What `hwaware eval` prints and writes: the per-layer table, summary.csv, breakdown.csv and
// stats.json (deterministic: no time stamps, no absolute paths).

#include <ostream>
#include <string>
#include <vector>

#include "arch/spec.h"
#include "cli/eval_command.h"
#include "models/analytical_model.h"
#include "workloads/layer.h"

namespace hwaware::cli {

struct LayerReport {
  std::string name;
  long long macs = 0;
  model::LayerCounts counts;
  model::LayerEnergy energy;
};

void print_table(std::ostream& os, const arch::Spec& spec, const std::vector<LayerReport>& layers);
void write_outputs(const std::string& dir, const arch::Spec& spec, const workload::Network& net,
                   const std::vector<LayerReport>& layers, const EvalOptions& options);

}  // namespace hwaware::cli
