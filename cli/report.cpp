#include "cli/report.h"

#include <fmt/format.h>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "core/csv_writer.h"
#include "core/diagnostics.h"
#include "models/area_estimators.h"

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

// The class a component's energy is drawn under in the breakdown plot, the level classes of the
// Eyeriss energy table (Chen et al., ISCA 2016): DRAM, global buffer (SRAM), NoC, register files, MAC.
std::string energy_class(const arch::Spec& spec, const model::ComponentArea& c) {
  if (c.kind == "network") return "NoC";
  if (c.kind == "compute") return "MAC";
  int i = spec.level_index(c.component);
  if (i < 0) return "other";
  switch (spec.levels[static_cast<std::size_t>(i)].technology) {
    case arch::Technology::dram: return "DRAM";
    case arch::Technology::sram: return "global buffer";
    case arch::Technology::regfile: return "register files";
    case arch::Technology::none: return "other";
  }
  return "other";
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

nlohmann::ordered_json accelerator_json(const arch::Spec& spec) {
  nlohmann::ordered_json a;
  a["name"] = spec.name;
  a["clock_hz"] = spec.clock_hz;
  a["technology_nm"] = spec.technology_nm;
  a["tensor_bits"] = nlohmann::ordered_json::object();
  for (const auto& [tensor, bits] : spec.tensor_bits) a["tensor_bits"][tensor] = bits;
  for (const auto& lvl : spec.levels) {
    nlohmann::ordered_json jl;
    jl["name"] = lvl.name;
    jl["technology"] = arch::to_string(lvl.technology);
    jl["depth"] = lvl.depth ? nlohmann::json(*lvl.depth) : nlohmann::json(nullptr);
    jl["block_size"] = lvl.block_size;
    jl["word_bits"] = lvl.word_bits;
    jl["instances"] = lvl.instances;
    jl["mesh"] = {lvl.mesh_x, lvl.mesh_y};
    jl["compression"] = nlohmann::ordered_json::object();
    for (const auto& [tensor, c] : lvl.compression) jl["compression"][tensor] = arch::to_string(c);
    jl["run_bits"] = lvl.run_bits;
    a["levels"].push_back(jl);
  }
  const auto& c = spec.compute;
  a["compute"] = {{"name", c.name},
                  {"instances", c.instances},
                  {"operand_bits", c.operand_bits},
                  {"zero_operands", arch::to_string(c.zero_operands)},
                  {"zero_operands_tested", c.zero_weights && c.zero_inputs ? "both" : (c.zero_weights ? "weights" : "inputs")}};
  return a;
}

// Per component: kind, plot class, instances, area per instance and in total, and its source.
nlohmann::ordered_json area_json(const arch::Spec& spec) {
  auto area = model::estimate_area(spec);
  nlohmann::ordered_json j;
  j["total_um2"] = area.total_um2;
  j["note"] = "on chip; DRAM is off chip and counted as 0";
  for (const auto& c : area.components)
    j["components"].push_back({{"name", c.component},
                               {"kind", c.kind},
                               {"class", energy_class(spec, c)},
                               {"instances", c.instances},
                               {"area_um2_per_instance", c.per_instance_um2},
                               {"area_um2", c.total_um2},
                               {"source", c.source}});
  return j;
}

nlohmann::ordered_json tensor_json(const model::TensorAccess& t, const model::TensorBits& b) {
  return {{"reads_per_instance", t.reads},
          {"fills_per_instance", t.fills},
          {"updates_per_instance", t.updates},
          {"utilized_instances", t.instances},
          {"tile_size", t.tile_size},
          {"partition_size", t.partition_size},
          {"element_bits", b.element_bits},
          {"bits_given", b.bits_given},
          {"compression", arch::to_string(b.format)},
          {"density", b.density},
          {"bits_per_element", b.bits_per_element},
          {"read_bits_per_instance", b.read_bits},
          {"fill_bits_per_instance", b.fill_bits},
          {"update_bits_per_instance", b.update_bits},
          {"metadata_bits_per_instance", b.metadata_bits},
          {"read_vectors_per_instance", b.read_vectors},
          {"fill_vectors_per_instance", b.fill_vectors},
          {"update_vectors_per_instance", b.update_vectors}};
}

nlohmann::ordered_json level_json(const model::LevelCounts& lvl, const std::vector<std::string>& tensors) {
  nlohmann::ordered_json jv;
  jv["level"] = lvl.name;
  jv["cycles"] = lvl.cycles;
  jv["bandwidth_throttling"] = lvl.slowdown;
  for (std::size_t ds = 0; ds < lvl.tensors.size(); ++ds)
    if (lvl.tensors[ds].kept) jv["tensors"][tensors[ds]] = tensor_json(lvl.tensors[ds], lvl.bits[ds]);
  for (std::size_t ds = 0; ds < lvl.network.size(); ++ds) {
    const auto& n = lvl.network[ds];
    if (n.fanout <= 1 || n.instances == 0) continue;
    const auto& nb = lvl.network_bits[ds];
    jv["network"]["name"] = lvl.network_name;
    jv["network"]["tensors"][tensors[ds]] = {{"fanout", n.fanout},
                                             {"ingresses_per_instance", n.ingresses},
                                             {"deliveries_per_instance", n.deliveries},
                                             {"hops_per_instance", n.hops},
                                             {"instances", n.instances},
                                             {"bits_per_element", nb.bits_per_element},
                                             {"transfer_words_per_instance", nb.transfer_words},
                                             {"hop_words_per_instance", nb.hop_words}};
  }
  return jv;
}

nlohmann::ordered_json pim_json(const model::PimLayerCounts& p) {
  const auto& x = p.placement;
  return {{"crossbars", x.crossbars},
          {"replicas", x.replicas},
          {"row_blocks", x.row_blocks},
          {"col_blocks", x.col_blocks},
          {"groups_per_crossbar", x.groups_per_crossbar},
          {"weight_rows", x.rows},
          {"weight_cols", x.cols},
          {"cells_used", x.cells_used},
          {"utilization", x.utilization},
          {"fits_on_chip", x.fits},
          {"input_vectors", x.vectors},
          {"dac_activations", p.dac_activations},
          {"cell_reads", p.cell_reads},
          {"adc_conversions", p.adc_conversions},
          {"shift_adds", p.shift_adds},
          {"partial_sums", p.partial_sums},
          {"weight_writes", p.weight_writes},
          {"read_ns", p.read_ns},
          {"convert_ns", p.convert_ns},
          {"slice_ns", p.slice_ns},
          {"weight_write_ns", p.write_ns}};
}

// SCALE-Sim's figures of a layer on a systolic array, in its conventions, with the total and stall
// cycles of the backend that ran: the analytical model's (bandwidth throttling) or the SystemC
// models' (SCALE-Sim counts to the index of its last cycle, one less per sublayer than the folds'
// cycles the simulation times).
struct ScaleSimCycles {
  long long total = 0, stalls = 0;
};

ScaleSimCycles scalesim_cycles(const model::LayerEvaluation& l) {
  const auto& f = *l.counts.systolic;
  const long long total = l.simulated ? l.simulated->counts.cycles - (l.simulated->compute_cycles - f.compute_cycles) : l.counts.cycles;
  return {total, total - f.compute_cycles};
}

nlohmann::ordered_json scalesim_json(const model::LayerEvaluation& l) {
  const auto& f = *l.counts.systolic;
  const auto c = scalesim_cycles(l);
  return {{"total_cycles", c.total},
          {"stall_cycles", c.stalls},
          {"compute_cycles", f.compute_cycles},
          {"folds", f.folds},
          {"overall_util_pct", 100 * f.utilization},
          {"mapping_efficiency_pct", 100 * f.mapping_efficiency},
          {"sram_ifmap_reads", f.sram_ifmap_reads},
          {"sram_filter_reads", f.sram_filter_reads},
          {"sram_ofmap_writes", f.sram_ofmap_writes},
          {"sram_ofmap_writes_physical", f.sram_ofmap_writes_physical},
          {"dram_ifmap_reads", f.dram_ifmap_reads},
          {"dram_filter_reads", f.dram_filter_reads},
          {"dram_ofmap_writes", f.dram_ofmap_writes}};
}

// DIR/scalesim_report.csv.tmp: per systolic layer, SCALE-Sim's COMPUTE_REPORT and
// DETAILED_ACCESS_REPORT figures (words); false when no layer ran on a systolic array.
bool write_scalesim_report(const std::filesystem::path& base, const model::NetworkEvaluation& e) {
  if (std::none_of(e.layers.begin(), e.layers.end(), [](const auto& l) { return l.counts.systolic.has_value(); })) return false;
  core::CsvWriter c((base / "scalesim_report.csv.tmp").string(),
                    {"layer", "total_cycles", "stall_cycles", "overall_util_pct", "mapping_efficiency_pct", "sram_ifmap_reads",
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
  return true;
}

nlohmann::ordered_json layer_json(const model::LayerEvaluation& l, const std::string& energy_key) {
  nlohmann::ordered_json jl;
  jl["name"] = l.name;
  jl["macs"] = l.macs;
  jl["cycles"] = l.counts.cycles;
  jl["compute_cycles"] = l.counts.compute_cycles;
  jl[energy_key] = l.energy.total_pj;
  jl["utilization"] = l.counts.utilization;
  const auto& c = l.counts.compute;
  jl["computes"] = {{"dense", l.counts.computes},
                    {"performed", c.performed},
                    {"gated", c.gated},
                    {"skipped", c.skipped},
                    {"effective_fraction", c.effective_fraction},
                    {"weight_bits", c.weight_bits},
                    {"input_bits", c.input_bits}};
  if (l.search) {
    const auto& sr = *l.search;
    jl["search"] = {{"evaluated", sr.evaluated},   {"rejected", sr.rejected},       {"repeated", sr.repeated},
                    {"exhaustive", sr.exhaustive}, {"stop_reason", sr.stop_reason}, {"reused_from", l.reused_from}};
  }
  if (l.counts.pim) jl["pim"] = pim_json(*l.counts.pim);
  if (l.counts.systolic) jl["scalesim"] = scalesim_json(l);
  if (l.simulated) {
    const auto& x = *l.simulated;
    jl["systemc"] = {{"cycles", x.counts.cycles},
                     {"compute_cycles", x.compute_cycles},
                     {"stall_cycles", x.stall_cycles},
                     {"fill_cycles", x.fill_cycles},
                     {"drain_cycles", x.drain_cycles},
                     {"steps", x.steps},
                     {"double_buffered", x.double_buffered},
                     {energy_key, l.simulated_energy.total_pj}};
  }
  for (const auto& lvl : l.counts.levels)
    if (!lvl.is_virtual) jl["levels"].push_back(level_json(lvl, l.counts.tensor_names));
  return jl;
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

// Totals of a network's evaluation.
struct Totals {
  long long macs = 0, cycles = 0, sc_cycles = 0, sc_stalls = 0;
  double energy = 0, sc_energy = 0;
};

Totals totals(const model::NetworkEvaluation& e) {
  Totals t;
  for (const auto& l : e.layers) {
    t.macs += l.macs;
    t.cycles += l.counts.cycles;
    t.energy += l.energy.total_pj;
    if (!l.simulated) continue;
    t.sc_cycles += l.simulated->counts.cycles;
    t.sc_stalls += l.simulated->stall_cycles;
    t.sc_energy += l.simulated_energy.total_pj;
  }
  return t;
}

bool simulated(const model::NetworkEvaluation& e) { return !e.layers.empty() && e.layers.front().simulated; }

// DIR/summary.csv.tmp: a row per layer and the total.
void write_summary(const std::filesystem::path& base, const model::Accelerator& a, const model::NetworkEvaluation& e) {
  const auto unit = a.energy_unit();
  const bool sc = simulated(e);
  std::vector<std::string> columns = {"layer", "macs", "cycles", unit.column(), "utilization", "latency_s", unit.suffix + "_per_mac"};
  if (sc)
    for (const auto& c :
         std::vector<std::string>{"systemc_cycles", "systemc_stall_cycles", unit.column("systemc_energy"), "systemc_cycle_ratio"})
      columns.push_back(c);
  core::CsvWriter s((base / "summary.csv.tmp").string(), columns);
  auto f = core::format_number;
  const double clock = a.spec.clock_hz;
  for (const auto& l : e.layers) {
    std::vector<std::string> row = {l.name,
                                    std::to_string(l.macs),
                                    std::to_string(l.counts.cycles),
                                    f(l.energy.total_pj),
                                    f(l.counts.utilization),
                                    f(static_cast<double>(l.counts.cycles) / clock),
                                    l.macs ? f(per_mac(l.energy.total_pj, l.macs)) : std::string()};
    if (sc && l.simulated) {
      const auto& x = *l.simulated;
      row.insert(row.end(), {std::to_string(x.counts.cycles), std::to_string(x.stall_cycles), f(l.simulated_energy.total_pj),
                             f(static_cast<double>(x.counts.cycles) / static_cast<double>(std::max(1LL, l.counts.cycles)))});
    }
    s.row(row);
  }
  const Totals t = totals(e);
  std::vector<std::string> total = {"total",
                                    std::to_string(t.macs),
                                    std::to_string(t.cycles),
                                    f(t.energy),
                                    "",
                                    f(static_cast<double>(t.cycles) / clock),
                                    f(per_mac(t.energy, t.macs))};
  if (sc)
    total.insert(total.end(), {std::to_string(t.sc_cycles), std::to_string(t.sc_stalls), f(t.sc_energy),
                               f(static_cast<double>(t.sc_cycles) / static_cast<double>(std::max(1LL, t.cycles)))});
  s.row(total);
}

// DIR/breakdown.csv.tmp: every priced action of every layer, long format.
void write_breakdown(const std::filesystem::path& base, const model::Accelerator& a, const model::NetworkEvaluation& e) {
  core::CsvWriter b((base / "breakdown.csv.tmp").string(),
                    {"layer", "component", "tensor", "action", "count", a.energy_unit().column(), "bits"});
  for (const auto& l : e.layers)
    for (const auto& r : l.energy.rows)
      b.row({l.name, r.component, r.tensor, r.action, core::format_number(r.count), core::format_number(r.energy_pj),
             r.bits ? core::format_number(*r.bits) : ""});
}

nlohmann::ordered_json stats_json(const model::Accelerator& a, const workload::Network& net, const model::NetworkEvaluation& e,
                                  const EvalOptions& o) {
  namespace fs = std::filesystem;
  const auto unit = a.energy_unit();
  nlohmann::ordered_json j;
  j["tool"] = "hwaware";
  j["version"] = HWAWARE_VERSION;
  j["backend"] = o.backend;
  j["inputs"] = {{"arch", fs::path(o.accelerator.arch).filename().string()},
                 {"workload", fs::path(o.workload).filename().string()},
                 {"mapping", fs::path(o.mapping).filename().string()},
                 {"ert", o.accelerator.ert.empty() ? "" : fs::path(o.accelerator.ert).filename().string()}};
  j["energy_unit"] = {{"symbol", unit.symbol}, {"meaning", unit.meaning}};
  const bool mapped = std::any_of(e.layers.begin(), e.layers.end(), [](const auto& l) { return l.search.has_value(); });
  if (mapped) {  // the mapper chose the mappings: how, so the run can be repeated
    const auto& m = o.mapper;
    j["mapper"] = {{"dataflow", m.dataflow.empty() ? a.spec.dataflow : fs::path(m.dataflow).filename().string()},
                   {"objective", m.objective},
                   {"budget", m.budget},
                   {"patience", m.patience},
                   {"seed", m.seed}};
  }
  if (a.spec.pim) j["pim_weights_resident"] = e.weights_resident;
  j["accelerator"] = accelerator_json(a.spec);
  j["area"] = area_json(a.spec);
  j["network"] = net.name;
  for (const auto& l : e.layers) j["layers"].push_back(layer_json(l, unit.column()));
  return j;
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
  const Totals t = totals(e);
  os << fmt::format("{:<24} {:>14} {:>12} {:>16.2f} {:>9.3f}\n", "total", t.macs, t.cycles, t.energy, per_mac(t.energy, t.macs));
  os << fmt::format("latency at {:.0f} MHz: {:.6g} s", a.spec.clock_hz / 1e6, static_cast<double>(t.cycles) / a.spec.clock_hz);
  if (sc) os << fmt::format(" (analytical); {:.6g} s simulated by SystemC", static_cast<double>(t.sc_cycles) / a.spec.clock_hz);
  os << "\n" << area_line(model::estimate_area(a.spec)) << "\n";
  if (unit.symbol != "pJ") os << "energies in " << unit.symbol << ": " << unit.meaning << "\n";
}

void write_outputs(const std::string& dir, const model::Accelerator& a, const workload::Network& net, const model::NetworkEvaluation& e,
                   const EvalOptions& o) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) throw core::InputError(core::SourceLoc{dir, 0, 0}, "--out", "cannot create the output directory: " + ec.message());
  // Write to temporary names first so a failure leaves nothing half-written.
  const fs::path base(dir);
  write_summary(base, a, e);
  write_breakdown(base, a, e);
  const bool scalesim = write_scalesim_report(base, e);
  {
    std::ofstream js(base / "stats.json.tmp");
    js << stats_json(a, net, e, o).dump(2) << "\n";
  }
  for (const char* f : {"summary.csv", "breakdown.csv", "stats.json"}) fs::rename(base / (std::string(f) + ".tmp"), base / f);
  if (scalesim) fs::rename(base / "scalesim_report.csv.tmp", base / "scalesim_report.csv");
}

}  // namespace hwaware::cli
