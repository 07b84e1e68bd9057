#pragma once
// Instances and their mesh, accumulated down the fan-outs of an accelerator description (hwaware's
// `spatial`, Timeloop's meshX/meshY and instance ranges), with checked arithmetic.

#include "core/yaml_reader.h"

namespace hwaware::arch {

struct Fanout {
  long long instances = 1, mesh_x = 1, mesh_y = 1;

  // Multiplies by a fan-out of x (along X) by y (along Y). When the count would not fit 64 bits it
  // stays unchanged and the error is reported at `where` (false).
  bool grow(long long x, long long y, const core::YamlView& where);
};

}  // namespace hwaware::arch
