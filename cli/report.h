#pragma once
// What `hwaware eval` prints and writes of the one evaluation it ran (models/network_evaluation.h):
// the per-layer table, summary.csv, breakdown.csv, stats.json and, for a systolic array,
// scalesim_report.csv (deterministic: no time stamps, no absolute paths). Energies are in the
// accelerator's unit (pJ, or MACe for the normalized Eyeriss table), named in every header.

#include <ostream>
#include <string>

#include "cli/eval_command.h"
#include "models/accelerator.h"
#include "models/network_evaluation.h"
#include "workloads/layer.h"

namespace hwaware::cli {

void print_table(std::ostream& os, const model::Accelerator& accelerator, const model::NetworkEvaluation& evaluation);
void write_outputs(const std::string& dir, const model::Accelerator& accelerator, const workload::Network& net,
                   const model::NetworkEvaluation& evaluation, const EvalOptions& options);

}  // namespace hwaware::cli
