#pragma once
// The space of mappings the rules allow for one layer: where each dimension's factors may go
// (slots: a level's temporal loops, or its spatial X or Y fan-out), loop orders per level and
// the open keep/bypass choices. Draws random candidates, enumerates them all when the space is
// small, builds neighbours for local search, and checks the mesh and capacity cheaply.

#include <cstdint>
#include <functional>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "arch/spec.h"
#include "mappings/mapping.h"
#include "mappings/rules.h"
#include "workloads/problem.h"

namespace hwaware::mapping {

// The prime factors of n, smallest first, with repetition (12 -> 2, 2, 3).
std::vector<long long> prime_factors(long long n);

struct Slot {
  int level = 0;
  LoopKind kind = LoopKind::temporal;
};

// One point of the space: factors per dimension and slot, orders, keep choices.
struct Candidate {
  std::vector<std::vector<long long>> factor;  // [dimension][slot]
  std::vector<std::vector<int>> order;         // [level]: every dimension, outermost first
  std::vector<std::vector<bool>> keep;         // [level][tensor]
};

class SearchSpace {
 public:
  SearchSpace(const arch::Spec& spec, const workload::Problem& problem, Rules rules);

  // Why no mapping can exist (a fixed factor that does not divide, a dimension no level may
  // iterate), naming the constraint; empty when the space is not empty.
  const std::string& infeasible() const { return infeasible_; }
  // Number of candidates (tilings x loop orders x keep choices), capped at `cap`.
  double size(double cap) const;

  Candidate minimal() const;  // every free factor in the outermost level that may take it
  Candidate random(std::mt19937_64& rng) const;
  // Starts from minimal() and moves the prime factors, in random order, each to a random slot
  // (inner levels preferred) where the candidate still fits: dense tilings that use the storage.
  Candidate greedy(std::mt19937_64& rng) const;
  Candidate neighbour(const Candidate& c, std::mt19937_64& rng) const;
  // The same draws written into `out`, whose storage is reused (the search draws candidates in
  // batches; allocating each one was most of its time on small layers).
  void random_into(std::mt19937_64& rng, Candidate& out) const;
  void greedy_into(std::mt19937_64& rng, Candidate& out) const;
  void neighbour_into(const Candidate& base, std::mt19937_64& rng, Candidate& out) const;
  // Calls `visit` for every candidate, in a fixed order.
  template <typename Visit>
  void enumerate(Visit visit) const;

  // Whether the candidate fits the mesh and the capacities; allocates nothing (the search asks
  // this of every candidate it draws, and greedy() of every move it tries).
  bool fits(const Candidate& c) const { return first_misfit(c).level < 0; }
  // Empty if the candidate fits, else what does not fit.
  std::string misfit(const Candidate& c) const;
  Mapping to_mapping(const Candidate& c) const;
  // A hash of the mapping a candidate stands for (factors, orders of the loops that iterate,
  // keep choices): candidates that differ only in the order of loops of bound 1 share it.
  std::uint64_t key(const Candidate& c) const;

 private:
  // The outermost level the candidate does not fit (-1: it fits), with what does not fit there.
  struct Misfit {
    int level = -1;
    bool spatial = false;  // the mesh (x, y) or the capacity (used_bits)
    long long x = 1, y = 1;
    double used_bits = 0;
  };
  Misfit first_misfit(const Candidate& c) const;
  Candidate build_minimal() const;
  void build_slots();
  bool relevant_to_kept(std::size_t dim, std::size_t level, const Candidate& c) const;
  void order_level(std::vector<int>& order, int level, std::mt19937_64* rng) const;
  std::vector<std::vector<long long>> factorizations(std::size_t dim) const;
  void enumerate_orders(Candidate& c, std::size_t level, const std::function<void(const Candidate&)>& visit) const;
  void enumerate_keeps(Candidate& c, std::size_t index, const std::function<void(const Candidate&)>& visit) const;

  const arch::Spec& spec_;
  const workload::Problem& pr_;
  Rules rules_;
  std::vector<Slot> slots_;
  std::vector<std::vector<std::size_t>> free_slots_;             // [dimension]: slots that may take factors
  std::vector<std::vector<long long>> fixed_;                    // [dimension][slot]: fixed factors (1 = none)
  std::vector<std::vector<long long>> primes_;                   // [dimension]: prime factors of the free part
  std::vector<std::pair<std::size_t, std::size_t>> open_keeps_;  // (level, tensor) choices
  std::vector<std::vector<double>> element_bits_;                // [level][tensor] storage bits per element
  std::string infeasible_;
  Candidate minimal_;                                           // build_minimal(), once the space is feasible
  std::vector<std::pair<std::size_t, long long>> prime_moves_;  // (dimension, prime), every prime factor
  std::vector<std::size_t> movable_dims_;                       // dimensions with primes and two or more free slots
};

}  // namespace hwaware::mapping

#include "mappings/search_space_enumerate.h"
