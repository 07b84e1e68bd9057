// The level shifter of DNN+NeuroSim V1.3 LevelShifter.cpp (area only).

#include "circuits/level_shifter.h"

#include <algorithm>

#include "circuits/cell_sizing.h"
#include "circuits/transistor_sizing.h"
#include "core/diagnostics.h"

namespace hwaware::circuits {

double level_shifters_area_m2(const Technology& t, long lines, const Calibration& c) {
  if (lines < 0) core::panic("circuits: a line count must be >= 0");
  const Widths w = min_widths(t);
  const double scale = c.validated ? 2 : 1, h = standard_cell_height_m(t) * (c.validated ? 2.5 : 1);
  const Footprint low = gate_footprint(t, Gate::inv, 1, w.nmos_m * 15 * scale, w.pmos_m * 20 * scale, h);
  const Footprint latch = gate_footprint(t, Gate::inv, 1, w.nmos_m * 32 * scale, w.pmos_m * 10 * scale, h);
  const Footprint high = gate_footprint(t, Gate::inv, 1, w.nmos_m * 64 * scale, w.pmos_m * 82 * scale, h);
  const double height_m = std::max({low.height_m, latch.height_m, high.height_m});
  // The latch and the high-voltage pull-up are IO transistors (l = 270 nm): 2.5x as wide.
  const double width_m =
      c.validated ? low.width_m + (2 * latch.width_m + high.width_m) * 2.5 : low.width_m + 2 * latch.width_m + high.width_m;
  return height_m * width_m * static_cast<double>(lines) * c.wiring_area();
}

}  // namespace hwaware::circuits
