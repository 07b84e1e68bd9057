#include "cli/report.h"

#include <fmt/format.h>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>

#include "cli/stats_json.h"
#include "core/csv_writer.h"
#include "core/diagnostics.h"
#include "core/output_file.h"
#include "models/area_estimators.h"
#include "models/evaluation_tables.h"

namespace hwaware::cli {
namespace {

std::string top_spender(const model::LayerEnergy& e) {
  std::map<std::string, double> by_component;
  for (const auto& r : e.rows) by_component[r.component] += r.energy_pj;
  std::string best = "-";
  double best_e = -1;
  for (const auto& [c, v] : by_component)
    if (v > best_e) {
      best_e = v;
      best = c;
    }
  return best;
}

// One line: total on-chip area and each component's share, largest first.
std::string area_line(const model::AreaReport& area) {
  auto parts = area.components;
  std::stable_sort(parts.begin(), parts.end(), [](const auto& a, const auto& b) { return a.total_um2 > b.total_um2; });
  std::string line = fmt::format("area on chip: {:.4g} mm2 (", area.total_um2 * 1e-6);
  bool first = true;
  for (const auto& c : parts) {
    if (c.source == "off-chip") continue;
    line += fmt::format("{}{} {:.3g}", first ? "" : ", ", c.component, c.total_um2 * 1e-6);
    first = false;
  }
  return line + "; DRAM off chip)";
}

bool any_systolic(const model::NetworkEvaluation& e) {
  return std::any_of(e.layers.begin(), e.layers.end(), [](const auto& l) { return l.counts.systolic.has_value(); });
}

// scalesim_report.csv: per systolic layer, SCALE-Sim's COMPUTE_REPORT and DETAILED_ACCESS_REPORT
// figures (words).
void write_scalesim_report(std::ostream& out, const model::NetworkEvaluation& e) {
  core::CsvWriter c(out, {"layer", "total_cycles", "stall_cycles", "overall_util_pct", "mapping_efficiency_pct", "sram_ifmap_reads",
                          "sram_filter_reads", "sram_ofmap_writes", "dram_ifmap_reads", "dram_filter_reads", "dram_ofmap_writes"});
  auto n = core::format_number;
  for (const auto& l : e.layers) {
    if (!l.counts.systolic) continue;
    const auto& f = *l.counts.systolic;
    const auto cycles = scalesim_cycles(l);
    c.row({l.name, std::to_string(cycles.total), std::to_string(cycles.stalls), n(100 * f.utilization), n(100 * f.mapping_efficiency),
           n(f.sram_ifmap_reads), n(f.sram_filter_reads), n(f.sram_ofmap_writes), n(f.dram_ifmap_reads), n(f.dram_filter_reads),
           n(f.dram_ofmap_writes)});
  }
}

// Energy per MAC; a layer without MACs (pooling, add) has none (printed as 0, written empty).
double per_mac(double energy, long long macs) { return macs ? energy / static_cast<double>(macs) : 0.0; }

// The SystemC columns of the table: simulated cycles, stalls and their ratio to the analytical
// cycles (blank with the analytical backend).
std::string systemc_columns(const model::LayerEvaluation& l) {
  if (!l.simulated) return "";
  const auto& s = *l.simulated;
  return fmt::format(" {:>12} {:>10} {:>7.3f}", s.counts.cycles, s.stall_cycles,
                     l.counts.cycles ? static_cast<double>(s.counts.cycles) / static_cast<double>(l.counts.cycles) : 0.0);
}

bool simulated(const model::NetworkEvaluation& e) { return !e.layers.empty() && e.layers.front().simulated; }

// A table (models/evaluation_tables.h) as CSV.
void write_table(std::ostream& out, const model::Table& table) {
  core::CsvWriter csv(out, table.columns);
  for (const auto& row : table.rows) {
    std::vector<std::string> cells;
    for (const auto& cell : row) cells.push_back(model::cell_text(cell));
    csv.row(cells);
  }
}

}  // namespace

void print_table(std::ostream& os, const model::Accelerator& a, const model::NetworkEvaluation& e) {
  const auto unit = a.energy_unit();
  const bool sc = simulated(e);
  os << fmt::format("{:<24} {:>14} {:>12} {:>16} {:>9} {:>7}", "layer", "MACs", "cycles", "energy (" + unit.symbol + ")",
                    unit.symbol + "/MAC", "util");
  if (sc) os << fmt::format(" {:>12} {:>10} {:>7}", "SystemC cyc", "stalls", "ratio");
  os << "  most energy\n";
  for (const auto& l : e.layers) {
    std::string energy_per_mac = l.macs ? fmt::format("{:.3f}", per_mac(l.energy.total_pj, l.macs)) : "-";
    os << fmt::format("{:<24} {:>14} {:>12} {:>16.2f} {:>9} {:>6.1f}%{}  {}\n", l.name, l.macs, l.counts.cycles, l.energy.total_pj,
                      energy_per_mac, 100.0 * l.counts.utilization, systemc_columns(l), top_spender(l.energy));
  }
  const auto t = model::evaluation_totals(e);
  os << fmt::format("{:<24} {:>14} {:>12} {:>16.2f} {:>9.3f}\n", "total", t.macs, t.cycles, t.energy, per_mac(t.energy, t.macs));
  os << fmt::format("latency at {:.0f} MHz: {:.6g} s", a.spec.clock_hz / 1e6, static_cast<double>(t.cycles) / a.spec.clock_hz);
  if (sc) os << fmt::format(" (analytical); {:.6g} s simulated by SystemC", static_cast<double>(t.sc_cycles) / a.spec.clock_hz);
  if (e.pipelined)
    os << fmt::format(" per inference, pipelined (the slowest layer's stage); the first result after {:.6g} s (the stages' sum)",
                      static_cast<double>(e.fill_cycles()) / a.spec.clock_hz);
  os << "\n" << area_line(model::chip_area(a, e)) << "\n";
  if (const auto& p = a.spec.pim; p && p->organization == "crossbars")
    os << fmt::format("PIM: {} crossbars of {} x {}{}, {}-bit ADC{}, duplicate: {}; {} free after one copy of every layer\n",
                      p->crossbars(), p->rows, p->cols, p->budget ? " (by budget)" : "", p->adc.bits, p->adc.bits_auto ? " (auto)" : "",
                      arch::to_string(p->duplicate), e.pim_free_crossbars);
  if (unit.symbol != "pJ") os << "energies in " << unit.symbol << ": " << unit.meaning << "\n";
}

void write_outputs(const std::string& dir, const model::Accelerator& a, const workload::Network& net, const model::NetworkEvaluation& e,
                   const EvalOptions& o) {
  core::prepare_output_dir(dir);
  // Every file is written and checked under a temporary name before any is put in place, so a
  // failure leaves nothing half-written.
  const std::filesystem::path base(dir);
  core::OutputFile summary((base / "summary.csv").string()), breakdown((base / "breakdown.csv").string()),
      stats((base / "stats.json").string());
  write_table(summary.out(), model::summary_table(a, e));
  write_table(breakdown.out(), model::breakdown_table(a, e));
  stats.out() << stats_json(a, net, e, o).dump(2) << "\n";
  std::optional<core::OutputFile> scalesim;
  if (any_systolic(e)) {
    scalesim.emplace((base / "scalesim_report.csv").string());
    write_scalesim_report(scalesim->out(), e);
  }
  for (auto* f : {&summary, &breakdown, &stats}) f->close();
  if (scalesim) scalesim->close();
  for (auto* f : {&summary, &breakdown, &stats}) f->publish();
  if (scalesim) scalesim->publish();
}

}  // namespace hwaware::cli
