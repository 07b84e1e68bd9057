// NeuroSim V1.3 DFF.cpp, rewritten: capacitances, energy per clock cycle, leakage and area.

#include "circuits/flip_flop_bank.h"

#include <algorithm>
#include <cmath>

#include "circuits/gates.h"
#include "core/diagnostics.h"

namespace hwaware::circuits {

FlipFlopBank::FlipFlopBank(const Technology& t, int count) : t_(t), count_(count) {
  if (count < 1) core::panic("FlipFlopBank: count must be >= 1");
  const double cell_m = kMaxTransistorHeight * t.feature_m;
  const Widths min = min_widths(t);
  inv_ = fill_cell_height(t, min, cell_m);
  tg_ = fill_cell_height(t, min, cell_m);
  // DFF.cpp: a flip-flop is 12 minimum-size inverters (drawn unenlarged) side by side.
  const Footprint inv = gate_footprint(t, Gate::inv, 1, min.nmos_m, min.pmos_m, cell_m);
  height_m_ = inv.height_m;
  width_m_ = 12 * inv.width_m;
  const GateCaps inv_caps = gate_caps(t, Gate::inv, 1, inv_.nmos_m, inv_.pmos_m, height_m_);
  cap_inv_in_f_ = inv_caps.input_f;
  cap_inv_out_f_ = inv_caps.output_f;
  cap_tg_gate_n_f_ = gate_cap_f(t, tg_.nmos_m);
  cap_tg_gate_p_f_ = gate_cap_f(t, tg_.pmos_m);
  cap_tg_drain_f_ = gate_caps(t, Gate::inv, 1, tg_.nmos_m, tg_.pmos_m, height_m_).output_f;
}

// DFF.cpp CalculatePower: per cycle, every flip-flop's clock inverters (4 x in+out) and clocked
// transmission gates (2 x each gate); each active one's D input side (3 TG drains + an inverter
// input), its feedback side (a TG drain + an inverter output) and its Q output (an inverter).
double FlipFlopBank::cycle_energy_j(int active, double activity) const {
  if (active < 0) core::panic("FlipFlopBank: active flip-flops must be >= 0");
  const double v2 = t_.vdd_v * t_.vdd_v;
  const double n = count_, k = std::min(active, count_);
  double e = (cap_inv_in_f_ + cap_inv_out_f_) * v2 * 4 * n;
  e += (cap_tg_gate_n_f_ + cap_tg_gate_p_f_) * v2 * 2 * n;
  e += (cap_tg_drain_f_ * 3 + cap_inv_in_f_) * v2 * k;
  e += (cap_tg_drain_f_ + cap_inv_out_f_) * v2 * k;
  e += (cap_inv_in_f_ + cap_inv_out_f_) * v2 * k;
  return e * activity;
}

double FlipFlopBank::leakage_w() const { return gate_leakage_a(t_, Gate::inv, 1, inv_.nmos_m, inv_.pmos_m) * t_.vdd_v * 8 * count_; }

double FlipFlopBank::area_m2() const { return count_ * height_m_ * width_m_; }

// DFF.cpp CalculateArea: whole flip-flops per column (row), as many columns (rows) as needed.
double FlipFlopBank::area_in_height_m2(double height_m) const {
  int per_column = std::min(count_, static_cast<int>(height_m / height_m_));
  if (per_column < 1) core::panic("FlipFlopBank: the height holds no flip-flop");
  return height_m * width_m_ * std::ceil(static_cast<double>(count_) / per_column);
}

double FlipFlopBank::area_in_width_m2(double width_m) const {
  int per_row = std::min(count_, static_cast<int>(width_m / width_m_));
  if (per_row < 1) core::panic("FlipFlopBank: the width holds no flip-flop");
  return width_m * height_m_ * std::ceil(static_cast<double>(count_) / per_row);
}

}  // namespace hwaware::circuits
