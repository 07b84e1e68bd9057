#include "arch/native_arch.h"

#include "arch/fanout.h"

#include "arch/native_pim.h"
#include "arch/native_sparse.h"
#include "arch/sparse_checks.h"

#include <algorithm>
#include <cmath>

#include "core/csv_writer.h"
#include "core/text.h"
#include "core/units.h"

namespace hwaware::arch {
namespace {

const std::vector<std::string> kTensors = {"Weights", "Inputs", "Outputs"};
const std::vector<std::string> kTechnologies = {"dram", "sram", "regfile"};
const std::vector<std::string> kEnergyModels = {"eyeriss-normalized"};

// Fan-out accumulated from the `spatial` entries of the levels above.
struct LevelFanout : Fanout {
  core::SourceLoc loc;  // of the innermost `spatial` (where the instances below are decided)
};

// A list of tensor names, each checked against Weights/Inputs/Outputs.
std::vector<std::string> tensor_list(const core::YamlView& v) {
  std::vector<std::string> out;
  if (v.is_null()) return out;
  if (!v.is_seq()) {
    v.error("expected a list of tensor names (Weights, Inputs, Outputs), found " + v.found());
    return out;
  }
  for (auto& item : v.items()) {
    auto s = item.as_string();
    if (!s) continue;
    if (std::find(kTensors.begin(), kTensors.end(), *s) == kTensors.end()) {
      item.error("expected a tensor name (Weights, Inputs or Outputs), found '" + *s + "'", core::did_you_mean(*s, kTensors));
      continue;
    }
    out.push_back(*s);
  }
  return out;
}

// `energy: {read: 2pJ, ...}`: explicit energies in pJ per vector access (or per cycle for leak).
void read_energy(const core::YamlView& v, const std::vector<std::string>& actions, EnergySpec& e) {
  core::MapReader m(v);
  for (const auto& a : actions) {
    auto av = m.get(a);
    if (!av) continue;
    auto pj = av->as_quantity(core::UnitKind::energy_pj);
    if (pj && *pj < 0) av->error("expected a non-negative energy, found " + av->found());
    else if (pj) e.explicit_pj[a] = *pj;
  }
  m.finish();
}

// `area: 1200um2`: written area of one instance (overrides the area estimator).
void read_area(const core::YamlView& v, EnergySpec& e) {
  auto a = v.as_quantity(core::UnitKind::area_um2);
  if (a && *a < 0) v.error("expected a non-negative area, found " + v.found());
  else if (a) e.area_um2 = *a;
}

// Keys of earlier versions whose meaning Sparseloop's features now carry: an error that says how
// to write them now.
void replaced_key(const core::YamlView& v, const std::string& key, const std::string& now) {
  v.error("'" + key + "' is replaced by Sparseloop's features: " + now + " (docs/formats.md, *Sparse formats, gating and skipping*)");
}

// `tensor_bits: {weights: 8, inputs: 8, outputs: 16}`: bits per element, overriding the workload.
void read_tensor_bits(const core::YamlView& v, Spec& spec) {
  core::MapReader m(v);
  for (const auto& tensor : kTensors) {
    std::string key = tensor;
    key[0] = static_cast<char>(key[0] - 'A' + 'a');
    if (auto b = m.get(key))
      if (auto n = b->as_positive_int32()) spec.tensor_bits[tensor] = *n;
  }
  m.finish();
}

std::optional<Technology> technology_of(const core::YamlView& v) {
  auto s = v.as_string();
  if (!s) return std::nullopt;
  if (*s == "dram") return Technology::dram;
  if (*s == "sram") return Technology::sram;
  if (*s == "regfile") return Technology::regfile;
  v.error("expected a technology (dram, sram or regfile), found '" + *s + "'", core::did_you_mean(*s, kTechnologies));
  return std::nullopt;
}

// `size:` (with a unit) or `depth:` (entries); a level gets exactly one of them (DRAM may omit both).
void read_capacity(core::MapReader& m, const core::YamlView& level, bool technology_known, StorageLevel& lvl) {
  auto size = m.get("size");
  auto depth = m.get("depth");
  if (size && depth) {
    level.error("level '" + lvl.name + "' gives both 'size' and 'depth'; give one of them");
    return;
  }
  if (depth) {
    if (auto d = depth->as_positive_int()) lvl.depth = *d;
  } else if (size) {
    auto bits = size->as_positive_quantity(core::UnitKind::size_bits);
    if (!bits) return;
    double entry_bits = static_cast<double>(lvl.word_bits) * static_cast<double>(lvl.block_size);
    auto entries = static_cast<long long>(std::floor(*bits / entry_bits));
    if (entries < 1)
      size->error("a size of " + size->scalar() + " holds no entry of " + std::to_string(lvl.word_bits) + " bits x " +
                  std::to_string(lvl.block_size) + " words");
    else lvl.depth = entries;
  } else if (technology_known && lvl.technology != Technology::dram) {
    level.error("level '" + lvl.name + "' needs a capacity: give 'size' (such as 108KiB) or 'depth' (entries)");
  }
}

// `spatial: {x: 14, y: 12}`: fan-out below this level. The instances it makes must fit 64 bits
// (false, reported, when they do not).
bool read_spatial(const core::YamlView& v, LevelFanout& f) {
  core::MapReader m(v);
  long long x = 1, y = 1;
  if (auto xv = m.get("x")) x = xv->as_positive_int().value_or(1);
  if (auto yv = m.get("y")) y = yv->as_positive_int().value_or(1);
  m.finish();
  if (!f.grow(x, y, v)) return false;
  f.loc = v.loc();
  return true;
}

void read_keep_bypass(core::MapReader& m, StorageLevel& lvl) {
  std::optional<core::YamlView> bypass_view;
  if (auto k = m.get("keep")) lvl.keep = tensor_list(*k);
  if (auto b = m.get("bypass")) {
    lvl.bypass = tensor_list(*b);
    bypass_view = b;
  }
  for (const auto& t : lvl.bypass)
    if (std::find(lvl.keep.begin(), lvl.keep.end(), t) != lvl.keep.end())
      bypass_view->error("tensor '" + t + "' is listed in both 'keep' and 'bypass' of level '" + lvl.name + "'");
}

// `network: {name: ..., hop_length: 0.2mm, energy: {transfer: 2pJ, hop: 0.1pJ}}`: the network
// between a level and its spatial children.
void read_network(const core::YamlView& v, bool priced_by_model, StorageLevel& lvl) {
  core::MapReader m(v);
  lvl.network.declared = true;
  lvl.network.loc = v.loc();
  if (auto n = m.get("name")) lvl.network.name = n->as_string().value_or("");
  if (auto h = m.get("hop_length")) lvl.network.hop_length_nm = h->as_positive_quantity(core::UnitKind::length_nm);
  if (auto e = m.get("energy")) read_energy(*e, {"transfer", "hop"}, lvl.network.energy);
  if (auto a = m.get("area")) read_area(*a, lvl.network.energy);
  if (!priced_by_model && !lvl.network.hop_length_nm && lvl.network.energy.explicit_pj.empty())
    v.error("the network of level '" + lvl.name +
            "' has no cost: give 'hop_length' (such as 0.2mm, for the wire estimator) or 'energy: {transfer: .., hop: ..}'");
  m.finish();
}

StorageLevel read_level(const core::YamlView& v, bool priced_by_model, LevelFanout& fanout) {
  core::MapReader m(v);
  StorageLevel lvl;
  lvl.loc = v.loc();
  lvl.instances = fanout.instances;
  lvl.mesh_x = fanout.mesh_x;
  lvl.mesh_y = fanout.mesh_y;
  if (fanout.instances > 1) lvl.field_locs.set("instances", fanout.loc);
  if (auto n = m.required("name")) lvl.name = n->as_string().value_or("");
  bool technology_known = false;
  if (auto t = m.required("technology"))
    if (auto tech = technology_of(*t)) {
      lvl.technology = *tech;
      technology_known = true;
    }
  if (auto w = m.get("word_bits")) lvl.word_bits = w->as_positive_int32().value_or(lvl.word_bits);
  if (auto b = m.get("block_size")) lvl.block_size = b->as_positive_int().value_or(1);
  read_capacity(m, v, technology_known, lvl);
  if (auto d = m.get("dram_type")) {
    if (lvl.technology != Technology::dram)
      d->error("'dram_type' applies to a DRAM level only; level '" + lvl.name + "' is " + to_string(lvl.technology));
    else lvl.energy.dram_type = d->as_string().value_or("");
  }
  if (auto r = m.get("read_bandwidth")) lvl.read_bandwidth = r->as_positive_quantity(core::UnitKind::words_per_cycle);
  if (auto w = m.get("write_bandwidth")) lvl.write_bandwidth = w->as_positive_quantity(core::UnitKind::words_per_cycle);
  if (auto l = m.get("latency")) {
    if (auto q = l->as_quantity(core::UnitKind::cycles)) {
      if (*q < 0 || *q != static_cast<double>(static_cast<long long>(*q)))
        l->error("expected a whole, non-negative number of cycles such as 100cycles, found '" + l->scalar() + "'");
      else lvl.latency_cycles = static_cast<long long>(*q);
    }
  }
  if (auto ports = m.get("ports")) {
    if (auto n = ports->as_positive_int()) {
      if (*n > 2)
        ports->error("expected 1 (reads and writes share one port) or 2 (a read and a write port), found '" + ports->scalar() + "'");
      else lvl.ports = static_cast<int>(*n);
    }
  }
  read_keep_bypass(m, lvl);
  if (auto e = m.get("energy")) {
    // Accelergy's names for a sparse level's actions (priced 0 when not given, as in Timeloop,
    // but for the metadata actions, which the built-in estimators derive from read and write).
    read_energy(*e,
                {"read", "write", "update", "leak", "gated_read", "gated_write", "gated_update", "skipped_read", "skipped_write",
                 "skipped_update", "metadata_read", "metadata_write", "metadata_update", "decompression_count", "compression_count"},
                lvl.energy);
  }
  if (auto a = m.get("area")) read_area(*a, lvl.energy);
  if (auto c = m.get("compression"))
    replaced_key(*c, "compression", "write the tensor's format, e.g. 'sparse: {formats: {Weights: [{format: B, flattened: all}]}}'");
  if (auto r = m.get("run_bits"))
    replaced_key(*r, "run_bits", "a run-length rank's 'metadata_word_bits', or 'sparse: {metadata: {word_bits: 4}}'");
  if (auto sp = m.get("sparse")) read_native_level_sparse(*sp, lvl);
  long long before = fanout.instances;
  bool spatial_ok = true;
  if (auto s = m.get("spatial")) spatial_ok = read_spatial(*s, fanout);
  if (auto n = m.get("network"); n && spatial_ok) {  // after a bad fan-out, its own error says what is wrong
    if (fanout.instances == before)
      n->error("a network connects a level to its spatial children, but level '" + lvl.name +
               "' has no 'spatial' fan-out (give 'spatial: {x: X, y: Y}' or remove 'network')");
    else read_network(*n, priced_by_model, lvl);
  }
  m.finish();
  m.record_locs(lvl.field_locs);
  if (auto s = m.get("size")) lvl.field_locs.set("depth", s->loc());
  return lvl;
}

ComputeUnit read_compute(const core::YamlView& v, const LevelFanout& fanout) {
  core::MapReader m(v);
  ComputeUnit c;
  c.loc = v.loc();
  c.instances = fanout.instances;
  c.mesh_x = fanout.mesh_x;
  c.mesh_y = fanout.mesh_y;
  if (fanout.instances > 1) c.field_locs.set("instances", fanout.loc);
  if (auto n = m.get("name")) c.name = n->as_string().value_or(c.name);
  if (auto b = m.get("operand_bits")) c.operand_bits = b->as_positive_int32().value_or(c.operand_bits);
  if (auto e = m.get("energy")) read_energy(*e, {"compute", "leak", "gated_compute", "skipped_compute"}, c.energy);
  if (auto a = m.get("area")) read_area(*a, c.energy);
  if (auto z = m.get("zero_operands"))
    replaced_key(
        *z, "zero_operands",
        "'sparse: {gating: true}' gates a MAC with a zero operand, 'sparse: {skipping: true}' skips one whose operand is not stored");
  if (auto sp = m.get("sparse")) read_native_compute_sparse(*sp, c);
  m.finish();
  m.record_locs(c.field_locs);
  return c;
}

void read_levels(const core::YamlView& levels, LevelFanout& fanout, Spec& spec) {
  if (!levels.is_seq()) {
    levels.error("expected a list of storage levels (outermost first), found " + levels.found());
    return;
  }
  if (levels.node().size() == 0) levels.error("expected at least one storage level, found an empty list");
  for (auto& item : levels.items()) {
    StorageLevel lvl = read_level(item, !spec.energy_model.empty(), fanout);
    if (!lvl.name.empty() && spec.level_index(lvl.name) >= 0) {
      item.error("duplicate level name '" + lvl.name + "' (level names must be unique)");
      continue;
    }
    spec.levels.push_back(lvl);
  }
}

// `systolic: {rows: 128, cols: 128, dataflow: ws}`: the compute array is a systolic array.
void read_systolic(const core::YamlView& v, Spec& spec) {
  core::MapReader m(v);
  if (!v.is_map()) {
    v.error("expected a map such as {rows: 128, cols: 128, dataflow: ws}, found " + v.found());
    return;
  }
  SystolicSpec s;
  s.loc = v.loc();
  if (auto r = m.required("rows")) s.rows = r->as_positive_int().value_or(0);
  if (auto c = m.required("cols")) s.cols = c->as_positive_int().value_or(0);
  if (auto d = m.required("dataflow")) {
    const auto name = d->as_string().value_or("");
    if (auto df = systolic_dataflow_from(name)) s.dataflow = *df;
    else d->error("expected a systolic dataflow (os, ws or is), found '" + name + "'", core::did_you_mean(name, {"os", "ws", "is"}));
  }
  m.finish();
  spec.systolic = s;
}

void read_globals(core::MapReader& m, Spec& spec) {
  if (auto n = m.get("name")) spec.name = n->as_string().value_or("");
  if (auto c = m.get("clock")) spec.clock_hz = c->as_positive_quantity(core::UnitKind::frequency_hz).value_or(spec.clock_hz);
  if (auto t = m.get("technology")) spec.technology_nm = t->as_positive_quantity(core::UnitKind::length_nm).value_or(spec.technology_nm);
  if (auto e = m.get("energy_model")) {
    auto s = e->as_string().value_or("");
    if (std::find(kEnergyModels.begin(), kEnergyModels.end(), s) == kEnergyModels.end())
      e->error("expected an energy model (eyeriss-normalized) or no 'energy_model' key, found '" + s + "'",
               core::did_you_mean(s, kEnergyModels));
    else spec.energy_model = s;
  }
  if (auto d = m.get("dataflow")) {
    spec.dataflow = d->as_string().value_or("");
    spec.dataflow_loc = d->loc();
  }
  if (auto b = m.get("tensor_bits")) read_tensor_bits(*b, spec);
  if (auto s = m.get("systolic")) read_systolic(*s, spec);
  if (auto p = m.get("pim")) {
    read_pim(*p, spec);
    if (spec.pim && !pim_node_modelled(spec.technology_nm)) {
      auto t = m.get("technology");
      (t ? *t : *p)
          .error("expected a technology node PIM circuits are modelled at (" + pim_node_list() + "), found " +
                 core::format_number(spec.technology_nm) + "nm");
    }
  }
}

}  // namespace

Spec read_native_arch(const core::YamlView& accelerator) {
  Spec spec;
  spec.loc = accelerator.loc();
  core::MapReader m(accelerator);
  if (!accelerator.is_map()) {
    if (accelerator.is_null()) accelerator.error("expected a map describing the accelerator, found nothing");
    return spec;
  }
  read_globals(m, spec);
  m.record_locs(spec.field_locs);
  LevelFanout fanout;
  if (auto levels = m.required("levels")) read_levels(*levels, fanout, spec);
  // PIM crossbars compute in place: a `compute` unit is optional then.
  if (auto c = spec.pim ? m.get("compute") : m.required("compute")) spec.compute = read_compute(*c, fanout);
  m.finish();
  check_sparse_features(spec, accelerator.sink());
  if (spec.systolic && spec.systolic->rows > 0 && spec.systolic->cols > 0 &&
      (spec.compute.mesh_y != spec.systolic->rows || spec.compute.mesh_x != spec.systolic->cols))
    m.get("systolic")
        ->error("a systolic array of " + std::to_string(spec.systolic->rows) + " rows x " + std::to_string(spec.systolic->cols) +
                " cols needs 'spatial: {x: " + std::to_string(spec.systolic->cols) + ", y: " + std::to_string(spec.systolic->rows) +
                "}' above the compute unit; the levels give " + std::to_string(spec.compute.mesh_x) + " x " +
                std::to_string(spec.compute.mesh_y));
  return spec;
}

}  // namespace hwaware::arch
