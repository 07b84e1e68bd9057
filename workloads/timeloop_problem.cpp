#include "workloads/timeloop_problem.h"

#include <algorithm>
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

// A density: the fraction of non-zero elements, in (0, 1].
std::optional<double> density_value(const core::YamlView& v) {
  auto x = v.as_number();
  if (x && !(*x > 0 && *x <= 1)) {
    v.error("expected a density in (0, 1] (the fraction of non-zero elements), found " + v.found());
    return std::nullopt;
  }
  return x;
}

// One tensor's density as Timeloop reads it (src/workload/workload.cpp, ParseWorkloadInstance, and
// density-distribution-factory.cpp): a number is a fixed-structured density; a map gives
// {distribution, density} and, as the v0.4 front end writes them, band_width (the banded model's,
// passed over by the others) and workload_tensor_size (the hypergeometric model's tensor; 0: the
// tensor's own).
void read_density(const core::YamlView& v, DataSpace& ds) {
  if (v.is_scalar()) {
    if (auto x = density_value(v)) ds.density = *x;
    ds.density_distribution = DensityDistribution::fixed_structured;
    return;
  }
  core::MapReader m(v);
  if (!m.ok()) return;
  if (auto d = m.required("distribution")) {
    const std::string name = d->scalar();
    if (name == "banded")
      d->error("the banded density distribution is not modelled (hwaware has Sparseloop's fixed_structured and hypergeometric)");
    else if (auto dist = density_distribution_named(name)) ds.density_distribution = *dist;
    else {
      std::string hint = core::did_you_mean(name, density_distribution_names());
      if (hint.empty() && (name == "uniform" || name == "random")) hint = "Sparseloop's uniform (random) sparsity is 'hypergeometric'";
      d->error("expected a density distribution (fixed_structured or hypergeometric), found " + d->found(), hint);
    }
  }
  if (auto x = m.required("density"))
    if (auto d = density_value(*x)) ds.density = *d;
  if (auto b = m.get("band_width"))
    if (auto w = b->as_int(); w && *w < 0) b->error("expected a band width of at least 0, found " + b->found());
  if (auto n = m.get("workload_tensor_size")) {
    auto size = n->as_int();
    if (size && *size < 0) n->error("expected a tensor size of at least 0 (0: the tensor's own), found " + n->found());
    else if (size) ds.density_tensor_coords = *size;
  }
  m.finish();
}

// `densities: {tensor: density}` (tensors not named are dense) and `commonDensity` (every tensor).
void apply_densities(const std::optional<core::YamlView>& densities, const std::optional<core::YamlView>& common, Problem& pr) {
  if (common)
    for (auto& ds : pr.data_spaces) read_density(*common, ds);
  if (!densities) return;
  std::vector<std::string> names;
  for (const auto& ds : pr.data_spaces) names.push_back(ds.name);
  core::MapReader m(*densities);
  for (auto& [tensor, v] : m.entries()) {
    int i = pr.data_space_index(tensor);
    if (i < 0)
      v.error("unknown tensor '" + tensor + "' in densities (the problem has " + core::join(names, ", ") + ")",
              core::did_you_mean(tensor, names));
    else read_density(v, pr.data_spaces[static_cast<std::size_t>(i)]);
  }
}

struct Instance {
  std::map<std::string, long long> coefficients;
  std::optional<core::YamlView> densities, common_density;
};

// Instance: dimension bounds and coefficient values (unlisted dimensions are 1, as in Timeloop),
// and the densities, read once the tensors are known.
Instance read_instance(const core::YamlView& instance_v, const ShapeInfo& info, Problem& pr) {
  pr.dim_names = info.dims;
  pr.bounds.assign(info.dims.size(), 1);
  Instance out;
  out.coefficients = info.coefficient_defaults;
  core::MapReader inst(instance_v);
  for (auto& [key, v] : inst.entries()) {
    auto d = std::find(info.dims.begin(), info.dims.end(), key);
    if (d != info.dims.end()) {
      if (auto b = v.as_positive_int()) pr.bounds[static_cast<std::size_t>(d - info.dims.begin())] = *b;
      continue;
    }
    if (out.coefficients.count(key)) {
      if (auto c = v.as_int()) out.coefficients[key] = *c;
      continue;
    }
    if (key == "densities" || key == "commonDensity") {
      (key == "densities" ? out.densities : out.common_density) = v;
      continue;
    }
    // Input sizes and padding written by Timeloop's front ends; Timeloop derives them, not reads them.
    if (key == "H" || key == "W" || key == "Hpad" || key == "Wpad") continue;
    std::vector<std::string> names = info.dims;
    for (auto& kv : out.coefficients) names.push_back(kv.first);
    names.insert(names.end(), {"densities", "commonDensity"});
    v.error("unknown instance key '" + key + "' (expected a dimension, a coefficient or densities: " + core::join(names, ", ") + ")",
            core::did_you_mean(key, names));
  }
  return out;
}

DataSpace read_data_space(const core::YamlView& ds_v, const ShapeInfo& info, const std::map<std::string, long long>& coefficients) {
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
  return space;
}

ShapeInfo read_shape_info(core::MapReader& shape, Problem& pr) {
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
  return info;
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
  const ShapeInfo info = read_shape_info(shape, pr);
  std::optional<core::YamlView> spaces = shape.get("data_spaces");
  if (!spaces) spaces = shape.get("data-spaces");
  if (!spaces) shape_v->error("missing required key 'data_spaces' (or 'data-spaces' in v0.2/v0.3 files)");
  const Instance instance = read_instance(*instance_v, info, pr);
  if (spaces)
    for (auto& ds_v : spaces->items()) pr.data_spaces.push_back(read_data_space(ds_v, info, instance.coefficients));
  shape.finish();
  apply_densities(instance.densities, instance.common_density, pr);
  return pr;
}

}  // namespace hwaware::workload
