// NeuroSim V1.3 Bus.cpp / HTree.cpp repeater design and per-metre costs, rewritten.

#include "circuits/repeated_wire.h"

#include <algorithm>
#include <cmath>

#include "circuits/gates.h"
#include "core/diagnostics.h"

namespace hwaware::circuits {
namespace {

// A repeater `size` times the minimum inverter, its capacitances at the standard-cell height.
RepeaterDesign repeater(const Technology& t, int size, double spacing_m) {
  RepeaterDesign d;
  d.size = size;
  d.spacing_m = spacing_m;
  d.inverter = min_widths(t, size, size);
  const double cell_m = kMaxTransistorHeight * t.feature_m;
  const Footprint fp = gate_footprint(t, Gate::inv, 1, d.inverter.nmos_m, d.inverter.pmos_m, cell_m);
  d.height_m = fp.height_m, d.width_m = fp.width_m;
  const GateCaps c = gate_caps(t, Gate::inv, 1, d.inverter.nmos_m, d.inverter.pmos_m, fp.height_m);
  d.cap_in_f = c.input_f, d.cap_out_f = c.output_f;
  d.resistance_ohm = on_resistance_ohm(t, d.inverter.nmos_m, Mos::nmos) + on_resistance_ohm(t, d.inverter.pmos_m, Mos::pmos);
  return d;
}

}  // namespace

// Bus.cpp / HTree.cpp Initialize: size = floor(sqrt(R_min c / (C_in,min r))), spacing =
// sqrt(2 R_min (C_out,min + C_in,min) / (r c)) for the minimum inverter (R_min its pull-down plus
// pull-up) and the node's wire r, c per metre; then the relaxation loop.
RepeaterDesign design_repeaters(const Technology& t, double delay_tolerance, RepeaterRelaxation relaxation) {
  if (!(delay_tolerance >= 0)) core::panic("design_repeaters: delay tolerance must be >= 0");
  const double r = t.wire_resistance_ohm_per_m, c = t.wire_cap_f_per_m;
  const RepeaterDesign min = repeater(t, 1, 0);
  int size = static_cast<int>(std::floor(std::sqrt(min.resistance_ohm * c / min.cap_in_f / r)));
  double spacing_m = std::sqrt(2 * min.resistance_ohm * (min.cap_out_f + min.cap_in_f) / (r * c));
  if (size < 1) core::panic("design_repeaters: the optimal repeater is smaller than a minimum inverter");
  RepeaterDesign d = repeater(t, size, spacing_m);
  if (delay_tolerance > 0) {
    const double least = repeated_delay_s_per_m(t, d, r);
    double delay = 0;
    // HTree.cpp: while (delay < least (1 + tol)) { size /= 2; spacing *= 0.9; ... } (a size of 0
    // has an infinite delay and ends the loop; the inverter is then drawn at size 1);
    // Bus.cpp: the same with size -= 1 while size >= 1.
    while (delay < least * (1 + delay_tolerance) && size >= 1) {
      size = relaxation == RepeaterRelaxation::halve ? size / 2 : size - 1;
      spacing_m *= 0.9;
      if (size == 0) break;
      d = repeater(t, size, spacing_m);
      delay = repeated_delay_s_per_m(t, d, r);
    }
    d = repeater(t, std::max(1, size), spacing_m);
  }
  return d;
}

double repeated_delay_s_per_m(const Technology& t, const RepeaterDesign& d, double wire_ohm_per_m) {
  if (!(wire_ohm_per_m > 0)) core::panic("repeated_delay_s_per_m: wire resistance must be > 0");
  const double c = t.wire_cap_f_per_m, s = d.spacing_m;
  return 0.7 *
         (d.resistance_ohm * (d.cap_in_f + d.cap_out_f + c * s) + 0.5 * wire_ohm_per_m * s * c * s + wire_ohm_per_m * s * d.cap_in_f) / s;
}

double repeated_energy_j_per_bit_m(const Technology& t, const RepeaterDesign& d) {
  return (d.cap_in_f + d.cap_out_f + t.wire_cap_f_per_m * d.spacing_m) * t.vdd_v * t.vdd_v / d.spacing_m * 0.25;
}

double repeated_leakage_w_per_m(const Technology& t, const RepeaterDesign& d) {
  return gate_leakage_a(t, Gate::inv, 1, d.inverter.nmos_m, d.inverter.pmos_m) * t.vdd_v / d.spacing_m;
}

}  // namespace hwaware::circuits
