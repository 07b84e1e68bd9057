#pragma once
// Sparseloop's sparse analysis (Timeloop's sparse extension: Wu et al., "Sparseloop", MICRO 2022;
// NVlabs/timeloop src/sparse-analysis/), run on the dense counts of the nest analysis: formats
// remove the accesses of zeros a compressed level does not store and add its metadata accesses;
// action optimizations gate or skip one tensor's accesses where another's tile is empty, at the
// level and, as accesses that no longer exist, below it; the compute analysis splits the MACs by
// their operands' states. tests/reference/sparseloop/SEMANTICS.md works every rule by hand.

#include <string>
#include <vector>

#include "arch/spec.h"
#include "models/nest_analysis.h"
#include "models/sparse_counts.h"
#include "models/tile_accounting.h"
#include "workloads/problem.h"

namespace hwaware::model {

struct SparseLayerCounts {
  std::vector<std::vector<SparseTensorCounts>> levels;  // spec order (outermost first), per data space
  SparseComputeCounts compute;
  std::string failure;          // non-empty: a format cannot hold its tile under this mapping
  core::SourceLoc failure_loc;  // the format's
};

// `keep` and `dense` per nest level (0 innermost), as account_tiles() takes and gives them;
// `computes` the layer's dense computes (all instances).
void analyze_sparsity(const arch::Spec& spec, const workload::Problem& problem, const NestResult& nest,
                      const std::vector<std::vector<bool>>& keep, const std::vector<LevelAccounting>& dense, double computes,
                      SparseLayerCounts& out);

}  // namespace hwaware::model
