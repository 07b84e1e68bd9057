#pragma once
// The one walk that prices a layer's actions: per storage level (spec order) the reads, fills
// and updates of every tensor it keeps, its leakage, its network's transfers and hops, then the
// computes, each with its energy from the energy table. The analytical model's price_layer() and
// price_total() walk their LayerCounts with it, the search evaluator its per-thread arrays, so
// both sum the same terms in the same order.

#include <array>
#include <cstddef>
#include <string>

#include "models/energy_table.h"
#include "models/sparse_counts.h"
#include "models/sparsity.h"
#include "models/tile_accounting.h"

namespace hwaware::model {

// What a storage level's actions cost: its energy table entry and its network's (zero where the
// table has none).
struct LevelPrices {
  double read_pj = 0, write_pj = 0, update_pj = 0;  // per vector access
  double leak_pj = 0;                               // per instance per cycle
  double transfer_pj = 0, hop_pj = 0;               // its network, per word delivered, per word-hop
  std::array<double, kSparseActions> sparse_pj{};   // per vector (or per count) of each SparseAction
};

inline LevelPrices level_prices(const EnergyTable& table, const std::string& storage, const std::string& network) {
  LevelPrices p;
  if (const ComponentEnergy* e = table.find(storage)) {
    p.read_pj = e->read_pj;
    p.write_pj = e->write_pj;
    p.update_pj = e->update();
    p.leak_pj = e->leak_pj_per_cycle;
    for (std::size_t k = 0; k < kSparseActions; ++k) p.sparse_pj[k] = e->action(sparse_action_name(static_cast<SparseAction>(k)));
  }
  if (const ComponentEnergy* e = table.find(network)) {
    p.transfer_pj = e->transfer_pj;
    p.hop_pj = e->hop_pj;
  }
  return p;
}

// A storage level's sparse actions follow `update` as kSparseAction + k (k a SparseAction).
enum class ActionKind { read, fill, update, leak, transfer, hop, compute, gated, skipped, sparse };
inline ActionKind sparse_action_kind(std::size_t k) { return static_cast<ActionKind>(static_cast<std::size_t>(ActionKind::sparse) + k); }
constexpr std::size_t kNoIndex = static_cast<std::size_t>(-1);  // the level or tensor of an action that has none

// Calls add(action, level, tensor, energy_pj) for every priced action of a layer. The view,
// levels in spec order (outermost first):
//   levels(), tensors(l), is_virtual(l), prices(l) (LevelPrices)
//   access(l, t) (TensorAccess: kept, instances), read_vectors(l, t), fill_vectors(l, t),
//     update_vectors(l, t) (vector accesses of one instance), sparse(l, t) (the SparseTensorCounts
//     of the tensor, or nullptr when dense)
//   leak_cycles(l) (cycles x utilized instances)
//   network(l, t) (NetworkAccess: fanout, instances), network_words(l, t) (NetworkBits)
//   digital() (false: analog PIM crossbars did the MACs, priced apart), compute() (ComputeSplit),
//     compute_pj() (per performed compute at the layer's operand widths), gated_compute_pj(),
//     skipped_compute_pj() (the table's gated_compute and skipped_compute, 0 when absent)
template <typename View, typename Add>
void price_walk(const View& v, Add&& add) {
  for (std::size_t l = 0; l < v.levels(); ++l) {
    if (v.is_virtual(l)) continue;
    const LevelPrices& p = v.prices(l);
    for (std::size_t t = 0; t < v.tensors(l); ++t) {
      const TensorAccess& a = v.access(l, t);
      if (!a.kept) continue;
      const double n = static_cast<double>(a.instances);
      add(ActionKind::read, l, t, v.read_vectors(l, t) * p.read_pj * n);
      add(ActionKind::fill, l, t, v.fill_vectors(l, t) * p.write_pj * n);
      add(ActionKind::update, l, t, v.update_vectors(l, t) * p.update_pj * n);
      if (const SparseTensorCounts* s = v.sparse(l, t))
        for (std::size_t k = 0; k < kSparseActions; ++k)
          if (s->counts[k] != 0) add(sparse_action_kind(k), l, t, s->vectors[k] * p.sparse_pj[k] * n);
    }
    add(ActionKind::leak, l, kNoIndex, v.leak_cycles(l) * p.leak_pj);
    for (std::size_t t = 0; t < v.tensors(l); ++t) {
      const NetworkAccess& na = v.network(l, t);
      if (na.fanout <= 1 || na.instances == 0) continue;
      const NetworkBits words = v.network_words(l, t);
      const double k = static_cast<double>(na.instances);
      add(ActionKind::transfer, l, t, words.transfer_words * k * p.transfer_pj);
      add(ActionKind::hop, l, t, words.hop_words * k * p.hop_pj);
    }
  }
  if (!v.digital()) return;
  // Performed MACs at the energy of the layer's operand widths; gated and skipped MACs (when the
  // zero-operand policy has any) at the table's gated_compute and skipped_compute, 0 when it has
  // none (Timeloop's rule; their leakage is in `leak`).
  const ComputeSplit& c = v.compute();
  add(ActionKind::compute, kNoIndex, kNoIndex, c.performed * v.compute_pj());
  if (c.gated > 0) add(ActionKind::gated, kNoIndex, kNoIndex, c.gated * v.gated_compute_pj());
  if (c.skipped > 0) add(ActionKind::skipped, kNoIndex, kNoIndex, c.skipped * v.skipped_compute_pj());
}

}  // namespace hwaware::model
