#include "mappings/legality.h"

#include <string>

namespace hwaware::mapping {

std::vector<std::vector<long long>> tile_sizes(const Mapping& m, const workload::Problem& pr) {
  const std::size_t nlev = m.levels.size(), ndim = pr.dim_names.size();
  std::vector<std::vector<long long>> out(nlev);
  std::vector<long long> extent(ndim, 1);  // product of factors at and below a level
  for (std::size_t l = nlev; l-- > 0;) {
    for (const auto& lp : m.levels[l].spatial) extent[static_cast<std::size_t>(lp.dim)] *= lp.bound;
    for (const auto& lp : m.levels[l].temporal) extent[static_cast<std::size_t>(lp.dim)] *= lp.bound;
    for (std::size_t ds = 0; ds < pr.data_spaces.size(); ++ds) out[l].push_back(pr.tile_size(static_cast<int>(ds), extent));
  }
  return out;
}

void check_legality(const Mapping& m, const arch::Spec& spec, const workload::Problem& pr, const core::YamlView& where) {
  auto& sink = where.sink();
  auto loc_of = [&](std::size_t l) {
    core::SourceLoc loc = m.levels[l].loc;
    if (loc.line == 0) loc = where.loc();
    return loc;
  };
  // Factors multiply to each dimension.
  std::vector<long long> product(pr.dim_names.size(), 1);
  for (const auto& lm : m.levels) {
    for (const auto& lp : lm.temporal) product[static_cast<std::size_t>(lp.dim)] *= lp.bound;
    for (const auto& lp : lm.spatial) product[static_cast<std::size_t>(lp.dim)] *= lp.bound;
  }
  for (std::size_t d = 0; d < product.size(); ++d)
    if (product[d] != pr.bounds[d])
      sink.error(where.loc(), "mapping", "the factors of dimension '" + pr.dim_names[d] + "' multiply to " +
                                             std::to_string(product[d]) + ", expected " + std::to_string(pr.bounds[d]) +
                                             " (the layer's size)");
  // Spatial factors fit the mesh below each level.
  for (std::size_t l = 0; l < m.levels.size(); ++l) {
    long long x = 1, y = 1;
    for (const auto& lp : m.levels[l].spatial) (lp.kind == LoopKind::spatial_y ? y : x) *= lp.bound;
    long long fx = spec.fanout_x_below(static_cast<int>(l)), fy = spec.fanout_y_below(static_cast<int>(l));
    if (x * y > 1 && (x > fx || y > fy))
      sink.error(loc_of(l), "mapping." + spec.levels[l].name,
                 "spatial factors " + std::to_string(x) + " (X) x " + std::to_string(y) + " (Y) do not fit the mesh of " +
                     std::to_string(fx) + " x " + std::to_string(fy) + " instances below level '" + spec.levels[l].name + "'");
  }
  // Tiles fit the level's capacity.
  auto sizes = tile_sizes(m, pr);
  for (std::size_t l = 0; l < m.levels.size(); ++l) {
    auto cap = spec.levels[l].capacity_words();
    if (!cap) continue;
    long long used = 0;
    std::string parts;
    for (std::size_t ds = 0; ds < pr.data_spaces.size(); ++ds) {
      if (!m.levels[l].keep[ds]) continue;
      used += sizes[l][ds];
      parts += (parts.empty() ? "" : " + ") + pr.data_spaces[ds].name + " " + std::to_string(sizes[l][ds]);
    }
    if (used > *cap)
      sink.error(loc_of(l), "mapping." + spec.levels[l].name,
                 "the tiles kept at level '" + spec.levels[l].name + "' need " + std::to_string(used) + " words (" + parts +
                     ") but the level holds " + std::to_string(*cap) + " words");
  }
}

}  // namespace hwaware::mapping
