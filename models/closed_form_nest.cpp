// The nest analysis in closed form: the same NestResult the walker (nest_analysis.cpp) produces,
// without walking. The walker visits, for every tile boundary B, one position per combination
// of "iteration 0 or 1" of the temporal loops above B (weighted by bound - 1 for iteration 1),
// in odometer order, and applies Timeloop's delta rule at each. Because a tile keeps its shape,
// the data it fetches depends only on the move vector and on the stride the tile remembers, and
// in odometer order the stride remembered is always the innermost loop's move: the sum over the
// 2^k positions is a sum over the k loops (delta_sum). Spatial fan-outs: every child sees the
// same moves; children whose offsets project to the same coordinates of a tensor share each
// delta (multicast).

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>

#include "core/diagnostics.h"
#include "models/nest_analysis.h"

namespace hwaware::model {
namespace {

constexpr std::size_t kMaxRanks = 8;
using RankVec = std::array<long long, kMaxRanks>;
using Histogram = AccessStats;  // multiplicity -> number of distinct positions

// Buffers of one analysis, kept per thread so that evaluating many mappings allocates nothing.
struct Workspace {
  std::vector<long long> stride, high;  // [loop * dims + dim]: loop step and tile extent - 1 per dimension
  std::vector<char> master;             // [loop]: outermost loop of a spatial group
  std::vector<long long> elems, fanout; // [loop]: instances above, children of a spatial group
  std::vector<RankVec> steps;           // [tensor * loops + loop]: where one step moves the tensor
  std::vector<std::size_t> branching;   // temporal loops with bound >= 2, innermost first
  std::vector<double> outside;          // [i]: product of the bounds of branching[i+1..]
  std::vector<std::size_t> first_above; // [loop]: index in `branching` of the first one above it
};

class ClosedForm {
 public:
  ClosedForm(const workload::Problem& p, const std::vector<NestLoop>& loops, Workspace& w)
      : pr_(p), loops_(loops), w_(w), n_(loops.size()), ndim_(p.dim_names.size()) {
    const std::size_t n = n_, ndim = ndim_;
    w_.stride.assign(n * ndim, 1);
    w_.high.assign(n * ndim, 0);
    std::vector<long long>& st = w_.elems;  // scratch for the running scale, reset below
    st.assign(ndim, 1);
    for (std::size_t l = 0; l < n; ++l) {
      for (std::size_t d = 0; d < ndim; ++d) w_.stride[l * ndim + d] = st[d];
      st[static_cast<std::size_t>(loops[l].dim)] *= loops[l].bound;
      for (std::size_t d = 0; d < ndim; ++d) w_.high[l * ndim + d] = st[d] - 1;
    }
    w_.master.assign(n, 0);
    w_.elems.assign(n, 1);
    w_.fanout.assign(n, 1);
    long long product = 1;
    for (std::size_t i = n; i-- > 0;) {
      w_.elems[i] = product;
      if (loops[i].spatial) {
        w_.master[i] = (i + 1 == n) || !loops[i + 1].spatial;
        product *= loops[i].bound;
      }
    }
    for (std::size_t i = 0; i < n; ++i) {
      if (!w_.master[i]) continue;
      long long f = 1;
      for (std::size_t j = i + 1; j-- > 0 && loops[j].spatial;) f *= loops[j].bound;
      w_.fanout[i] = f;
    }
    // The temporal loops that branch in the walk, and the products of their bounds above each.
    w_.branching.clear();
    for (std::size_t j = 0; j < n; ++j)
      if (!loops[j].spatial && loops[j].bound >= 2) w_.branching.push_back(j);
    w_.outside.assign(w_.branching.size(), 1);
    for (std::size_t i = w_.branching.size(); i-- > 1;)
      w_.outside[i - 1] = w_.outside[i] * static_cast<double>(loops[w_.branching[i]].bound);
    w_.first_above.assign(n, 0);
    for (std::size_t j = 0, i = 0; j < n; ++j) {
      while (i < w_.branching.size() && w_.branching[i] <= j) ++i;
      w_.first_above[j] = i;
    }
    for (const auto& ds : p.data_spaces)
      if (ds.ranks.size() > kMaxRanks) core::panic("closed-form nest analysis: a tensor has more than 8 ranks");
    // Where one step of each loop moves each tensor, computed once.
    w_.steps.assign(p.data_spaces.size() * n, RankVec{});
    for (std::size_t ds = 0; ds < p.data_spaces.size(); ++ds) {
      const auto& space = p.data_spaces[ds];
      for (std::size_t j = 0; j < n; ++j) {
        RankVec& v = w_.steps[ds * n + j];
        const auto dim = loops[j].dim;
        for (std::size_t r = 0; r < space.ranks.size(); ++r)
          for (const auto& term : space.ranks[r])
            if (term.dim == dim) v[r] += term.coefficient * w_.stride[j * ndim + static_cast<std::size_t>(dim)];
      }
    }
  }

  void run(NestResult& r) const {
    const std::size_t n = loops_.size(), nds = pr_.data_spaces.size();
    r.loops = loops_;
    r.tiles.resize(n);
    double temporal_product = 1;
    for (const auto& lp : loops_)
      if (!lp.spatial) temporal_product *= static_cast<double>(lp.bound);
    for (std::size_t l = 0; l < n; ++l) {
      auto& t = r.tiles[l];
      t.valid = !loops_[l].spatial || w_.master[l];
      t.master_spatial = w_.master[l];
      t.fanout = w_.fanout[l];
      t.replication = w_.elems[l];
      t.size.assign(nds, 0);
      t.accesses.resize(nds);
      for (auto& a : t.accesses) a.clear();
      if (!t.valid) continue;
      if (loops_[l].boundary || w_.master[l])
        for (std::size_t ds = 0; ds < nds; ++ds) t.size[ds] = tile_size(ds, l);
      fill_accesses(l, t);
    }
    r.compute_per_instance = temporal_product;
    std::size_t first_valid = 0;
    while (first_valid < n && loops_[first_valid].spatial && !w_.master[first_valid]) ++first_valid;
    r.compute_instances = w_.elems[first_valid] * w_.fanout[first_valid];
  }

 private:
  RankVec extent(std::size_t ds, std::size_t l) const {
    RankVec e{};
    const auto& space = pr_.data_spaces[ds];
    for (std::size_t r = 0; r < space.ranks.size(); ++r) {
      long long hi = 0;
      for (const auto& term : space.ranks[r]) hi += term.coefficient * w_.high[l * ndim_ + static_cast<std::size_t>(term.dim)];
      e[r] = hi + 1;
    }
    return e;
  }

  // Elements in a box of extent `e` over a tensor's first `ranks` ranks.
  static long long volume(const RankVec& e, std::size_t ranks) {
    long long s = 1;
    for (std::size_t r = 0; r < ranks; ++r) s *= e[r];
    return s;
  }

  long long tile_size(std::size_t ds, std::size_t l) const { return volume(extent(ds, l), pr_.data_spaces[ds].ranks.size()); }

  // Where a step of loop j moves a tensor's coordinates.
  RankVec step_of(std::size_t ds, std::size_t j, long long count = 1) const {
    RankVec s = w_.steps[ds * n_ + j];
    if (count != 1)
      for (auto& v : s) v *= count;
    return s;
  }

  // Weighted data the tile of loop b fetches over every position of the temporal loops above.
  double delta_sum(std::size_t ds, std::size_t b) const {
    // The positions the walk visits, in odometer order over "iteration 0 or 1" of the k temporal
    // loops above the tile, are entered by transitions of the ruler sequence 1,2,1,3,1,2,1,...:
    // every other transition is one of loop 1 (the innermost). Under Timeloop's rule (data new
    // to the tile while the move repeats the remembered stride, the whole tile when it does not)
    // the stride remembered before a transition of loop j >= 2 is therefore always loop 1's move
    // M_1, and a transition of loop 1 always fetches f(M_1). So a transition of loop j fetches
    //   f(M_1)                       for j = 1,
    //   f(M_1) if M_j == M_1, else the whole tile   for j >= 2,
    // and happens with total weight (b_j - 1) x prod_{i > j} b_i. M_j = step_j - sum_{i<j} step_i
    // (the loops inside j return to their start). The walk gives the same sums (property test).
    const RankVec e = extent(ds, b);
    const std::size_t ranks = pr_.data_spaces[ds].ranks.size();
    const double full = static_cast<double>(volume(e, ranks));
    double total = full;  // the first position fetches the whole tile
    RankVec inner{}, first_move{};
    double first_fetch = 0;
    for (std::size_t i = w_.first_above[b]; i < w_.branching.size(); ++i) {
      const std::size_t j = w_.branching[i];
      const RankVec& step = w_.steps[ds * n_ + j];
      RankVec move;
      for (std::size_t r = 0; r < kMaxRanks; ++r) move[r] = step[r] - inner[r];
      for (std::size_t r = 0; r < kMaxRanks; ++r) inner[r] += step[r];
      double fetch;
      if (i == w_.first_above[b]) {
        first_move = move;
        first_fetch = fetch = fetched(move, e, ranks, full);
      } else {
        fetch = move == first_move ? first_fetch : full;
      }
      total += static_cast<double>(loops_[j].bound - 1) * w_.outside[i] * fetch;
    }
    return total;
  }

  // Data new to a tile of extent `e` after a move: box subtraction along one axis (a sliding
  // window), nothing when it does not move, else the whole tile.
  static double fetched(const RankVec& m, const RankVec& e, std::size_t ranks, double full) {
    int axis = -1;
    for (std::size_t r = 0; r < ranks; ++r) {
      if (m[r] == 0) continue;
      if (axis >= 0) return full;
      axis = static_cast<int>(r);
    }
    if (axis < 0) return 0;
    long long shift = std::llabs(m[static_cast<std::size_t>(axis)]);
    long long extent = e[static_cast<std::size_t>(axis)];
    if (shift >= extent) return full;
    return full / static_cast<double>(extent) * static_cast<double>(shift);
  }

  // Product of the temporal bounds above loop l: how many times loop l's body runs per instance.
  double visits_above(std::size_t l) const {
    double v = 1;
    for (std::size_t j = l + 1; j < loops_.size(); ++j)
      if (!loops_[j].spatial) v *= static_cast<double>(loops_[j].bound);
    return v;
  }

  // Children of a spatial group (loops low..high) grouped by where they sit in a tensor:
  // multiplicity -> number of distinct positions shared by that many children. Loops that do not
  // move the tensor multiply every multiplicity; a loop alone on its ranks adds distinct
  // positions; only loops sharing a rank (a sliding window spread in space) are enumerated.
  Histogram multicast_classes(std::size_t ds, std::size_t low, std::size_t high) const {
    const std::size_t ranks = pr_.data_spaces[ds].ranks.size();
    Histogram h;
    h[1] = 1;
    long long shared = 1;  // multiplicity from loops that do not move the tensor
    std::array<std::size_t, 32> moving{};
    std::size_t nmoving = 0;
    for (std::size_t j = low; j <= high; ++j) {
      const RankVec& s = w_.steps[ds * n_ + j];
      bool zero = std::all_of(s.begin(), s.begin() + static_cast<long>(ranks), [](long long v) { return v == 0; });
      if (zero) shared *= loops_[j].bound;
      else if (nmoving < moving.size()) moving[nmoving++] = j;
      else core::panic("closed-form nest analysis: more than 32 spatial loops in one group");
    }
    std::array<bool, 32> done{};
    std::array<std::size_t, 32> component{};
    for (std::size_t a = 0; a < nmoving; ++a) {
      if (done[a]) continue;
      std::size_t size = 0;  // loops linked to moving[a] by a shared rank
      component[size++] = moving[a];
      done[a] = true;
      for (std::size_t grow = 0; grow < size; ++grow) {
        const RankVec& sa = w_.steps[ds * n_ + component[grow]];
        for (std::size_t b = 0; b < nmoving; ++b) {
          if (done[b]) continue;
          const RankVec& sb = w_.steps[ds * n_ + moving[b]];
          for (std::size_t r = 0; r < ranks; ++r)
            if (sa[r] != 0 && sb[r] != 0) {
              component[size++] = moving[b];
              done[b] = true;
              break;
            }
        }
      }
      Histogram part;
      if (size == 1) part[1] = static_cast<double>(loops_[component[0]].bound);
      else part = enumerate(ds, component.data(), size);
      h = combine(h, part);
    }
    Histogram out;
    for (const auto& [m, count] : h) out[m * shared] += count;
    return out;
  }

  // count_positions() behind a small per-thread table: the answer depends only on the loops'
  // bounds and steps, which repeat across the mappings of a search.
  Histogram enumerate(std::size_t ds, const std::size_t* group, std::size_t size) const {
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
        key.bounds[g] = loops_[group[g]].bound;
        key.steps[g] = w_.steps[ds * n_ + group[g]];
        h = h * 1000003u + static_cast<std::uint64_t>(key.bounds[g]);
        for (long long v : key.steps[g]) h = h * 31u + static_cast<std::uint64_t>(v);
      }
      slot = &cache[h % cache.size()];
      if (slot->used && slot->key == key) return slot->value;
    }
    Histogram classes = count_positions(ds, group, size);
    if (slot) *slot = Slot{true, key, classes};
    return classes;
  }

  // Positions of the children of a few loops, counted by how many children share each.
  Histogram count_positions(std::size_t ds, const std::size_t* group, std::size_t size) const {
    thread_local std::vector<RankVec> offsets, next;
    offsets.assign(1, RankVec{});
    for (std::size_t g = 0; g < size; ++g) {
      const std::size_t j = group[g];
      next.clear();
      for (long long i = 0; i < loops_[j].bound; ++i) {
        RankVec s = step_of(ds, j, i);
        for (const auto& o : offsets) {
          RankVec v = o;
          for (std::size_t r = 0; r < kMaxRanks; ++r) v[r] += s[r];
          next.push_back(v);
        }
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

  // Independent groups of children: multiplicities multiply, position counts multiply.
  static Histogram combine(const Histogram& a, const Histogram& b) {
    Histogram out;
    for (const auto& [ma, ca] : a)
      for (const auto& [mb, cb] : b) out[ma * mb] += ca * cb;
    return out;
  }

  void fill_accesses(std::size_t l, LoopTile& t) const {
    const std::size_t nds = pr_.data_spaces.size();
    const auto& lp = loops_[l];
    if (!lp.spatial) {
      if (l == 0) {
        for (std::size_t ds = 0; ds < nds; ++ds) t.accesses[ds][1] = static_cast<double>(lp.bound) * visits_above(0);
      } else if (loops_[l - 1].boundary) {
        for (std::size_t ds = 0; ds < nds; ++ds) {
          double d = delta_sum(ds, l - 1);
          if (d > 0) t.accesses[ds][1] = d;
        }
      }
      return;
    }
    std::size_t low = l;
    while (low > 0 && loops_[low - 1].spatial) --low;
    for (std::size_t ds = 0; ds < nds; ++ds) {
      double per_class = (low == 0) ? visits_above(l) : delta_sum(ds, low - 1);
      if (per_class <= 0) continue;
      for (const auto& [m, count] : multicast_classes(ds, low, l)) t.accesses[ds][m] += per_class * count;
    }
  }

  const workload::Problem& pr_;
  const std::vector<NestLoop>& loops_;
  Workspace& w_;
  std::size_t n_, ndim_;
};

}  // namespace

void analyze_nest(const workload::Problem& problem, const std::vector<NestLoop>& loops, NestResult& out) {
  if (loops.empty()) core::panic("analyze_nest: empty loop nest");
  thread_local Workspace workspace;
  ClosedForm(problem, loops, workspace).run(out);
}

NestResult analyze_nest(const workload::Problem& problem, const std::vector<NestLoop>& loops) {
  NestResult r;
  analyze_nest(problem, loops, r);
  return r;
}

}  // namespace hwaware::model
