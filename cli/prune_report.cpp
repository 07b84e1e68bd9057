#include "cli/prune_report.h"

#include <fmt/format.h>
#include <filesystem>
#include <set>

#include "core/csv_writer.h"

namespace hwaware::cli {
namespace {

// Per layer, per component: energy, as the oracle answered.
using ComponentEnergy = std::map<std::string, std::map<std::string, double>>;

ComponentEnergy by_component(const search::NetworkMetrics& m) {
  ComponentEnergy out;
  for (const auto& l : m.layers)
    for (const auto& [component, energy] : l.energy_by_component_pj) out[l.layer][component] += energy;
  return out;
}

std::vector<std::string> components(const ComponentEnergy& before, const ComponentEnergy& after) {
  std::set<std::string> names;
  for (const auto* e : {&before, &after})
    for (const auto& [layer, by] : *e)
      for (const auto& [c, pj] : by) names.insert(c);
  return {names.begin(), names.end()};
}

double at(const ComponentEnergy& e, const std::string& layer, const std::string& component) {
  const auto l = e.find(layer);
  if (l == e.end()) return 0;
  const auto c = l->second.find(component);
  return c == l->second.end() ? 0 : c->second;
}

// The printed table's energies: uJ for pJ, millions of another unit.
struct Printed {
  std::string label;
  double scale = 1e-6;
};
Printed printed(const model::EnergyUnit& unit) { return {unit.symbol == "pJ" ? "uJ" : "M" + unit.symbol, 1e-6}; }

}  // namespace

void print_prune_table(std::ostream& os, const search::PruneResult& r, const model::EnergyUnit& unit) {
  const auto before = by_component(r.metrics_before), after = by_component(r.metrics_after);
  const auto names = components(before, after);
  const Printed p = printed(unit);
  os << fmt::format("{:<10} {:>8} {:>7} {:>9} {:>12} {:>12} {:>7}", "layer", "density", "trials", "holdout", "energy_" + p.label,
                    "after_" + p.label, "saved");
  for (const auto& c : names) os << fmt::format(" {:>16}", c + "_" + p.label);
  os << "\n";
  for (const auto& pl : r.layers) {
    os << fmt::format("{:<10} {:>8.3f} {:>7} {:>8.2f}% {:>12.4f} {:>12.4f} {:>6.1f}%", pl.name, pl.density_after, pl.trials,
                      100 * pl.holdout, pl.energy_before_pj * p.scale, pl.energy_after_pj * p.scale,
                      pl.energy_before_pj > 0 ? 100 * (1 - pl.energy_after_pj / pl.energy_before_pj) : 0.0);
    for (const auto& c : names)
      os << fmt::format(" {:>7.3f} -> {:>6.3f}", at(before, pl.name, c) * p.scale, at(after, pl.name, c) * p.scale);
    os << "\n";
  }
  os << fmt::format("network energy {:.4f} {} -> {:.4f} {} ({:.1f}% saved); latency {:.4g} s -> {:.4g} s\n",
                    r.metrics_before.energy_pj * p.scale, p.label, r.metrics_after.energy_pj * p.scale, p.label,
                    100 * (1 - r.metrics_after.energy_pj / r.metrics_before.energy_pj), r.metrics_before.latency_s,
                    r.metrics_after.latency_s);
  os << fmt::format("holdout accuracy {:.2f}% -> {:.2f}%; test accuracy {:.2f}% -> {:.2f}% after the final fine-tune\n",
                    100 * r.holdout_before, 100 * r.holdout_after, 100 * r.test_before, 100 * r.test_after);
}

void write_prune_csv(const std::string& dir, const search::PruneResult& r, const model::EnergyUnit& unit) {
  const auto before = by_component(r.metrics_before), after = by_component(r.metrics_after);
  const auto names = components(before, after);
  std::vector<std::string> header{"layer",
                                  "density_before",
                                  "density_after",
                                  "trials",
                                  "accepted",
                                  "holdout",
                                  unit.column("energy_before"),
                                  unit.column("energy_after")};
  for (const auto& c : names) {
    header.push_back(unit.column(c + "_before"));
    header.push_back(unit.column(c + "_after"));
  }
  auto f = core::format_number;
  std::vector<std::vector<std::string>> rows;
  for (const auto& pl : r.layers) {
    std::vector<std::string> row{
        pl.name,       f(pl.density_before),   f(pl.density_after),  std::to_string(pl.trials), std::to_string(pl.accepted),
        f(pl.holdout), f(pl.energy_before_pj), f(pl.energy_after_pj)};
    for (const auto& c : names) {
      row.push_back(f(at(before, pl.name, c)));
      row.push_back(f(at(after, pl.name, c)));
    }
    rows.push_back(std::move(row));
  }
  std::vector<std::string> total{"total", "", "", "", "", f(r.holdout_after), f(r.metrics_before.energy_pj), f(r.metrics_after.energy_pj)};
  for (const auto& c : names) {
    double b = 0, a = 0;
    for (const auto& [layer, by] : before) b += at(before, layer, c);
    for (const auto& [layer, by] : after) a += at(after, layer, c);
    total.push_back(f(b));
    total.push_back(f(a));
  }
  rows.push_back(std::move(total));
  core::write_csv_file((std::filesystem::path(dir) / "layers.csv").string(), header, rows);
}

}  // namespace hwaware::cli
