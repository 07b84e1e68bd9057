#include "mappings/timeloop_mapping.h"

#include <cctype>
#include <map>

#include "core/text.h"

namespace hwaware::mapping {
namespace {

// Factors "R=3 P=16", "C1 M8 R1" or "K=16,M=1": dimension name, an optional '=' and a number.
std::map<int, long long> parse_factors(const core::YamlView& v, const workload::Problem& pr) {
  std::map<int, long long> out;
  for (const auto& tok : core::split_factors(v.scalar())) {
    auto [dim, number] = core::split_dim_factor(tok);
    auto n = core::parse_integer(number);
    int d = pr.dim_index(dim);
    if (d < 0) {
      v.error("unknown dimension '" + dim + "' in factors (the problem has " + core::join(pr.dim_names, ", ") + ")",
              core::did_you_mean(dim, pr.dim_names));
      continue;
    }
    if (!n || *n <= 0) {
      v.error("expected a positive factor for dimension '" + dim + "', found '" + tok + "'");
      continue;
    }
    out[d] = *n;
  }
  return out;
}

// Permutation as a string of one-letter dims or a list of names; innermost first.
std::vector<int> parse_permutation(const core::YamlView& v, const workload::Problem& pr) {
  std::vector<std::string> names;
  if (v.is_seq()) {
    names = v.string_list();
  } else {
    for (char c : v.scalar())
      if (!std::isspace(static_cast<unsigned char>(c))) names.emplace_back(1, c);
  }
  std::vector<int> out;
  for (const auto& n : names) {
    int d = pr.dim_index(n);
    if (d < 0) {
      v.error("unknown dimension '" + n + "' in permutation", core::did_you_mean(n, pr.dim_names));
      continue;
    }
    out.push_back(d);
  }
  for (int d = 0; d < static_cast<int>(pr.dim_names.size()); ++d)  // unlisted dims go outermost
    if (std::find(out.begin(), out.end(), d) == out.end()) out.push_back(d);
  return out;
}

std::vector<bool> tensor_mask(const core::YamlView& list, const workload::Problem& pr) {
  std::vector<bool> mask(pr.data_spaces.size(), false);
  for (auto& item : list.items()) {
    std::string n = item.scalar();
    int ds = pr.data_space_index(n);
    if (ds < 0) {
      std::vector<std::string> names;
      for (auto& d : pr.data_spaces) names.push_back(d.name);
      item.error("unknown tensor '" + n + "' (the problem has " + core::join(names, ", ") + ")", core::did_you_mean(n, names));
      continue;
    }
    mask[static_cast<std::size_t>(ds)] = true;
  }
  return mask;
}

}  // namespace

Mapping read_timeloop_mapping(const core::YamlView& mapping_view, const arch::Spec& spec, const workload::Problem& pr) {
  Mapping m;
  m.levels.resize(spec.levels.size());
  for (std::size_t l = 0; l < spec.levels.size(); ++l) {
    auto& lm = m.levels[l];
    lm.keep.assign(pr.data_spaces.size(), !spec.levels[l].is_virtual());
    for (std::size_t ds = 0; ds < pr.data_spaces.size(); ++ds)
      if (spec.levels[l].bypasses(pr.data_spaces[ds].name)) lm.keep[ds] = false;
  }
  std::vector<std::string> level_names;
  for (auto& l : spec.levels) level_names.push_back(l.name);

  for (auto& entry : mapping_view.items()) {
    core::MapReader e(entry);
    std::string target, type;
    if (auto t = e.required("target")) target = t->scalar();
    if (auto t = e.required("type")) type = t->scalar();
    int level = spec.level_index(target);
    if (level < 0 && !target.empty()) {
      entry.error("unknown level '" + target + "' (the architecture has " + core::join(level_names, ", ") + ")",
                  core::did_you_mean(target, level_names));
      e.finish({"factors", "permutation", "split", "keep", "bypass"});
      continue;
    }
    auto& lm = m.levels[static_cast<std::size_t>(level < 0 ? 0 : level)];
    lm.loc = entry.loc();
    if (type == "temporal" || type == "spatial") {
      std::map<int, long long> factors;
      if (auto f = e.get("factors")) factors = parse_factors(*f, pr);
      std::vector<int> perm;
      if (auto p = e.get("permutation")) perm = parse_permutation(*p, pr);
      else
        for (int d = 0; d < static_cast<int>(pr.dim_names.size()); ++d) perm.push_back(d);
      long long split = static_cast<long long>(perm.size());
      if (type == "spatial")
        if (auto s = e.get("split")) split = s->as_int().value_or(split);
      std::vector<Loop> inner_first;
      for (std::size_t i = 0; i < perm.size(); ++i) {
        auto it = factors.find(perm[i]);
        long long bound = it == factors.end() ? 1 : it->second;
        LoopKind kind = LoopKind::temporal;
        if (type == "spatial") kind = static_cast<long long>(i) < split ? LoopKind::spatial_x : LoopKind::spatial_y;
        if (bound > 1) inner_first.push_back({perm[i], bound, kind});
      }
      std::vector<Loop> outer_first(inner_first.rbegin(), inner_first.rend());
      if (type == "temporal") {
        lm.temporal = outer_first;
      } else {
        // Y loops outside X loops: X varies fastest across the mesh.
        std::vector<Loop> ys, xs;
        for (auto& lp : outer_first) (lp.kind == LoopKind::spatial_y ? ys : xs).push_back(lp);
        lm.spatial = ys;
        lm.spatial.insert(lm.spatial.end(), xs.begin(), xs.end());
      }
    } else if (type == "datatype" || type == "dataspace" || type == "bypass") {
      if (auto k = e.get("keep")) {
        auto mask = tensor_mask(*k, pr);
        for (std::size_t i = 0; i < mask.size(); ++i)
          if (mask[i]) lm.keep[i] = true;
      }
      if (auto b = e.get("bypass")) {
        auto mask = tensor_mask(*b, pr);
        for (std::size_t i = 0; i < mask.size(); ++i)
          if (mask[i]) lm.keep[i] = false;
      }
    } else if (!type.empty()) {
      entry.error("expected type temporal, spatial, datatype or bypass, found '" + type + "'",
                  core::did_you_mean(type, {"temporal", "spatial", "datatype", "bypass"}));
    }
    e.finish();
  }
  return m;
}

}  // namespace hwaware::mapping
