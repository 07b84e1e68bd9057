#include "arch/timeloop_constraints.h"

#include <algorithm>
#include <cctype>

#include "core/text.h"
#include "core/units.h"

namespace hwaware::arch {
namespace {

std::string where(const core::SourceLoc& loc) { return loc.file + ":" + std::to_string(loc.line) + ":" + std::to_string(loc.column); }

// Factors, permutation and split of one loop constraint, from a map read by `m`.
LoopConstraint read_loop_fields(core::MapReader& m, const core::YamlView& v) {
  LoopConstraint c;
  c.loc = v.loc();
  if (auto f = m.get("factors")) {
    std::vector<std::string> tokens;
    if (f->is_seq()) {
      for (auto& item : f->items())
        for (auto& t : core::split_factors(item.scalar())) tokens.push_back(t);
    } else {
      tokens = core::split_factors(f->scalar());
    }
    for (const auto& tok : tokens) {
      auto [dim, number] = core::split_dim_factor(tok);
      auto n = core::parse_integer(number);
      // 0 is Timeloop's "whatever the other levels leave of the dimension": with exact factors (the
      // only ones hwaware's mapper takes) that is every factorization, as with no factor at all.
      if (!dim.empty() && n && *n == 0) continue;
      if (dim.empty() || !n || *n < 0) f->error("expected factors such as 'C=1' or 'M8', found '" + tok + "'");
      else c.factors.emplace_back(dim, *n);
    }
  }
  if (auto p = m.get("permutation")) {
    if (p->is_seq()) c.permutation = p->string_list();
    else
      for (char ch : p->scalar())
        if (!std::isspace(static_cast<unsigned char>(ch)) && ch != ',') c.permutation.emplace_back(1, ch);
  }
  if (auto sp = m.get("split")) {
    auto n = sp->as_int();
    if (n && *n < 0) sp->error("expected a non-negative split, found " + sp->found());
    else if (n) c.split = *n;
  }
  return c;
}

// keep/bypass lists onto a level; a tensor both kept and bypassed there is reported.
void read_keep_bypass(core::MapReader& m, const core::YamlView& v, StorageLevel& lvl) {
  if (auto k = m.get("keep"))
    for (auto& t : k->string_list()) lvl.keep.push_back(t);
  if (auto b = m.get("bypass"))
    for (auto& t : b->string_list()) lvl.bypass.push_back(t);
  for (const auto& t : lvl.keep)
    if (std::find(lvl.bypass.begin(), lvl.bypass.end(), t) != lvl.bypass.end()) {
      v.error("tensor '" + t + "' is both kept and bypassed at level '" + lvl.name + "'");
      break;
    }
}

void set_once(std::optional<LoopConstraint>& slot, LoopConstraint c, const core::YamlView& entry, const std::string& type,
              const std::string& level) {
  if (slot) {
    entry.error("a second " + type + " constraint for level '" + level + "' (the first is at " + where(slot->loc) + ")");
    return;
  }
  slot = std::move(c);
}

// One target of a constraint list: {target, type, ...}.
void read_target(const core::YamlView& entry, Spec& spec) {
  static const std::vector<std::string> types = {"temporal", "spatial", "dataspace", "bypass", "datatype"};
  core::MapReader e(entry);
  std::string target, type;
  if (auto t = e.required("target")) target = t->scalar();
  if (auto t = e.required("type")) type = t->scalar();
  const int l = spec.level_index(target);
  if (l < 0) {
    std::vector<std::string> names;
    for (const auto& lvl : spec.levels) names.push_back(lvl.name);
    if (!target.empty())
      entry.error("unknown level '" + target + "' (the architecture has " + core::join(names, ", ") + ")",
                  core::did_you_mean(target, names));
    e.finish({"factors", "permutation", "split", "keep", "bypass"});
    return;
  }
  StorageLevel& lvl = spec.levels[static_cast<std::size_t>(l)];
  if (type == "temporal" || type == "spatial") {
    LoopConstraint c = read_loop_fields(e, entry);
    set_once(type == "temporal" ? lvl.constraints.temporal : lvl.constraints.spatial, std::move(c), entry, type, lvl.name);
  } else if (type == "dataspace" || type == "bypass" || type == "datatype") {
    read_keep_bypass(e, entry, lvl);
  } else if (!type.empty()) {
    entry.error("expected type temporal, spatial or dataspace (bypass, datatype), found '" + type + "'", core::did_you_mean(type, types));
  }
  e.finish();
}

// A constraint section: `{version, targets: [...]}` or the list itself (`mapspace` may also name
// its template, the mapper's factorization: hwaware's mapper searches exact factors).
void read_section(const core::YamlView& section, const std::string& name, Spec& spec) {
  std::optional<core::YamlView> list;
  if (section.is_seq()) {
    list = section;
  } else if (section.is_map()) {
    core::MapReader m(section);
    m.get("version");
    list = m.get("targets");
    if (name == "mapspace") {
      if (!list) list = m.get("constraints");
      m.get("template");
    }
    m.finish();
  } else if (!section.is_null()) {
    section.error("expected a map with 'targets' or a list of targets, found " + section.found());
  }
  if (list && !list->is_null())
    for (auto& entry : list->items()) read_target(entry, spec);
}

}  // namespace

LoopConstraint read_loop_constraint(const core::YamlView& v) {
  core::MapReader m(v);
  LoopConstraint c = read_loop_fields(m, v);
  m.finish();
  return c;
}

void read_node_constraints(const core::YamlView& constraints, StorageLevel& lvl, bool container) {
  core::MapReader cons(constraints);
  if (!container) {
    if (auto ds = cons.get("dataspace")) {
      core::MapReader dsr(*ds);
      read_keep_bypass(dsr, *ds, lvl);
      dsr.finish();
    }
    if (auto t = cons.get("temporal")) lvl.constraints.temporal = read_loop_constraint(*t);
  }
  if (auto sp = cons.get("spatial")) lvl.constraints.spatial = read_loop_constraint(*sp);
  cons.finish();
}

void read_constraint_sections(core::MapReader& top, Spec& spec) {
  for (const char* name : {"architecture_constraints", "mapspace_constraints", "constraints", "mapspace"})
    if (auto s = top.get(name)) read_section(*s, name, spec);
}

}  // namespace hwaware::arch
