// Transistor sizing in DNN+NeuroSim V1.3's method (formula.cpp EnlargeSize; SubArray.cpp,
// SwitchMatrix.cpp, Mux.cpp for resistance-sized transistors).

#include "circuits/transistor_sizing.h"

#include <algorithm>
#include <cmath>

#include "circuits/gates.h"
#include "core/diagnostics.h"

namespace hwaware::circuits {

double standard_cell_height_m(const Technology& t) { return kMaxTransistorHeight * t.feature_m; }

MosWidths min_inverter_widths(const Technology& t, double multiple) {
  if (!(multiple > 0)) core::panic("circuits: a width multiple must be > 0");
  const double nmos_m = multiple * kMinNmosSize * t.feature_m;
  return {nmos_m, t.pn_size_ratio * nmos_m};
}

MosWidths enlarge_to_cell(const Technology& t, MosWidths w, double height_m) {
  if (!std::isfinite(w.nmos_m) || !std::isfinite(w.pmos_m) || w.nmos_m < 0 || w.pmos_m < 0 || w.nmos_m + w.pmos_m <= 0)
    core::panic("circuits: transistor widths must be finite, >= 0, one positive");
  if (!(height_m > 0)) core::panic("circuits: a cell height must be > 0");
  // The diffusion height the cell leaves: poly extensions and half field-poly gaps at both ends,
  // and the P-N gap when both types are present (NeuroSim formula.cpp, bulk).
  const double ends_m = (kMinPolyExtDiff + kMinGapBetweenFieldPoly / 2) * 2 * t.feature_m;
  const double pmos_share = w.pmos_m / (w.pmos_m + w.nmos_m);
  if (pmos_share == 0) return {std::max(w.nmos_m, height_m - ends_m), 0};
  if (pmos_share == 1) return {0, std::max(w.pmos_m, height_m - ends_m)};
  const double max_pmos_m = pmos_share * (height_m - kMinGapBetweenPAndN * t.feature_m - ends_m);
  const double max_nmos_m = max_pmos_m / pmos_share * (1 - pmos_share);
  if (w.pmos_m < max_pmos_m && w.nmos_m < max_nmos_m) return {max_nmos_m, max_pmos_m};
  return w;
}

double width_for_resistance_m(const Technology& t, double target_ohm, bool pmos) {
  if (!(target_ohm > 0) || !std::isfinite(target_ohm)) core::panic("circuits: a target resistance must be finite and > 0");
  const double r_feature_ohm = on_resistance_ohm(t, t.feature_m, pmos ? Mos::pmos : Mos::nmos);
  return r_feature_ohm * t.feature_m * kLinearRegionRatio / target_ohm;
}

}  // namespace hwaware::circuits
