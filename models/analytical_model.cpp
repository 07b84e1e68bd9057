#include "models/analytical_model.h"

#include <algorithm>
#include <cmath>

#include "models/exact_rounding.h"
#include "models/nest_analysis.h"
#include "models/price_walk.h"
#include "models/sparse_analysis.h"

namespace hwaware::model {

double port_busy_cycles(const arch::StorageLevel& lvl, double read_bits, double write_bits) {
  const double word = static_cast<double>(lvl.word_bits);
  const double reads = lvl.read_bandwidth ? read_bits / word / *lvl.read_bandwidth : 0;
  const double writes = lvl.write_bandwidth ? write_bits / word / *lvl.write_bandwidth : 0;
  // One port: reads and writes take their shares of its time (Timeloop's num-ports: 1).
  return lvl.ports == 1 ? reads + writes : std::max(reads, writes);
}

double bandwidth_slowdown(const arch::StorageLevel& lvl, double read_bits, double write_bits, long long compute_cycles) {
  const double cc = static_cast<double>(std::max<long long>(1, compute_cycles));
  const double busy = port_busy_cycles(lvl, read_bits, write_bits);
  return busy > cc ? cc / busy : 1;
}

namespace {

// One level's counts: the nest's scalar accesses, the bits they move and its network's words.
void level_counts(const arch::Spec& spec, std::size_t l, const workload::Problem& pr, const LevelAccounting& acc, LevelCounts& lc) {
  const auto& lvl = spec.levels[l];
  // Every field is set (the vectors keep their storage when `lc` is reused).
  lc.slowdown = 1;
  lc.cycles = 0;
  lc.utilized_instances = 0;
  lc.name = lvl.name;
  lc.is_virtual = lvl.is_virtual();
  lc.block_size = lvl.block_size;
  lc.word_bits = lvl.word_bits;
  lc.tensors = acc.tensors;
  lc.network = acc.network;
  lc.network_name = lvl.network_name();
  lc.bits.clear();
  lc.network_bits.clear();
  lc.sparse.clear();
  for (std::size_t ds = 0; ds < lc.tensors.size(); ++ds) {
    const auto& space = pr.data_spaces[ds];
    const auto& t = lc.tensors[ds];
    lc.bits.push_back(t.kept ? tensor_bits(spec, lvl, space, t) : TensorBits{});
    lc.network_bits.push_back(network_bits(spec, lvl, space, lc.network[ds]));
    if (t.kept) lc.utilized_instances = std::max(lc.utilized_instances, t.instances);
  }
}

// Sparseloop's counts replace the dense ones where the level keeps a tensor: its ports carry the
// actual and gated data and the format words; the actual data's vectors are priced as reads,
// fills and updates, the rest as the sparse actions.
void apply_sparse(std::vector<SparseTensorCounts>&& sparse, LevelCounts& lc) {
  lc.sparse = std::move(sparse);
  for (std::size_t ds = 0; ds < lc.tensors.size(); ++ds) {
    if (!lc.tensors[ds].kept) continue;
    const SparseTensorCounts& s = lc.sparse[ds];
    TensorBits& b = lc.bits[ds];
    const double word = static_cast<double>(lc.word_bits);
    b.read_bits = s.read_words * word;
    b.fill_bits = s.fill_words * word;
    b.update_bits = s.update_words * word;
    b.read_vectors = s.read_vectors;
    b.fill_vectors = s.fill_vectors;
    b.update_vectors = s.update_vectors;
  }
}

// A network carries to its children what they are actually filled with (and from them what
// they actually update): its words scale with the nearest keeper below's actual and gated
// fills (updates for a read-write tensor it does not fill) over the dense ones. (Sparseloop
// prices no network in its reference cases; format words are not carried.)
void thin_networks(LayerCounts& out) {
  const std::size_t nlev = out.levels.size();
  for (std::size_t l = 0; l < nlev; ++l)
    for (std::size_t t = 0; t < out.tensor_names.size(); ++t) {
      NetworkBits& nb = out.levels[l].network_bits[t];
      if (nb.transfer_words == 0) continue;
      for (std::size_t c = l + 1; c < nlev; ++c) {
        const TensorAccess& a = out.levels[c].tensors[t];
        if (!a.kept) continue;
        const SparseTensorCounts& s = out.levels[c].sparse[t];
        const bool fills = a.fills > 0;
        const double dense = fills ? a.fills : a.updates;
        const double sparse = fills ? s.fills.actual + s.fills.gated : s.updates.actual + s.updates.gated;
        const double ratio = dense > 0 ? sparse / dense : 1;
        nb.transfer_words *= ratio;
        nb.hop_words *= ratio;
        break;
      }
    }
}

// Bandwidth-limited cycles: demand in words/cycle per instance (bits moved / word bits) against
// the level's ports.
void throttle(const arch::StorageLevel& lvl, LevelCounts& lc, long long compute_cycles) {
  double read_bits = 0, write_bits = 0;
  for (std::size_t ds = 0; ds < lc.tensors.size(); ++ds) {
    if (!lc.tensors[ds].kept) continue;
    read_bits += lc.bits[ds].read_bits;
    write_bits += lc.bits[ds].update_bits + lc.bits[ds].fill_bits;
  }
  lc.slowdown = bandwidth_slowdown(lvl, read_bits, write_bits, compute_cycles);
  lc.cycles = throttled_cycles(compute_cycles, lc.slowdown);
}

}  // namespace

LayerCounts evaluate_counts(const arch::Spec& spec, const mapping::Mapping& m, const workload::Problem& pr) {
  LayerCounts out;
  evaluate_counts(spec, m, pr, out);
  return out;
}

void evaluate_counts(const arch::Spec& spec, const mapping::Mapping& m, const workload::Problem& pr, LayerCounts& out) {
  const std::size_t nlev = spec.levels.size();
  thread_local std::vector<NestLoop> loops;  // reused: a search evaluates many mappings per thread
  thread_local NestResult nest;
  flatten(m, loops);
  analyze_nest(pr, loops, nest);
  thread_local std::vector<std::vector<bool>> keep;  // innermost first
  keep.resize(nlev);
  for (std::size_t i = 0; i < nlev; ++i) keep[i] = m.levels[nlev - 1 - i].keep;
  thread_local std::vector<bool> rw;
  rw.clear();
  for (const auto& ds : pr.data_spaces) rw.push_back(ds.read_write);
  thread_local std::vector<LevelAccounting> acc;
  account_tiles(nest, keep, rw, acc);

  out.levels.resize(nlev);
  out.tensor_names.resize(pr.data_spaces.size());
  for (std::size_t ds = 0; ds < pr.data_spaces.size(); ++ds) out.tensor_names[ds] = pr.data_spaces[ds].name;
  out.compute_instances = nest.compute_instances;
  out.computes = nest.compute_per_instance * static_cast<double>(nest.compute_instances);
  out.compute = dense_computes(spec, pr, out.computes);
  out.compute_cycles = static_cast<long long>(std::llround(nest.compute_per_instance));
  const bool sparse_spec = spec.sparse_optimized();
  thread_local SparseLayerCounts sparse;
  out.sparse_failure.clear();
  out.sparse_failure_loc = core::SourceLoc{};
  if (sparse_spec) {
    analyze_sparsity(spec, pr, nest, keep, acc, out.computes, sparse);
    out.sparse_failure = sparse.failure;
    out.sparse_failure_loc = sparse.failure_loc;
    out.compute.performed = sparse.compute.actual;
    out.compute.gated = sparse.compute.gated;
    out.compute.skipped = sparse.compute.skipped;
    // Each compute instance issues its share of the actual and gated computes.
    const double issued = sparse.compute.actual + sparse.compute.gated;
    out.compute_cycles = static_cast<long long>(ceil_count(issued / static_cast<double>(std::max<long long>(1, out.compute_instances))));
  }
  out.cycles = out.compute_cycles;
  for (std::size_t l = 0; l < nlev; ++l) {
    LevelCounts& lc = out.levels[l];
    level_counts(spec, l, pr, acc[nlev - 1 - l], lc);
    if (sparse_spec) apply_sparse(std::move(sparse.levels[l]), lc);
    throttle(spec.levels[l], lc, out.compute_cycles);
    out.cycles = std::max(out.cycles, lc.cycles);
  }
  if (sparse_spec) thin_networks(out);
  double available = static_cast<double>(spec.compute.instances) * static_cast<double>(std::max<long long>(1, out.cycles));
  double issued = out.compute.performed + out.compute.gated;
  out.utilization = available > 0 ? issued / available : 0;
}

long long throttled_cycles(long long compute_cycles, double slowdown) {
  const double x = static_cast<double>(compute_cycles) / slowdown;
  return static_cast<long long>(ceil_count(x - 1e-12 * std::max(1.0, x)));
}

namespace {

// A priced action as the pricing walk produces it: names by reference, nothing allocated.
struct PricedAction {
  const std::string& component;
  const std::string& tensor;
  const char* action;
  double count, energy_pj;
  std::optional<double> bits;
  std::optional<PimCategory> pim_category = std::nullopt;
};

const std::string kNoTensor = "-";

// PIM rows: every counted action of the crossbars' circuits (models/pim_circuits.h) at the energy
// table's pJ for that component and action; actions that did not happen are left out.
template <typename Add>
void price_pim(const PimLayerCounts& p, const EnergyTable& table, Add add) {
  for (const auto& a : p.actions) {
    if (a.count == 0) continue;
    const ComponentEnergy* e = table.find(a.component);
    const double pj = e ? e->action(a.action) : 0.0;
    add({a.component, kNoTensor, a.action.c_str(), a.count, a.count * pj, std::nullopt, a.category});
  }
}

// LayerCounts as price_walk() reads them.
class CountsView {
 public:
  CountsView(const arch::Spec& spec, const LayerCounts& counts, const EnergyTable& table) : spec_(spec), c_(counts), table_(table) {}
  std::size_t levels() const { return c_.levels.size(); }
  std::size_t tensors(std::size_t l) const { return c_.levels[l].tensors.size(); }
  bool is_virtual(std::size_t l) const { return c_.levels[l].is_virtual; }
  LevelPrices prices(std::size_t l) const { return level_prices(table_, c_.levels[l].name, c_.levels[l].network_name); }
  const TensorAccess& access(std::size_t l, std::size_t t) const { return c_.levels[l].tensors[t]; }
  double read_vectors(std::size_t l, std::size_t t) const { return c_.levels[l].bits[t].read_vectors; }
  double fill_vectors(std::size_t l, std::size_t t) const { return c_.levels[l].bits[t].fill_vectors; }
  double update_vectors(std::size_t l, std::size_t t) const { return c_.levels[l].bits[t].update_vectors; }
  const SparseTensorCounts* sparse(std::size_t l, std::size_t t) const {
    return c_.levels[l].sparse.empty() ? nullptr : &c_.levels[l].sparse[t];
  }
  double leak_cycles(std::size_t l) const { return static_cast<double>(c_.cycles) * static_cast<double>(c_.levels[l].utilized_instances); }
  const NetworkAccess& network(std::size_t l, std::size_t t) const { return c_.levels[l].network[t]; }
  const NetworkBits& network_words(std::size_t l, std::size_t t) const { return c_.levels[l].network_bits[t]; }
  bool digital() const { return !c_.pim; }
  const ComputeSplit& compute() const { return c_.compute; }
  double compute_pj() const {
    const ComponentEnergy* ce = table_.find(spec_.compute.name);
    return ce ? ce->compute_at(c_.compute.weight_bits, c_.compute.input_bits) : 0;
  }
  double gated_compute_pj() const { return compute_action("gated_compute"); }
  double skipped_compute_pj() const { return compute_action("skipped_compute"); }

 private:
  double compute_action(const char* name) const {
    const ComponentEnergy* ce = table_.find(spec_.compute.name);
    return ce ? ce->action(name) : 0;
  }

  const arch::Spec& spec_;
  const LayerCounts& c_;
  const EnergyTable& table_;
};

const char* action_name(ActionKind a) {
  switch (a) {
    case ActionKind::read: return "read";
    case ActionKind::fill: return "fill";
    case ActionKind::update: return "update";
    case ActionKind::leak: return "leak";
    case ActionKind::transfer: return "transfer";
    case ActionKind::hop: return "hop";
    case ActionKind::compute: return "compute";
    case ActionKind::gated: return "gated";
    case ActionKind::skipped: return "skipped";
    default: break;
  }
  const auto k = static_cast<std::size_t>(a) - static_cast<std::size_t>(ActionKind::sparse);
  if (k < kSparseActions) return sparse_action_name(static_cast<SparseAction>(k));
  return "?";
}

// The row of an action price_walk() priced: its component, tensor, count (scalar accesses, words
// delivered, word-hops, cycles or computes, over all instances) and bits moved.
PricedAction describe(const arch::Spec& spec, const LayerCounts& counts, ActionKind a, std::size_t l, std::size_t t, double energy_pj) {
  const std::string& tensor = t == kNoIndex ? kNoTensor : counts.tensor_names[t];
  if (l == kNoIndex) {
    const ComputeSplit& c = counts.compute;
    const double n = a == ActionKind::compute ? c.performed : a == ActionKind::gated ? c.gated : c.skipped;
    return {spec.compute.name, kNoTensor, action_name(a), n, energy_pj, std::nullopt};
  }
  const LevelCounts& lvl = counts.levels[l];
  if (a == ActionKind::leak) {
    const double cycles = static_cast<double>(counts.cycles) * static_cast<double>(lvl.utilized_instances);
    return {lvl.name, kNoTensor, action_name(a), cycles, energy_pj, std::nullopt};
  }
  if (a == ActionKind::transfer || a == ActionKind::hop) {
    const NetworkAccess& n = lvl.network[t];
    const double k = static_cast<double>(n.instances), word = static_cast<double>(lvl.word_bits);
    const bool transfer = a == ActionKind::transfer;
    const double words = transfer ? lvl.network_bits[t].transfer_words : lvl.network_bits[t].hop_words;
    return {lvl.network_name, tensor, action_name(a), (transfer ? n.deliveries : n.hops) * k, energy_pj, words * k * word};
  }
  const TensorAccess& ta = lvl.tensors[t];
  const TensorBits& b = lvl.bits[t];
  const double n = static_cast<double>(ta.instances);
  if (!lvl.sparse.empty()) {
    const SparseTensorCounts& s = lvl.sparse[t];
    const auto k = static_cast<std::size_t>(a) - static_cast<std::size_t>(ActionKind::sparse);
    if (k < kSparseActions) return {lvl.name, tensor, action_name(a), s.counts[k] * n, energy_pj, std::nullopt};
    const double actual = a == ActionKind::read ? s.reads.actual : a == ActionKind::fill ? s.fills.actual : s.updates.actual;
    return {lvl.name, tensor, action_name(a), actual * n, energy_pj, std::nullopt};
  }
  const double count = a == ActionKind::read ? ta.reads : a == ActionKind::fill ? ta.fills : ta.updates;
  const double bits = a == ActionKind::read ? b.read_bits : a == ActionKind::fill ? b.fill_bits : b.update_bits;
  return {lvl.name, tensor, action_name(a), count * n, energy_pj, bits * n};
}

// Every priced action of a layer (price_walk()), then the PIM crossbars' peripherals if they did
// the MACs.
template <typename Add>
void price_actions(const arch::Spec& spec, const LayerCounts& counts, const EnergyTable& table, Add add) {
  price_walk(CountsView(spec, counts, table),
             [&](ActionKind a, std::size_t l, std::size_t t, double energy_pj) { add(describe(spec, counts, a, l, t, energy_pj)); });
  if (counts.pim) price_pim(*counts.pim, table, add);
}

}  // namespace

LayerEnergy price_layer(const arch::Spec& spec, const LayerCounts& counts, const EnergyTable& table) {
  LayerEnergy e;
  e.rows.reserve(8 * counts.levels.size() + 3);
  price_actions(spec, counts, table, [&](const PricedAction& a) {
    e.total_pj += a.energy_pj;
    e.rows.push_back({a.component, a.tensor, a.action, a.count, a.energy_pj, a.bits, a.pim_category});
  });
  return e;
}

double price_total(const arch::Spec& spec, const LayerCounts& counts, const EnergyTable& table) {
  double total = 0;
  price_actions(spec, counts, table, [&](const PricedAction& a) { total += a.energy_pj; });
  return total;
}

}  // namespace hwaware::model
