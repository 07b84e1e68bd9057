#pragma once
// What the Python module returns: plain lists and dicts built from the libraries' own results
// (models/evaluation_tables.h, search/cost_oracle.h), so that Python sees the numbers the CLI writes.

#include <pybind11/pybind11.h>

#include <vector>

#include "models/evaluation_tables.h"
#include "search/cost_oracle.h"

namespace hwaware::python {

// A cell as Python: None, int, float or str.
pybind11::object cell_object(const model::Cell& cell);

// One dict per row, keyed by the table's columns.
pybind11::list records(const std::vector<std::string>& columns, const std::vector<std::vector<model::Cell>>& rows);

// The evaluation of a network: {"network", "accelerator", "energy_unit", "clock_hz", "layers": [...],
// "total": {...}, "breakdown": [...], "area_um2"}; layers and total as summary.csv's rows, breakdown
// as breakdown.csv's.
pybind11::dict evaluation_dict(const model::Accelerator& accelerator, const workload::Network& network,
                               const model::NetworkEvaluation& evaluation);

// A cost oracle's answer: {"energy", "latency_s", "area_um2", "pipelined", "energy_unit", "layers":
// [{"layer", "energy", "latency_s", "cycles", "energy_by_component"}]}.
pybind11::dict metrics_dict(const search::NetworkMetrics& metrics, const std::string& energy_unit);

}  // namespace hwaware::python
