#pragma once
// The cost model searches use: the energy and cycles of one layer under a mapping, equal to
// evaluate_counts() priced by price_total(), without building the per-component counts.
// Everything that does not depend on the mapping -- how each dimension moves each tensor, the
// bits per element and vector size of every level, the energy of every action -- is prepared
// once per (accelerator, layer); an evaluation is flat arithmetic on per-thread arrays,
// allocating nothing. It runs the full model's own code on that storage -- the nest geometry
// (nest_geometry.h), Timeloop's accounting (tensor_accounting.h), the pricing walk
// (price_walk.h) -- and skips only what a report needs. The analytical model stays the reference
// (property test: equal on random mappings).

#include <array>
#include <cstddef>

#include "arch/spec.h"
#include "mappings/mapper.h"
#include "mappings/mapping.h"
#include "models/energy_table.h"
#include "models/nest_geometry.h"
#include "models/price_walk.h"
#include "models/sparsity.h"
#include "workloads/problem.h"

namespace hwaware::model {

class SearchEvaluator {
 public:
  // `spec`, `problem` and `table` must outlive the evaluator.
  SearchEvaluator(const arch::Spec& spec, const workload::Problem& problem, const EnergyTable& table);

  // Energy (pJ) and cycles of the layer under `m`. Safe to call from several threads at once.
  mapping::Cost evaluate(const mapping::Mapping& m) const;

  // Limits of the flat evaluation (the sizes of its per-thread arrays); beyond them evaluate()
  // falls back to the full model.
  using FlatStorage = FixedStorage<4, 16, 16, 96, kMaxRanks>;
  static constexpr std::size_t kMaxTensors = FlatStorage::kMaxTensors, kMaxDims = FlatStorage::kMaxDims,
                               kMaxLevels = FlatStorage::kMaxLevels, kMaxLoops = FlatStorage::kMaxLoops;

 private:
  // A level's prepared costs, spec order (outermost first).
  struct Level {
    bool is_virtual = false;
    int word_bits = 8;
    double entry_bits = 8;
    LevelPrices prices;                              // its actions', from the energy table
    std::array<TensorBits, kMaxTensors> format;      // per tensor, when kept
    std::array<double, kMaxTensors> network_bits{};  // per element
  };

  // R: ranks evaluated per tensor (4 covers convolutions and matrix products; 8 anything else);
  // NT: tensors, or 0 for any number (the compiler unrolls the loops over known counts).
  template <std::size_t R, std::size_t NT>
  mapping::Cost evaluate_flat(const mapping::Mapping& m) const;
  // The parts of evaluate_flat(), on its per-thread scratch: Timeloop's accounting of each
  // tensor (false when a level's multicast classes do not fit the scratch), and the bits each
  // level moves, with the cycles its bandwidth allows.
  template <std::size_t NT, typename Work>
  bool account_tensors(const mapping::Mapping& m, Work& s) const;
  template <std::size_t NT, typename Work>
  long long level_bits(Work& s, long long compute_cycles) const;
  mapping::Cost evaluate_full(const mapping::Mapping& m) const;

  const arch::Spec& spec_;
  const workload::Problem& problem_;
  const EnergyTable& table_;
  bool flat_ = true;  // within the limits above
  std::size_t ntensors_ = 0;
  std::size_t max_ranks_ = 0;  // over the tensors
  std::array<bool, kMaxTensors> read_write_{};
  Projection<FlatStorage> projection_;  // how each dimension moves each tensor
  std::array<Level, kMaxLevels> levels_{};
  ComputeSplit compute_widths_;         // the layer's operand widths
  std::array<double, 3> compute_pj_{};  // per performed compute at the layer's operand widths, per gated, per skipped
};

}  // namespace hwaware::model
