#pragma once
// Turns the per-loop tiles of the nest analysis into per-level, per-tensor scalar reads, fills
// and updates (Timeloop's counting): bypassed levels pass their children's requests up; fills
// count the data new to a level; the first update of an output is a write without a read
// (reads and fills subtract the partition a level owns).

#include <vector>

#include "models/nest_analysis.h"

namespace hwaware::model {

struct TensorAccess {
  bool kept = false;
  double reads = 0, fills = 0, updates = 0;  // scalar, per instance
  long long instances = 0;                   // utilized instances
  long long tile_size = 0;                   // words of this tensor held by one instance
  long long partition_size = 0;              // distinct words one instance ever holds
};

// levels[level][data space], level 0 innermost. keep[level][ds] says which levels hold a tensor.
std::vector<std::vector<TensorAccess>> account_tiles(const NestResult& nest,
                                                     const std::vector<std::vector<bool>>& keep,
                                                     const std::vector<bool>& read_write);

}  // namespace hwaware::model
