#pragma once
// What a sweep finds at one point: a row per layer and the total, with the energy by kind; the
// cells of sweep.csv (Sweep::columns). `hwaware sweep` writes them, the Python module returns them.

#include <vector>

#include "cli/sweep_points.h"
#include "models/evaluation_tables.h"
#include "models/network_evaluation.h"
#include "workloads/layer.h"

namespace hwaware::cli {

struct SweepRow {
  std::string layer;
  long long macs = 0, cycles = 0;
  double energy_pj = 0, utilization = 0;
  EnergyByKind kinds{};  // zeroed: the total row sums into it
};

// One row per layer, then the total: sums, utilization weighted by cycles, and cycles per inference
// (a pipeline's slowest stage).
std::vector<SweepRow> evaluate_sweep_point(const model::Accelerator& accelerator, const workload::Network& network,
                                           const model::MapOptions& map);

// A row's cells under Sweep::columns: the point's values, then the row's figures.
std::vector<model::Cell> sweep_cells(const SweepPoint& point, const SweepRow& row, double clock_hz);

}  // namespace hwaware::cli
