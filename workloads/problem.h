#pragma once
// A layer as a loop nest over named dimensions with tensors (data spaces) that are affine
// projections of those dimensions -- the same einsum-like form Timeloop uses, so conv, depthwise,
// grouped conv, FC, pooling, elementwise adds and imported Timeloop problems are all one thing for
// the models.

#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "workloads/density.h"

namespace hwaware::workload {

// The most ranks (axes) a tensor may have: what the models' nest analysis holds per tensor
// (models/nest_formulas.h); a problem with more is refused when it is read (workloads/validate.h).
constexpr std::size_t kMaxTensorRanks = 8;

// coefficient * dimension, inside one rank (axis) of a tensor's index.
struct ProjectionTerm {
  int dim = 0;
  long long coefficient = 1;
};
using RankExpression = std::vector<ProjectionTerm>;

// One tensor of the layer (Weights, Inputs, Outputs).
struct DataSpace {
  std::string name;
  std::vector<RankExpression> ranks;
  bool read_write = false;  // outputs/partial sums: updated in place
  std::optional<int> bits;  // bits per element; empty when not given (Timeloop problems): one word of each level
  double density = 1.0;     // fraction of non-zero elements
  // Where the non-zeros lie, for Sparseloop's models of tiles (Timeloop problems' `densities`).
  DensityDistribution density_distribution = DensityDistribution::fixed_structured;
  // Coordinates the hypergeometric model draws the non-zeros from (Sparseloop's
  // workload_tensor_size); 0: the tensor's own.
  long long density_tensor_coords = 0;
  // Fraction of the bits of its elements that are 1 (Inputs drive PIM crossbar rows bit-serially:
  // a cell read costs energy only under a 1 bit; Weights' 1 bits set the cells' mean conductance).
  // 0.5: random bits.
  double bit_density = 0.5;

  // Whether a loop over dimension `dim` moves across this tensor (some rank's index uses it).
  bool indexed_by(int dim) const;
};

// The iteration space of one layer and the tensors it touches.
struct Problem {
  std::string name;
  std::vector<std::string> dim_names;
  std::vector<long long> bounds;
  std::vector<DataSpace> data_spaces;

  int dim_index(const std::string& dim) const;          // -1 if absent
  int data_space_index(const std::string& name) const;  // -1 if absent
  // Iteration points: one compute each. MACs for a conv or fc; element ops (comparisons, adds)
  // for pool and add layers -- Layer::macs() tells the two apart.
  long long macs() const;
  // Elements of a tensor touched by a tile spanning `extents` of every dimension (bounding box
  // per rank); with the problem's bounds, the whole tensor.
  long long tile_size(int data_space, const std::vector<long long>& extents) const;
  long long tensor_size(int data_space) const { return tile_size(data_space, bounds); }
};

}  // namespace hwaware::workload
