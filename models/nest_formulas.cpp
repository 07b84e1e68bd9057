#include "models/nest_formulas.h"

#include <algorithm>
#include <cstdint>
#include <vector>

#include "core/diagnostics.h"

namespace hwaware::model {
namespace {

using Histogram = AccessStats;  // multiplicity -> number of distinct positions

// Positions of the children of a few loops, counted by how many children share each.
Histogram count_positions(const RankVec* steps, const long long* bounds, const std::size_t* group, std::size_t size, std::size_t ranks) {
  thread_local std::vector<RankVec> offsets, next;
  offsets.assign(1, RankVec{});
  for (std::size_t g = 0; g < size; ++g) {
    const std::size_t j = group[g];
    next.clear();
    for (long long i = 0; i < bounds[j]; ++i)
      for (const auto& o : offsets) {
        RankVec v = o;
        for (std::size_t r = 0; r < ranks; ++r) v[r] += steps[j][r] * i;
        next.push_back(v);
      }
    offsets.swap(next);
  }
  std::sort(offsets.begin(), offsets.end());
  Histogram classes;
  for (std::size_t i = 0; i < offsets.size();) {
    std::size_t e = i;
    while (e < offsets.size() && offsets[e] == offsets[i]) ++e;
    classes[static_cast<long long>(e - i)] += 1;
    i = e;
  }
  return classes;
}

// count_positions() behind a small per-thread table: the answer depends only on the loops'
// bounds and steps, which repeat across the mappings of a search.
Histogram enumerate(const RankVec* steps, const long long* bounds, const std::size_t* group, std::size_t size, std::size_t ranks) {
  struct Key {
    std::size_t size = 0;
    std::array<long long, 4> bounds{};
    std::array<RankVec, 4> steps{};
    bool operator==(const Key& o) const { return size == o.size && bounds == o.bounds && steps == o.steps; }
  };
  struct Slot {
    bool used = false;
    Key key;
    Histogram value;
  };
  thread_local std::array<Slot, 64> cache;
  Key key;
  Slot* slot = nullptr;
  if (size <= key.bounds.size()) {
    key.size = size;
    std::uint64_t h = size;
    for (std::size_t g = 0; g < size; ++g) {
      key.bounds[g] = bounds[group[g]];
      h = h * 1000003u + static_cast<std::uint64_t>(key.bounds[g]);
      for (std::size_t r = 0; r < ranks; ++r) {  // entries past `ranks` stay zero
        key.steps[g][r] = steps[group[g]][r];
        h = h * 31u + static_cast<std::uint64_t>(key.steps[g][r]);
      }
    }
    slot = &cache[h % cache.size()];
    if (slot->used && slot->key == key) return slot->value;
  }
  Histogram classes = count_positions(steps, bounds, group, size, ranks);
  if (slot) *slot = Slot{true, key, classes};
  return classes;
}

// Independent groups of children: multiplicities multiply, position counts multiply.
Histogram combine(const Histogram& a, const Histogram& b) {
  Histogram out;
  for (const auto& [ma, ca] : a)
    for (const auto& [mb, cb] : b) out[ma * mb] += ca * cb;
  return out;
}

}  // namespace

AccessStats multicast_classes(const RankVec* steps, const long long* bounds, std::size_t count, std::size_t ranks) {
  // Loops that do not move the tensor multiply every multiplicity; a loop alone on its ranks
  // multiplies the distinct positions; only loops sharing a rank (a sliding window spread in
  // space) are enumerated.
  long long shared = 1;                // multiplicity from loops that do not move the tensor
  double distinct = 1;                 // positions from loops alone on their ranks
  std::array<std::size_t, 32> moving;  // only the first nmoving are set
  std::size_t nmoving = 0;
  for (std::size_t j = 0; j < count; ++j) {
    const RankVec& s = steps[j];
    bool zero = std::all_of(s.begin(), s.begin() + static_cast<long>(ranks), [](long long v) { return v == 0; });
    if (zero) shared *= bounds[j];
    else if (nmoving < moving.size()) moving[nmoving++] = j;
    else core::panic("nest analysis: more than 32 spatial loops in one group");
  }
  Histogram h;  // positions of the enumerated groups, combined; empty while there are none
  std::array<bool, 32> done;
  std::fill(done.begin(), done.begin() + static_cast<long>(nmoving), false);
  std::array<std::size_t, 32> component;
  for (std::size_t a = 0; a < nmoving; ++a) {
    if (done[a]) continue;
    std::size_t size = 0;  // loops linked to moving[a] by a shared rank
    component[size++] = moving[a];
    done[a] = true;
    for (std::size_t grow = 0; grow < size; ++grow) {
      const RankVec& sa = steps[component[grow]];
      for (std::size_t b = 0; b < nmoving; ++b) {
        if (done[b]) continue;
        const RankVec& sb = steps[moving[b]];
        for (std::size_t r = 0; r < ranks; ++r)
          if (sa[r] != 0 && sb[r] != 0) {
            component[size++] = moving[b];
            done[b] = true;
            break;
          }
      }
    }
    if (size == 1) {
      distinct *= static_cast<double>(bounds[component[0]]);
      continue;
    }
    const Histogram part = enumerate(steps, bounds, component.data(), size, ranks);
    h = h.empty() ? part : combine(h, part);
  }
  Histogram out;
  if (h.empty()) {
    out[shared] = distinct;
    return out;
  }
  for (const auto& [m, c] : h) out[m * shared] += c * distinct;
  return out;
}

}  // namespace hwaware::model
