#pragma once
// Mapper constraints attached to one level, as written (dimension names, not indices): fixed
// loop factors, a loop order, the X/Y split of spatial loops, in the sense of Timeloop's
// constraints. The mapper resolves them against each layer's dimensions.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/diagnostics.h"

namespace hwaware::arch {

struct LoopConstraint {
  std::vector<std::pair<std::string, long long>> factors;  // dimension -> fixed factor
  std::vector<std::string> permutation;                    // innermost first; may list only some dims
  std::optional<long long> split;                          // spatial: the first `split` dims of the permutation go on X
  core::SourceLoc loc;
};

struct LevelConstraints {
  std::optional<LoopConstraint> temporal, spatial;
};

}  // namespace hwaware::arch
