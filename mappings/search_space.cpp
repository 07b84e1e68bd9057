#include "mappings/search_space.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "core/text.h"
#include "mappings/legality.h"

namespace hwaware::mapping {

std::vector<long long> prime_factors(long long n) {
  std::vector<long long> out;
  for (long long p = 2; p * p <= n; ++p)
    while (n % p == 0) {
      out.push_back(p);
      n /= p;
    }
  if (n > 1) out.push_back(n);
  return out;
}

namespace {

double binomial(double n, double k) {
  double r = 1;
  for (double i = 1; i <= k; ++i) r = r * (n - k + i) / i;
  return r;
}

}  // namespace

SearchSpace::SearchSpace(const arch::Spec& spec, const workload::Problem& problem, Rules rules)
    : spec_(spec), pr_(problem), rules_(std::move(rules)) {
  build_slots();
  const std::size_t nd = pr_.dim_names.size();
  free_slots_.assign(nd, {});
  fixed_.assign(nd, std::vector<long long>(slots_.size(), 1));
  primes_.assign(nd, {});
  for (std::size_t d = 0; d < nd; ++d) {
    long long fixed_product = 1;
    std::set<std::string> sources;
    for (std::size_t s = 0; s < slots_.size(); ++s) {
      const auto& r = rules_.levels[static_cast<std::size_t>(slots_[s].level)];
      long long fixed = 0;
      bool allowed = false;
      switch (slots_[s].kind) {
        case LoopKind::temporal: fixed = r.temporal_fixed[d], allowed = r.temporal_allowed[d]; break;
        case LoopKind::spatial_x: fixed = r.x_fixed[d], allowed = r.x_allowed[d]; break;
        case LoopKind::spatial_y: fixed = r.y_fixed[d], allowed = r.y_allowed[d]; break;
      }
      const std::string& src = slots_[s].kind == LoopKind::temporal ? r.temporal_source[d] : r.spatial_source[d];
      if (!src.empty()) sources.insert(src);
      if (fixed > 1 && allowed) {
        fixed_[d][s] = fixed;
        fixed_product *= fixed;
      } else if (fixed == 0 && allowed) {
        free_slots_[d].push_back(s);
      }
    }
    std::vector<std::string> why(sources.begin(), sources.end());
    const long long n = pr_.bounds[d];
    if (n % fixed_product != 0) {
      infeasible_ = "the fixed factors of dimension '" + pr_.dim_names[d] + "' multiply to " + std::to_string(fixed_product) +
                    ", which does not divide its size " + std::to_string(n) + " (" + core::join(why, "; ") + ")";
      return;
    }
    primes_[d] = prime_factors(n / fixed_product);
    if (!primes_[d].empty() && free_slots_[d].empty()) {
      infeasible_ = "dimension '" + pr_.dim_names[d] + "' (size " + std::to_string(n) + ") has no level allowed to iterate it (" +
                    (why.empty() ? "no free loop" : core::join(why, "; ")) + ")";
      return;
    }
  }
  element_bits_.assign(spec_.levels.size(), std::vector<double>(pr_.data_spaces.size(), 0));
  for (std::size_t l = 0; l < spec_.levels.size(); ++l)
    for (std::size_t ds = 0; ds < pr_.data_spaces.size(); ++ds) {
      element_bits_[l][ds] = element_storage_bits(spec_, l, pr_.data_spaces[ds]);
      if (rules_.levels[l].keep[ds] == 0) open_keeps_.emplace_back(l, ds);
    }
  for (std::size_t d = 0; d < primes_.size(); ++d) {
    for (long long p : primes_[d]) prime_moves_.emplace_back(d, p);
    if (!primes_[d].empty() && free_slots_[d].size() > 1) movable_dims_.push_back(d);
  }
  minimal_ = build_minimal();
}

void SearchSpace::build_slots() {
  for (std::size_t l = 0; l < rules_.levels.size(); ++l) {
    const auto& r = rules_.levels[l];
    auto any = [](const std::vector<bool>& v) { return std::find(v.begin(), v.end(), true) != v.end(); };
    if (any(r.temporal_allowed)) slots_.push_back({static_cast<int>(l), LoopKind::temporal});
    if (any(r.x_allowed)) slots_.push_back({static_cast<int>(l), LoopKind::spatial_x});
    if (any(r.y_allowed)) slots_.push_back({static_cast<int>(l), LoopKind::spatial_y});
  }
}

double SearchSpace::size(double cap) const {
  if (!infeasible_.empty()) return 0;
  double total = 1;
  for (std::size_t d = 0; d < primes_.size(); ++d) {
    std::map<long long, int> exps;
    for (long long p : primes_[d]) ++exps[p];
    const double s = static_cast<double>(free_slots_[d].size());
    for (const auto& [p, e] : exps) total *= binomial(e + s - 1, s - 1);
    if (total > cap) return cap;
  }
  // Loop orders: at most n! per temporal slot, n = dimensions with factors that may go there.
  for (std::size_t s = 0; s < slots_.size(); ++s) {
    if (slots_[s].kind != LoopKind::temporal) continue;
    int n = 0;
    for (std::size_t d = 0; d < primes_.size(); ++d)
      if (!primes_[d].empty() && std::find(free_slots_[d].begin(), free_slots_[d].end(), s) != free_slots_[d].end()) ++n;
    for (int i = 2; i <= n; ++i) total *= i;
    if (total > cap) return cap;
  }
  total *= std::pow(2.0, static_cast<double>(open_keeps_.size()));
  return std::min(total, cap);
}

void SearchSpace::order_level(std::vector<int>& order, int level, std::mt19937_64* rng) const {
  if (rng) std::shuffle(order.begin(), order.end(), *rng);
  // Constrained innermost dimensions go last (innermost), innermost first in the rule.
  const auto& inner = rules_.levels[static_cast<std::size_t>(level)].innermost;
  for (auto it = inner.begin(); it != inner.end(); ++it) {
    auto pos = std::find(order.begin(), order.end(), *it);
    if (pos == order.end()) continue;
    order.erase(pos);
    order.insert(order.end() - (it - inner.begin()), *it);
  }
}

Candidate SearchSpace::minimal() const { return infeasible_.empty() ? minimal_ : build_minimal(); }

Candidate SearchSpace::build_minimal() const {
  Candidate c;
  const std::size_t nd = pr_.dim_names.size();
  c.factor = fixed_;
  for (std::size_t d = 0; d < nd; ++d)
    for (long long p : primes_[d]) c.factor[d][free_slots_[d].front()] *= p;
  for (std::size_t l = 0; l < spec_.levels.size(); ++l) {
    std::vector<int> order(nd);
    for (std::size_t d = 0; d < nd; ++d) order[d] = static_cast<int>(d);
    order_level(order, static_cast<int>(l), nullptr);
    c.order.push_back(order);
    std::vector<bool> keep;
    for (int k : rules_.levels[l].keep) keep.push_back(k > 0);
    c.keep.push_back(keep);
  }
  return c;
}

std::vector<std::vector<long long>> SearchSpace::factorizations(std::size_t d) const {
  std::vector<std::vector<long long>> out{fixed_[d]};
  for (long long p : primes_[d]) {  // each prime to every free slot; duplicates removed below
    std::vector<std::vector<long long>> next;
    for (const auto& f : out)
      for (std::size_t s : free_slots_[d]) {
        auto g = f;
        g[s] *= p;
        next.push_back(std::move(g));
      }
    std::sort(next.begin(), next.end());
    next.erase(std::unique(next.begin(), next.end()), next.end());
    out.swap(next);
  }
  return out;
}

void SearchSpace::enumerate_orders(Candidate& c, std::size_t level, const std::function<void(const Candidate&)>& visit) const {
  if (level == spec_.levels.size()) {
    visit(c);
    return;
  }
  std::vector<int> active, idle;
  std::size_t t_slot = slots_.size();
  for (std::size_t s = 0; s < slots_.size(); ++s)
    if (slots_[s].level == static_cast<int>(level) && slots_[s].kind == LoopKind::temporal) t_slot = s;
  for (std::size_t d = 0; d < pr_.dim_names.size(); ++d)
    (t_slot < slots_.size() && c.factor[d][t_slot] > 1 ? active : idle).push_back(static_cast<int>(d));
  std::sort(active.begin(), active.end());
  const auto saved = c.order[level];
  std::set<std::vector<int>> seen;
  do {
    std::vector<int> order = idle;
    order.insert(order.end(), active.begin(), active.end());
    order_level(order, static_cast<int>(level), nullptr);
    if (!seen.insert(order).second) continue;  // the innermost rule made it equal to one seen
    c.order[level] = order;
    enumerate_orders(c, level + 1, visit);
  } while (std::next_permutation(active.begin(), active.end()));
  c.order[level] = saved;
}

void SearchSpace::enumerate_keeps(Candidate& c, std::size_t i, const std::function<void(const Candidate&)>& visit) const {
  if (i == open_keeps_.size()) {
    visit(c);
    return;
  }
  const auto& [l, ds] = open_keeps_[i];
  for (bool keep : {false, true}) {
    c.keep[l][ds] = keep;
    enumerate_keeps(c, i + 1, visit);
  }
}

SearchSpace::Misfit SearchSpace::first_misfit(const Candidate& c) const {
  const std::size_t nd = pr_.dim_names.size(), nl = spec_.levels.size();
  // Scratch kept per thread: the search calls this for every candidate and move.
  thread_local std::vector<long long> x, y, extent;
  x.assign(nl, 1);
  y.assign(nl, 1);
  for (std::size_t s = 0; s < slots_.size(); ++s) {
    if (slots_[s].kind == LoopKind::temporal) continue;
    auto& acc = slots_[s].kind == LoopKind::spatial_x ? x : y;
    for (std::size_t d = 0; d < nd; ++d) acc[static_cast<std::size_t>(slots_[s].level)] *= c.factor[d][s];
  }
  Misfit m;
  for (std::size_t l = 0; l < nl; ++l)
    if (x[l] > spec_.fanout_x_below(static_cast<int>(l)) || y[l] > spec_.fanout_y_below(static_cast<int>(l))) {
      m.level = static_cast<int>(l);
      m.spatial = true;
      m.x = x[l];
      m.y = y[l];
      return m;
    }
  extent.assign(nd, 1);
  std::size_t s = slots_.size();
  for (std::size_t l = nl; l-- > 0;) {
    while (s > 0 && slots_[s - 1].level == static_cast<int>(l)) {
      --s;
      for (std::size_t d = 0; d < nd; ++d) extent[d] *= c.factor[d][s];
    }
    auto cap = spec_.levels[l].capacity_bits();
    if (!cap) continue;
    double used = 0;
    for (std::size_t ds = 0; ds < pr_.data_spaces.size(); ++ds)
      if (c.keep[l][ds]) used += static_cast<double>(pr_.tile_size(static_cast<int>(ds), extent)) * element_bits_[l][ds];
    if (used > *cap) {
      m.level = static_cast<int>(l);
      m.used_bits = used;
      return m;
    }
  }
  return m;
}

std::string SearchSpace::misfit(const Candidate& c) const {
  const Misfit m = first_misfit(c);
  if (m.level < 0) return {};
  const auto& level = spec_.levels[static_cast<std::size_t>(m.level)];
  if (m.spatial)
    return "spatial factors " + std::to_string(m.x) + " x " + std::to_string(m.y) + " do not fit below level '" + level.name + "'";
  return "the tiles kept at level '" + level.name + "' need " + std::to_string(static_cast<long long>(m.used_bits)) +
         " bits but it holds " + std::to_string(static_cast<long long>(*level.capacity_bits())) + " bits";
}

std::uint64_t SearchSpace::key(const Candidate& c) const {
  std::uint64_t h = 0x243f6a8885a308d3ull;
  auto mix = [&h](std::uint64_t v) {  // splitmix64 step over the running hash
    h += v + 0x9e3779b97f4a7c15ull;
    h = (h ^ (h >> 30)) * 0xbf58476d1ce4e5b9ull;
    h = (h ^ (h >> 27)) * 0x94d049bb133111ebull;
    h ^= h >> 31;
  };
  for (const auto& f : c.factor)
    for (long long v : f) mix(static_cast<std::uint64_t>(v));
  for (std::size_t s = 0; s < slots_.size(); ++s) {
    if (slots_[s].kind != LoopKind::temporal) continue;
    for (int d : c.order[static_cast<std::size_t>(slots_[s].level)])
      if (c.factor[static_cast<std::size_t>(d)][s] > 1) mix(static_cast<std::uint64_t>(d) + 1000);
    mix(0xffff);
  }
  for (const auto& k : c.keep)
    for (bool b : k) mix(b ? 1 : 2);
  return h;
}

Mapping SearchSpace::to_mapping(const Candidate& c) const {
  Mapping m;
  m.levels.resize(spec_.levels.size());
  for (std::size_t s = 0; s < slots_.size(); ++s) {
    auto& lm = m.levels[static_cast<std::size_t>(slots_[s].level)];
    if (slots_[s].kind == LoopKind::temporal) {
      for (int d : c.order[static_cast<std::size_t>(slots_[s].level)])
        if (c.factor[static_cast<std::size_t>(d)][s] > 1)
          lm.temporal.push_back({d, c.factor[static_cast<std::size_t>(d)][s], LoopKind::temporal});
      continue;
    }
    std::vector<Loop> loops;
    for (std::size_t d = 0; d < pr_.dim_names.size(); ++d)
      if (c.factor[d][s] > 1) loops.push_back({static_cast<int>(d), c.factor[d][s], slots_[s].kind});
    // Outermost first: the dimensions a spatial permutation does not name, then the ones it names
    // from its outermost to its innermost.
    const auto& inner = rules_.levels[static_cast<std::size_t>(slots_[s].level)].spatial_innermost;
    auto depth = [&](const Loop& lp) { return std::find(inner.begin(), inner.end(), lp.dim) - inner.begin(); };
    std::stable_sort(loops.begin(), loops.end(), [&](const Loop& a, const Loop& b) { return depth(a) > depth(b); });
    // Y loops come before X loops (X varies fastest).
    if (slots_[s].kind == LoopKind::spatial_y) lm.spatial.insert(lm.spatial.begin(), loops.begin(), loops.end());
    else lm.spatial.insert(lm.spatial.end(), loops.begin(), loops.end());
  }
  for (std::size_t l = 0; l < spec_.levels.size(); ++l) m.levels[l].keep = c.keep[l];
  return m;
}

}  // namespace hwaware::mapping
