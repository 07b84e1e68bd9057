#pragma once
// stats.json of an `hwaware eval` run: the tool, the inputs, the energy unit, the mapper's options
// when it ran, the effective accelerator and its area, and per layer every count the models made
// (per level and tensor, the network, PIM and SCALE-Sim figures, the SystemC backend's), from the
// one evaluation the run made (models/network_evaluation.h).

#include <nlohmann/json.hpp>

#include "cli/eval_command.h"
#include "models/accelerator.h"
#include "models/network_evaluation.h"
#include "workloads/layer.h"

namespace hwaware::cli {

// SCALE-Sim's total and stall cycles of a layer on a systolic array, from the backend that ran: the
// analytical model's (bandwidth throttling) or the SystemC models' (SCALE-Sim counts to the index
// of its last cycle, one less per sublayer than the folds' cycles the simulation times).
struct ScaleSimCycles {
  long long total = 0, stalls = 0;
};
ScaleSimCycles scalesim_cycles(const model::LayerEvaluation& l);  // l.counts.systolic must be set

nlohmann::ordered_json stats_json(const model::Accelerator& accelerator, const workload::Network& net,
                                  const model::NetworkEvaluation& evaluation, const EvalOptions& options);

}  // namespace hwaware::cli
