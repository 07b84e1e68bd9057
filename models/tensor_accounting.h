#pragma once
// Timeloop's accounting of one tensor over the levels (see tile_accounting.h), on any histogram
// of accesses per multicast factor: the nest analysis's AccessStats, or the search evaluator's
// fixed-size one. One definition, so that both count alike.

#include <algorithm>
#include <cstddef>

#include "models/exact_rounding.h"
#include "models/tile_accounting.h"

namespace hwaware::model {

// What the accounting needs of one tensor at one level, from the nest analysis. `Hist` iterates
// (multicast factor, accesses) entries in increasing factor and has clear().
template <typename Hist>
struct LevelTileOf {
  double size = 0;            // words held by one instance (the tile of the level's outermost loop)
  Hist accesses;              // what the level's innermost tile asks of it, per multicast factor
  double content = 0;         // total of `accesses`
  long long fanout = 1;       // spatial children of one instance
  long long replication = 1;  // instances of the level
  double partition = 0;       // distinct words one instance ever holds (set by account_tensor)
  double pfd = 0;             // partition-fraction denominator: the tile the level below is split from
  double parent_share = 0;    // set by account_tensor

  void clear() {
    size = content = partition = pfd = parent_share = 0;
    accesses.clear();
    fanout = replication = 1;
  }
};
using LevelTile = LevelTileOf<AccessStats>;

template <typename Hist>
double total_accesses(const Hist& a) {
  double t = 0;
  for (const auto& [m, v] : a) t += v;
  return t;
}

template <typename Hist>
double weighted_accesses(const Hist& a) {
  double t = 0;
  for (const auto& [m, v] : a) t += v * static_cast<double>(m);
  return t;
}

template <typename Hist>
NetworkAccess network_traffic(const Hist& a, double read_back, long long fanout, long long instances) {
  NetworkAccess n;
  n.fanout = fanout;
  n.instances = instances;
  for (const auto& [m, v] : a) {
    n.ingresses += v;
    n.deliveries += v * static_cast<double>(m);
    n.hops += v * mesh_hops(m, fanout);
  }
  // Partial sums read back for further accumulation enter the reduction chain once.
  n.ingresses += read_back;
  n.deliveries += read_back;
  n.hops += read_back * mesh_hops(1, fanout);
  if (n.ingresses == 0) n.instances = 0;
  return n;
}

// Accounts one tensor. `t` (innermost level first, modified) holds size, accesses, content,
// fanout, replication and pfd; keep[l] says whether level l keeps the tensor. Level l's results
// go to tensors[l] and network[l] (fanout 1 when the level does not fan out).
template <typename Hist>
void account_tensor(LevelTileOf<Hist>* t, std::size_t nlev, const char* keep, bool read_write, TensorAccess* tensors,
                    NetworkAccess* network) {
  // Partition sizes: the outermost level holds everything; a spatial split divides it.
  t[nlev - 1].partition = t[nlev - 1].size;
  double partition = t[nlev - 1].size;
  for (std::size_t l = nlev - 1; l-- > 0;) {
    if (t[l].pfd != 0) partition = floor_count(partition * t[l].size / t[l].pfd);
    t[l].partition = partition;
  }
  // Each child instance's share of what its parent delivers (before bypassing).
  for (std::size_t l = 0; l + 1 < nlev; ++l) {
    double share = 0;
    for (const auto& [m, a] : t[l + 1].accesses) share += a * static_cast<double>(m) / static_cast<double>(t[l + 1].fanout);
    t[l].parent_share = share;
  }
  std::size_t top_keeper = nlev;
  for (std::size_t l = nlev; l-- > 0;)
    if (keep[l]) {
      top_keeper = l;
      break;
    }
  // Bypass: a level that does not keep the tensor forwards its children's requests upward
  // (after its own network has carried them).
  for (std::size_t l = 0; l < nlev; ++l) {
    network[l] = NetworkAccess{};
    if (t[l].fanout > 1 && l <= top_keeper) {
      // Outputs kept here also flow back down: partial sums read out to be accumulated further.
      double read_back = (read_write && keep[l]) ? std::max(0.0, t[l].content - t[l].partition) : 0.0;
      network[l] = network_traffic(t[l].accesses, read_back, t[l].fanout, t[l].replication);
    }
    if (t[l].size == 0 || keep[l]) continue;
    if (l + 1 == nlev) {
      t[l].clear();
      break;
    }
    auto& up = t[l + 1];
    double w = weighted_accesses(up.accesses);
    double factor = w > 0 ? t[l].content * static_cast<double>(up.fanout) / w : 0;
    for (auto& [m, a] : up.accesses) a *= factor;
    up.content = total_accesses(up.accesses);
    t[l].size = 0;
    t[l].partition = 0;
    t[l].content = 0;
    t[l].parent_share = 0;
  }
  // The backing store (outermost level holding the tensor) is never filled.
  for (std::size_t l = nlev; l-- > 0;) {
    if (!keep[l]) {
      t[l].clear();
      continue;
    }
    t[l].parent_share = 0;
    break;
  }
  std::size_t top = nlev;
  for (std::size_t l = nlev; l-- > 0;)
    if (t[l].size > 0) {
      top = l;
      break;
    }
  for (std::size_t l = 0; l < nlev; ++l) {
    auto& a = tensors[l];
    a = TensorAccess{};
    a.kept = keep[l] && t[l].size > 0;
    if (!a.kept) continue;
    a.instances = t[l].replication;
    a.tile_size = static_cast<long long>(t[l].size);
    a.partition_size = static_cast<long long>(t[l].partition);
    if (read_write) {
      a.updates = round_count(t[l].content);
      a.reads = round_count(t[l].content - t[l].partition);
      a.fills = (l == top) ? round_count(t[l].parent_share) : round_count(t[l].parent_share - t[l].partition);
    } else {
      a.reads = round_count(t[l].content);
      a.updates = 0;
      a.fills = round_count(t[l].parent_share);
    }
  }
}

}  // namespace hwaware::model
