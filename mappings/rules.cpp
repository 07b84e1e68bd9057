#include "mappings/rules.h"

#include <algorithm>

#include "core/text.h"

namespace hwaware::mapping {
namespace {

const std::vector<std::string> kRoles = {"outermost", "array", "pe", "all"};
const std::vector<std::string> kTensors = {"Weights", "Inputs", "Outputs"};
const std::vector<std::string> kDims = {"G", "C", "M", "R", "S", "N", "P", "Q", "T"};

std::string where(const core::SourceLoc& loc) { return loc.file + ":" + std::to_string(loc.line) + ":" + std::to_string(loc.column); }

int first_array_level(const arch::Spec& spec) {
  for (std::size_t l = 0; l < spec.levels.size(); ++l)
    if (spec.fanout_below(static_cast<int>(l)) > 1) return static_cast<int>(l);
  return -1;
}

// Levels a target selects: a level name or a role.
std::vector<int> select(const arch::Spec& spec, const std::string& target) {
  std::vector<int> out;
  const int n = static_cast<int>(spec.levels.size());
  const int first = first_array_level(spec);
  for (int l = 0; l < n; ++l) {
    bool pick = target == "all" || (target == "outermost" && l == 0) || (target == "array" && spec.fanout_below(l) > 1) ||
                (target == "pe" && first >= 0 && l > first) || spec.levels[static_cast<std::size_t>(l)].name == target;
    if (pick) out.push_back(l);
  }
  return out;
}

bool contains(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

void check_names(core::DiagnosticSink& sink, const DataflowTarget& t, const std::vector<std::string>& names,
                 const std::vector<std::string>& known, const char* what) {
  for (const auto& n : names)
    if (!contains(known, n))
      sink.error(t.loc, "constraints.targets", std::string("unknown ") + what + " '" + n + "'", core::did_you_mean(n, known));
}

void check_target(core::DiagnosticSink& sink, const arch::Spec& spec, const DataflowTarget& t) {
  std::vector<std::string> level_names;
  for (const auto& l : spec.levels) level_names.push_back(l.name);
  auto levels = select(spec, t.target);
  if (levels.empty()) {
    if (contains(kRoles, t.target))
      sink.error(t.loc, "constraints.targets",
                 "role '" + t.target + "' selects no level of accelerator '" + spec.name + "'" +
                     (t.target == "outermost" ? "" : " (it has no spatial fan-out)"));
    else
      sink.error(t.loc, "constraints.targets",
                 "unknown target '" + t.target +
                     "' (expected a role: outermost, array, pe, all; or a level: " + core::join(level_names, ", ") + ")",
                 core::did_you_mean(t.target, level_names));
    return;
  }
  for (const auto* list : {&t.spatial_x, &t.spatial_y})
    if (*list) check_names(sink, t, **list, kDims, "dimension");
  if (t.temporal_allowed) check_names(sink, t, *t.temporal_allowed, kDims, "dimension");
  check_names(sink, t, t.innermost, kDims, "dimension");
  check_names(sink, t, t.keep, kTensors, "tensor");
  check_names(sink, t, t.bypass, kTensors, "tensor");
  for (int l : levels) {
    const auto& lvl = spec.levels[static_cast<std::size_t>(l)];
    if ((t.spatial_x || t.spatial_y) && spec.fanout_below(l) <= 1 && t.target == lvl.name)
      sink.error(t.loc, "constraints.targets", "spatial constraints on level '" + lvl.name + "', which has no spatial fan-out");
    for (const auto& k : t.keep)
      if (lvl.bypasses(k) || lvl.is_virtual())
        sink.error(t.loc, "constraints.targets",
                   "keeps '" + k + "' at level '" + lvl.name + "', but the accelerator " +
                       (lvl.is_virtual() ? "has no storage there" : "bypasses it there"));
    for (const auto& b : t.bypass)
      if (contains(lvl.keep, b) || (l == 0 && !lvl.is_virtual()))
        sink.error(t.loc, "constraints.targets",
                   "bypasses '" + b + "' at level '" + lvl.name + "', but the accelerator " +
                       (l == 0 ? "keeps every tensor in its outermost level" : "keeps it there"));
  }
}

LevelRules base_rules(const arch::Spec& spec, int l, const workload::Problem& pr) {
  const auto& lvl = spec.levels[static_cast<std::size_t>(l)];
  const std::size_t nd = pr.dim_names.size(), nds = pr.data_spaces.size();
  LevelRules r;
  r.temporal_allowed.assign(nd, !lvl.is_virtual());
  r.temporal_fixed.assign(nd, 0);
  r.x_allowed.assign(nd, spec.fanout_x_below(l) > 1);
  r.y_allowed.assign(nd, spec.fanout_y_below(l) > 1);
  r.x_fixed.assign(nd, 0);
  r.y_fixed.assign(nd, 0);
  r.temporal_source.assign(nd, lvl.is_virtual() ? "level '" + lvl.name + "' stores nothing, so it has no temporal loops" : "");
  r.spatial_source.assign(nd, "");
  r.keep.assign(nds, 0);
  for (std::size_t ds = 0; ds < nds; ++ds) {
    const auto& name = pr.data_spaces[ds].name;
    if (lvl.is_virtual() || lvl.bypasses(name)) r.keep[ds] = -1;
    else if (contains(lvl.keep, name) || l == 0) r.keep[ds] = 1;
  }
  return r;
}

// Timeloop constraints written with the level (v0.4 `constraints:` of components/containers).
void apply_timeloop(const arch::StorageLevel& lvl, const workload::Problem& pr, LevelRules& r) {
  if (const auto& t = lvl.constraints.temporal) {
    std::string src = "temporal constraint of level '" + lvl.name + "' at " + where(t->loc);
    for (const auto& [dim, f] : t->factors)
      if (int d = pr.dim_index(dim); d >= 0) {
        r.temporal_fixed[static_cast<std::size_t>(d)] = f;
        r.temporal_source[static_cast<std::size_t>(d)] = src;
      }
    for (const auto& dim : t->permutation)
      if (int d = pr.dim_index(dim); d >= 0) r.innermost.push_back(d);
  }
  if (const auto& s = lvl.constraints.spatial) {
    std::string src = "spatial constraint of level '" + lvl.name + "' at " + where(s->loc);
    std::vector<int> order;
    for (const auto& dim : s->permutation)
      if (int d = pr.dim_index(dim); d >= 0) order.push_back(d);
    r.spatial_innermost = order;
    const long long split = s->split.value_or(static_cast<long long>(order.size()));
    for (std::size_t d = 0; d < pr.dim_names.size(); ++d) {
      auto it = std::find(order.begin(), order.end(), static_cast<int>(d));
      long long pos = it == order.end() ? static_cast<long long>(order.size()) : it - order.begin();
      bool on_x = pos < split;
      (on_x ? r.y_allowed : r.x_allowed)[d] = false;
      r.spatial_source[d] = src;
    }
    for (const auto& [dim, f] : s->factors)
      if (int d = pr.dim_index(dim); d >= 0) {
        auto ud = static_cast<std::size_t>(d);
        if (f == 1) {
          r.x_allowed[ud] = r.y_allowed[ud] = false;
        } else {
          (r.x_allowed[ud] ? r.x_fixed : r.y_fixed)[ud] = f;
        }
      }
  }
}

void apply_target(const DataflowTarget& t, const workload::Problem& pr, LevelRules& r) {
  std::string src = "dataflow constraint at " + where(t.loc);
  auto restrict = [&](const std::optional<std::vector<std::string>>& list, std::vector<bool>& allowed, std::vector<std::string>& sources) {
    if (!list) return;
    for (std::size_t d = 0; d < pr.dim_names.size(); ++d)
      if (!contains(*list, pr.dim_names[d]) && allowed[d]) {
        allowed[d] = false;
        sources[d] = src;
      }
  };
  restrict(t.spatial_x, r.x_allowed, r.spatial_source);
  restrict(t.spatial_y, r.y_allowed, r.spatial_source);
  restrict(t.temporal_allowed, r.temporal_allowed, r.temporal_source);
  for (const auto& [dim, f] : t.temporal_factors)
    if (int d = pr.dim_index(dim); d >= 0) {
      r.temporal_fixed[static_cast<std::size_t>(d)] = f;
      r.temporal_source[static_cast<std::size_t>(d)] = src;
    }
  if (!t.innermost.empty()) {
    r.innermost.clear();
    for (const auto& dim : t.innermost)
      if (int d = pr.dim_index(dim); d >= 0) r.innermost.push_back(d);
  }
  for (std::size_t ds = 0; ds < pr.data_spaces.size(); ++ds) {
    if (contains(t.keep, pr.data_spaces[ds].name)) r.keep[ds] = 1;
    if (contains(t.bypass, pr.data_spaces[ds].name)) r.keep[ds] = -1;
  }
}

}  // namespace

void check_dataflow(const arch::Spec& spec, const Dataflow& dataflow) {
  core::DiagnosticSink sink;
  for (const auto& t : dataflow.targets) check_target(sink, spec, t);
  sink.throw_if_any();
}

void check_parallel_groups(const arch::Spec& spec, const workload::Problem& pr) {
  core::DiagnosticSink sink;
  for (const auto& g : spec.parallel_groups)
    for (const auto& ds : pr.data_spaces) {
      if (g.reaching && !contains(*g.reaching, ds.name)) continue;
      if (std::none_of(g.branch_keeps.begin(), g.branch_keeps.end(), [&](const auto& keeps) { return contains(keeps, ds.name); }))
        sink.error(g.loc, "!Parallel",
                   "tensor '" + ds.name + "' of layer '" + pr.name +
                       "' reaches this !Parallel node but none of its branches keeps it (Timeloop's front end sends each tensor down "
                       "the one branch that keeps it; add a keep constraint for it in one branch, or a branch that only keeps it)");
    }
  sink.throw_if_any();
}

Rules resolve_rules(const arch::Spec& spec, const workload::Problem& pr, const Dataflow* dataflow) {
  check_parallel_groups(spec, pr);
  Rules rules;
  for (int l = 0; l < static_cast<int>(spec.levels.size()); ++l) {
    LevelRules r = base_rules(spec, l, pr);
    apply_timeloop(spec.levels[static_cast<std::size_t>(l)], pr, r);
    rules.levels.push_back(std::move(r));
  }
  if (dataflow)
    for (const auto& t : dataflow->targets)
      for (int l : select(spec, t.target)) apply_target(t, pr, rules.levels[static_cast<std::size_t>(l)]);
  return rules;
}

}  // namespace hwaware::mapping
