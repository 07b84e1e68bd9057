#include "models/search_evaluator.h"

#include <algorithm>
#include <cstdint>

#include "models/analytical_model.h"
#include "models/tensor_accounting.h"

namespace hwaware::model {
namespace {

// Accesses per multicast factor, at most 16 factors, inline and never zeroed: what AccessStats
// holds without its heap spill. A mapping with more factors at a level is evaluated by the full
// model instead.
class Multicasts {
 public:
  using Entry = AccessStats::Entry;
  Multicasts() {}  // user-provided: value-initialization does not zero the entries
  Entry* begin() { return entries_; }
  Entry* end() { return entries_ + size_; }
  const Entry* begin() const { return entries_; }
  const Entry* end() const { return entries_ + size_; }
  void clear() { size_ = 0; }
  // Adds a factor larger than every factor held (NestGeometry::spread() adds them in order).
  void add(long long factor, double accesses) { entries_[size_++] = Entry{factor, accesses}; }
  static constexpr std::size_t max_size() { return kCapacity; }

 private:
  static constexpr std::size_t kCapacity = 16;
  Entry entries_[kCapacity];
  std::size_t size_ = 0;
};

// Everything one evaluation works on, kept per thread: nothing is constructed, zeroed or
// destroyed per mapping beyond what the mapping uses. R: ranks evaluated per tensor.
template <std::size_t R>
struct Scratch {
  using E = SearchEvaluator;
  FixedList<NestLoop, E::kMaxLoops> loops;
  NestGeometry<E::FlatStorage, PackedMove<R / 2>, R> nest;
  LevelTileOf<Multicasts> tile[E::kMaxLevels];
  char keep[E::kMaxLevels];
  TensorAccess access[E::kMaxTensors][E::kMaxLevels];  // innermost level first
  NetworkAccess network[E::kMaxTensors][E::kMaxLevels];
  MovedBits moved[E::kMaxLevels][E::kMaxTensors];  // spec order
  long long utilized[E::kMaxLevels];
};

// The evaluator's counts as price_walk() reads them: levels in spec order (the scratch holds the
// accounting innermost first), energies and bits per element prepared per level.
template <typename Level, typename Counts, std::size_t NT>
class FlatView {
 public:
  FlatView(const Level* level, const Counts& s, std::size_t nlev, std::size_t ntensors, double cycles, const ComputeSplit& split,
           const std::array<double, 3>& compute_pj)
      : level_(level), s_(s), nlev_(nlev), ntensors_(ntensors), cycles_(cycles), split_(split), compute_pj_(compute_pj) {}
  std::size_t levels() const { return nlev_; }
  std::size_t tensors(std::size_t /*l*/) const { return NT ? NT : ntensors_; }
  bool is_virtual(std::size_t l) const { return level_[l].is_virtual; }
  const LevelPrices& prices(std::size_t l) const { return level_[l].prices; }
  const TensorAccess& access(std::size_t l, std::size_t t) const { return s_.access[t][nlev_ - 1 - l]; }
  double read_vectors(std::size_t l, std::size_t t) const { return s_.moved[l][t].read_vectors; }
  double fill_vectors(std::size_t l, std::size_t t) const { return s_.moved[l][t].fill_vectors; }
  double update_vectors(std::size_t l, std::size_t t) const { return s_.moved[l][t].update_vectors; }
  const SparseTensorCounts* sparse(std::size_t, std::size_t) const { return nullptr; }  // sparse specs take the full model
  double leak_cycles(std::size_t l) const { return cycles_ * static_cast<double>(s_.utilized[l]); }
  const NetworkAccess& network(std::size_t l, std::size_t t) const { return s_.network[t][nlev_ - 1 - l]; }
  NetworkBits network_words(std::size_t l, std::size_t t) const {
    const Level& lv = level_[l];
    return network_bits(lv.network_bits[t], lv.word_bits, network(l, t));
  }
  bool digital() const { return true; }
  const ComputeSplit& compute() const { return split_; }
  double compute_pj() const { return compute_pj_[0]; }
  double gated_compute_pj() const { return compute_pj_[1]; }
  double skipped_compute_pj() const { return compute_pj_[2]; }

 private:
  const Level* level_;
  const Counts& s_;
  std::size_t nlev_, ntensors_;
  double cycles_;
  const ComputeSplit& split_;
  const std::array<double, 3>& compute_pj_;  // performed, gated, skipped
};

}  // namespace

SearchEvaluator::SearchEvaluator(const arch::Spec& spec, const workload::Problem& problem, const EnergyTable& table)
    : spec_(spec), problem_(problem), table_(table) {
  ntensors_ = problem.data_spaces.size();
  flat_ = problem.dim_names.size() <= kMaxDims && ntensors_ <= kMaxTensors && spec.levels.size() <= kMaxLevels && !spec.levels.empty();
  for (const auto& ds : problem.data_spaces) flat_ = flat_ && ds.ranks.size() <= kMaxRanks;
  if (!flat_) return;
  for (std::size_t t = 0; t < ntensors_; ++t) {
    max_ranks_ = std::max(max_ranks_, problem.data_spaces[t].ranks.size());
    read_write_[t] = problem.data_spaces[t].read_write;
  }
  projection_.prepare(problem);
  // Sparseloop's sparse features are counted by the full model only (models/sparse_analysis.h).
  flat_ = projection_.packs_exactly(problem.bounds) && !spec.sparse_optimized();
  if (!flat_) return;
  for (std::size_t l = 0; l < spec.levels.size(); ++l) {
    const auto& lvl = spec.levels[l];
    auto& pl = levels_[l];
    pl.is_virtual = lvl.is_virtual();
    pl.word_bits = lvl.word_bits;
    pl.entry_bits = static_cast<double>(lvl.block_size) * static_cast<double>(lvl.word_bits);
    pl.prices = level_prices(table, lvl.name, lvl.network_name());
    for (std::size_t t = 0; t < ntensors_; ++t) {
      const auto& ds = problem.data_spaces[t];
      pl.format[t] = tensor_format(spec, lvl, ds);
      pl.network_bits[t] = network_bits_per_element(spec, lvl, ds);
    }
  }
  compute_widths_ = dense_computes(spec, problem, 0);
  const ComponentEnergy* ce = table.find(spec.compute.name);
  compute_pj_ = {ce ? ce->compute_at(compute_widths_.weight_bits, compute_widths_.input_bits) : 0, ce ? ce->action("gated_compute") : 0,
                 ce ? ce->action("skipped_compute") : 0};
}

mapping::Cost SearchEvaluator::evaluate(const mapping::Mapping& m) const {
  if (!flat_ || m.levels.size() != spec_.levels.size()) return evaluate_full(m);
  std::size_t loops = 0;
  for (const auto& lm : m.levels) loops += lm.spatial.size() + std::max<std::size_t>(1, lm.temporal.size());
  if (loops > kMaxLoops) return evaluate_full(m);
  if (max_ranks_ <= 4 && ntensors_ == 3) return evaluate_flat<4, 3>(m);  // convolutions, matrix products
  if (max_ranks_ <= 4 && ntensors_ == 2) return evaluate_flat<4, 2>(m);  // pooling, elementwise adds
  return evaluate_flat<kMaxRanks, 0>(m);
}

mapping::Cost SearchEvaluator::evaluate_full(const mapping::Mapping& m) const {
  thread_local LayerCounts counts;  // reused across the mappings a thread evaluates
  evaluate_counts(spec_, m, problem_, counts);
  // A format that cannot hold its tile makes the mapping infeasible (Timeloop's mapper skips it).
  if (!counts.sparse_failure.empty()) return mapping::Cost{0, 0, false};
  return mapping::Cost{price_total(spec_, counts, table_), static_cast<double>(counts.cycles)};
}

template <std::size_t R, std::size_t NT>
mapping::Cost SearchEvaluator::evaluate_flat(const mapping::Mapping& m) const {
  thread_local Scratch<R> s;
  const std::size_t nlev = spec_.levels.size();
  flatten(m, s.loops);
  s.nest.template build<NT>(s.loops.data(), s.loops.size(), nlev, projection_);
  if (!account_tensors<NT>(m, s)) return evaluate_full(m);
  // Computes and cycles: the compute units' work, slowed by any level's bandwidth.
  const double per_instance = s.nest.temporal_product();
  const double computes = per_instance * static_cast<double>(s.nest.spatial_product());
  ComputeSplit split = compute_widths_;
  split.performed = computes;
  const long long cycles = level_bits<NT>(s, static_cast<long long>(std::llround(per_instance)));
  double energy = 0;
  const FlatView<Level, Scratch<R>, NT> view(levels_.data(), s, nlev, ntensors_, static_cast<double>(cycles), split, compute_pj_);
  price_walk(view, [&energy](ActionKind, std::size_t, std::size_t, double pj) { energy += pj; });
  return mapping::Cost{energy, static_cast<double>(cycles)};
}

template <std::size_t NT, typename Work>
bool SearchEvaluator::account_tensors(const mapping::Mapping& m, Work& s) const {
  const std::size_t nlev = spec_.levels.size(), nt = NT ? NT : ntensors_;
  auto& g = s.nest;
  for (std::size_t t = 0; t < nt; ++t) {
    for (std::size_t lv = 0; lv < nlev; ++lv) {
      const LevelSpan& span = g.level(lv);
      auto& lt = s.tile[lv];
      lt.accesses.clear();
      lt.partition = lt.pfd = lt.parent_share = 0;
      s.keep[lv] = m.levels[nlev - 1 - lv].keep[t];
      lt.size = static_cast<double>(g.tile_size(t, lv));
      lt.fanout = span.fanout;
      lt.replication = span.replication;
      if (lv > 0) s.tile[lv - 1].pfd = span.spatial > 0 ? static_cast<double>(g.group_size(t, lv)) : s.tile[lv - 1].size;
      // When the level below bypasses the tensor, the accounting rescales these requests to
      // that level's (account_tensor): only the ratios between multicast classes count, and
      // the delta sum is not needed.
      const double per_position = lv > 0 && !s.keep[lv - 1] ? 1 : g.fetches_below(t, lv);
      if (!g.spread(t, lv, per_position, lt.accesses)) return false;
      lt.content = total_accesses(lt.accesses);
    }
    account_tensor(s.tile, nlev, s.keep, read_write_[t], s.access[t], s.network[t]);
  }
  return true;
}

template <std::size_t NT, typename Work>
long long SearchEvaluator::level_bits(Work& s, long long compute) const {
  const std::size_t nlev = spec_.levels.size(), nt = NT ? NT : ntensors_;
  long long cycles = compute;
  for (std::size_t l = 0; l < nlev; ++l) {
    const std::size_t a = nlev - 1 - l;
    double read_bits = 0, write_bits = 0;
    s.utilized[l] = 0;
    for (std::size_t t = 0; t < nt; ++t) {
      const auto& ta = s.access[t][a];
      if (!ta.kept) continue;
      const MovedBits& b = s.moved[l][t] = moved_bits(levels_[l].format[t].bits_per_element, levels_[l].entry_bits, ta);
      read_bits += b.read_bits;
      write_bits += b.update_bits + b.fill_bits;
      s.utilized[l] = std::max(s.utilized[l], ta.instances);
    }
    const double slowdown = bandwidth_slowdown(spec_.levels[l], read_bits, write_bits, compute);
    cycles = std::max(cycles, throttled_cycles(compute, slowdown));
  }
  return cycles;
}

}  // namespace hwaware::model
