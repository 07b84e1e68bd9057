#pragma once
// The nest analysis of a mapping, as Timeloop's: the mapping flattened into loops and, for every
// loop that bounds a tile, the tile size and the data the inner tile asks for (deltas), with
// multicast factors across spatial fan-outs. Computed in closed form (closed_form_nest.cpp, on
// nest_geometry.h); tests/models/nest_walker.h walks the positions one by one as Timeloop does,
// the reference the closed form is checked against.

#include <vector>

#include "mappings/mapping.h"
#include "models/access_stats.h"
#include "workloads/problem.h"

namespace hwaware::model {

struct NestLoop {
  int dim = 0;
  long long bound = 1;
  bool spatial = false;
  bool spatial_x = false;
  int level = 0;          // storage level, 0 = innermost
  bool boundary = false;  // outermost loop of its storage level
};

struct LoopTile {
  bool valid = false;  // temporal, or the outermost loop of a spatial group
  bool master_spatial = false;
  long long fanout = 1;               // spatial group size below a master loop
  long long replication = 1;          // instances of this loop (product of spatial loops above)
  std::vector<long long> size;        // per data space: largest tile seen (averaged over instances)
  std::vector<AccessStats> accesses;  // per data space, per instance
};

struct NestResult {
  std::vector<NestLoop> loops;      // innermost first
  std::vector<LoopTile> tiles;      // aligned with loops
  double compute_per_instance = 0;  // computes of one compute instance (its cycles, unthrottled)
  long long compute_instances = 1;  // utilized compute instances
};

// Flattens a mapping into loops, innermost first (spatial loops below the temporal loops of the
// same level; a level without temporal loops gets one trivial loop so it bounds a tile), into
// `loops`: any container with clear(), push_back() and back() (a vector, or the search
// evaluator's fixed array), its storage reused.
template <typename Loops>
void flatten(const mapping::Mapping& m, Loops& loops) {
  loops.clear();
  const int nlev = static_cast<int>(m.levels.size());
  for (int l = nlev - 1; l >= 0; --l) {  // innermost level first
    const auto& lm = m.levels[static_cast<std::size_t>(l)];
    const int level = nlev - 1 - l;
    for (auto it = lm.spatial.rbegin(); it != lm.spatial.rend(); ++it)
      loops.push_back({it->dim, it->bound, true, it->kind == mapping::LoopKind::spatial_x, level, false});
    for (auto it = lm.temporal.rbegin(); it != lm.temporal.rend(); ++it) loops.push_back({it->dim, it->bound, false, false, level, false});
    if (lm.temporal.empty()) loops.push_back({0, 1, false, false, level, false});
    loops.back().boundary = true;
  }
}

inline std::vector<NestLoop> flatten(const mapping::Mapping& m) {
  std::vector<NestLoop> loops;
  flatten(m, loops);
  return loops;
}

// The nest analysis in closed form (closed_form_nest.cpp): in O(loops) per tile, what walking
// 2^loops positions gives. `loops` in flatten()'s shape (a panic otherwise).
NestResult analyze_nest(const workload::Problem& problem, const std::vector<NestLoop>& loops);
// The same, into `out`, reusing its storage (for evaluating many mappings).
void analyze_nest(const workload::Problem& problem, const std::vector<NestLoop>& loops, NestResult& out);

}  // namespace hwaware::model
