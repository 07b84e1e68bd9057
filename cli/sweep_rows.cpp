#include "cli/sweep_rows.h"

namespace hwaware::cli {
namespace {

SweepRow total_of(const std::vector<SweepRow>& rows) {
  SweepRow t;
  t.layer = "total";
  double weighted = 0;
  for (const auto& r : rows) {
    t.macs += r.macs;
    t.cycles += r.cycles;
    t.energy_pj += r.energy_pj;
    weighted += r.utilization * static_cast<double>(r.cycles);
    for (std::size_t k = 0; k < t.kinds.size(); ++k) t.kinds[k] += r.kinds[k];
  }
  t.utilization = t.cycles ? weighted / static_cast<double>(t.cycles) : 0;
  return t;
}

}  // namespace

std::vector<SweepRow> evaluate_sweep_point(const model::Accelerator& accelerator, const workload::Network& network,
                                           const model::MapOptions& map) {
  model::EvaluationOptions options;
  options.map = map;
  const auto evaluation = model::evaluate_network(accelerator, network, options);
  std::vector<SweepRow> rows;
  for (const auto& l : evaluation.layers) {
    SweepRow r;
    r.layer = l.name;
    r.macs = l.macs;
    r.cycles = l.counts.cycles;
    r.utilization = l.counts.utilization;
    r.energy_pj = l.energy.total_pj;
    r.kinds = energy_by_kind(accelerator.spec, l.energy);
    rows.push_back(std::move(r));
  }
  SweepRow total = total_of(rows);
  total.cycles = evaluation.cycles();
  rows.push_back(std::move(total));
  return rows;
}

std::vector<model::Cell> sweep_cells(const SweepPoint& point, const SweepRow& r, double clock_hz) {
  std::vector<model::Cell> cells(point.values.begin(), point.values.end());
  cells.insert(cells.end(), {r.layer, r.macs, r.cycles, static_cast<double>(r.cycles) / clock_hz, r.energy_pj,
                             r.macs ? model::Cell(r.energy_pj / static_cast<double>(r.macs)) : model::Cell(), r.utilization});
  for (double e : r.kinds) cells.emplace_back(e);
  return cells;
}

}  // namespace hwaware::cli
