#pragma once
// The cost model searches use: the energy and cycles of one layer under a mapping, equal to
// evaluate_counts() priced by price_total(), without building the per-component counts.
// Everything that does not depend on the mapping -- how each dimension moves each tensor, the
// bits per element and vector size of every level, the energy of every action -- is prepared
// once per (accelerator, layer); an evaluation is flat arithmetic on the stack, allocating
// nothing. The analytical model stays the reference (property test: equal on random mappings).

#include <array>
#include <cstddef>

#include "arch/spec.h"
#include "mappings/mapper.h"
#include "mappings/mapping.h"
#include "models/energy_table.h"
#include "models/nest_formulas.h"
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

  // Limits of the flat evaluation; beyond them evaluate() falls back to the full model.
  static constexpr std::size_t kMaxTensors = 4, kMaxDims = 16, kMaxLevels = 16, kMaxLoops = 96;

 private:
  // A level's prepared costs, spec order (outermost first).
  struct Level {
    bool is_virtual = false;
    int word_bits = 8;
    double entry_bits = 8;
    LevelPrices prices;                                                            // its actions', from the energy table
    std::array<TensorBits, kMaxTensors> format;                                    // per tensor, when kept
    std::array<double, kMaxTensors> network_bits_kept{}, network_bits_bypassed{};  // per element
  };

  // R: ranks evaluated per tensor (4 covers convolutions and matrix products; 8 anything else);
  // NT: tensors, or 0 for any number (the compiler unrolls the loops over known counts).
  template <std::size_t R, std::size_t NT>
  mapping::Cost evaluate_flat(const mapping::Mapping& m) const;
  mapping::Cost evaluate_full(const mapping::Mapping& m) const;

  const arch::Spec& spec_;
  const workload::Problem& problem_;
  const EnergyTable& table_;
  bool flat_ = true;  // within the limits above
  std::size_t ndim_ = 0, ntensors_ = 0;
  std::size_t max_ranks_ = 0;  // over the tensors
  std::array<bool, kMaxTensors> read_write_{};
  // [dim][tensor]: the coefficient of the dimension in each rank of the tensor, so that a loop
  // of that dimension with stride s moves the tensor by s x column; and the same packed.
  std::array<std::array<RankVec, kMaxTensors>, kMaxDims> column_{};
  std::array<std::array<PackedMove<kMaxRanks / 2>, kMaxTensors>, kMaxDims> packed_column_{};
  // Per dimension, the (tensor, rank, coefficient) it moves: the non-zero entries of column_.
  struct Term {
    std::size_t tensor = 0, rank = 0;
    long long coefficient = 0;
  };
  struct Terms {
    std::array<Term, kMaxTensors * kMaxRanks> term{};
    std::size_t count = 0;
  };
  std::array<Terms, kMaxDims> terms_{};
  std::array<std::array<unsigned, kMaxDims>, kMaxTensors> rank_mask_{};  // [tensor][dim]: ranks it moves
  std::array<Level, kMaxLevels> levels_{};
  ComputeSplit compute_policy_;
  double compute_pj_ = 0;  // per performed compute at the layer's operand widths
};

}  // namespace hwaware::model
