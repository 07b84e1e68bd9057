#include "models/sparse_formats.h"

#include <algorithm>
#include <cmath>

#include "models/exact_rounding.h"

namespace hwaware::model {
namespace {

struct RankLoop {
  int dim = 0;
  long long bound = 1;
};
using RankNest = std::vector<RankLoop>;  // one rank's loops

bool compressed_at(const FormatContext& c, std::size_t level) { return c.formats[level] && c.formats[level]->compressed(); }

std::size_t rank_count(const FormatContext& c, std::size_t level) { return c.formats[level] ? c.formats[level]->ranks.size() : 1; }

// The level's format rank r (0 innermost) flattens these dimensions (empty: no rule).
std::vector<int> flattening_rule(const FormatContext& c, std::size_t level, std::size_t r) {
  std::vector<int> dims;
  const auto* f = c.formats[level];
  if (!f) return dims;
  const auto& rank = f->ranks[f->ranks.size() - 1 - r];
  if (rank.flatten_all)
    for (std::size_t d = 0; d < c.problem->dim_names.size(); ++d) dims.push_back(static_cast<int>(d));
  for (const auto& name : rank.flattened) dims.push_back(c.problem->dim_index(name));
  return dims;
}

// The ranks' loops of the tensor at `level`, innermost rank first (ApplyRanksOuterToInner).
std::vector<RankNest> rank_nests(const FormatContext& c, std::size_t level, std::string& failure) {
  const auto& loops = *c.loops;
  const std::size_t nranks = rank_count(c, level);
  const bool has_format = c.formats[level] != nullptr;
  std::size_t child = level;  // the nearest level below holding the tensor; == level: none
  for (std::size_t l = level; l-- > 0;)
    if (c.holds[l]) {
      child = l;
      break;
    }
  const bool has_child = child != level;
  const bool pre_tiled = compressed_at(c, level) && has_child && c.tile[child] > 1;
  const std::size_t inner_most = has_child ? child + 1 : 0;

  // The loops of the levels from `level` down to inner_most that move the tensor, innermost first.
  RankNest subnest;
  std::vector<long long> below(c.problem->dim_names.size(), 1);
  for (const auto& lp : loops) {
    if (static_cast<std::size_t>(lp.level) < inner_most) {
      below[static_cast<std::size_t>(lp.dim)] *= lp.bound;
      continue;
    }
    if (static_cast<std::size_t>(lp.level) > level) continue;
    if (c.problem->data_spaces[c.tensor].indexed_by(lp.dim)) subnest.push_back({lp.dim, lp.bound});
  }
  if (!pre_tiled) {
    // The tile spans the levels below too: each dimension's innermost loop is scaled by them (a
    // dimension with no loop here gets one, innermost).
    for (auto& lp : subnest) {
      auto& b = below[static_cast<std::size_t>(lp.dim)];
      lp.bound *= b;
      b = 1;
    }
    for (std::size_t d = below.size(); d-- > 0;)
      if (below[d] > 1 && c.problem->data_spaces[c.tensor].indexed_by(static_cast<int>(d)))
        subnest.insert(subnest.begin(), RankLoop{static_cast<int>(d), below[d]});
  }

  std::vector<RankNest> ranks(nranks);
  std::size_t inner_rank = 0;
  if (pre_tiled) {
    std::vector<RankNest> inner = rank_nests(c, child, failure);
    inner_rank = inner.size();
    if (inner_rank > nranks) {
      failure = "its format has fewer ranks than the level below needs";
      inner_rank = nranks;
    }
    for (std::size_t r = 0; r < inner_rank; ++r) ranks[r] = inner[r];
  }
  // Outermost rank first, over the loops outermost first; trivial loops are passed over.
  long long id = static_cast<long long>(subnest.size()) - 1;
  std::size_t r = nranks;
  auto trivial = [&](long long i) { return subnest[static_cast<std::size_t>(i)].bound <= 1; };
  while (r > inner_rank && id >= 0) {
    while (id >= 0 && trivial(id)) --id;
    if (id < 0) break;
    --r;
    const std::vector<int> rule = flattening_rule(c, level, r);
    const auto in_rule = [&](long long i) {
      return std::find(rule.begin(), rule.end(), subnest[static_cast<std::size_t>(i)].dim) != rule.end();
    };
    if (has_format && !rule.empty() && !in_rule(id)) continue;  // the rank stays empty
    ranks[r].push_back(subnest[static_cast<std::size_t>(id)]);
    const bool flattening = !has_format || !rule.empty();
    --id;
    while (flattening && id >= 0 && (!has_format || in_rule(id) || trivial(id))) {
      if (!trivial(id)) ranks[r].push_back(subnest[static_cast<std::size_t>(id)]);
      --id;
    }
  }
  for (; id >= 0; --id)
    if (!trivial(id)) failure = "its format has fewer ranks than the tile has loops";
  return ranks;
}

}  // namespace

TensorRanks tensor_ranks(const FormatContext& c, std::size_t level) {
  TensorRanks out;
  const std::vector<RankNest> nests = rank_nests(c, level, out.failure);
  const auto* format = c.formats[level];
  const std::size_t n = nests.size();
  for (std::size_t r = 0; r < n; ++r) {
    std::vector<long long> extents(c.problem->dim_names.size(), 1);
    for (const auto& lp : nests[r]) extents[static_cast<std::size_t>(lp.dim)] *= lp.bound;
    RankShape s;
    s.fiber = c.problem->tile_size(static_cast<int>(c.tensor), extents);
    if (format) {
      const auto& spec = format->ranks[n - 1 - r];
      s.format = spec.format;
      // A bitmask's metadata word is one bit unless the rank says otherwise (bitmask.cpp).
      const int md_default = spec.format == arch::RankFormat::bitmask ? 1 : c.metadata_bits[level];
      s.metadata_bits = spec.metadata_word_bits.value_or(md_default);
      s.payload_bits = spec.payload_word_bits.value_or(c.metadata_bits[level]);
    }
    out.ranks.push_back(s);
  }
  return out;
}

std::vector<FormatUnits> format_units(const std::vector<RankShape>& ranks, const DensityModel& density) {
  // A rank's coordinates come from the loop bounds, so a sliding window's halo, counted once per
  // rank, can make a tile span more coordinates than the tensor has: such a tile is the tensor.
  const auto empty = [&](std::uint64_t n) { return density.empty_probability(std::min(n, density.tensor_coords())); };
  std::vector<FormatUnits> units(ranks.size());
  for (std::size_t r = 0; r < ranks.size(); ++r) {
    double fibers = 1;  // the rank's fibers: every coordinate of the ranks above
    for (std::size_t j = r + 1; j < ranks.size(); ++j) fibers *= static_cast<double>(ranks[j].fiber);
    std::uint64_t sub = 1;  // coordinates under one coordinate of this rank
    for (std::size_t j = 0; j < r; ++j) sub *= static_cast<std::uint64_t>(ranks[j].fiber);
    const auto f = static_cast<std::uint64_t>(ranks[r].fiber);
    const double nonempty_fibers = fibers * (1 - empty(f * sub));
    const double nonempty_per_fiber = static_cast<double>(f) * (1 - empty(sub));
    auto& u = units[r];
    switch (ranks[r].format) {
      case arch::RankFormat::uncompressed: break;
      case arch::RankFormat::uop: u.payload = fibers * static_cast<double>(f + 1); break;
      case arch::RankFormat::cp:
        u.metadata = ceil_count(nonempty_per_fiber) * nonempty_fibers;
        u.payload = r == 0 ? 0 : u.metadata;
        break;
      case arch::RankFormat::rle:
        u.metadata = nonempty_per_fiber * nonempty_fibers;
        u.payload = r == 0 ? 0 : u.metadata;
        break;
      case arch::RankFormat::bitmask:
        u.metadata = nonempty_fibers * static_cast<double>(f);
        u.payload = r == 0 ? 0 : ceil_count(nonempty_per_fiber) * nonempty_fibers;
        break;
    }
  }
  return units;
}

}  // namespace hwaware::model
