#pragma once
// An evaluation as tables: summary (a row per layer and the total) and breakdown (every priced
// action of every layer, long format). `hwaware eval` writes them as summary.csv and breakdown.csv,
// the Python module returns them as records: one construction, so the two cannot disagree.
// Energies are in the accelerator's unit (pJ, or MACe), named in the column (energy_pj, energy_mace).

#include <string>
#include <variant>
#include <vector>

#include "models/accelerator.h"
#include "models/network_evaluation.h"

namespace hwaware::model {

// A cell: empty (a layer without MACs has no energy per MAC), a count, a quantity or a name.
using Cell = std::variant<std::monostate, long long, double, std::string>;

struct Table {
  std::vector<std::string> columns;
  std::vector<std::vector<Cell>> rows;
};

// A network's totals: MACs, cycles per inference (the layers' sum, or a pipeline's slowest stage),
// energy; with a simulator, the simulated cycles, stall cycles and energy too.
struct EvaluationTotals {
  long long macs = 0, cycles = 0, sc_cycles = 0, sc_stalls = 0;
  double energy = 0, sc_energy = 0;
};
EvaluationTotals evaluation_totals(const NetworkEvaluation& evaluation);

// The CSV text of a cell: counts as integers, quantities deterministically (core::format_number).
std::string cell_text(const Cell& cell);

// layer, macs, cycles, energy, utilization, latency_s, energy per MAC; with a simulator also the
// SystemC cycles, stall cycles, energy and cycle ratio. The last row, "total", holds the cycles
// per inference (a pipeline's slowest stage) and the sums.
Table summary_table(const Accelerator& accelerator, const NetworkEvaluation& evaluation);

// layer, component, tensor, action, count, energy, bits, pim_category.
Table breakdown_table(const Accelerator& accelerator, const NetworkEvaluation& evaluation);

}  // namespace hwaware::model
