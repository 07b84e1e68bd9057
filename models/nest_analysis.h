#pragma once
// Walks a mapping's loop nest the way Timeloop's nest analysis does and returns, for every loop
// that bounds a tile, the tile size and the data the inner tile asks for (deltas), with
// multicast factors across spatial fan-outs. Temporal loops run iterations 0 and 1 and
// extrapolate the rest; spatial fan-outs simulate three elements and translate the others,
// which is exact for perfectly factorized mappings of affine problems.

#include <map>
#include <unordered_map>
#include <vector>

#include "mappings/mapping.h"
#include "models/access_stats.h"
#include "models/box.h"
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
// same level; a level without temporal loops gets one trivial loop so it bounds a tile).
std::vector<NestLoop> flatten(const mapping::Mapping& m);
void flatten(const mapping::Mapping& m, std::vector<NestLoop>& out);  // reusing `out`'s storage

// The nest analysis in closed form (closed_form_nest.cpp): what the walk below computes, in
// O(loops) per tile instead of 2^loops positions. The models use this one.
NestResult analyze_nest(const workload::Problem& problem, const std::vector<NestLoop>& loops);
// The same, into `out`, reusing its storage (for evaluating many mappings).
void analyze_nest(const workload::Problem& problem, const std::vector<NestLoop>& loops, NestResult& out);

// The reference: walks the positions one by one, as Timeloop does. Kept to check the closed form.
NestResult analyze_nest_by_walking(const workload::Problem& problem, const std::vector<NestLoop>& loops);

}  // namespace hwaware::model
