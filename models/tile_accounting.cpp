#include "models/tile_accounting.h"

#include "models/tensor_accounting.h"

#include <cmath>

namespace hwaware::model {

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
  thread_local std::vector<TensorAccess> tensors;
  thread_local std::vector<NetworkAccess> network;
  thread_local std::vector<char> kept;
  kept.resize(nlev);
  for (std::size_t ds = 0; ds < nds; ++ds) {
    t.assign(nlev, LevelTile{});
    for (std::size_t l = 0; l < nlev; ++l) {
      const auto& ti = nest.tiles[static_cast<std::size_t>(inner[l])];
      const auto& to = nest.tiles[static_cast<std::size_t>(outer[l])];
      t[l].size = static_cast<double>(to.size[ds]);
      t[l].accesses = ti.accesses[ds];
      t[l].content = total_accesses(t[l].accesses);
      t[l].fanout = ti.master_spatial ? ti.fanout : 1;
      t[l].replication = to.replication;
      if (l > 0) t[l - 1].pfd = ti.master_spatial ? static_cast<double>(ti.size[ds]) : t[l - 1].size;
      kept[l] = keep[l][ds];
    }
    tensors.resize(nlev);
    network.resize(nlev);
    account_tensor(t.data(), nlev, kept.data(), read_write[ds], tensors.data(), network.data());
    for (std::size_t l = 0; l < nlev; ++l) {
      out[l].tensors[ds] = tensors[l];
      out[l].network[ds] = network[l];
    }
  }
}

}  // namespace hwaware::model
