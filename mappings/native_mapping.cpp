#include "mappings/native_mapping.h"

#include <algorithm>
#include <map>

#include "core/text.h"

namespace hwaware::mapping {
namespace {

int dim_of(const core::YamlView& where, const std::string& name, const workload::Problem& pr) {
  int d = pr.dim_index(name);
  if (d < 0)
    where.error("unknown dimension '" + name + "' (the problem has " + core::join(pr.dim_names, ", ") + ")",
                core::did_you_mean(name, pr.dim_names));
  return d;
}

// `{M: 4, P: 8}` in file order (outermost first); bounds of 1 are dropped.
std::vector<Loop> read_factor_loops(const core::YamlView& v, const workload::Problem& pr, LoopKind kind) {
  std::vector<Loop> out;
  core::MapReader m(v);
  for (auto& [name, val] : m.entries()) {
    int d = dim_of(val, name, pr);
    auto n = val.as_positive_int();
    if (d < 0 || !n) continue;
    if (std::any_of(out.begin(), out.end(), [&](const Loop& l) { return l.dim == d; })) continue;
    if (*n > 1) out.push_back({d, *n, kind});
  }
  return out;
}

// `temporal: {factors: {...}, order: [...]}`: loops outermost first; unlisted dims follow in problem order.
std::vector<Loop> read_temporal(const core::YamlView& v, const workload::Problem& pr) {
  core::MapReader m(v);
  std::map<int, long long> factors;
  if (auto f = m.get("factors"))
    for (const auto& lp : read_factor_loops(*f, pr, LoopKind::temporal)) factors[lp.dim] = lp.bound;
  std::vector<int> order;
  if (auto o = m.get("order")) {
    if (!o->is_seq()) o->error("expected a list of dimension names (outermost first), found " + o->found());
    else
      for (auto& item : o->items()) {
        auto s = item.as_string();
        if (!s) continue;
        int d = dim_of(item, *s, pr);
        if (d < 0) continue;
        if (std::find(order.begin(), order.end(), d) != order.end()) item.error("dimension '" + *s + "' appears twice in 'order'");
        else order.push_back(d);
      }
  }
  m.finish();
  for (int d = 0; d < static_cast<int>(pr.dim_names.size()); ++d)
    if (std::find(order.begin(), order.end(), d) == order.end()) order.push_back(d);
  std::vector<Loop> out;
  for (int d : order)
    if (auto it = factors.find(d); it != factors.end()) out.push_back({d, it->second, LoopKind::temporal});
  return out;
}

// `spatial: {x: {...}, y: {...}}`: Y loops first, then X loops (X varies fastest).
std::vector<Loop> read_spatial(const core::YamlView& v, const workload::Problem& pr) {
  core::MapReader m(v);
  std::vector<Loop> xs, ys;
  if (auto x = m.get("x")) xs = read_factor_loops(*x, pr, LoopKind::spatial_x);
  if (auto y = m.get("y")) ys = read_factor_loops(*y, pr, LoopKind::spatial_y);
  m.finish();
  ys.insert(ys.end(), xs.begin(), xs.end());
  return ys;
}

std::vector<int> tensor_indices(const core::YamlView& list, const workload::Problem& pr) {
  std::vector<std::string> names;
  for (const auto& d : pr.data_spaces) names.push_back(d.name);
  std::vector<int> out;
  if (list.is_null()) return out;
  for (auto& item : list.items()) {
    auto s = item.as_string();
    if (!s) continue;
    int ds = pr.data_space_index(*s);
    if (ds < 0) item.error("unknown tensor '" + *s + "' (the problem has " + core::join(names, ", ") + ")", core::did_you_mean(*s, names));
    else out.push_back(ds);
  }
  return out;
}

// Default: keep what the arch allows; a mapping's keep list replaces it, its bypass list removes.
void read_keep(core::MapReader& m, const arch::StorageLevel& level, const workload::Problem& pr, LevelMapping& lm) {
  auto keep = m.get("keep");
  auto bypass = m.get("bypass");
  if (keep) {
    lm.keep.assign(pr.data_spaces.size(), false);
    for (int ds : tensor_indices(*keep, pr)) lm.keep[static_cast<std::size_t>(ds)] = true;
  }
  if (bypass) {
    for (int ds : tensor_indices(*bypass, pr)) {
      const auto& name = pr.data_spaces[static_cast<std::size_t>(ds)].name;
      if (keep && lm.keep[static_cast<std::size_t>(ds)])
        bypass->error("tensor '" + name + "' is listed in both 'keep' and 'bypass' of level '" + level.name + "'");
      lm.keep[static_cast<std::size_t>(ds)] = false;
    }
  }
  const auto& where = keep ? *keep : (bypass ? *bypass : m.view());
  for (std::size_t ds = 0; ds < pr.data_spaces.size(); ++ds) {
    const auto& name = pr.data_spaces[ds].name;
    bool arch_keeps = std::find(level.keep.begin(), level.keep.end(), name) != level.keep.end();
    bool arch_bypasses = level.bypasses(name);
    if (lm.keep[ds] && arch_bypasses)
      where.error("level '" + level.name + "' must bypass '" + name + "' (architecture constraint), but the mapping keeps it");
    if (!lm.keep[ds] && arch_keeps)
      where.error("level '" + level.name + "' must keep '" + name + "' (architecture constraint), but the mapping bypasses it");
  }
}

void read_level(const core::YamlView& v, const arch::StorageLevel& level, const workload::Problem& pr, LevelMapping& lm) {
  lm.loc = v.loc();
  core::MapReader m(v);
  if (auto t = m.get("temporal")) lm.temporal = read_temporal(*t, pr);
  if (auto s = m.get("spatial")) lm.spatial = read_spatial(*s, pr);
  read_keep(m, level, pr, lm);
  m.finish();
}

}  // namespace

Mapping read_native_mapping(const core::YamlView& mapping, const arch::Spec& spec, const workload::Problem& problem) {
  Mapping m;
  m.levels.resize(spec.levels.size());
  for (std::size_t l = 0; l < spec.levels.size(); ++l) {
    auto& lm = m.levels[l];
    lm.loc = mapping.loc();
    lm.keep.assign(problem.data_spaces.size(), !spec.levels[l].is_virtual());
    for (std::size_t ds = 0; ds < problem.data_spaces.size(); ++ds)
      if (spec.levels[l].bypasses(problem.data_spaces[ds].name)) lm.keep[ds] = false;
  }
  std::vector<std::string> level_names;
  for (const auto& l : spec.levels) level_names.push_back(l.name);
  core::MapReader top(mapping);
  for (auto& [name, view] : top.entries()) {
    int level = spec.level_index(name);
    if (level < 0) {
      view.error("unknown level '" + name + "' (the architecture has " + core::join(level_names, ", ") + ")",
                 core::did_you_mean(name, level_names));
      continue;
    }
    read_level(view, spec.levels[static_cast<std::size_t>(level)], problem, m.levels[static_cast<std::size_t>(level)]);
  }
  return m;
}

}  // namespace hwaware::mapping
