// The nest analysis in closed form: the same NestResult the walker (tests/models/nest_walker.cpp) produces,
// without walking. The walker visits, for every tile boundary B, one position per combination
// of "iteration 0 or 1" of the temporal loops above B (weighted by bound - 1 for iteration 1),
// in odometer order, and applies Timeloop's delta rule at each. Because a tile keeps its shape,
// the data it fetches depends only on the move vector and on the stride the tile remembers, and
// in odometer order the stride remembered is always the innermost loop's move: the sum over the
// 2^k positions is a sum over the k loops (delta_sum). Spatial fan-outs: every child sees the
// same moves; children whose offsets project to the same coordinates of a tensor share each
// delta (multicast).

#include "core/diagnostics.h"
#include "models/nest_analysis.h"
#include "models/nest_formulas.h"

namespace hwaware::model {
namespace {

// Buffers of one analysis, kept per thread so that evaluating many mappings allocates nothing.
struct Workspace {
  std::vector<long long> stride, high;   // [loop * dims + dim]: loop step and tile extent - 1 per dimension
  std::vector<char> master;              // [loop]: outermost loop of a spatial group
  std::vector<long long> elems, fanout;  // [loop]: instances above, children of a spatial group
  std::vector<long long> bound;          // [loop]
  std::vector<RankVec> steps;            // [tensor * loops + loop]: where one step moves the tensor
  std::vector<std::size_t> branching;    // temporal loops with bound >= 2, innermost first
  std::vector<long long> branch_bound;   // [i]: bound of branching[i]
  std::vector<double> outside;           // [i]: product of the bounds of branching[i+1..]
  std::vector<RankVec> relative;         // [tensor * branching + i]: relative_moves()
  std::vector<std::size_t> first_above;  // [loop]: index in `branching` of the first one above it
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
    w_.branch_bound.clear();
    w_.bound.resize(n);
    for (std::size_t j = 0; j < n; ++j) {
      w_.bound[j] = loops[j].bound;
      if (loops[j].spatial || loops[j].bound < 2) continue;
      w_.branching.push_back(j);
      w_.branch_bound.push_back(loops[j].bound);
    }
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

  void run(NestResult& r) {
    const std::size_t nb = w_.branching.size();
    w_.relative.resize(pr_.data_spaces.size() * nb);
    for (std::size_t ds = 0; ds < pr_.data_spaces.size(); ++ds)
      relative_moves(&w_.steps[ds * n_], branching(), pr_.data_spaces[ds].ranks.size(), w_.relative.data() + ds * nb);

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

  long long tile_size(std::size_t ds, std::size_t l) const { return box_volume(extent(ds, l), pr_.data_spaces[ds].ranks.size()); }

  // Weighted data the tile of loop b fetches over every position of the temporal loops above.
  Branching branching() const { return Branching{w_.branching.data(), w_.branch_bound.data(), w_.outside.data(), w_.branching.size()}; }

  double delta_sum(std::size_t ds, std::size_t b) const {
    const std::size_t first = w_.first_above[b];
    const RankVec none{};
    const RankVec& first_step = first < w_.branching.size() ? w_.steps[ds * n_ + w_.branching[first]] : none;
    return model::delta_sum(extent(ds, b), pr_.data_spaces[ds].ranks.size(), first_step, w_.relative.data() + ds * w_.branching.size(),
                            branching(), first);
  }

  // Product of the temporal bounds above loop l: how many times loop l's body runs per instance.
  double visits_above(std::size_t l) const {
    double v = 1;
    for (std::size_t j = l + 1; j < loops_.size(); ++j)
      if (!loops_[j].spatial) v *= static_cast<double>(loops_[j].bound);
    return v;
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
      const auto classes = multicast_classes(&w_.steps[ds * n_ + low], &w_.bound[low], l - low + 1, pr_.data_spaces[ds].ranks.size());
      for (const auto& [m, count] : classes) t.accesses[ds][m] += per_class * count;
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
