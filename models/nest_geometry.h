#pragma once
// The geometry of a flattened loop nest, built one way for both users of the closed-form nest
// analysis: the analytical model (closed_form_nest.cpp, which reports every tile) and the search
// evaluator (search_evaluator.cpp, which only prices). From the loops (nest_analysis.h's
// flatten()) and how each dimension moves each tensor (Projection) it derives each loop's
// stride, each level's loops, fan-out and instances, the tensors' extents at each level's tiles,
// the temporal loops that branch in Timeloop's walk (bound >= 2) with their relative moves, and
// from these what each level's innermost tile asks of the level (nest_formulas.h). Templated on
// storage (nest_storage.h) and on how moves are held (RankVec, or PackedMove where coordinates
// fit in 31 bits), so that both users run the same code.

#include <cstdint>
#include <type_traits>
#include <vector>

#include "models/nest_analysis.h"
#include "models/nest_formulas.h"
#include "models/nest_storage.h"
#include "workloads/problem.h"

namespace hwaware::model {

// How each problem dimension moves each tensor, prepared once per problem (every tensor with at
// most kMaxRanks ranks): a loop of that dimension with stride s moves the tensor by s x column.
template <typename S>
struct Projection {
  struct Term {
    std::size_t tensor, rank;
    long long coefficient;
  };
  std::size_t ndim = 0, ntensors = 0;
  typename S::template PerDimTensor<RankVec> column;                    // [dim, tensor]: coefficient per rank
  typename S::template PerDimTensor<PackedMove<kMaxRanks / 2>> packed;  // the same, packed
  typename S::template PerDimTensor<unsigned> rank_mask;                // [dim, tensor]: bit r when it moves rank r
  typename S::template PerDimRank<Term> term;                           // [dim, k]: the non-zero coefficients
  typename S::template PerDim<std::size_t> terms;                       // [dim]: how many

  void prepare(const workload::Problem& p) {
    ndim = p.dim_names.size();
    ntensors = p.data_spaces.size();
    column.assign(ndim, ntensors, RankVec{});
    packed.assign(ndim, ntensors, PackedMove<kMaxRanks / 2>{});
    rank_mask.assign(ndim, ntensors, 0u);
    term.resize(ndim, ntensors * kMaxRanks);
    terms.assign(ndim, 0);
    for (std::size_t t = 0; t < ntensors; ++t) {
      const auto& ranks = p.data_spaces[t].ranks;
      for (std::size_t r = 0; r < ranks.size(); ++r)
        for (const auto& x : ranks[r]) column(static_cast<std::size_t>(x.dim), t)[r] += x.coefficient;
    }
    for (std::size_t d = 0; d < ndim; ++d)
      for (std::size_t t = 0; t < ntensors; ++t)
        for (std::size_t r = 0; r < kMaxRanks; ++r) {
          const long long c = column(d, t)[r];
          if (c == 0) continue;
          term(d, terms[d]++) = Term{t, r, c};
          packed(d, t).word[r / 2] += static_cast<std::uint64_t>(c) << (32 * (r % 2));
          rank_mask(d, t) |= 1u << r;
        }
  }

  // Whether packed moves are exact for every mapping of a problem of these bounds: each relative
  // move is at most twice the sum over dimensions of |coefficient| x (bound - 1) in any rank.
  bool packs_exactly(const std::vector<long long>& bounds) const {
    for (std::size_t t = 0; t < ntensors; ++t)
      for (std::size_t r = 0; r < kMaxRanks; ++r) {
        long double reach = 0;
        for (std::size_t d = 0; d < ndim; ++d) {
          const long long c = column(d, t)[r];
          reach += static_cast<long double>(c < 0 ? -c : c) * static_cast<long double>(bounds[d] - 1);
        }
        if (reach >= static_cast<long double>(1LL << 29)) return false;
      }
    return true;
  }
};

// One storage level's loops in the flattened nest.
struct LevelSpan {
  std::size_t first = 0;        // its innermost loop
  std::size_t spatial = 0;      // its spatial loops, first .. first + spatial - 1 (below its temporal ones)
  std::size_t boundary = 0;     // its outermost loop, which bounds its tile
  std::size_t first_above = 0;  // the first branching loop above the boundary (index among them)
  long long fanout = 1;         // spatial children of one instance
  long long replication = 1;    // instances: the product of the fan-outs above
};

// The geometry of one nest (see the top of this file). R: ranks evaluated per tensor (a tensor
// with fewer has extent 1 in the others); Move: RankVec, or PackedMove<R / 2>.
template <typename S, typename Move, std::size_t R>
class NestGeometry {
 public:
  // Builds the geometry of `n` loops, innermost first, in flatten()'s shape (per level its
  // spatial loops, then its temporal ones, the last its boundary), `nlev` levels. NT: tensors,
  // or 0 for p.ntensors (the compiler unrolls the loops over a known count).
  template <std::size_t NT>
  void build(const NestLoop* loops, std::size_t n, std::size_t nlev, const Projection<S>& p) {
    const std::size_t nt = NT ? NT : p.ntensors;
    start(loops, n, nlev, p, nt);
    std::size_t lv = 0;
    LevelSpan span;  // the level whose loops are being read
    for (std::size_t j = 0; j < n; ++j) {
      const NestLoop& lp = loops[j];
      const auto d = static_cast<std::size_t>(lp.dim);
      const long long b = lp.bound, s = run_[d];
      stride_[j] = s;
      bound_[j] = b;
      // A tensor's extent in a rank is 1 + the sum of coefficient x stride x (bound - 1).
      for (std::size_t k = 0; k < p.terms[d]; ++k) {
        const auto& x = p.term(d, k);
        high_[x.tensor][x.rank] += x.coefficient * s * (b - 1);
      }
      run_[d] = s * b;
      if (lp.spatial) {
        ++span.spatial;
        span.fanout *= b;
        if (j + 1 == n || !loops[j + 1].spatial)
          for (std::size_t t = 0; t < nt; ++t) group_size_(t, lv) = box_volume(extent_of(t), R);
        continue;
      }
      temporal_product_ *= static_cast<double>(b);
      if (b >= 2) add_branching<NT>(d, s, j, b);
      if (!lp.boundary) continue;
      span.boundary = j;
      span.first_above = nb_;
      level_[lv] = span;
      for (std::size_t t = 0; t < nt; ++t) {
        extent_(t, lv) = extent_of(t);
        tile_size_(t, lv) = box_volume(extent_(t, lv), R);
      }
      ++lv;
      span = LevelSpan{};
      span.first = j + 1;
    }
    finish();
  }

  const LevelSpan& level(std::size_t lv) const { return level_[lv]; }
  double temporal_product() const { return temporal_product_; }   // computes of one compute instance
  long long spatial_product() const { return spatial_product_; }  // compute instances used
  // Words of tensor t in level lv's tile (its boundary's), and in its spatial group's tile (the
  // tile the level below is split from; set when the level has spatial loops).
  long long tile_size(std::size_t t, std::size_t lv) const { return tile_size_(t, lv); }
  long long group_size(std::size_t t, std::size_t lv) const { return group_size_(t, lv); }

  // What each position of level lv's children asks of it for tensor t: every compute at the
  // innermost level; above, the data the tile below fetches over the temporal loops above it.
  double fetches_below(std::size_t t, std::size_t lv) const {
    if (lv == 0) return temporal_product_;
    const std::size_t first = level_[lv - 1].first_above;
    const RankVec first_step = first < nb_ ? step_of(t, branch_loop_[first]) : RankVec{};
    const Branching branching{branch_loop_.data(), branch_bound_.data(), outside_.data(), nb_};
    return delta_sum(extent_(t, lv - 1), R, first_step, relative_.row(t), branching, first);
  }

  // Adds to `out` what level lv's children ask of it for tensor t, `per_position` per distinct
  // position, by multicast factor: children of the level's spatial loops that sit at the same
  // coordinates of the tensor share each request. False when `out` cannot hold the factors.
  template <typename Hist>
  bool spread(std::size_t t, std::size_t lv, double per_position, Hist& out) {
    if (per_position <= 0) return true;
    const LevelSpan& span = level_[lv];
    if (span.spatial == 0) {
      out.add(1, per_position);
      return true;
    }
    // Loops on disjoint ranks (the usual case) need no enumeration: every position is shared by
    // the children of the loops that do not move the tensor.
    long long shared = 1;
    unsigned seen = 0;
    double distinct = 1;
    for (std::size_t j = span.first; j < span.first + span.spatial; ++j) {
      const unsigned mask = p_->rank_mask(static_cast<std::size_t>(loops_[j].dim), t);
      if (mask == 0) {
        shared *= bound_[j];
      } else if (mask & seen) {
        return spread_enumerated(t, span, per_position, out);
      } else {
        seen |= mask;
        distinct *= static_cast<double>(bound_[j]);
      }
    }
    out.add(shared, per_position * distinct);
    return true;
  }

 private:
  void start(const NestLoop* loops, std::size_t n, std::size_t nlev, const Projection<S>& p, std::size_t nt) {
    loops_ = loops;
    p_ = &p;
    nb_ = 0;
    temporal_product_ = 1;
    stride_.resize(n);
    bound_.resize(n);
    branch_loop_.resize(n);
    branch_bound_.resize(n);
    outside_.resize(n);
    group_step_.resize(n);
    relative_.resize(nt, n);
    level_.resize(nlev);
    extent_.resize(nt, nlev);
    tile_size_.resize(nt, nlev);
    group_size_.resize(nt, nlev);
    run_.assign(p.ndim, 1);
    high_.assign(nt, RankVec{});
    below_.assign(nt, Move{});
  }

  // Records temporal loop j (dimension d, stride s, bound b >= 2) as branching, with its relative
  // move per tensor: its step less the steps of the branching loops below.
  template <std::size_t NT>
  void add_branching(std::size_t d, long long s, std::size_t j, long long b) {
    const std::size_t nt = NT ? NT : p_->ntensors;
    for (std::size_t t = 0; t < nt; ++t) {
      auto& g = words(relative_(t, nb_));
      auto& below = words(below_[t]);
      const auto& col = words(column_of(d, t));
      using Word = std::decay_t<decltype(g[0])>;
      for (std::size_t w = 0; w < g.size(); ++w) {
        const Word step = col[w] * static_cast<Word>(s);
        g[w] = step - below[w];
        below[w] += step;
      }
    }
    branch_loop_[nb_] = j;
    branch_bound_[nb_++] = b;
  }

  // The products of the bounds of the branching loops above each, and the instances of each level.
  void finish() {
    if (nb_ > 0) outside_[nb_ - 1] = 1;
    for (std::size_t i = nb_; i-- > 1;) outside_[i - 1] = outside_[i] * static_cast<double>(branch_bound_[i]);
    long long above = 1;
    for (std::size_t lv = level_.size(); lv-- > 0;) {
      level_[lv].replication = above;
      above *= level_[lv].fanout;
    }
    spatial_product_ = above;
  }

  const auto& column_of(std::size_t d, std::size_t t) const {
    if constexpr (std::is_same_v<Move, RankVec>) return p_->column(d, t);
    else return p_->packed(d, t);
  }

  RankVec extent_of(std::size_t t) const {
    RankVec e{};
    for (std::size_t r = 0; r < R; ++r) e[r] = high_[t][r] + 1;
    return e;
  }

  // Where one step of loop j moves tensor t.
  RankVec step_of(std::size_t t, std::size_t j) const {
    RankVec st{};
    const RankVec& col = p_->column(static_cast<std::size_t>(loops_[j].dim), t);
    for (std::size_t r = 0; r < R; ++r) st[r] = col[r] * stride_[j];
    return st;
  }

  // spread() for spatial loops that share a rank of the tensor (a sliding window spread in space).
  template <typename Hist>
  bool spread_enumerated(std::size_t t, const LevelSpan& span, double per_position, Hist& out) {
    for (std::size_t j = span.first; j < span.first + span.spatial; ++j) group_step_[j - span.first] = step_of(t, j);
    const AccessStats classes = multicast_classes(group_step_.data(), &bound_[span.first], span.spatial, R);
    if (classes.size() > out.max_size()) return false;
    for (const auto& [m, count] : classes) out.add(m, per_position * count);
    return true;
  }

  const NestLoop* loops_ = nullptr;
  const Projection<S>* p_ = nullptr;
  typename S::template PerLoop<long long> stride_, bound_;    // [loop]: product of the bounds below of its dimension; bound
  typename S::template PerLoop<std::size_t> branch_loop_;     // [i]: the branching loops, innermost first
  typename S::template PerLoop<long long> branch_bound_;      // [i]: their bounds
  typename S::template PerLoop<double> outside_;              // [i]: product of the bounds of those above
  typename S::template PerTensorLoop<Move> relative_;         // [tensor, i]: their relative moves
  typename S::template PerLevel<LevelSpan> level_;            // innermost first
  typename S::template PerTensorLevel<RankVec> extent_;       // [tensor, level]: extents of the level's tile
  typename S::template PerTensorLevel<long long> tile_size_;  // [tensor, level]
  typename S::template PerTensorLevel<long long> group_size_;
  std::size_t nb_ = 0;  // branching loops
  double temporal_product_ = 1;
  long long spatial_product_ = 1;
  // Scratch of build() and spread().
  typename S::template PerDim<long long> run_;        // [dim]: product of the bounds so far
  typename S::template PerTensor<RankVec> high_;      // [tensor]: extent - 1 so far
  typename S::template PerTensor<Move> below_;        // [tensor]: sum of the steps of the branching loops so far
  typename S::template PerLoop<RankVec> group_step_;  // steps of a spatial group's loops
};

}  // namespace hwaware::model
