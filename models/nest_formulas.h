#pragma once
// The formulas of the closed-form nest analysis, on flat arrays, that nest_geometry.h applies for
// both the analysis that reports every tile (closed_form_nest.cpp) and the evaluator that
// searches use (search_evaluator.cpp): the data a tile fetches over the temporal loops above it,
// and how the children of a spatial fan-out share a tensor (multicast). The first are inline: a
// search evaluates them a dozen times per mapping.

#include <array>
#include <cstddef>
#include <cstdint>

#include "models/access_stats.h"
#include "workloads/problem.h"

namespace hwaware::model {

constexpr std::size_t kMaxRanks = workload::kMaxTensorRanks;
using RankVec = std::array<long long, kMaxRanks>;  // a coordinate or move per rank of a tensor

// Elements in a box of extent `e` over a tensor's first `ranks` ranks.
inline long long box_volume(const RankVec& e, std::size_t ranks) {
  long long s = 1;
  for (std::size_t r = 0; r < ranks; ++r) s *= e[r];
  return s;
}

// The temporal loops above the tiles of a nest that branch in Timeloop's walk (bound >= 2),
// innermost first, with what a delta sum needs of each.
struct Branching {
  const std::size_t* loop;  // [i]: index of the loop
  const long long* bound;   // [i]: its bound
  const double* outside;    // [i]: product of the bounds of the branching loops above it
  std::size_t count;
};

namespace detail {

// Data new to a tile of extent `e` after a move: box subtraction along one axis (a sliding
// window), nothing when it does not move, else the whole tile.
inline double fetched(const RankVec& m, const RankVec& e, std::size_t ranks, double full) {
  int axis = -1;
  for (std::size_t r = 0; r < ranks; ++r) {
    if (m[r] == 0) continue;
    if (axis >= 0) return full;
    axis = static_cast<int>(r);
  }
  if (axis < 0) return 0;
  const long long shift = m[static_cast<std::size_t>(axis)] < 0 ? -m[static_cast<std::size_t>(axis)] : m[static_cast<std::size_t>(axis)];
  const long long extent = e[static_cast<std::size_t>(axis)];
  if (shift >= extent) return full;
  return full / static_cast<double>(extent) * static_cast<double>(shift);
}

inline bool equal(const RankVec& a, const RankVec& b, std::size_t ranks) {
  for (std::size_t r = 0; r < ranks; ++r)
    if (a[r] != b[r]) return false;
  return true;
}

}  // namespace detail

// Per branching loop i (innermost first), a relative move: its step less the steps of the
// branching loops below it, so that two branching loops move a tile the same way, seen from any
// tile below both, exactly when these are equal (see delta_sum). Held as a RankVec, or packed.
inline bool same_move(const RankVec& a, const RankVec& b, std::size_t ranks) { return detail::equal(a, b, ranks); }

// A relative move packed two ranks to a 64-bit word, 32 bits each. Packing is linear modulo
// 2^64, so moves are added and subtracted packed, and it is exact (two moves are equal exactly
// when their packings are) while every coordinate fits in 31 bits (Projection::packs_exactly).
template <std::size_t W>
struct PackedMove {
  std::array<std::uint64_t, W> word;
};
template <std::size_t W>
inline bool same_move(const PackedMove<W>& a, const PackedMove<W>& b, std::size_t /*ranks*/) {
  return a.word == b.word;
}

// The words of a move, for arithmetic on either kind.
inline RankVec& words(RankVec& m) { return m; }
inline const RankVec& words(const RankVec& m) { return m; }
template <std::size_t W>
std::array<std::uint64_t, W>& words(PackedMove<W>& m) {
  return m.word;
}
template <std::size_t W>
const std::array<std::uint64_t, W>& words(const PackedMove<W>& m) {
  return m.word;
}

// Weighted data a tile of extent `e` fetches over every position of the branching loops
// first..count-1 above it; first_step is where one step of branching loop `first` moves the
// tensor (unread when first == count), `relative` the relative moves of the branching loops, as
// RankVec or PackedMove. The walk (tests/models/nest_walker.cpp) checks it.
//
// The positions the walk visits, in odometer order over "iteration 0 or 1" of the k temporal
// loops above the tile, are entered by transitions of the ruler sequence 1,2,1,3,1,2,1,...:
// every other transition is one of loop 1 (the innermost). Under Timeloop's rule (data new to
// the tile while the move repeats the remembered stride, the whole tile when it does not) the
// stride remembered before a transition of loop j >= 2 is therefore always loop 1's move M_1,
// and a transition of loop 1 always fetches f(M_1). So a transition of loop j fetches
//   f(M_1)                                     for j = 1,
//   f(M_1) if M_j == M_1, else the whole tile  for j >= 2,
// and happens with total weight (b_j - 1) x prod_{i > j} b_i. M_j = step_j - sum_{i<j} step_i
// (the loops inside j return to their start), so M_j == M_1 exactly when the relative moves
// step_j - (steps of all branching loops below j) are equal: those are computed once per nest.
template <typename Move>
double delta_sum(const RankVec& e, std::size_t ranks, const RankVec& first_step, const Move* relative, const Branching& b,
                 std::size_t first) {
  const double full = static_cast<double>(box_volume(e, ranks));
  double total = full;  // the first position fetches the whole tile
  if (first >= b.count) return total;
  const double first_fetch = detail::fetched(first_step, e, ranks, full);  // M_1 is loop 1's step
  total += static_cast<double>(b.bound[first] - 1) * b.outside[first] * first_fetch;
  const Move& g1 = relative[first];
  for (std::size_t i = first + 1; i < b.count; ++i) {
    const double fetch = same_move(relative[i], g1, ranks) ? first_fetch : full;
    total += static_cast<double>(b.bound[i] - 1) * b.outside[i] * fetch;
  }
  return total;
}

// Children of a spatial group (steps and bounds of its loops, `count` of them) grouped by
// where they sit in a tensor: multiplicity -> number of distinct positions shared by that many
// children. Reads the first `ranks` ranks of the steps only.
AccessStats multicast_classes(const RankVec* steps, const long long* bounds, std::size_t count, std::size_t ranks);

}  // namespace hwaware::model
