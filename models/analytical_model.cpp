#include "models/analytical_model.h"

#include <algorithm>
#include <cmath>

#include "models/nest_analysis.h"

namespace hwaware::model {

LayerCounts evaluate_counts(const arch::Spec& spec, const mapping::Mapping& m, const workload::Problem& pr) {
  const std::size_t nlev = spec.levels.size();
  auto loops = flatten(m);
  NestResult nest = analyze_nest(pr, loops);
  std::vector<std::vector<bool>> keep(nlev);  // innermost first
  for (std::size_t i = 0; i < nlev; ++i) keep[i] = m.levels[nlev - 1 - i].keep;
  std::vector<bool> rw;
  for (const auto& ds : pr.data_spaces) rw.push_back(ds.read_write);
  auto acc = account_tiles(nest, keep, rw);

  LayerCounts out;
  for (const auto& ds : pr.data_spaces) out.tensor_names.push_back(ds.name);
  out.compute_instances = nest.compute_instances;
  out.computes = nest.compute_per_instance * static_cast<double>(nest.compute_instances);
  out.compute_cycles = static_cast<long long>(std::llround(nest.compute_per_instance));
  out.cycles = out.compute_cycles;
  for (std::size_t l = 0; l < nlev; ++l) {
    const auto& lvl = spec.levels[l];
    LevelCounts lc;
    lc.name = lvl.name;
    lc.is_virtual = lvl.is_virtual();
    lc.block_size = lvl.block_size;
    lc.tensors = acc[nlev - 1 - l].tensors;
    lc.network = acc[nlev - 1 - l].network;
    lc.network_name = lvl.network_name();
    double reads = 0, writes = 0;
    for (const auto& t : lc.tensors) {
      if (!t.kept) continue;
      reads += t.reads;
      writes += t.updates + t.fills;
      lc.utilized_instances = std::max(lc.utilized_instances, t.instances);
    }
    // Bandwidth-limited cycles: demand in words/cycle per instance against the level's ports.
    double cc = static_cast<double>(std::max<long long>(1, out.compute_cycles));
    if (lvl.read_bandwidth && *lvl.read_bandwidth < reads / cc) lc.slowdown = std::min(lc.slowdown, *lvl.read_bandwidth / (reads / cc));
    if (lvl.write_bandwidth && *lvl.write_bandwidth < writes / cc)
      lc.slowdown = std::min(lc.slowdown, *lvl.write_bandwidth / (writes / cc));
    lc.cycles = static_cast<long long>(std::ceil(static_cast<double>(out.compute_cycles) / lc.slowdown));
    out.cycles = std::max(out.cycles, lc.cycles);
    out.levels.push_back(lc);
  }
  double available = static_cast<double>(spec.compute.instances) * static_cast<double>(std::max<long long>(1, out.cycles));
  out.utilization = available > 0 ? out.computes / available : 0;
  return out;
}

static double vector_accesses(double scalar, long long block) {
  auto s = static_cast<long long>(std::llround(scalar));
  return static_cast<double>((s + block - 1) / block);
}

// Network rows: `transfer` (words delivered to, or sent by, children) and `hop` (word-hops).
template <typename Add>
static void price_network(const LevelCounts& lvl, const std::vector<std::string>& tensors, const EnergyTable& table, Add add) {
  const ComponentEnergy* ne = table.find(lvl.network_name);
  ComponentEnergy zero;
  if (!ne) ne = &zero;
  for (std::size_t ds = 0; ds < lvl.network.size(); ++ds) {
    const auto& n = lvl.network[ds];
    if (n.fanout <= 1 || n.instances == 0) continue;
    double k = static_cast<double>(n.instances);
    add({lvl.network_name, tensors[ds], "transfer", n.deliveries * k, n.deliveries * k * ne->transfer_pj});
    add({lvl.network_name, tensors[ds], "hop", n.hops * k, n.hops * k * ne->hop_pj});
  }
}

LayerEnergy price_layer(const arch::Spec& spec, const LayerCounts& counts, const EnergyTable& table) {
  LayerEnergy e;
  auto add = [&](BreakdownRow r) {
    e.total_pj += r.energy_pj;
    e.rows.push_back(std::move(r));
  };
  for (const auto& lvl : counts.levels) {
    if (lvl.is_virtual) continue;
    const ComponentEnergy* ce = table.find(lvl.name);
    ComponentEnergy zero;
    if (!ce) ce = &zero;
    for (std::size_t ds = 0; ds < lvl.tensors.size(); ++ds) {
      const auto& t = lvl.tensors[ds];
      if (!t.kept) continue;
      double n = static_cast<double>(t.instances);
      const std::string& tensor = counts.tensor_names[ds];
      add({lvl.name, tensor, "read", t.reads * n, vector_accesses(t.reads, lvl.block_size) * ce->read_pj * n});
      add({lvl.name, tensor, "fill", t.fills * n, vector_accesses(t.fills, lvl.block_size) * ce->write_pj * n});
      add({lvl.name, tensor, "update", t.updates * n, vector_accesses(t.updates, lvl.block_size) * ce->update() * n});
    }
    double leak_cycles = static_cast<double>(counts.cycles) * static_cast<double>(lvl.utilized_instances);
    add({lvl.name, "-", "leak", leak_cycles, leak_cycles * ce->leak_pj_per_cycle});
    price_network(lvl, counts.tensor_names, table, add);
  }
  const ComponentEnergy* ce = table.find(spec.compute.name);
  double epc = ce ? ce->compute_pj : 0;
  add({spec.compute.name, "-", "compute", counts.computes, counts.computes * epc});
  return e;
}

}  // namespace hwaware::model
