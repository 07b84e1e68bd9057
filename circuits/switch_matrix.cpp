// The switch matrices of DNN+NeuroSim V1.3 NewSwitchMatrix.cpp and SwitchMatrix.cpp.

#include "circuits/switch_matrix.h"

#include <algorithm>
#include <cmath>

#include "circuits/cell_sizing.h"
#include "circuits/transistor_sizing.h"
#include "core/diagnostics.h"

namespace hwaware::circuits {
namespace {

long ceil_div(long a, long b) { return (a + b - 1) / b; }

// Pass gates stacked beside an array `height_m` high, in as few columns as fit, each gate
// stretched to its share of the column (NeuroSim's row-mode layout): returns the gates' cell height
// and the number of columns.
struct Stack {
  double gate_height_m = 0;
  long columns = 0;
};
Stack stack_beside(const Technology& t, long gates, double height_m) {
  const double min_h = standard_cell_height_m(t);
  long per_col = static_cast<long>(height_m / min_h);
  if (per_col < 1) core::panic("circuits: the array is lower than one pass gate");
  const long columns = ceil_div(gates, per_col);
  per_col = ceil_div(gates, columns);
  return {height_m / static_cast<double>(per_col), columns};
}

}  // namespace

RowSwitchMatrix1T1R::RowSwitchMatrix1T1R(const Technology& t, long rows, double array_height_m, double access_voltage_v,
                                         double read_voltage_v)
    : t_(t), rows_(rows), access_voltage_v_(access_voltage_v), read_voltage_v_(read_voltage_v), flip_flops_(t, static_cast<int>(rows)) {
  if (rows < 1) core::panic("circuits: a switch matrix needs at least one line");
  // Minimum pass gates enlarged to the cell (NeuroSim NewSwitchMatrix.cpp, Initialize).
  const Widths w = fill_cell_height(t, min_widths(t), standard_cell_height_m(t));
  r_tg_ohm_ = on_resistance_ohm(t, w.nmos_m, Mos::nmos) * kLinearRegionRatio;
  const Stack s = stack_beside(t, rows, array_height_m);
  const Footprint tg = gate_footprint(t, Gate::inv, 1, w.nmos_m, w.pmos_m, s.gate_height_m);
  const double flip_flops_w = flip_flops_.area_in_height_m2(array_height_m) / array_height_m;
  footprint_ = {array_height_m, tg.width_m * 4 * static_cast<double>(s.columns) + flip_flops_w};
  gate_n_f_ = gate_cap_f(t, w.nmos_m);
  gate_p_f_ = gate_cap_f(t, w.pmos_m);
  drain_f_ = gate_caps(t, Gate::inv, 1, w.nmos_m, w.pmos_m, tg.height_m).output_f;
}

double RowSwitchMatrix1T1R::row_drive_energy_j() const {
  const double va2 = access_voltage_v_ * access_voltage_v_, vr2 = read_voltage_v_ * read_voltage_v_;
  const double vdd2 = t_.vdd_v * t_.vdd_v;
  return drain_f_ * 2 * va2 + drain_f_ * 5 * vr2 + (gate_n_f_ + gate_p_f_) * 3 * vdd2;
}

double RowSwitchMatrix1T1R::scan_energy_j() const { return flip_flops_.cycle_energy_j(static_cast<int>(rows_)); }

double RowSwitchMatrix1T1R::latency_s(double load_f, double load_ohm, double* ramp_out) const {
  const double tau = r_tg_ohm_ * (drain_f_ * 5 + load_f) + load_ohm * load_f / 2;
  return horowitz_s(tau, kStepInputRamp, ramp_out);
}

double RowSwitchMatrix1T1R::leakage_w() const { return flip_flops_.leakage_w(); }

SwitchMatrix::SwitchMatrix(const Technology& t, SwitchSide side, long lines, double array_extent_m, double pass_resistance_ohm,
                           double read_voltage_v)
    : t_(t), side_(side), lines_(lines), read_voltage_v_(read_voltage_v), flip_flops_(t, static_cast<int>(lines)) {
  if (lines < 1) core::panic("circuits: a switch matrix needs at least one line");
  // Each transistor of the pair carries half the target (NeuroSim SwitchMatrix.cpp, Initialize).
  r_target_ohm_ = pass_resistance_ohm * kIrDropTolerance;
  const Widths w = fill_cell_height(t, {width_for_resistance_m(t, r_target_ohm_ * 2), width_for_resistance_m(t, r_target_ohm_ * 2, true)},
                                    standard_cell_height_m(t));
  Footprint tg;
  if (side == SwitchSide::rows) {
    const Stack s = stack_beside(t, lines, array_extent_m);
    tg = gate_footprint(t, Gate::inv, 1, w.nmos_m, w.pmos_m, s.gate_height_m);
    const double flip_flops_w = flip_flops_.area_in_height_m2(array_extent_m) / array_extent_m;
    footprint_ = {array_extent_m, tg.width_m * 2 * static_cast<double>(s.columns) + flip_flops_w};
  } else {
    // Pairs of pass gates in as few rows as fit under the array, each folded to fill its width.
    const double min_cell_w = 2 * (kPolyWidth + kMinGapBetweenGatePoly) * t.feature_m;
    long per_row = static_cast<long>(array_extent_m / (min_cell_w * 2));
    if (per_row < 1) core::panic("circuits: the array is narrower than one pass-gate pair");
    const long rows = ceil_div(lines, per_row);
    per_row = ceil_div(lines, rows);
    const double gate_w = array_extent_m / static_cast<double>(per_row) / 2;
    const int folds = std::max(1, static_cast<int>(gate_w / (0.5 * min_cell_w)) - 1);
    tg = pass_gate_footprint(t, w.nmos_m, w.pmos_m, folds);
    const double flip_flops_h = flip_flops_.area_in_width_m2(array_extent_m) / array_extent_m;
    footprint_ = {tg.height_m * static_cast<double>(rows) + flip_flops_h, array_extent_m};
  }
  gate_n_f_ = gate_cap_f(t, w.nmos_m);
  gate_p_f_ = gate_cap_f(t, w.pmos_m);
  drain_f_ = gate_caps(t, Gate::inv, 1, w.nmos_m, w.pmos_m, tg.height_m).output_f;
}

double SwitchMatrix::row_drive_energy_j() const {
  if (side_ == SwitchSide::columns) return 0;
  return drain_f_ * 3 * read_voltage_v_ * read_voltage_v_ + (gate_n_f_ + gate_p_f_) * t_.vdd_v * t_.vdd_v;
}

double SwitchMatrix::scan_energy_j() const {
  if (side_ == SwitchSide::columns) return 0;
  return flip_flops_.cycle_energy_j(static_cast<int>(lines_));
}

double SwitchMatrix::latency_s(double ramp_in, double load_f, double load_ohm, double* ramp_out) const {
  const double tau = r_target_ohm_ * (drain_f_ * 3 + load_f) + load_ohm * load_f / 2;
  return horowitz_s(tau, ramp_in, ramp_out);
}

double SwitchMatrix::leakage_w() const { return flip_flops_.leakage_w(); }

}  // namespace hwaware::circuits
