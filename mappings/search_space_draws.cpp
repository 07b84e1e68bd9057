// SearchSpace's random draws (search_space.h): random and greedy candidates and neighbours for the
// mapper's local search, written into reused candidates.

#include <algorithm>

#include "mappings/search_space.h"

namespace hwaware::mapping {

Candidate SearchSpace::random(std::mt19937_64& rng) const {
  Candidate c;
  random_into(rng, c);
  return c;
}

Candidate SearchSpace::greedy(std::mt19937_64& rng) const {
  Candidate c;
  greedy_into(rng, c);
  return c;
}

Candidate SearchSpace::neighbour(const Candidate& base, std::mt19937_64& rng) const {
  Candidate c;
  neighbour_into(base, rng, c);
  return c;
}

void SearchSpace::random_into(std::mt19937_64& rng, Candidate& c) const {
  c = minimal_;
  c.factor = fixed_;
  for (std::size_t d = 0; d < primes_.size(); ++d)
    for (long long p : primes_[d]) {
      std::uniform_int_distribution<std::size_t> pick(0, free_slots_[d].size() - 1);
      c.factor[d][free_slots_[d][pick(rng)]] *= p;
    }
  for (std::size_t l = 0; l < c.order.size(); ++l) order_level(c.order[l], static_cast<int>(l), &rng);
  for (const auto& [l, ds] : open_keeps_) c.keep[l][ds] = (rng() & 1) != 0;
}

bool SearchSpace::relevant_to_kept(std::size_t dim, std::size_t level, const Candidate& c) const {
  for (std::size_t ds = 0; ds < pr_.data_spaces.size(); ++ds) {
    if (!c.keep[level][ds]) continue;
    for (const auto& rank : pr_.data_spaces[ds].ranks)
      for (const auto& t : rank)
        if (static_cast<std::size_t>(t.dim) == dim) return true;
  }
  return false;
}

void SearchSpace::greedy_into(std::mt19937_64& rng, Candidate& c) const {
  c = minimal_;
  for (std::size_t l = 0; l < c.order.size(); ++l) order_level(c.order[l], static_cast<int>(l), &rng);
  for (const auto& [l, ds] : open_keeps_) c.keep[l][ds] = (rng() & 1) != 0;
  thread_local std::vector<std::pair<std::size_t, long long>> items;  // (dimension, prime)
  thread_local std::vector<std::size_t> dest;
  items = prime_moves_;
  std::shuffle(items.begin(), items.end(), rng);
  for (const auto& [d, p] : items) {
    const auto& fs = free_slots_[d];
    if (fs.size() < 2) continue;
    // Candidate destinations: slots after the outermost one (inner levels come later), tried from
    // a random start so inner levels are tried first more often than not.
    // A temporal loop over a dimension that no tensor kept at its level depends on only repeats
    // the level's tile; such slots are left out of the greedy fill (random samples still try them).
    std::size_t from = fs.front();
    dest.clear();
    for (auto it = fs.rbegin(); it + 1 != fs.rend(); ++it)
      if (slots_[*it].kind != LoopKind::temporal || relevant_to_kept(d, static_cast<std::size_t>(slots_[*it].level), c))
        dest.push_back(*it);
    if (dest.empty()) continue;
    std::size_t start = std::uniform_int_distribution<std::size_t>(0, dest.size() - 1)(rng) / 2;
    for (std::size_t k = 0; k < dest.size(); ++k) {
      std::size_t to = dest[(start + k) % dest.size()];
      c.factor[d][from] /= p;
      c.factor[d][to] *= p;
      if (fits(c)) break;
      c.factor[d][to] /= p;
      c.factor[d][from] *= p;
    }
  }
}

void SearchSpace::neighbour_into(const Candidate& base, std::mt19937_64& rng, Candidate& c) const {
  c = base;
  std::uniform_int_distribution<int> kind(0, 99);
  int k = kind(rng);
  if (k < 65) {  // move one prime factor (or, one time in four, all factors) of a dimension to another slot
    const auto& dims = movable_dims_;
    if (!dims.empty()) {
      std::size_t d = dims[std::uniform_int_distribution<std::size_t>(0, dims.size() - 1)(rng)];
      thread_local std::vector<std::size_t> from;
      from.clear();
      for (std::size_t s : free_slots_[d])
        if (c.factor[d][s] > 1) from.push_back(s);
      std::size_t a = from[std::uniform_int_distribution<std::size_t>(0, from.size() - 1)(rng)];
      auto ps = prime_factors(c.factor[d][a]);
      long long p = ps[std::uniform_int_distribution<std::size_t>(0, ps.size() - 1)(rng)];
      if (k < 16) p = c.factor[d][a];
      std::size_t b = a;
      while (b == a) b = free_slots_[d][std::uniform_int_distribution<std::size_t>(0, free_slots_[d].size() - 1)(rng)];
      c.factor[d][a] /= p;
      c.factor[d][b] *= p;
      return;
    }
  }
  if (k < 90 || open_keeps_.empty()) {                                     // swap two loops of one level that iterate (factor > 1)
    std::vector<std::pair<std::size_t, std::vector<std::size_t>>> levels;  // level, positions in its order
    for (std::size_t s = 0; s < slots_.size(); ++s) {
      if (slots_[s].kind != LoopKind::temporal) continue;
      const auto l = static_cast<std::size_t>(slots_[s].level);
      std::vector<std::size_t> pos;
      for (std::size_t i = 0; i < c.order[l].size(); ++i)
        if (c.factor[static_cast<std::size_t>(c.order[l][i])][s] > 1) pos.push_back(i);
      if (pos.size() >= 2) levels.emplace_back(l, pos);
    }
    if (!levels.empty()) {
      const auto& [l, pos] = levels[std::uniform_int_distribution<std::size_t>(0, levels.size() - 1)(rng)];
      std::uniform_int_distribution<std::size_t> pick(0, pos.size() - 1);
      std::size_t a = pick(rng), b = pick(rng);
      while (b == a) b = pick(rng);
      std::swap(c.order[l][pos[a]], c.order[l][pos[b]]);
      order_level(c.order[l], static_cast<int>(l), nullptr);
    }
    return;
  }
  const auto& [l, ds] = open_keeps_[std::uniform_int_distribution<std::size_t>(0, open_keeps_.size() - 1)(rng)];
  c.keep[l][ds] = !c.keep[l][ds];
}

}  // namespace hwaware::mapping
