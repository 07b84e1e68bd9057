#include "models/tile_accounting.h"

#include <cmath>

namespace hwaware::model {
namespace {

struct LevelTile {
  double size = 0;
  AccessStats accesses;
  double content = 0;
  long long fanout = 1;
  long long replication = 1;
  double partition = 0;
  double pfd = 0;  // partition-fraction denominator
  double parent_share = 0;
};

double total(const AccessStats& a) {
  double t = 0;
  for (const auto& [m, v] : a) t += v;
  return t;
}

double weighted(const AccessStats& a) {
  double t = 0;
  for (const auto& [m, v] : a) t += v * static_cast<double>(m);
  return t;
}

NetworkAccess network_traffic(const AccessStats& a, double read_back, long long fanout, long long instances) {
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

}  // namespace

double mesh_hops(long long multicast, long long fanout) {
  double f = std::sqrt(static_cast<double>(multicast));
  double n = std::sqrt(static_cast<double>(fanout));
  return n * f + 0.5 * (n - f) - n / f + 0.5;
}

std::vector<LevelAccounting> account_tiles(const NestResult& nest, const std::vector<std::vector<bool>>& keep,
                                                     const std::vector<bool>& read_write) {
  std::vector<LevelAccounting> out;
  account_tiles(nest, keep, read_write, out);
  return out;
}

void account_tiles(const NestResult& nest, const std::vector<std::vector<bool>>& keep, const std::vector<bool>& read_write,
                   std::vector<LevelAccounting>& out) {
  const std::size_t nlev = keep.size();
  const std::size_t nds = read_write.size();
  out.resize(nlev);
  for (auto& level : out) {
    level.tensors.assign(nds, TensorAccess{});
    level.network.assign(nds, NetworkAccess{});
  }

  // Loop ranges of each level: innermost valid loop and boundary loop.
  thread_local std::vector<int> inner, outer;
  inner.assign(nlev, -1);
  outer.assign(nlev, -1);
  for (std::size_t i = 0; i < nest.loops.size(); ++i) {
    auto lvl = static_cast<std::size_t>(nest.loops[i].level);
    if (inner[lvl] < 0 && nest.tiles[i].valid) inner[lvl] = static_cast<int>(i);
    if (nest.loops[i].boundary) outer[lvl] = static_cast<int>(i);
  }

  thread_local std::vector<LevelTile> t;
  for (std::size_t ds = 0; ds < nds; ++ds) {
    t.assign(nlev, LevelTile{});
    for (std::size_t l = 0; l < nlev; ++l) {
      const auto& ti = nest.tiles[static_cast<std::size_t>(inner[l])];
      const auto& to = nest.tiles[static_cast<std::size_t>(outer[l])];
      t[l].size = static_cast<double>(to.size[ds]);
      t[l].accesses = ti.accesses[ds];
      t[l].content = total(t[l].accesses);
      t[l].fanout = ti.master_spatial ? ti.fanout : 1;
      t[l].replication = to.replication;
      if (l > 0) t[l - 1].pfd = ti.master_spatial ? static_cast<double>(ti.size[ds]) : t[l - 1].size;
    }
    // Partition sizes: the outermost level holds everything; a spatial split divides it.
    t[nlev - 1].partition = t[nlev - 1].size;
    double partition = t[nlev - 1].size;
    for (std::size_t l = nlev - 1; l-- > 0;) {
      if (t[l].pfd != 0) partition = std::floor(partition * t[l].size / t[l].pfd);
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
      if (keep[l][ds]) {
        top_keeper = l;
        break;
      }
    // Bypass: a level that does not keep the tensor forwards its children's requests upward
    // (after its own network has carried them).
    for (std::size_t l = 0; l < nlev; ++l) {
      if (t[l].fanout > 1 && l <= top_keeper) {
        // Outputs kept here also flow back down: partial sums read out to be accumulated further.
        double read_back = (read_write[ds] && keep[l][ds]) ? std::max(0.0, t[l].content - t[l].partition) : 0.0;
        out[l].network[ds] = network_traffic(t[l].accesses, read_back, t[l].fanout, t[l].replication);
      }
      if (t[l].size == 0 || keep[l][ds]) continue;
      if (l + 1 == nlev) {
        t[l] = LevelTile{};
        break;
      }
      auto& up = t[l + 1];
      double w = weighted(up.accesses);
      double factor = w > 0 ? t[l].content * static_cast<double>(up.fanout) / w : 0;
      for (auto& [m, a] : up.accesses) a *= factor;
      up.content = total(up.accesses);
      t[l].size = 0;
      t[l].partition = 0;
      t[l].content = 0;
      t[l].parent_share = 0;
    }
    // The backing store (outermost level holding the tensor) is never filled.
    for (std::size_t l = nlev; l-- > 0;) {
      if (!keep[l][ds]) {
        t[l] = LevelTile{};
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
      auto& a = out[l].tensors[ds];
      a.kept = keep[l][ds] && t[l].size > 0;
      if (!a.kept) continue;
      a.instances = t[l].replication;
      a.tile_size = static_cast<long long>(t[l].size);
      a.partition_size = static_cast<long long>(t[l].partition);
      if (read_write[ds]) {
        a.updates = std::round(t[l].content);
        a.reads = std::round(t[l].content - t[l].partition);
        a.fills = (l == top) ? std::round(t[l].parent_share) : std::round(t[l].parent_share - t[l].partition);
      } else {
        a.reads = std::round(t[l].content);
        a.updates = 0;
        a.fills = std::round(t[l].parent_share);
      }
    }
  }
}

}  // namespace hwaware::model
