#include "cli/stats_json.h"

#include <algorithm>
#include <filesystem>

#include "models/area_estimators.h"

namespace hwaware::cli {
namespace {

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

// The crossbars as evaluated: the chip's effective crossbar count (a budget resolved), the ADC's
// bits (`auto` resolved) and how layers are copied.
nlohmann::ordered_json pim_spec_json(const arch::PimSpec& p) {
  nlohmann::ordered_json j;
  j["organization"] = p.organization;
  if (p.organization == "neurosim") {
    j["chip"] = "tiles, PEs and subarrays sized to hold the network by NeuroSim's floorplan (its area under 'area')";
    j["buffers"] = p.neurosim_buffers;  // the global and tile buffers; PE registers are flip-flops
  } else if (p.budget) {
    j["crossbars"] = p.crossbars();
    j["budget"] = nlohmann::ordered_json::object();
    if (p.budget->cells) j["budget"]["cells"] = *p.budget->cells;
    if (p.budget->area_um2) j["budget"]["area_um2"] = *p.budget->area_um2;
  } else {
    j["crossbars"] = p.crossbars();
    j["tiles"] = p.tiles;
    j["crossbars_per_tile"] = p.crossbars_per_tile;
  }
  j["rows"] = p.rows;
  j["cols"] = p.cols;
  j["rows_per_read"] = p.active_rows();
  j["cell"] = {{"device", p.cell.device}, {"bits", p.cell.bits}};
  j["weight_bits"] = p.weight_bits;
  j["input_bits"] = p.input_bits;
  j["dac_bits"] = p.dac_bits;
  j["adc"] = {{"bits", p.adc.bits},         {"bits_auto", p.adc.bits_auto},
              {"lossless", p.adc.lossless}, {"lossless_bits", p.lossless_adc_bits()},
              {"model", p.adc.model},       {"cols_per_adc", p.adc.cols_per_adc}};
  if (p.organization != "neurosim") j["duplicate"] = arch::to_string(p.duplicate);  // NeuroSim's floorplan copies layers itself
  j["pipeline"] = p.pipeline;
  return j;
}

// A level's Sparseloop features: each tensor's ranks (outermost first) and the action optimizations.
nlohmann::ordered_json level_sparsity_json(const arch::LevelSparsity& sp) {
  nlohmann::ordered_json j;
  j["formats"] = nlohmann::ordered_json::object();
  for (const auto& f : sp.formats) {
    j["formats"][f.tensor] = nlohmann::ordered_json::array();
    for (const auto& r : f.ranks) j["formats"][f.tensor].push_back(arch::to_string(r.format));
  }
  j["actions"] = nlohmann::ordered_json::array();
  for (const auto& a : sp.actions)
    for (const auto& o : a.options)
      j["actions"].push_back({{"type", arch::to_string(a.kind)}, {"target", o.target}, {"condition_on", o.condition_on}});
  j["metadata_word_bits"] = sp.metadata_word_bits ? nlohmann::json(*sp.metadata_word_bits) : nlohmann::json(nullptr);
  j["metadata_block_size"] = sp.metadata_block_size;
  return j;
}

// One tensor's Sparseloop counts at a level, per instance.
nlohmann::ordered_json sparse_tensor_json(const model::SparseTensorCounts& s) {
  auto split = [](const model::ActionSplit& a) {
    return nlohmann::ordered_json{{"actual", a.actual}, {"gated", a.gated}, {"skipped", a.skipped}};
  };
  auto ranks = [](const std::vector<model::FormatUnits>& v) {
    auto j = nlohmann::ordered_json::array();
    for (const auto& u : v) j.push_back({u.metadata, u.payload});
    return j;
  };
  auto format = [&](const model::FormatSplit& f) {
    return nlohmann::ordered_json{{"actual", ranks(f.actual)}, {"gated", ranks(f.gated)}, {"skipped", ranks(f.skipped)}};
  };
  return {{"compressed", s.compressed},
          {"reads", split(s.reads)},
          {"fills", split(s.fills)},
          {"updates", split(s.updates)},
          {"format_reads", format(s.format_reads)},
          {"format_fills", format(s.format_fills)},
          {"format_updates", format(s.format_updates)},
          {"format_per_tile", ranks(s.format_per_tile)},
          {"temporal_reductions", s.temporal_reductions},
          {"decompressions", s.decompressions},
          {"compressions", s.compressions}};
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
    if (!lvl.sparse.empty()) jl["sparse"] = level_sparsity_json(lvl.sparse);
    a["levels"].push_back(jl);
  }
  if (spec.pim) a["pim"] = pim_spec_json(*spec.pim);
  const auto& c = spec.compute;
  a["compute"] = {
      {"name", c.name},
      {"instances", c.instances},
      {"operand_bits", c.operand_bits},
      {"sparse",
       {{"gate_on_zero_operand", c.sparse.gate_on_zero_operand}, {"skip_on_not_aligned_operands", c.sparse.skip_on_not_aligned_operands}}}};
  // A Timeloop file's component attributes that no count or cycle depends on (Accelergy's).
  a["unused_attributes"] = spec.unused_attributes;
  return a;
}

// Per component: kind, plot class, instances, area per instance and in total, and its source.
nlohmann::ordered_json area_json(const arch::Spec& spec, const model::AreaReport& area) {
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
          {"bits_per_element", b.bits_per_element},
          {"read_bits_per_instance", b.read_bits},
          {"fill_bits_per_instance", b.fill_bits},
          {"update_bits_per_instance", b.update_bits},
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
    if (lvl.tensors[ds].kept) {
      jv["tensors"][tensors[ds]] = tensor_json(lvl.tensors[ds], lvl.bits[ds]);
      if (!lvl.sparse.empty()) jv["tensors"][tensors[ds]]["sparse"] = sparse_tensor_json(lvl.sparse[ds]);
    }
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
  nlohmann::ordered_json actions = nlohmann::ordered_json::object();
  for (const auto& a : p.actions) actions[a.component + "." + a.action] = a.count;
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
          {"input_bit_density", p.input_bit_density},
          {"read_pulses", p.pulses},
          {"conversions", p.conversions},
          {"rows_on", p.rows_on},
          {"weight_writes", p.weight_writes},
          {"weight_dram_reads", p.weight_reads},
          {"reprogrammed_cells", p.reprogrammed_cells},
          {"sensing_cycle_ns", p.cycle_ns},
          {"read_pulse_ns", p.pulse_ns},
          {"compute_ns", p.compute_ns},
          {"weight_write_ns", p.write_ns},
          {"actions", actions}};
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

nlohmann::ordered_json layer_json(const model::LayerEvaluation& l, const std::string& energy_key) {
  nlohmann::ordered_json jl;
  jl["name"] = l.name;
  jl["macs"] = l.macs;
  jl["cycles"] = l.counts.cycles;
  jl["compute_cycles"] = l.counts.compute_cycles;
  jl[energy_key] = l.energy.total_pj;
  jl["utilization"] = l.counts.utilization;
  const auto& c = l.counts.compute;
  jl["computes"] = {{"dense", l.counts.computes}, {"performed", c.performed},     {"gated", c.gated},
                    {"skipped", c.skipped},       {"weight_bits", c.weight_bits}, {"input_bits", c.input_bits}};
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

}  // namespace

ScaleSimCycles scalesim_cycles(const model::LayerEvaluation& l) {
  const auto& f = *l.counts.systolic;
  const long long total = l.simulated ? l.simulated->counts.cycles - (l.simulated->compute_cycles - f.compute_cycles) : l.counts.cycles;
  return {total, total - f.compute_cycles};
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
  if (a.spec.pim) {
    j["pim_weights_resident"] = e.weights_resident;
    j["pim_free_crossbars"] = e.pim_free_crossbars;
    if (e.pipelined)  // a layer's cycles are its stage's; an inference takes the slowest stage's
      j["pim_pipeline"] = {{"interval_cycles", e.cycles()}, {"fill_cycles", e.fill_cycles()}};
  }
  j["accelerator"] = accelerator_json(a.spec);
  j["area"] = area_json(a.spec, model::chip_area(a, e));
  j["network"] = net.name;
  if (!net.notes.empty()) j["workload_notes"] = net.notes;  // what an importer made no layer of (ONNX nodes)
  for (const auto& l : e.layers) j["layers"].push_back(layer_json(l, unit.column()));
  return j;
}

}  // namespace hwaware::cli
