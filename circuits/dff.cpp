// The D flip-flop of DNN+NeuroSim V1.3 DFF.cpp: sizes, capacitances, energy, leakage, layout.

#include "circuits/dff.h"

#include <algorithm>
#include <cmath>

#include "circuits/transistor_sizing.h"
#include "core/diagnostics.h"

namespace hwaware::circuits {

Dff::Dff(const Technology& t) : t_(t) {
  const double cell_h = standard_cell_height_m(t);
  // Layout: 12 minimum inverter cells (NeuroSim DFF.cpp CalculateArea, widths not enlarged).
  const MosWidths min = min_inverter_widths(t);
  const Footprint inv = gate_footprint(t, Gate::inv, 1, min.nmos_m, min.pmos_m, cell_h);
  cell_ = {inv.height_m, 12 * inv.width_m};
  // Electrical: the inverters and clock pass gates are minimum gates enlarged to the cell
  // (NeuroSim DFF.cpp Initialize, EnlargeSize).
  const MosWidths w = enlarge_to_cell(t, min, cell_h);
  inv_ = gate_caps(t, Gate::inv, 1, w.nmos_m, w.pmos_m, inv.height_m);
  tg_gate_n_f_ = gate_cap_f(t, w.nmos_m);
  tg_gate_p_f_ = gate_cap_f(t, w.pmos_m);
  tg_drain_f_ = inv_.output_f;  // the pass gates have the inverters' widths: the same drain
  inv_leakage_a_ = gate_leakage_a(t, Gate::inv, 1, w.nmos_m, w.pmos_m);
}

double Dff::clock_energy_j() const {
  const double v2 = t_.vdd_v * t_.vdd_v;
  return ((inv_.input_f + inv_.output_f) * 4 + tg_gate_n_f_ * 2 + tg_gate_p_f_ * 2) * v2;
}

double Dff::data_energy_j() const {
  const double v2 = t_.vdd_v * t_.vdd_v;
  const double input_side_f = tg_drain_f_ * 3 + inv_.input_f;
  const double feedback_side_f = tg_drain_f_ + inv_.output_f;
  const double output_side_f = inv_.input_f + inv_.output_f;
  return (input_side_f + feedback_side_f + output_side_f) * v2;
}

double Dff::energy_j(double clocked, double passing) const {
  if (clocked < 0 || passing < 0) core::panic("circuits: flip-flop counts must be >= 0");
  return clocked * clock_energy_j() + std::min(passing, clocked) * data_energy_j();
}

double Dff::leakage_w() const { return inv_leakage_a_ * t_.vdd_v * 8; }

Footprint Dff::footprint() const { return cell_; }

Footprint dff_rows(const Dff& d, long count, double width_m) {
  const Footprint f = d.footprint();
  if (count < 0) core::panic("circuits: a flip-flop count must be >= 0");
  const long per_row = std::min<long>(count, static_cast<long>(width_m / f.width_m));
  if (count > 0 && per_row < 1) core::panic("circuits: the block is narrower than one flip-flop");
  const long rows = count == 0 ? 0 : (count + per_row - 1) / per_row;
  return {f.height_m * static_cast<double>(rows), width_m};
}

Footprint dff_columns(const Dff& d, long count, double height_m) {
  const Footprint f = d.footprint();
  if (count < 0) core::panic("circuits: a flip-flop count must be >= 0");
  const long per_col = std::min<long>(count, static_cast<long>(height_m / f.height_m));
  if (count > 0 && per_col < 1) core::panic("circuits: the block is lower than one flip-flop");
  const long cols = count == 0 ? 0 : (count + per_col - 1) / per_col;
  return {height_m, f.width_m * static_cast<double>(cols)};
}

}  // namespace hwaware::circuits
