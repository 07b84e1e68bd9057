#include "workloads/timeloop_problem.h"

#include <map>

#include "core/text.h"

namespace hwaware::workload {
namespace {

struct ShapeInfo {
  std::vector<std::string> dims;
  std::map<std::string, long long> coefficient_defaults;
};

// A projection term is [dim] or [dim, coefficient] (coefficient: a name or a number).
std::optional<ProjectionTerm> read_term(const core::YamlView& term, const ShapeInfo& shape,
                                        const std::map<std::string, long long>& coefficients) {
  auto parts = term.items();
  if (parts.empty() || parts.size() > 2) {
    term.error("expected a projection term [dimension] or [dimension, coefficient], found " + term.found());
    return std::nullopt;
  }
  ProjectionTerm t;
  int dim_part = -1;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    std::string s = parts[i].scalar();
    for (std::size_t d = 0; d < shape.dims.size(); ++d)
      if (shape.dims[d] == s && dim_part < 0) {
        dim_part = static_cast<int>(i);
        t.dim = static_cast<int>(d);
      }
  }
  if (dim_part < 0) {
    parts[0].error("expected a dimension of the shape (" + core::join(shape.dims, ", ") + "), found " + parts[0].found(),
                   core::did_you_mean(parts[0].scalar(), shape.dims));
    return std::nullopt;
  }
  if (parts.size() == 2) {
    const auto& c = parts[1 - static_cast<std::size_t>(dim_part)];
    std::string s = c.scalar();
    auto it = coefficients.find(s);
    if (it != coefficients.end()) {
      t.coefficient = it->second;
    } else if (auto n = core::parse_integer(s)) {
      t.coefficient = *n;
    } else {
      std::vector<std::string> names;
      for (auto& kv : coefficients) names.push_back(kv.first);
      c.error("expected a coefficient name or an integer, found " + c.found(), core::did_you_mean(s, names));
      return std::nullopt;
    }
  }
  return t;
}

}  // namespace

Problem read_timeloop_problem(const core::YamlView& problem_view) {
  Problem pr;
  core::MapReader problem(problem_view);
  problem.get("version");
  auto shape_v = problem.required("shape");
  auto instance_v = problem.required("instance");
  problem.finish();
  if (!shape_v || !instance_v) return pr;

  core::MapReader shape(*shape_v);
  ShapeInfo info;
  if (auto n = shape.get("name")) pr.name = n->scalar();
  if (auto d = shape.required("dimensions")) info.dims = d->string_list();
  if (auto cs = shape.get("coefficients")) {
    for (auto& c : cs->items()) {
      core::MapReader cr(c);
      auto name = cr.required("name");
      long long def = 1;
      if (auto dv = cr.get("default"))
        if (auto v = dv->as_int()) def = *v;
      cr.finish();
      if (name) info.coefficient_defaults[name->scalar()] = def;
    }
  }
  std::optional<core::YamlView> spaces = shape.get("data_spaces");
  if (!spaces) spaces = shape.get("data-spaces");
  if (!spaces) shape_v->error("missing required key 'data_spaces' (or 'data-spaces' in v0.2/v0.3 files)");

  // Instance: dimension bounds and coefficient values. Unlisted dimensions are 1, as in Timeloop.
  pr.dim_names = info.dims;
  pr.bounds.assign(info.dims.size(), 1);
  std::map<std::string, long long> coefficients = info.coefficient_defaults;
  core::MapReader inst(*instance_v);
  for (auto& [key, v] : inst.entries()) {
    bool is_dim = false;
    for (std::size_t d = 0; d < info.dims.size(); ++d)
      if (info.dims[d] == key) {
        is_dim = true;
        if (auto b = v.as_positive_int()) pr.bounds[d] = *b;
      }
    if (is_dim) continue;
    if (coefficients.count(key)) {
      if (auto c = v.as_int()) coefficients[key] = *c;
      continue;
    }
    // Input sizes and padding written by Timeloop's front ends; Timeloop derives them, not reads them.
    if (key == "H" || key == "W" || key == "Hpad" || key == "Wpad") continue;
    std::vector<std::string> names = info.dims;
    for (auto& kv : coefficients) names.push_back(kv.first);
    v.error("unknown instance key '" + key + "' (expected a dimension or coefficient: " + core::join(names, ", ") + ")",
            core::did_you_mean(key, names));
  }

  if (spaces) {
    for (auto& ds_v : spaces->items()) {
      core::MapReader ds(ds_v);
      DataSpace space;
      if (auto n = ds.required("name")) space.name = n->scalar();
      if (auto proj = ds.required("projection")) {
        for (auto& rank_v : proj->items()) {
          RankExpression rank;
          for (auto& term_v : rank_v.items())
            if (auto t = read_term(term_v, info, coefficients)) rank.push_back(*t);
          space.ranks.push_back(rank);
        }
      }
      std::optional<core::YamlView> rw = ds.get("read_write");
      if (!rw) rw = ds.get("read-write");
      if (rw)
        if (auto b = rw->as_bool()) space.read_write = *b;
      ds.finish();
      pr.data_spaces.push_back(space);
    }
  }
  shape.finish();
  return pr;
}

}  // namespace hwaware::workload
