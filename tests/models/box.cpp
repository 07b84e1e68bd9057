#include "models/box.h"

namespace hwaware::test {

long long Box::size() const {
  if (min.empty()) return 0;
  long long s = 1;
  for (std::size_t i = 0; i < min.size(); ++i) s *= (max[i] - min[i]);
  return s;
}

void Box::reset() {
  for (auto& v : min) v = 0;
  for (auto& v : max) v = 0;
}

void Box::translate(const std::vector<long long>& t) {
  for (std::size_t i = 0; i < min.size(); ++i) {
    min[i] += t[i];
    max[i] += t[i];
  }
}

void subtract(Box& self, const Box& s) {
  if (self.size() == 0 || s.size() == 0) return;
  if (self.same_extent(s)) {
    self.reset();
    return;
  }
  const std::size_t n = self.min.size();
  for (std::size_t d = 0; d < n; ++d)
    if (s.max[d] <= self.min[d] || s.min[d] >= self.max[d]) return;  // disjoint: nothing reused
  Box updated = self;
  bool found = false;
  for (std::size_t d = 0; d < n; ++d) {
    if (self.min[d] == s.min[d] && self.max[d] == s.max[d]) continue;
    if (found) return;  // differs along two axes: fetch everything
    found = true;
    if (s.min[d] <= self.min[d]) {
      if (s.max[d] <= self.max[d]) updated.min[d] = s.max[d];
      else updated.max[d] = self.min[d];
    } else {
      if (s.max[d] < self.max[d]) return;  // would split the box in two
      updated.max[d] = s.min[d];
    }
    if (updated.min[d] == updated.max[d]) {
      self.reset();
      return;
    }
  }
  self.min = updated.min;
  self.max = updated.max;
}

Box delta(const Box& current, TileHistory& h) {
  const bool has_move = h.last.size() != 0;
  std::vector<long long> move;
  if (has_move) {
    move.resize(current.min.size());
    for (std::size_t r = 0; r < move.size(); ++r) move[r] = current.min[r] - h.last.min[r];
  }
  Box d = current;
  if (!h.has_stride) {
    subtract(d, h.last);
    h.has_stride = has_move;
    h.stride = move;
  } else if (has_move && move == h.stride) {
    subtract(d, h.last);
  } else {
    h.has_stride = false;  // stride changed: discard the residue, fetch the whole tile
    h.stride.clear();
  }
  h.last = current;
  return d;
}

}  // namespace hwaware::test
