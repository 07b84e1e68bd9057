#pragma once
// Axis-aligned boxes of tensor coordinates, and the rule Timeloop's delta analysis applies when
// a tile moves: only data new to the level is fetched while the tile keeps moving by the same
// stride; when the stride changes (a loop wraps, or an outer loop steps) the residue is
// discarded and the whole tile is fetched again. Test-only: the walker's (nest_walker.h).

#include <cstdint>
#include <vector>

namespace hwaware::test {

// A tile's bounding box in a tensor's coordinates.
struct Box {
  std::vector<long long> min, max;  // per rank, min inclusive, max exclusive

  explicit Box(std::size_t ranks = 0) : min(ranks, 0), max(ranks, 0) {}
  long long size() const;
  bool same_extent(const Box& o) const { return min == o.min && max == o.max; }
  void reset();
  void translate(const std::vector<long long>& t);
};

// In place: self minus previous when the two differ along one axis only (exact there); otherwise
// self is left whole (Timeloop's box subtraction does not represent other shapes).
void subtract(Box& self, const Box& previous);

// What a tile remembers between visits: the last tile and the stride of the last move.
struct TileHistory {
  Box last;
  bool has_stride = false;
  std::vector<long long> stride;
};

// Data new to the level when the tile moves to `current`; updates the history.
Box delta(const Box& current, TileHistory& history);

}  // namespace hwaware::test
