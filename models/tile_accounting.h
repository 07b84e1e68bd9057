#pragma once
// Turns the per-loop tiles of the nest analysis into per-level, per-tensor scalar reads, fills
// and updates (Timeloop's counting): bypassed levels pass their children's requests up; fills
// count the data new to a level; the first update of an output is a write without a read
// (reads and fills subtract the partition a level owns).

#include <cmath>
#include <vector>

#include "models/nest_analysis.h"

namespace hwaware::model {

struct TensorAccess {
  bool kept = false;
  double reads = 0, fills = 0, updates = 0;  // scalar, per instance
  long long instances = 0;                   // utilized instances
  long long tile_size = 0;                   // words of this tensor held by one instance
  long long partition_size = 0;              // distinct words one instance ever holds
};

// Traffic on the network between a level and its spatial children, for one tensor, per instance
// of the level (after Timeloop's legacy network): each ingress enters the network once and is
// delivered to `multicast` children. Outputs count both directions at a level that keeps them:
// partial sums sent up by `multicast` children and reduced on the way (one ingress), and partial
// sums read back down, each entering the reduction chain once.
struct NetworkAccess {
  long long fanout = 1;     // children used below one instance
  long long instances = 0;  // instances of the level that send or receive
  double ingresses = 0;     // words entering (or leaving, for outputs) the network
  double deliveries = 0;    // words arriving at (or sent by) children: sum of ingresses x multicast
  double hops = 0;          // word-hops on the mesh
};

struct LevelAccounting {
  std::vector<TensorAccess> tensors;   // per data space
  std::vector<NetworkAccess> network;  // per data space; fanout 1 when the level does not fan out
};

// Average mesh hops of one multicast of factor `multicast` among `fanout` children entered from
// the side (Timeloop's LegacyNetwork::NumHops, probabilistic multicast model).
inline double mesh_hops(long long multicast, long long fanout) {
  double f = std::sqrt(static_cast<double>(multicast));
  double n = std::sqrt(static_cast<double>(fanout));
  return n * f + 0.5 * (n - f) - n / f + 0.5;
}

// One entry per level, level 0 innermost. keep[level][ds] says which levels hold a tensor.
std::vector<LevelAccounting> account_tiles(const NestResult& nest, const std::vector<std::vector<bool>>& keep,
                                           const std::vector<bool>& read_write);
// The same, into `out`, reusing its storage (for evaluating many mappings).
void account_tiles(const NestResult& nest, const std::vector<std::vector<bool>>& keep, const std::vector<bool>& read_write,
                   std::vector<LevelAccounting>& out);

}  // namespace hwaware::model
