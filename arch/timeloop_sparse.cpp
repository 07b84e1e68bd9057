#include "arch/timeloop_sparse.h"

#include <algorithm>
#include <map>
#include <utility>

#include "core/text.h"

namespace hwaware::arch {
namespace {

std::string where(const core::SourceLoc& loc) { return loc.file + ":" + std::to_string(loc.line) + ":" + std::to_string(loc.column); }

std::string hyphenated(std::string s) {
  std::replace(s.begin(), s.end(), '_', '-');
  return s;
}

// A key Timeloop reads under its underscore spelling and, through hyphens-to-underscores, its
// hyphenated one; both at once would be one key given twice.
std::optional<core::YamlView> get_key(core::MapReader& m, const std::string& key) {
  const std::string hy = hyphenated(key);
  auto u = m.get(key);
  auto h = m.get(hy);
  if (u && h) h->error("'" + hy + "' is '" + key + "' as Timeloop reads it (hyphens become underscores); give it once");
  return u ? u : h;
}

std::optional<core::YamlView> required_key(core::MapReader& m, const std::string& key) {
  auto v = get_key(m, key);
  if (!v && m.ok()) m.view().error("missing required key '" + key + "'");
  return v;
}

// A value of Timeloop's hyphens-to-underscores list, as Timeloop reads it.
std::string underscored(std::string s) {
  std::replace(s.begin(), s.end(), '-', '_');
  return s;
}

// `flattened_rankIDs: [[R, S, P]]`: the dimensions one rank flattens (Timeloop reads a list of
// lists of names; hwaware models one flattening per rank).
std::vector<std::string> read_flattened(const core::YamlView& v) {
  std::vector<std::string> dims;
  if (!v.is_seq()) {
    v.error("expected a list of one list of dimension names, such as [[R, S, P]], found " + v.found());
    return dims;
  }
  const auto lists = v.items();
  for (const auto& l : lists)
    if (!l.is_seq()) {
      l.error("expected a list of dimension names inside the list, such as [[R, S, P]], found " + l.found());
      return dims;
    }
  if (lists.empty()) return dims;
  if (lists.size() > 1)
    lists[1].error("a rank flattens one list of dimensions; found " + std::to_string(lists.size()) +
                   " lists (several flattenings of one rank are not modelled)");
  const auto& list = lists[0];
  if (list.node().size() == 0) list.error("expected at least one dimension name, found an empty list");
  for (auto& d : list.items()) {
    if (!d.is_scalar() || d.scalar().empty()) d.error("expected a dimension name, found " + d.found());
    else dims.push_back(d.scalar());
  }
  return dims;
}

std::optional<int> read_word_bits(core::MapReader& m, const std::string& key) {
  auto v = get_key(m, key);
  if (!v) return std::nullopt;
  auto n = v->as_int();
  if (n && *n < 0) v->error("expected a non-negative number of bits, found " + v->found());
  if (!n || *n < 0) return std::nullopt;
  return static_cast<int>(*n);
}

RankSpec read_rank(const core::YamlView& v) {
  core::MapReader m(v);
  RankSpec r;
  r.loc = v.loc();
  if (auto f = m.required("format")) {
    const auto name = f->as_string().value_or("");
    if (auto fmt = rank_format_named(name)) r.format = *fmt;
    else if (f->is_scalar())
      f->error("expected a rank format (" + core::join(rank_format_names(), ", ") + "), found '" + name + "'",
               core::did_you_mean(name, rank_format_names()));
  }
  if (auto fl = get_key(m, "flattened_rankIDs")) r.flattened = read_flattened(*fl);
  r.metadata_word_bits = read_word_bits(m, "metadata_word_bits");
  r.payload_word_bits = read_word_bits(m, "payload_word_bits");
  m.finish();
  return r;
}

// One entry of `data_spaces`: {name, ranks, rank_application_order, compression_rate}.
void read_data_space(const core::YamlView& v, LevelSparsity& sparse) {
  core::MapReader m(v);
  TensorFormat f;
  f.loc = v.loc();
  if (auto n = m.required("name")) f.tensor = n->as_string().value_or("");
  if (auto order = get_key(m, "rank_application_order")) {
    const auto s = underscored(order->scalar());
    if (s == "inner_to_outer")
      order->error("rank_application_order: inner_to_outer is read by Timeloop but not modelled: hwaware applies the ranks outer to inner");
    else if (s != "outer_to_inner")
      order->error("expected outer_to_inner or inner_to_outer, found " + order->found(),
                   core::did_you_mean(s, {"outer_to_inner", "inner_to_outer"}));
  }
  if (auto rate = get_key(m, "compression_rate"))
    rate->error("'compression_rate' is read by Timeloop but not modelled by hwaware (the density of the tensor gives its compression)");
  auto ranks = m.required("ranks");
  m.finish();
  if (!ranks) return;
  if (!ranks->is_seq()) {
    ranks->error("expected a list of ranks, outermost first, such as [{format: UOP}, {format: CP}], found " + ranks->found());
    return;
  }
  if (ranks->node().size() == 0) {
    ranks->error("expected at least one rank (outermost first), found an empty list");
    return;
  }
  for (auto& r : ranks->items()) f.ranks.push_back(read_rank(r));
  if (!f.tensor.empty()) sparse.formats.push_back(f);
}

void read_representation(const core::YamlView& v, LevelSparsity& sparse) {
  core::MapReader m(v);
  auto ds = get_key(m, "data_spaces");
  m.finish();
  if (ds && !ds->is_null())
    for (auto& d : ds->items()) read_data_space(d, sparse);
}

// {target, condition_on}: one option (its map is read by `m`).
SafOption read_option(core::MapReader& m, const core::YamlView& v) {
  SafOption o;
  o.loc = v.loc();
  if (auto t = m.required("target")) o.target = t->as_string().value_or("");
  if (auto c = required_key(m, "condition_on")) o.condition_on = c->string_list();
  return o;
}

std::optional<SafKind> saf_kind_of(const core::YamlView& v) {
  // gating, skipping, the front end's spatial_skipping and the parser's skipping_spatial.
  static const std::vector<std::string> names = {"gating", "skipping", "spatial_skipping", "skipping_spatial"};
  const auto s = v.as_string().value_or("");
  if (underscored(s) == "skipping_spatial") return SafKind::spatial_skipping;
  if (auto k = saf_kind_named(s)) return k;
  if (v.is_scalar())
    v.error("expected an action optimization type (gating, skipping or spatial_skipping), found " + v.found(),
            core::did_you_mean(s, names));
  return std::nullopt;
}

// One entry of `action_optimization`: {type, options: [{target, condition_on}, ...]} (alternatives),
// or {type, target, condition_on} (one fixed option).
void read_action(const core::YamlView& v, LevelSparsity& sparse) {
  core::MapReader m(v);
  ActionOptimization a;
  a.loc = v.loc();
  std::optional<SafKind> kind;
  if (auto t = m.required("type")) kind = saf_kind_of(*t);
  if (auto opts = m.get("options")) {
    if (m.has("target") || m.has("condition_on") || m.has("condition-on")) {
      v.error("give either 'options' or one 'target' with its 'condition_on', not both");
      m.get("target");
      get_key(m, "condition_on");
    }
    for (auto& o : opts->items()) {
      core::MapReader om(o);
      a.options.push_back(read_option(om, o));
      om.finish();
    }
  } else if (m.ok()) {
    a.options.push_back(read_option(m, v));
  }
  m.finish();
  if (kind) {
    a.kind = *kind;
    sparse.actions.push_back(a);
  }
}

// `compute_optimization`: a list of {type} (the parser) or one {type} (the front end's schema).
void read_compute_optimization(const core::YamlView& v, ComputeSparsity& c) {
  static const std::vector<std::string> names = {"gating", "skipping", "gate_on_zero_operand", "skip_on_not_aligned_operands"};
  c.loc = v.loc();
  std::vector<core::YamlView> entries;
  if (v.is_seq()) entries = v.items();
  else if (v.is_map()) entries.push_back(v);
  else v.error("expected a list of {type: gating | skipping}, found " + v.found());
  for (auto& e : entries) {
    core::MapReader m(e);
    if (auto t = m.required("type")) {
      const auto s = t->as_string().value_or("");
      const auto u = underscored(s);
      if (s == "gating" || u == "gate_on_zero_operand") c.gate_on_zero_operand = true;
      else if (s == "skipping" || s == "skip_on_not_aligned_operands") c.skip_on_not_aligned_operands = true;
      else if (t->is_scalar())
        t->error("expected a compute optimization type (gating or skipping), found " + t->found(), core::did_you_mean(s, names));
    }
    m.finish();
  }
}

// The optimizations of one target, read by `m`, onto the level or compute unit called `name`.
void read_group(core::MapReader& m, const core::YamlView& entry, const std::string& name, const core::YamlView& name_view, Spec& spec) {
  auto rf = get_key(m, "representation_format");
  auto ao = get_key(m, "action_optimization");
  auto co = get_key(m, "compute_optimization");
  const int l = spec.level_index(name);
  if (l < 0 && name == spec.compute.name) {
    for (const auto& [key, v] : {std::make_pair("representation_format", rf), std::make_pair("action_optimization", ao)})
      if (v)
        v->error(std::string(key) + " at the arithmetic unit '" + name +
                 "': only a storage level stores and moves tensors (Timeloop looks the name up among the storage levels)");
    if (co) read_compute_optimization(*co, spec.compute.sparse);
    return;
  }
  if (l < 0) {
    std::vector<std::string> names;
    for (const auto& lvl : spec.levels) names.push_back(lvl.name);
    names.push_back(spec.compute.name);
    name_view.error(
        "expected the name of a storage level or of the arithmetic unit (" + core::join(names, ", ") + "), found '" + name + "'",
        core::did_you_mean(name, names));
    return;
  }
  StorageLevel& lvl = spec.levels[static_cast<std::size_t>(l)];
  if (lvl.sparse.loc.line == 0) lvl.sparse.loc = entry.loc();
  if (co)
    co->error("compute_optimization applies to the arithmetic unit ('" + spec.compute.name + "'); '" + name +
              "' is a storage level (its zeros are gated or skipped by action_optimization)");
  if (rf) read_representation(*rf, lvl.sparse);
  if (ao && !ao->is_null())
    for (auto& a : ao->items()) read_action(a, lvl.sparse);
}

}  // namespace

void read_sparse_optimizations(const core::YamlView& section, Spec& spec) {
  if (section.is_null()) return;
  core::MapReader m(section);
  m.get("version");
  auto targets = m.get("targets");
  m.finish();
  if (!targets || targets->is_null()) return;
  std::map<std::string, core::SourceLoc> seen;
  for (auto& entry : targets->items()) {
    core::MapReader e(entry);
    auto n = e.get("name");
    auto t = e.get("target");  // the front end's spelling of `name`
    if (n && t) t->error("give the level in 'name' (Timeloop) or in 'target' (its v0.4 front end), not in both");
    auto nv = n ? n : t;
    if (!nv && e.ok()) entry.error("missing required key 'name' (the storage level or arithmetic unit optimized)");
    const auto name = nv ? nv->as_string() : std::nullopt;
    if (name && seen.count(*name))
      nv->error("a second target for '" + *name + "' (the first is at " + where(seen[*name]) +
                "); give each level once: Timeloop keeps only the last one's formats");
    else if (name) {
      seen[*name] = nv->loc();
      read_group(e, entry, *name, *nv, spec);
    }
    e.finish({"representation_format", "representation-format", "action_optimization", "action-optimization", "compute_optimization",
              "compute-optimization"});
  }
}

void read_node_sparse_optimizations(const core::YamlView& group, const std::string& name, Spec& spec) {
  if (group.is_null()) return;
  core::MapReader m(group);
  if (auto t = m.get("target"))
    if (auto s = t->as_string(); s && *s != name)
      t->error("a component's own sparse_optimizations applies to the component ('" + name + "'), found target '" + *s + "'");
  read_group(m, group, name, group, spec);
  m.finish();
}

}  // namespace hwaware::arch
