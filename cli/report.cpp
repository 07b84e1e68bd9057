#include "cli/report.h"

#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "core/csv_writer.h"
#include "core/diagnostics.h"

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

}  // namespace

void print_table(std::ostream& os, const arch::Spec& spec, const std::vector<LayerReport>& layers) {
  os << fmt::format("{:<24} {:>14} {:>12} {:>16} {:>9} {:>7}  {}\n", "layer", "MACs", "cycles", "energy (pJ)", "pJ/MAC",
                    "util", "most energy");
  long long macs = 0, cycles = 0;
  double energy = 0;
  for (const auto& l : layers) {
    os << fmt::format("{:<24} {:>14} {:>12} {:>16.2f} {:>9.3f} {:>6.1f}%  {}\n", l.name, l.macs, l.counts.cycles,
                      l.energy.total_pj, l.energy.total_pj / static_cast<double>(l.macs), 100.0 * l.counts.utilization,
                      top_spender(l.energy));
    macs += l.macs;
    cycles += l.counts.cycles;
    energy += l.energy.total_pj;
  }
  os << fmt::format("{:<24} {:>14} {:>12} {:>16.2f} {:>9.3f}\n", "total", macs, cycles, energy,
                    macs ? energy / static_cast<double>(macs) : 0.0);
  os << fmt::format("latency at {:.0f} MHz: {:.6g} s\n", spec.clock_hz / 1e6, static_cast<double>(cycles) / spec.clock_hz);
}

void write_outputs(const std::string& dir, const arch::Spec& spec, const workload::Network& net,
                   const std::vector<LayerReport>& layers, const EvalOptions& o) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) throw core::InputError(core::SourceLoc{dir, 0, 0}, "--out", "cannot create the output directory: " + ec.message());
  // Write to temporary names first so a failure leaves nothing half-written.
  const fs::path base(dir);
  {
    core::CsvWriter s((base / "summary.csv.tmp").string(),
                      {"layer", "macs", "cycles", "energy_pj", "utilization", "latency_s", "pj_per_mac"});
    long long macs = 0, cycles = 0;
    double energy = 0;
    for (const auto& l : layers) {
      s.row({l.name, std::to_string(l.macs), std::to_string(l.counts.cycles), core::format_number(l.energy.total_pj),
             core::format_number(l.counts.utilization), core::format_number(static_cast<double>(l.counts.cycles) / spec.clock_hz),
             core::format_number(l.energy.total_pj / static_cast<double>(l.macs))});
      macs += l.macs;
      cycles += l.counts.cycles;
      energy += l.energy.total_pj;
    }
    s.row({"total", std::to_string(macs), std::to_string(cycles), core::format_number(energy), "",
           core::format_number(static_cast<double>(cycles) / spec.clock_hz),
           core::format_number(macs ? energy / static_cast<double>(macs) : 0)});
    core::CsvWriter b((base / "breakdown.csv.tmp").string(), {"layer", "component", "tensor", "action", "count", "energy_pj"});
    for (const auto& l : layers)
      for (const auto& r : l.energy.rows)
        b.row({l.name, r.component, r.tensor, r.action, core::format_number(r.count), core::format_number(r.energy_pj)});
  }
  nlohmann::ordered_json j;
  j["tool"] = "hwaware";
  j["version"] = HWAWARE_VERSION;
  j["inputs"] = {{"arch", fs::path(o.arch).filename().string()},
                 {"workload", fs::path(o.workload).filename().string()},
                 {"mapping", fs::path(o.mapping).filename().string()},
                 {"ert", o.ert.empty() ? "" : fs::path(o.ert).filename().string()}};
  nlohmann::ordered_json a;
  a["name"] = spec.name;
  a["clock_hz"] = spec.clock_hz;
  a["technology_nm"] = spec.technology_nm;
  for (const auto& lvl : spec.levels) {
    nlohmann::ordered_json jl;
    jl["name"] = lvl.name;
    jl["technology"] = arch::to_string(lvl.technology);
    jl["depth"] = lvl.depth ? nlohmann::json(*lvl.depth) : nlohmann::json(nullptr);
    jl["block_size"] = lvl.block_size;
    jl["word_bits"] = lvl.word_bits;
    jl["instances"] = lvl.instances;
    jl["mesh"] = {lvl.mesh_x, lvl.mesh_y};
    a["levels"].push_back(jl);
  }
  a["compute"] = {{"name", spec.compute.name}, {"instances", spec.compute.instances}, {"operand_bits", spec.compute.operand_bits}};
  j["accelerator"] = a;
  j["network"] = net.name;
  for (const auto& l : layers) {
    nlohmann::ordered_json jl;
    jl["name"] = l.name;
    jl["macs"] = l.macs;
    jl["cycles"] = l.counts.cycles;
    jl["compute_cycles"] = l.counts.compute_cycles;
    jl["energy_pj"] = l.energy.total_pj;
    jl["utilization"] = l.counts.utilization;
    for (const auto& lvl : l.counts.levels) {
      if (lvl.is_virtual) continue;
      nlohmann::ordered_json jv;
      jv["level"] = lvl.name;
      jv["cycles"] = lvl.cycles;
      jv["bandwidth_throttling"] = lvl.slowdown;
      for (std::size_t ds = 0; ds < lvl.tensors.size(); ++ds) {
        const auto& t = lvl.tensors[ds];
        if (!t.kept) continue;
        jv["tensors"][l.counts.tensor_names[ds]] = {{"reads_per_instance", t.reads},   {"fills_per_instance", t.fills},
                                                    {"updates_per_instance", t.updates}, {"utilized_instances", t.instances},
                                                    {"tile_size", t.tile_size},          {"partition_size", t.partition_size}};
      }
      for (std::size_t ds = 0; ds < lvl.network.size(); ++ds) {
        const auto& n = lvl.network[ds];
        if (n.fanout <= 1 || n.instances == 0) continue;
        jv["network"]["name"] = lvl.network_name;
        jv["network"]["tensors"][l.counts.tensor_names[ds]] = {
            {"fanout", n.fanout},         {"ingresses_per_instance", n.ingresses}, {"deliveries_per_instance", n.deliveries},
            {"hops_per_instance", n.hops}, {"instances", n.instances}};
      }
      jl["levels"].push_back(jv);
    }
    j["layers"].push_back(jl);
  }
  {
    std::ofstream js(base / "stats.json.tmp");
    js << j.dump(2) << "\n";
  }
  for (const char* f : {"summary.csv", "breakdown.csv", "stats.json"}) fs::rename(base / (std::string(f) + ".tmp"), base / f);
}

}  // namespace hwaware::cli
