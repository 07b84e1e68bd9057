#pragma once
// A compressed tensor's fibertree at one level, as Sparseloop builds it (NVlabs/timeloop
// src/sparse-analysis/representation-analyzer.cpp, DefineCompressionFormatModels and
// ApplyRanksOuterToInner; the format models in src/workload/format-models/): which loops of the
// nest each rank of the level's format covers, each rank's fiber shape, and the metadata and
// payload units one tile's format holds per rank.

#include <string>
#include <vector>

#include "arch/sparse_spec.h"
#include "models/density_model.h"
#include "models/nest_analysis.h"
#include "models/sparse_counts.h"
#include "workloads/problem.h"

namespace hwaware::model {

// One rank of a level's format: its format, the tensor coordinates one fiber spans, and the bits
// of a metadata and of a payload word.
struct RankShape {
  arch::RankFormat format = arch::RankFormat::uncompressed;
  long long fiber = 1;
  int metadata_bits = 0, payload_bits = 0;
};

// What a tensor's format needs from the rest of the model, per nest level (0 innermost).
struct FormatContext {
  const workload::Problem* problem = nullptr;
  const std::vector<NestLoop>* loops = nullptr;  // flattened, innermost first
  std::size_t tensor = 0;
  std::vector<const arch::TensorFormat*> formats;  // the level's format of the tensor, or nullptr
  std::vector<char> holds;                         // the level keeps the tensor
  std::vector<long long> tile;                     // its tile there (coordinates)
  std::vector<int> metadata_bits;                  // the level's metadata word bits
};

struct TensorRanks {
  std::vector<RankShape> ranks;  // innermost first
  std::string failure;           // non-empty: the format cannot hold the tile (Timeloop fails the mapping)
};

// The ranks of the tensor's format at `level` (which holds it with a format).
TensorRanks tensor_ranks(const FormatContext& c, std::size_t level);

// The units one tile of these ranks holds (Sparseloop's expected metadata occupancy), per rank,
// innermost first, for a tensor whose non-zeros follow `density`:
//   U: none; UOP: payload F (f + 1) offsets; CP: a coordinate (and, above rank 0, a payload) per
//   non-empty coordinate, ceil(f (1 - P(empty sub-tile))) per non-empty fiber; RLE: the same
//   without the ceil; B: a bit per coordinate of every non-empty fiber, and above rank 0 a
//   payload per non-empty coordinate, ceil'd per fiber. Rank 0 carries no payload: the data are.
// F: the fibers of the rank (the product of the fiber shapes above it), f its fiber shape; a
// fiber is non-empty with probability 1 - P(empty tile of f x its sub-tile) (coordinate-payload.cpp,
// run-length-encoding.cpp, bitmask.cpp, uncompressed-offset-pair.cpp).
std::vector<FormatUnits> format_units(const std::vector<RankShape>& ranks, const DensityModel& density);

}  // namespace hwaware::model
