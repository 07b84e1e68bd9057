// The nest analysis in closed form: the same NestResult the walker (tests/models/nest_walker.cpp)
// produces, without walking. The walker visits, for every tile boundary B, one position per
// combination of "iteration 0 or 1" of the temporal loops above B (weighted by bound - 1 for
// iteration 1), in odometer order, and applies Timeloop's delta rule at each. Because a tile
// keeps its shape, the data it fetches depends only on the move vector and on the stride the tile
// remembers, and in odometer order the stride remembered is always the innermost loop's move: the
// sum over the 2^k positions is a sum over the k loops (delta_sum). Spatial fan-outs: every child
// sees the same moves; children whose offsets project to the same coordinates of a tensor share
// each delta (multicast). The geometry and the formulas are nest_geometry.h's, which the search
// evaluator runs too; this file lays its results out per loop.

#include "core/diagnostics.h"
#include "models/nest_analysis.h"
#include "models/nest_geometry.h"

namespace hwaware::model {
namespace {

using Geometry = NestGeometry<GrowingStorage, RankVec, kMaxRanks>;

// flatten()'s shape, which the geometry reads: levels numbered from 0 innermost, each its spatial
// loops then at least one temporal loop, the last its boundary.
void check_shape(const workload::Problem& problem, const std::vector<NestLoop>& loops) {
  if (loops.empty()) core::panic("analyze_nest: empty loop nest");
  if (!loops.back().boundary) core::panic("analyze_nest: the outermost loop does not bound a level");
  int level = 0;
  bool temporal_seen = false;
  for (const auto& lp : loops) {
    if (lp.level != level || lp.dim < 0 || static_cast<std::size_t>(lp.dim) >= problem.dim_names.size())
      core::panic("analyze_nest: loops not in flatten()'s order");
    if (lp.spatial && (temporal_seen || lp.boundary)) core::panic("analyze_nest: a spatial loop above a temporal one of its level");
    temporal_seen = temporal_seen || !lp.spatial;
    if (lp.boundary) {
      ++level;
      temporal_seen = false;
    }
  }
  for (const auto& ds : problem.data_spaces)
    if (ds.ranks.size() > kMaxRanks) core::panic("closed-form nest analysis: a tensor has more than 8 ranks");
}

// Per loop: whether it bounds a tile (temporal, or the top of a spatial group), its instances and
// its group's size; sizes and accesses are left empty.
void lay_out_loops(const Geometry& g, const std::vector<NestLoop>& loops, std::size_t nds, NestResult& r) {
  const std::size_t n = loops.size();
  r.loops = loops;
  r.tiles.resize(n);
  long long above = 1;  // product of the spatial bounds above
  for (std::size_t j = n; j-- > 0;) {
    const NestLoop& lp = loops[j];
    LoopTile& t = r.tiles[j];
    t.master_spatial = lp.spatial && (j + 1 == n || !loops[j + 1].spatial);
    t.valid = !lp.spatial || t.master_spatial;
    t.fanout = t.master_spatial ? g.level(static_cast<std::size_t>(lp.level)).fanout : 1;
    t.replication = above;
    if (lp.spatial) above *= lp.bound;
    t.size.assign(nds, 0);
    t.accesses.resize(nds);
    for (auto& a : t.accesses) a.clear();
  }
}

}  // namespace

void analyze_nest(const workload::Problem& problem, const std::vector<NestLoop>& loops, NestResult& out) {
  check_shape(problem, loops);
  thread_local Projection<GrowingStorage> projection;  // reused: a search analyzes many nests
  thread_local Geometry g;
  projection.prepare(problem);
  const auto nlev = static_cast<std::size_t>(loops.back().level) + 1;
  g.build<0>(loops.data(), loops.size(), nlev, projection);
  const std::size_t nds = problem.data_spaces.size();
  lay_out_loops(g, loops, nds, out);
  // Sizes at each level's boundary and spatial group; each level's requests at its innermost
  // tile (the top of its spatial group, else its first loop).
  for (std::size_t lv = 0; lv < nlev; ++lv) {
    const LevelSpan& span = g.level(lv);
    const std::size_t group = span.first + span.spatial - 1, inner = span.spatial > 0 ? group : span.first;
    for (std::size_t ds = 0; ds < nds; ++ds) {
      out.tiles[span.boundary].size[ds] = g.tile_size(ds, lv);
      if (span.spatial > 0) out.tiles[group].size[ds] = g.group_size(ds, lv);
      g.spread(ds, lv, g.fetches_below(ds, lv), out.tiles[inner].accesses[ds]);
    }
  }
  out.compute_per_instance = g.temporal_product();
  out.compute_instances = g.spatial_product();
}

NestResult analyze_nest(const workload::Problem& problem, const std::vector<NestLoop>& loops) {
  NestResult r;
  analyze_nest(problem, loops, r);
  return r;
}

}  // namespace hwaware::model
