#include "mappings/legality.h"

#include <cmath>
#include <cstdio>
#include <limits>
#include <string>

#include "core/checked.h"

namespace hwaware::mapping {
namespace {

// A bit or word count for a message: integers without decimals.
std::string fmt_bits(double v) {
  char buf[64];
  if (std::fabs(v) < 9e15 && v == std::floor(v)) std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(v));
  else std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

}  // namespace

double element_storage_bits(const arch::Spec& spec, std::size_t level, const workload::DataSpace& ds) {
  const auto& lvl = spec.levels.at(level);
  const double bits = static_cast<double>(spec.element_bits(ds.name, ds.bits).value_or(lvl.word_bits));
  // A compressed tensor stores only its non-zeros (Sparseloop's expected occupancy); its metadata
  // has storage of its own (Timeloop's metadata_storage_depth).
  const arch::TensorFormat* f = lvl.sparse.format_of(ds.name);
  return f && f->compressed() ? bits * ds.density : bits;
}

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
  // Factors multiply to each dimension (a product beyond 64 bits saturates, never wraps to the size).
  std::vector<long long> product(pr.dim_names.size(), 1);
  for (const auto& lm : m.levels) {
    for (const auto& lp : lm.temporal)
      product[static_cast<std::size_t>(lp.dim)] = core::saturating_mul(product[static_cast<std::size_t>(lp.dim)], lp.bound);
    for (const auto& lp : lm.spatial)
      product[static_cast<std::size_t>(lp.dim)] = core::saturating_mul(product[static_cast<std::size_t>(lp.dim)], lp.bound);
  }
  bool factors_ok = true;
  for (std::size_t d = 0; d < product.size(); ++d)
    if (product[d] != pr.bounds[d]) {
      factors_ok = false;
      const bool beyond = product[d] == std::numeric_limits<long long>::max();
      sink.error(where.loc(), "mapping",
                 "the factors of dimension '" + pr.dim_names[d] + "' multiply to " +
                     (beyond ? "more than a 64-bit count holds" : std::to_string(product[d])) + ", expected " +
                     std::to_string(pr.bounds[d]) + " (the layer's size)");
    }
  // Spatial factors fit the mesh below each level.
  for (std::size_t l = 0; l < m.levels.size(); ++l) {
    long long x = 1, y = 1;
    for (const auto& lp : m.levels[l].spatial) {
      long long& axis = lp.kind == LoopKind::spatial_y ? y : x;
      axis = core::saturating_mul(axis, lp.bound);
    }
    long long fx = spec.fanout_x_below(static_cast<int>(l)), fy = spec.fanout_y_below(static_cast<int>(l));
    if ((x > 1 || y > 1) && (x > fx || y > fy))
      sink.error(loc_of(l), "mapping." + spec.levels[l].name,
                 "spatial factors " + std::to_string(x) + " (X) x " + std::to_string(y) + " (Y) do not fit the mesh of " +
                     std::to_string(fx) + " x " + std::to_string(fy) + " instances below level '" + spec.levels[l].name + "'");
  }
  // Tiles fit the level's capacity, in bits: a tile of n elements takes n x element_storage_bits.
  if (!factors_ok) return;  // tiles of factors that do not make the layer are not its tiles
  auto sizes = tile_sizes(m, pr);
  for (std::size_t l = 0; l < m.levels.size(); ++l) {
    const auto& lvl = spec.levels[l];
    auto cap_bits = lvl.capacity_bits();
    if (!cap_bits) continue;
    const double word = static_cast<double>(lvl.word_bits);
    std::vector<std::pair<std::size_t, double>> kept;  // data space, bits per element
    double used_bits = 0;
    bool in_words = true;  // every kept tensor takes exactly one word per element: report words
    for (std::size_t ds = 0; ds < pr.data_spaces.size(); ++ds) {
      if (!m.levels[l].keep[ds]) continue;
      kept.emplace_back(ds, element_storage_bits(spec, l, pr.data_spaces[ds]));
      used_bits += static_cast<double>(sizes[l][ds]) * kept.back().second;
      in_words = in_words && kept.back().second == word;
    }
    if (used_bits <= *cap_bits) continue;
    std::string parts;
    for (const auto& [ds, per_element] : kept)
      parts += (parts.empty() ? "" : " + ") + pr.data_spaces[ds].name + " " + std::to_string(sizes[l][ds]) +
               (in_words ? "" : " x " + fmt_bits(per_element) + "b");
    std::string need = in_words ? fmt_bits(used_bits / word) + " words" : fmt_bits(used_bits) + " bits";
    std::string holds = in_words ? fmt_bits(*cap_bits / word) + " words" : fmt_bits(*cap_bits) + " bits";
    sink.error(loc_of(l), "mapping." + lvl.name,
               "the tiles kept at level '" + lvl.name + "' need " + need + " (" + parts + ") but the level holds " + holds);
  }
}

}  // namespace hwaware::mapping
