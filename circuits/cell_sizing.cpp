// Standard-cell sizing (NeuroSim V1.3 formula.cpp EnlargeSize) and the synchronous cycle rule.

#include "circuits/cell_sizing.h"

#include <cmath>

#include "circuits/gates.h"
#include "core/diagnostics.h"

namespace hwaware::circuits {

// NeuroSim formula.cpp EnlargeSize, bulk branch: the diffusion height of the cell (its height less
// the poly extensions and field-poly half gaps, less the P-N gap when both types are present) is
// shared in the PMOS : NMOS ratio; a gate whose transistors both fit is widened to fill it.
Widths fill_cell_height(const Technology& t, Widths w, double height_m) {
  if (!(w.nmos_m >= 0) || !(w.pmos_m >= 0) || w.nmos_m + w.pmos_m <= 0) core::panic("fill_cell_height: widths must be >= 0, one > 0");
  const double ends_m = (kMinPolyExtDiff + kMinGapBetweenFieldPoly / 2) * 2 * t.feature_m;
  const double pmos_share = w.pmos_m / (w.pmos_m + w.nmos_m);
  if (pmos_share == 0) {
    const double max_n = height_m - ends_m;
    if (w.nmos_m < max_n) w.nmos_m = max_n;
  } else if (pmos_share == 1) {
    const double max_p = height_m - ends_m;
    if (w.pmos_m < max_p) w.pmos_m = max_p;
  } else {
    const double max_p = pmos_share * (height_m - kMinGapBetweenPAndN * t.feature_m - ends_m);
    const double max_n = max_p / pmos_share * (1 - pmos_share);
    if (w.pmos_m < max_p && w.nmos_m < max_n) w = {max_n, max_p};
  }
  return w;
}

Widths min_widths(const Technology& t, double nmos_multiple, double pmos_multiple) {
  return {nmos_multiple * kMinNmosSize * t.feature_m, pmos_multiple * t.pn_size_ratio * kMinNmosSize * t.feature_m};
}

double cycles(double latency_s, double clock_hz) {
  if (!(clock_hz > 0)) core::panic("cycles: the clock must be > 0 Hz");
  return std::ceil(latency_s * clock_hz);
}

}  // namespace hwaware::circuits
