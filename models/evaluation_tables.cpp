#include "models/evaluation_tables.h"

#include <algorithm>

#include "core/csv_writer.h"

namespace hwaware::model {
namespace {

// Energy per MAC; a layer without MACs (pooling, add) has none.
Cell per_mac(double energy, long long macs) {
  if (macs == 0) return std::monostate{};
  return energy / static_cast<double>(macs);
}

double ratio(long long num, long long den) { return static_cast<double>(num) / static_cast<double>(std::max(1LL, den)); }

bool simulated(const NetworkEvaluation& e) { return !e.layers.empty() && e.layers.front().simulated; }

}  // namespace

EvaluationTotals evaluation_totals(const NetworkEvaluation& e) {
  EvaluationTotals t;
  t.cycles = e.cycles();
  t.sc_cycles = e.simulated_cycles();
  for (const auto& l : e.layers) {
    t.macs += l.macs;
    t.energy += l.energy.total_pj;
    if (!l.simulated) continue;
    t.sc_stalls += l.simulated->stall_cycles;
    t.sc_energy += l.simulated_energy.total_pj;
  }
  return t;
}

std::string cell_text(const Cell& cell) {
  if (const auto* n = std::get_if<long long>(&cell)) return std::to_string(*n);
  if (const auto* x = std::get_if<double>(&cell)) return core::format_number(*x);
  if (const auto* s = std::get_if<std::string>(&cell)) return *s;
  return "";
}

Table summary_table(const Accelerator& a, const NetworkEvaluation& e) {
  const auto unit = a.energy_unit();
  const bool sc = simulated(e);
  const double clock = a.spec.clock_hz;
  Table t;
  t.columns = {"layer", "macs", "cycles", unit.column(), "utilization", "latency_s", unit.suffix + "_per_mac"};
  if (sc)
    t.columns.insert(t.columns.end(), {"systemc_cycles", "systemc_stall_cycles", unit.column("systemc_energy"), "systemc_cycle_ratio"});
  for (const auto& l : e.layers) {
    std::vector<Cell> row = {l.name,
                             l.macs,
                             l.counts.cycles,
                             l.energy.total_pj,
                             l.counts.utilization,
                             static_cast<double>(l.counts.cycles) / clock,
                             per_mac(l.energy.total_pj, l.macs)};
    if (sc && l.simulated) {
      const auto& x = *l.simulated;
      row.insert(row.end(), {x.counts.cycles, x.stall_cycles, l.simulated_energy.total_pj, ratio(x.counts.cycles, l.counts.cycles)});
    }
    t.rows.push_back(std::move(row));
  }
  const auto x = evaluation_totals(e);
  std::vector<Cell> total = {std::string("total"),
                             x.macs,
                             x.cycles,
                             x.energy,
                             std::monostate{},
                             static_cast<double>(x.cycles) / clock,
                             x.macs ? x.energy / static_cast<double>(x.macs) : 0.0};
  if (sc) total.insert(total.end(), {x.sc_cycles, x.sc_stalls, x.sc_energy, ratio(x.sc_cycles, x.cycles)});
  t.rows.push_back(std::move(total));
  return t;
}

Table breakdown_table(const Accelerator& a, const NetworkEvaluation& e) {
  Table t;
  t.columns = {"layer", "component", "tensor", "action", "count", a.energy_unit().column(), "bits", "pim_category"};
  for (const auto& l : e.layers)
    for (const auto& r : l.energy.rows)
      t.rows.push_back({l.name, r.component, r.tensor, r.action, r.count, r.energy_pj, r.bits ? Cell(*r.bits) : Cell(),
                        r.pim_category ? Cell(to_string(*r.pim_category)) : Cell()});
  return t;
}

}  // namespace hwaware::model
