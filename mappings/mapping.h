#pragma once
// How a layer is laid onto a digital spatial array: per storage level, temporal loops (outermost
// first), spatial loops fanning out to the level below (split over mesh X and Y), and which
// tensors the level keeps. One LevelMapping per arch level, same order (outermost first).

#include <string>
#include <vector>

#include "core/diagnostics.h"

namespace hwaware::mapping {

enum class LoopKind { temporal, spatial_x, spatial_y };

struct Loop {
  int dim = 0;
  long long bound = 1;
  LoopKind kind = LoopKind::temporal;
};

struct LevelMapping {
  std::vector<Loop> temporal;  // outermost first
  std::vector<Loop> spatial;   // outermost first; X loops vary fastest (innermost)
  std::vector<bool> keep;      // per data space of the problem
  core::SourceLoc loc;
};

struct Mapping {
  std::vector<LevelMapping> levels;  // aligned with arch::Spec::levels
};

}  // namespace hwaware::mapping
