// Transistors sized for a resistance in DNN+NeuroSim V1.3's method (SubArray.cpp, SwitchMatrix.cpp,
// Mux.cpp).

#include "circuits/transistor_sizing.h"

#include <cmath>

#include "circuits/gates.h"
#include "core/diagnostics.h"

namespace hwaware::circuits {

double standard_cell_height_m(const Technology& t) { return kMaxTransistorHeight * t.feature_m; }

double width_for_resistance_m(const Technology& t, double target_ohm, bool pmos) {
  if (!(target_ohm > 0) || !std::isfinite(target_ohm)) core::panic("circuits: a target resistance must be finite and > 0");
  const double r_feature_ohm = on_resistance_ohm(t, t.feature_m, pmos ? Mos::pmos : Mos::nmos);
  return r_feature_ohm * t.feature_m * kLinearRegionRatio / target_ohm;
}

}  // namespace hwaware::circuits
