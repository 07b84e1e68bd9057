#include "models/nest_walker.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <unordered_map>

#include "core/diagnostics.h"
#include "models/box.h"

namespace hwaware::test {

using model::AccessStats;
using model::LoopTile;
using model::NestLoop;
using model::NestResult;

namespace {

// What one loop of one spatial instance remembers during the walk: per data space, the tile's
// history (for the delta rule), the accesses seen and the largest tile.
struct LoopState {
  std::vector<TileHistory> history;
  std::vector<AccessStats> accesses;
  std::vector<long long> max_size;
};

// One walk over a nest: visits the positions recursively from the outermost loop and
// accumulates, per loop and spatial instance, the deltas each tile fetches.
class Walker {
 public:
  Walker(const workload::Problem& p, const std::vector<NestLoop>& loops) : pr_(p), loops_(loops) {
    const std::size_t n = loops.size(), ndim = p.dim_names.size();
    stride_.assign(n, std::vector<long long>(ndim, 1));
    high_.assign(n, std::vector<long long>(ndim, 0));
    std::vector<long long> scale(ndim, 1);
    for (std::size_t l = 0; l < n; ++l) {
      stride_[l] = scale;
      scale[static_cast<std::size_t>(loops[l].dim)] *= loops[l].bound;
      for (std::size_t d = 0; d < ndim; ++d) high_[l][d] = scale[d] - 1;
    }
    master_.assign(n, false);
    elems_.assign(n, 1);
    fanout_.assign(n, 1);
    long long product = 1;
    for (std::size_t i = n; i-- > 0;) {
      elems_[i] = product;
      if (loops[i].spatial) {
        master_[i] = (i + 1 == n) || !loops[i + 1].spatial;
        product *= loops[i].bound;
      }
    }
    for (std::size_t i = 0; i < n; ++i) {
      if (!master_[i]) continue;
      long long f = 1;
      for (std::size_t j = i + 1; j-- > 0 && loops[j].spatial;) f *= loops[j].bound;
      fanout_[i] = f;
    }
    states_.resize(n);
    transform_.assign(ndim, 0);
    ranks_.resize(p.data_spaces.size());
    for (std::size_t ds = 0; ds < ranks_.size(); ++ds) ranks_[ds] = p.data_spaces[ds].ranks.size();
  }

  NestResult run() {
    compute_deltas(static_cast<int>(loops_.size()) - 1);
    NestResult r;
    r.loops = loops_;
    r.tiles.resize(loops_.size());
    for (std::size_t l = 0; l < loops_.size(); ++l) {
      auto& t = r.tiles[l];
      t.valid = !loops_[l].spatial || master_[l];
      t.master_spatial = master_[l];
      t.fanout = fanout_[l];
      t.replication = elems_[l];
      std::size_t nds = pr_.data_spaces.size();
      t.size.assign(nds, 0);
      t.accesses.assign(nds, {});
      if (!t.valid || states_[l].empty()) continue;
      double count = static_cast<double>(states_[l].size());
      for (const auto& [id, st] : states_[l]) {
        for (std::size_t ds = 0; ds < nds; ++ds) {
          if (!st.max_size.empty()) t.size[ds] += st.max_size[ds];
          if (st.accesses.empty()) continue;
          for (const auto& [m, a] : st.accesses[ds]) t.accesses[ds][m] += a;
        }
      }
      for (std::size_t ds = 0; ds < nds; ++ds) {
        t.size[ds] /= static_cast<long long>(count);
        for (auto& [m, a] : t.accesses[ds]) a /= count;
      }
    }
    r.compute_per_instance = compute_accesses_;
    std::size_t first_valid = 0;
    while (first_valid < loops_.size() && !(!loops_[first_valid].spatial || master_[first_valid])) ++first_valid;
    r.compute_instances = elems_[first_valid] * fanout_[first_valid];
    return r;
  }

 private:
  LoopState& state(int l) {
    auto& st = states_[static_cast<std::size_t>(l)][spatial_id_];
    if (st.history.empty()) {
      for (auto rk : ranks_) st.history.push_back(TileHistory{Box(rk), false, {}});
      st.accesses.assign(ranks_.size(), {});
      st.max_size.assign(ranks_.size(), 0);
    }
    return st;
  }

  // Bounding box of the tile of loop l at the current transform, per data space.
  std::vector<Box> project(int l) const {
    std::vector<Box> out;
    const auto& high = high_[static_cast<std::size_t>(l)];
    for (std::size_t ds = 0; ds < ranks_.size(); ++ds) {
      Box b(ranks_[ds]);
      const auto& space = pr_.data_spaces[ds];
      for (std::size_t r = 0; r < ranks_[ds]; ++r) {
        long long lo = 0, hi = 0;
        for (const auto& t : space.ranks[r]) {
          lo += t.coefficient * transform_[static_cast<std::size_t>(t.dim)];
          hi += t.coefficient * (transform_[static_cast<std::size_t>(t.dim)] + high[static_cast<std::size_t>(t.dim)]);
        }
        b.min[r] = lo;
        b.max[r] = hi + 1;
      }
      out.push_back(std::move(b));
    }
    return out;
  }

  std::vector<Box> compute_deltas(int l) {
    if (loops_[static_cast<std::size_t>(l)].spatial) spatial_working_set(l);
    else temporal_working_set(l);
    LoopState& st = state(l);
    std::vector<Box> ps = project(l);
    std::vector<Box> d;
    for (std::size_t ds = 0; ds < ps.size(); ++ds) {
      if (loops_[static_cast<std::size_t>(l)].boundary || master_[static_cast<std::size_t>(l)])
        st.max_size[ds] = std::max(st.max_size[ds], ps[ds].size());
      d.push_back(delta(ps[ds], st.history[ds]));
    }
    return d;
  }

  void temporal_working_set(int l) {
    const auto& lp = loops_[static_cast<std::size_t>(l)];
    if (l == 0) {
      double body = static_cast<double>(lp.bound) * epochs_;
      if (spatial_id_ == 0) compute_accesses_ += body;
      LoopState& st = state(l);
      for (auto& a : st.accesses) a[1] += body;
      return;
    }
    const auto dim = static_cast<std::size_t>(lp.dim);
    const long long s = stride_[static_cast<std::size_t>(l)][dim];
    const long long saved = transform_[dim];
    std::vector<double> total(ranks_.size(), 0);
    auto d0 = compute_deltas(l - 1);
    for (std::size_t ds = 0; ds < d0.size(); ++ds) total[ds] += static_cast<double>(d0[ds].size());
    transform_[dim] += s;
    if (lp.bound >= 2) {
      double v = static_cast<double>(lp.bound - 1);
      double saved_epochs = epochs_;
      epochs_ *= v;
      auto d1 = compute_deltas(l - 1);
      epochs_ = saved_epochs;
      for (std::size_t ds = 0; ds < d1.size(); ++ds) total[ds] += static_cast<double>(d1[ds].size()) * v;
    }
    transform_[dim] = saved;
    if (loops_[static_cast<std::size_t>(l - 1)].boundary) {
      LoopState& st = state(l);
      for (std::size_t ds = 0; ds < total.size(); ++ds) st.accesses[ds][1] += total[ds] * epochs_;
    }
  }

  void spatial_working_set(int l) {
    const std::uint64_t orig = spatial_id_;
    const std::uint64_t group_base = orig * static_cast<std::uint64_t>(fanout_[static_cast<std::size_t>(l)]);
    std::map<std::uint64_t, std::vector<Box>> deltas;
    fill(l, 0, group_base, deltas);
    spatial_id_ = orig;
    LoopState& st = state(l);
    for (std::size_t ds = 0; ds < ranks_.size(); ++ds) {
      std::vector<std::pair<const Box*, long long>> classes;  // distinct deltas and how many share them
      for (const auto& [idx, boxes] : deltas) {
        const Box& b = boxes[ds];
        if (b.size() == 0) continue;
        bool matched = false;
        for (auto& c : classes)
          if (c.first->same_extent(b)) {
            ++c.second;
            matched = true;
            break;
          }
        if (!matched) classes.emplace_back(&b, 1);
      }
      for (const auto& [b, m] : classes) st.accesses[ds][m] += static_cast<double>(b->size()) * epochs_;
    }
  }

  void fill(int l, std::uint64_t base, std::uint64_t group_base, std::map<std::uint64_t, std::vector<Box>>& deltas) {
    const auto& lp = loops_[static_cast<std::size_t>(l)];
    const auto n = static_cast<std::uint64_t>(lp.bound);
    base *= n;
    const auto dim = static_cast<std::size_t>(lp.dim);
    const long long s = stride_[static_cast<std::size_t>(l)][dim];
    const long long saved = transform_[dim];
    if (l == 0) {
      if (base == 0 && group_base == 0) compute_accesses_ += epochs_;
      for (std::uint64_t i = 0; i < n; ++i) {
        std::vector<Box> point;
        for (std::size_t ds = 0; ds < ranks_.size(); ++ds) {
          Box b(ranks_[ds]);
          for (std::size_t r = 0; r < ranks_[ds]; ++r) {
            long long v = 0;
            for (const auto& t : pr_.data_spaces[ds].ranks[r]) v += t.coefficient * transform_[static_cast<std::size_t>(t.dim)];
            b.min[r] = v;
            b.max[r] = v + 1;
          }
          point.push_back(std::move(b));
        }
        deltas[base + i] = std::move(point);
        transform_[dim] += s;
      }
      transform_[dim] = saved;
      return;
    }
    if (loops_[static_cast<std::size_t>(l - 1)].spatial) {
      for (std::uint64_t i = 0; i < n; ++i) {
        fill(l - 1, base + i, group_base, deltas);
        transform_[dim] += s;
      }
      transform_[dim] = saved;
      return;
    }
    const std::uint64_t run = std::min<std::uint64_t>(n, 3);
    for (std::uint64_t i = 0; i < run; ++i) {
      spatial_id_ = group_base + base + i;
      deltas[base + i] = compute_deltas(l - 1);
      transform_[dim] += s;
    }
    if (run < n) {  // translate the last simulated element's deltas to the remaining elements
      const auto& a = deltas[base + run - 2];
      const auto& b = deltas[base + run - 1];
      std::vector<std::vector<long long>> shift(ranks_.size());
      for (std::size_t ds = 0; ds < ranks_.size(); ++ds) {
        shift[ds].resize(ranks_[ds]);
        for (std::size_t r = 0; r < ranks_[ds]; ++r) shift[ds][r] = b[ds].min[r] - a[ds].min[r];
      }
      for (std::uint64_t i = run; i < n; ++i) {
        std::vector<Box> next = deltas[base + i - 1];
        for (std::size_t ds = 0; ds < next.size(); ++ds) next[ds].translate(shift[ds]);
        deltas[base + i] = std::move(next);
      }
    }
    transform_[dim] = saved;
  }

  const workload::Problem& pr_;
  std::vector<NestLoop> loops_;
  std::vector<std::vector<long long>> stride_, high_;
  std::vector<bool> master_;
  std::vector<long long> elems_, fanout_;
  std::vector<std::unordered_map<std::uint64_t, LoopState>> states_;
  std::vector<long long> transform_;
  std::vector<std::size_t> ranks_;
  double epochs_ = 1;
  std::uint64_t spatial_id_ = 0;
  double compute_accesses_ = 0;
};

}  // namespace

NestResult analyze_nest_by_walking(const workload::Problem& problem, const std::vector<NestLoop>& loops) {
  if (loops.empty()) core::panic("analyze_nest_by_walking: empty loop nest");
  Walker w(problem, loops);
  return w.run();
}

}  // namespace hwaware::test
