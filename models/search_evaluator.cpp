#include "models/search_evaluator.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "models/analytical_model.h"
#include "models/exact_rounding.h"
#include "models/tensor_accounting.h"

namespace hwaware::model {
namespace {

using Evaluator = SearchEvaluator;

// One loop of the flattened nest, innermost first (as nest_analysis.h's flatten()).
struct FlatLoop {
  int dim;
  long long bound;
  bool spatial;
};

// A level's loops in the flattened nest: [first, boundary], the spatial group first.
struct LevelLoops {
  std::size_t first = 0, boundary = 0, spatial = 0;
};

// Accesses per multicast factor, at most 16 factors, inline and never zeroed: what AccessStats
// holds without its heap spill. A mapping with more factors at a level is evaluated by the full
// model instead.
class Multicasts {
 public:
  using Entry = AccessStats::Entry;
  static constexpr std::size_t kCapacity = 16;
  Multicasts() {}  // user-provided: value-initialization does not zero the entries
  Entry* begin() { return entries_; }
  Entry* end() { return entries_ + size_; }
  const Entry* begin() const { return entries_; }
  const Entry* end() const { return entries_ + size_; }
  void clear() { size_ = 0; }
  // Appends a factor larger than every factor held.
  void append(long long factor, double accesses) { entries_[size_++] = Entry{factor, accesses}; }

 private:
  Entry entries_[kCapacity];
  std::size_t size_ = 0;
};

// Everything one evaluation works on, kept per thread: nothing is constructed, zeroed or
// destroyed per mapping beyond what the mapping uses.
struct Scratch {
  using E = SearchEvaluator;
  FlatLoop loop[E::kMaxLoops];
  LevelLoops level[E::kMaxLevels];
  long long stride[E::kMaxLoops];  // product of the bounds of the loops below of the same dimension
  long long bound[E::kMaxLoops];
  long long run[E::kMaxDims];  // product of the bounds so far, per dimension
  RankVec boundary_extent[E::kMaxTensors][E::kMaxLevels];
  double boundary_size[E::kMaxTensors][E::kMaxLevels], group_size[E::kMaxTensors][E::kMaxLevels];
  std::size_t branch_loop[E::kMaxLoops];
  long long branch_bound[E::kMaxLoops];
  double outside[E::kMaxLoops];
  std::size_t first_above[E::kMaxLevels];                 // per level: the first branching loop above the level
  PackedMove<2> relative4[E::kMaxTensors][E::kMaxLoops];  // relative moves per tensor, packed (4 ranks)
  PackedMove<4> relative8[E::kMaxTensors][E::kMaxLoops];  // (8 ranks)
  double temporal_above[E::kMaxLoops + 1];                // [j]: product of the temporal bounds of loops >= j
  LevelTileOf<Multicasts> tile[E::kMaxLevels];
  char keep[E::kMaxLevels];
  TensorAccess access[E::kMaxTensors][E::kMaxLevels];  // innermost level first
  NetworkAccess network[E::kMaxTensors][E::kMaxLevels];
  double read_vectors[E::kMaxLevels][E::kMaxTensors], fill_vectors[E::kMaxLevels][E::kMaxTensors],
      update_vectors[E::kMaxLevels][E::kMaxTensors];
  long long utilized[E::kMaxLevels];
};

template <std::size_t W>
auto pick_moves(Scratch& s) -> PackedMove<W> (&)[SearchEvaluator::kMaxTensors][SearchEvaluator::kMaxLoops] {
  if constexpr (W == 2) return s.relative4;
  else return s.relative8;
}

// The evaluator's counts as price_walk() reads them: levels in spec order (the scratch holds the
// accounting innermost first), energies and bits per element prepared per level.
template <typename Level, typename Counts, std::size_t NT>
class FlatView {
 public:
  FlatView(const Level* level, const Counts& s, std::size_t nlev, std::size_t ntensors, double cycles, const ComputeSplit& split,
           double compute_pj)
      : level_(level), s_(s), nlev_(nlev), ntensors_(ntensors), cycles_(cycles), split_(split), compute_pj_(compute_pj) {}
  std::size_t levels() const { return nlev_; }
  std::size_t tensors(std::size_t /*l*/) const { return NT ? NT : ntensors_; }
  bool is_virtual(std::size_t l) const { return level_[l].is_virtual; }
  const LevelPrices& prices(std::size_t l) const { return level_[l].prices; }
  const TensorAccess& access(std::size_t l, std::size_t t) const { return s_.access[t][nlev_ - 1 - l]; }
  double read_vectors(std::size_t l, std::size_t t) const { return s_.read_vectors[l][t]; }
  double fill_vectors(std::size_t l, std::size_t t) const { return s_.fill_vectors[l][t]; }
  double update_vectors(std::size_t l, std::size_t t) const { return s_.update_vectors[l][t]; }
  double leak_cycles(std::size_t l) const { return cycles_ * static_cast<double>(s_.utilized[l]); }
  const NetworkAccess& network(std::size_t l, std::size_t t) const { return s_.network[t][nlev_ - 1 - l]; }
  NetworkBits network_words(std::size_t l, std::size_t t) const {
    const Level& lv = level_[l];
    return network_bits(access(l, t).kept ? lv.network_bits_kept[t] : lv.network_bits_bypassed[t], lv.word_bits, network(l, t));
  }
  bool digital() const { return true; }
  const ComputeSplit& compute() const { return split_; }
  double compute_pj() const { return compute_pj_; }

 private:
  const Level* level_;
  const Counts& s_;
  std::size_t nlev_, ntensors_;
  double cycles_;
  const ComputeSplit& split_;
  double compute_pj_;
};

}  // namespace

SearchEvaluator::SearchEvaluator(const arch::Spec& spec, const workload::Problem& problem, const EnergyTable& table)
    : spec_(spec), problem_(problem), table_(table) {
  ndim_ = problem.dim_names.size();
  ntensors_ = problem.data_spaces.size();
  flat_ = ndim_ <= kMaxDims && ntensors_ <= kMaxTensors && spec.levels.size() <= kMaxLevels && !spec.levels.empty();
  for (const auto& ds : problem.data_spaces) flat_ = flat_ && ds.ranks.size() <= kMaxRanks;
  if (!flat_) return;
  for (std::size_t t = 0; t < ntensors_; ++t) {
    const auto& ds = problem.data_spaces[t];
    max_ranks_ = std::max(max_ranks_, ds.ranks.size());
    read_write_[t] = ds.read_write;
    for (std::size_t r = 0; r < ds.ranks.size(); ++r)
      for (const auto& term : ds.ranks[r]) {
        column_[static_cast<std::size_t>(term.dim)][t][r] += term.coefficient;
        if (term.coefficient != 0) rank_mask_[t][static_cast<std::size_t>(term.dim)] |= 1u << r;
      }
  }
  for (std::size_t d = 0; d < ndim_; ++d)
    for (std::size_t t = 0; t < ntensors_; ++t)
      for (std::size_t r = 0; r < kMaxRanks; ++r) {
        const long long c = column_[d][t][r];
        if (c == 0) continue;
        terms_[d].term[terms_[d].count++] = Term{t, r, c};
        packed_column_[d][t].word[r / 2] += static_cast<std::uint64_t>(c) << (32 * (r % 2));
      }
  // Packed moves are exact while every relative move fits in 31 bits: each is at most twice the
  // sum over dimensions of |coefficient| x (bound - 1) in any rank.
  for (std::size_t t = 0; t < ntensors_; ++t)
    for (std::size_t r = 0; r < kMaxRanks; ++r) {
      long double reach = 0;
      for (std::size_t d = 0; d < ndim_; ++d)
        reach += std::fabs(static_cast<long double>(column_[d][t][r])) * static_cast<long double>(problem.bounds[d] - 1);
      flat_ = flat_ && reach < static_cast<long double>(1LL << 29);
    }
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
      pl.network_bits_kept[t] = network_bits_per_element(spec, lvl, ds, true);
      pl.network_bits_bypassed[t] = network_bits_per_element(spec, lvl, ds, false);
    }
  }
  compute_policy_ = split_computes(spec, problem, 0);
  const ComponentEnergy* ce = table.find(spec.compute.name);
  compute_pj_ = ce ? ce->compute_at(compute_policy_.weight_bits, compute_policy_.input_bits) : 0;
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
  return mapping::Cost{price_total(spec_, counts, table_), static_cast<double>(counts.cycles)};
}

template <std::size_t R, std::size_t NT>
mapping::Cost SearchEvaluator::evaluate_flat(const mapping::Mapping& m) const {
  const std::size_t nlev = spec_.levels.size(), nt = NT ? NT : ntensors_;
  thread_local Scratch scratch;
  auto& loop = scratch.loop;
  auto& level = scratch.level;
  auto& stride = scratch.stride;
  constexpr std::size_t W = R / 2;  // words of a packed move
  PackedMove<W>(&relative)[kMaxTensors][kMaxLoops] = pick_moves<W>(scratch);
  auto& bound = scratch.bound;
  auto& run = scratch.run;
  auto& boundary_extent = scratch.boundary_extent;
  auto& boundary_size = scratch.boundary_size;
  auto& group_size = scratch.group_size;
  auto& branch_loop = scratch.branch_loop;
  auto& branch_bound = scratch.branch_bound;
  auto& outside = scratch.outside;
  auto& access = scratch.access;
  auto& network = scratch.network;

  // The nest, innermost first: per level its spatial loops, then its temporal loops (a trivial
  // one when it has none), the last being the level's boundary.
  std::size_t n = 0;
  for (std::size_t s = nlev; s-- > 0;) {
    const auto& lm = m.levels[s];
    auto& lv = level[nlev - 1 - s];
    lv.first = n;
    lv.spatial = lm.spatial.size();
    for (auto it = lm.spatial.rbegin(); it != lm.spatial.rend(); ++it) loop[n++] = {it->dim, it->bound, true};
    for (auto it = lm.temporal.rbegin(); it != lm.temporal.rend(); ++it) loop[n++] = {it->dim, it->bound, false};
    if (lm.temporal.empty()) loop[n++] = {0, 1, false};
    lv.boundary = n - 1;
  }

  // Where one step of each loop moves each tensor (every tensor is taken to have R ranks: the
  // ranks past its own never move and have extent 1),
  // the tensors' extents at each level's boundary and spatial group (the tile sizes), and the
  // temporal loops that branch in the walk with their relative moves. A tensor's extent in a
  // rank is 1 + sum of coefficient x (product of the bounds so far - 1) over its dimensions: a
  // loop adds its step x (bound - 1).
  RankVec high[kMaxTensors];
  PackedMove<W> below[kMaxTensors];  // packed sum of the steps of the branching loops so far
  for (std::size_t t = 0; t < nt; ++t) {
    high[t].fill(0);
    below[t].word.fill(0);
  }
  auto volume = [&](std::size_t t) {
    double v = 1;
    for (std::size_t r = 0; r < R; ++r) v *= static_cast<double>(high[t][r] + 1);
    return v;
  };
  std::fill(run, run + ndim_, 1);
  std::size_t nb = 0;
  auto& first_above = scratch.first_above;
  for (std::size_t lv = 0, j = 0; lv < nlev; ++lv) {
    for (; j <= level[lv].boundary; ++j) {
      const auto d = static_cast<std::size_t>(loop[j].dim);
      const long long b = loop[j].bound;
      const long long s = run[d];
      bound[j] = b;
      stride[j] = s;
      const auto& terms = terms_[d];
      for (std::size_t k = 0; k < terms.count; ++k)
        high[terms.term[k].tensor][terms.term[k].rank] += terms.term[k].coefficient * s * (b - 1);
      if (!loop[j].spatial && b >= 2) {
        // Relative moves, built as the loops go: this loop's step less the steps below.
        for (std::size_t t = 0; t < nt; ++t) {
          PackedMove<W>& g = relative[t][nb];
          for (std::size_t w = 0; w < W; ++w) {
            const std::uint64_t step = packed_column_[d][t].word[w] * static_cast<std::uint64_t>(s);
            g.word[w] = step - below[t].word[w];
            below[t].word[w] += step;
          }
        }
        branch_loop[nb] = j;
        branch_bound[nb++] = b;
      }
      run[d] *= b;
      if (level[lv].spatial > 0 && j == level[lv].first + level[lv].spatial - 1)
        for (std::size_t t = 0; t < nt; ++t) group_size[t][lv] = volume(t);
    }
    for (std::size_t t = 0; t < nt; ++t) {
      RankVec& e = boundary_extent[t][lv];
      for (std::size_t r = 0; r < R; ++r) e[r] = high[t][r] + 1;
      boundary_size[t][lv] = volume(t);
    }
  }
  // Where one step of loop j moves tensor t.
  auto step_of = [&](std::size_t t, std::size_t j) {
    RankVec st;
    const RankVec& col = column_[static_cast<std::size_t>(loop[j].dim)][t];
    for (std::size_t r = 0; r < kMaxRanks; ++r) st[r] = col[r] * stride[j];
    return st;
  };
  // The products of the bounds above each branching loop, and the first branching loop above
  // each level.
  if (nb > 0) outside[nb - 1] = 1;
  for (std::size_t i = nb; i-- > 1;) outside[i - 1] = outside[i] * static_cast<double>(branch_bound[i]);
  const Branching branching{branch_loop, branch_bound, outside, nb};
  for (std::size_t lv = 0, i = 0; lv < nlev; ++lv) {
    while (i < nb && branch_loop[i] <= level[lv].boundary) ++i;
    first_above[lv] = i;
  }
  auto& temporal_above = scratch.temporal_above;
  temporal_above[n] = 1;
  long long spatial_product = 1;
  for (std::size_t j = n; j-- > 0;) {
    temporal_above[j] = temporal_above[j + 1] * (loop[j].spatial ? 1.0 : static_cast<double>(loop[j].bound));
    if (loop[j].spatial) spatial_product *= loop[j].bound;
  }
  const double temporal_product = temporal_above[0];

  // Per tensor: the level tiles the accounting needs, then Timeloop's accounting.
  for (std::size_t t = 0; t < nt; ++t) {
    LevelTileOf<Multicasts>* tile = scratch.tile;
    char* keep = scratch.keep;
    long long replication = spatial_product;  // instances of the level: spatial loops above it
    for (std::size_t lv = 0; lv < nlev; ++lv) {
      const auto& lvl = level[lv];
      LevelTileOf<Multicasts>& lt = tile[lv];
      lt.accesses.clear();
      lt.partition = lt.pfd = lt.parent_share = 0;
      keep[lv] = m.levels[nlev - 1 - lv].keep[t];
      lt.size = boundary_size[t][lv];
      long long fanout = 1;
      for (std::size_t j = lvl.first; j < lvl.first + lvl.spatial; ++j) fanout *= loop[j].bound;
      replication /= fanout;
      lt.fanout = lvl.spatial > 0 ? fanout : 1;
      lt.replication = replication;
      if (lv > 0) tile[lv - 1].pfd = lvl.spatial > 0 ? group_size[t][lv] : tile[lv - 1].size;
      // What the level's innermost tile asks of it: the data the tile below fetches over the
      // temporal loops above (or every compute at the innermost level), per multicast class.
      const std::size_t low = lvl.first;
      // When the level below bypasses the tensor, the accounting rescales these requests to
      // that level's (account_tensor): only the ratios between multicast classes count, and
      // the delta sum is not needed.
      double per_class;
      if (low == 0) per_class = temporal_above[lvl.spatial];  // every compute below the level
      else if (!keep[lv - 1]) per_class = 1;
      else {
        const std::size_t first = first_above[lv - 1];
        const RankVec first_step = first < nb ? step_of(t, branch_loop[first]) : RankVec{};
        per_class = delta_sum(boundary_extent[t][lv - 1], R, first_step, relative[t], branching, first);
      }
      if (per_class > 0) {
        if (lvl.spatial == 0) {
          lt.accesses.append(1, per_class);
        } else {
          // Loops on disjoint ranks (the usual case) need no enumeration: every position is
          // shared by the children of the loops that do not move the tensor.
          long long shared = 1, seen = 0;
          double distinct = 1;
          bool disjoint = true;
          for (std::size_t j = low; j < low + lvl.spatial; ++j) {
            const unsigned mask = rank_mask_[t][static_cast<std::size_t>(loop[j].dim)];
            if (mask == 0) {
              shared *= loop[j].bound;
            } else if (mask & seen) {
              disjoint = false;
              break;
            } else {
              seen |= mask;
              distinct *= static_cast<double>(loop[j].bound);
            }
          }
          if (disjoint) {
            lt.accesses.append(shared, per_class * distinct);
          } else {
            RankVec steps[kMaxLoops];
            for (std::size_t j = low; j < low + lvl.spatial; ++j) steps[j - low] = step_of(t, j);
            const auto classes = multicast_classes(steps, &bound[low], lvl.spatial, R);
            if (classes.size() > Multicasts::kCapacity) return evaluate_full(m);
            for (const auto& [mc, count] : classes) lt.accesses.append(mc, per_class * count);
          }
        }
      }
      lt.content = total_accesses(lt.accesses);
    }
    account_tensor(tile, nlev, keep, read_write_[t], access[t], network[t]);
  }

  // Computes and cycles: the compute units' work, slowed by any level's bandwidth.
  const double computes = temporal_product * static_cast<double>(spatial_product);
  const ComputeSplit split = split_computes(compute_policy_, spec_.compute.zero_operands, computes);
  const long long compute = compute_cycles(temporal_product, spec_, split);
  long long cycles = compute;
  auto& utilized = scratch.utilized;
  for (std::size_t l = 0; l < nlev; ++l) {
    const std::size_t a = nlev - 1 - l;
    double read_bits = 0, write_bits = 0;
    utilized[l] = 0;
    for (std::size_t t = 0; t < nt; ++t) {
      const auto& ta = access[t][a];
      if (!ta.kept) continue;
      // As tensor_bits(): bits = scalar accesses x bits per element, in whole vectors.
      const double per = levels_[l].format[t].bits_per_element, entry = levels_[l].entry_bits;
      const double rb = ta.reads * per, fb = ta.fills * per, ub = ta.updates * per;
      read_bits += rb;
      write_bits += ub + fb;
      scratch.read_vectors[l][t] = vector_accesses(rb, entry);
      scratch.fill_vectors[l][t] = vector_accesses(fb, entry);
      scratch.update_vectors[l][t] = vector_accesses(ub, entry);
      utilized[l] = std::max(utilized[l], ta.instances);
    }
    const double slowdown = bandwidth_slowdown(spec_.levels[l], read_bits, write_bits, compute);
    cycles = std::max(cycles, throttled_cycles(compute, slowdown));
  }

  double energy = 0;
  const FlatView<Level, Scratch, NT> view(levels_.data(), scratch, nlev, ntensors_, static_cast<double>(cycles), split, compute_pj_);
  price_walk(view, [&energy](ActionKind, std::size_t, std::size_t, double pj) { energy += pj; });
  return mapping::Cost{energy, static_cast<double>(cycles)};
}

}  // namespace hwaware::model
