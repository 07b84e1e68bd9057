#include "python/py_records.h"

#include <string>

#include "models/area_estimators.h"

namespace py = pybind11;

namespace hwaware::python {

py::object cell_object(const model::Cell& cell) {
  if (const auto* n = std::get_if<long long>(&cell)) return py::int_(*n);
  if (const auto* x = std::get_if<double>(&cell)) return py::float_(*x);
  if (const auto* s = std::get_if<std::string>(&cell)) return py::str(*s);
  return py::none();
}

py::list records(const std::vector<std::string>& columns, const std::vector<std::vector<model::Cell>>& rows) {
  py::list out;
  for (const auto& row : rows) {
    py::dict record;
    for (std::size_t i = 0; i < columns.size() && i < row.size(); ++i) record[py::str(columns[i])] = cell_object(row[i]);
    out.append(record);
  }
  return out;
}

py::dict evaluation_dict(const model::Accelerator& accelerator, const workload::Network& network,
                         const model::NetworkEvaluation& evaluation) {
  const auto summary = model::summary_table(accelerator, evaluation);
  const auto breakdown = model::breakdown_table(accelerator, evaluation);
  py::list rows = records(summary.columns, summary.rows);
  py::dict out;
  out["network"] = network.name;
  out["accelerator"] = accelerator.spec.name;
  out["energy_unit"] = accelerator.energy_unit().symbol;
  out["clock_hz"] = accelerator.spec.clock_hz;
  out["total"] = rows[py::len(rows) - 1];
  rows.attr("pop")();
  out["layers"] = rows;
  out["breakdown"] = records(breakdown.columns, breakdown.rows);
  out["area_um2"] = model::chip_area(accelerator, evaluation).total_um2;
  out["pipelined"] = evaluation.pipelined;
  return out;
}

py::dict metrics_dict(const search::NetworkMetrics& m, const std::string& energy_unit) {
  py::list layers;
  for (const auto& l : m.layers) {
    py::dict d;
    d["layer"] = l.layer;
    d["energy"] = l.energy_pj;
    d["latency_s"] = l.latency_s;
    d["cycles"] = l.cycles;
    py::dict by_component;
    for (const auto& [component, energy] : l.energy_by_component_pj) by_component[py::str(component)] = energy;
    d["energy_by_component"] = by_component;
    layers.append(d);
  }
  py::dict out;
  out["energy"] = m.energy_pj;
  out["latency_s"] = m.latency_s;
  out["area_um2"] = m.area_um2;
  out["pipelined"] = m.pipelined;
  out["energy_unit"] = energy_unit;
  out["layers"] = layers;
  return out;
}

}  // namespace hwaware::python
