// The analog column multiplexer of DNN+NeuroSim V1.3 Mux.cpp (FPGA = false).

#include "circuits/column_mux.h"

#include <algorithm>
#include <cmath>

#include "circuits/cell_sizing.h"
#include "circuits/transistor_sizing.h"
#include "core/diagnostics.h"

namespace hwaware::circuits {

ColumnMux::ColumnMux(const Technology& t, long adcs, long columns_per_adc, double pass_resistance_ohm, double read_voltage_v)
    : t_(t), adcs_(adcs), columns_per_adc_(columns_per_adc), read_voltage_v_(read_voltage_v) {
  if (adcs < 1 || columns_per_adc < 1) core::panic("circuits: a multiplexer needs >= 1 ADC and >= 1 column per ADC");
  // Each transistor of the pass gate carries half: width for 2 x the gate's target resistance,
  // enlarged to the cell when both fit (NeuroSim Mux.cpp, Initialize).
  const double target_ohm = pass_resistance_ohm * kIrDropTolerance;
  const Widths w = fill_cell_height(t, {width_for_resistance_m(t, target_ohm * 2), width_for_resistance_m(t, target_ohm * 2, true)},
                                    standard_cell_height_m(t));
  n_m_ = w.nmos_m, p_m_ = w.pmos_m;
  const double gn = 1 / on_resistance_ohm(t, n_m_, Mos::nmos) / kLinearRegionRatio;
  const double gp = 1 / on_resistance_ohm(t, p_m_, Mos::pmos) / kLinearRegionRatio;
  r_tg_ohm_ = 1 / (gn + gp);
  gate_n_f_ = gate_cap_f(t, n_m_);
  gate_p_f_ = gate_cap_f(t, p_m_);
  // The drain as NeuroSim computes it after its default (unfolded) layout: an inverter of the pass
  // gate's widths in a cell as high as the unfolded pass gate.
  const Footprint unfolded = pass_gate_footprint(t, n_m_, p_m_, 1);
  drain_f_ = gate_caps(t, Gate::inv, 1, n_m_, p_m_, unfolded.height_m).output_f;
}

double ColumnMux::turn_energy_j() const {
  const double vdd2 = t_.vdd_v * t_.vdd_v, vr2 = read_voltage_v_ * read_voltage_v_;
  return (gate_n_f_ * vdd2 + drain_f_ * 2 * vr2) * static_cast<double>(adcs_);
}

double ColumnMux::turn_latency_s(double load_f) const {
  // "Use resTg*2 (only one transistor is transmitting)", gates half to source and half to drain.
  const double tau = r_tg_ohm_ * 2 * (drain_f_ + 0.5 * gate_n_f_ + 0.5 * gate_p_f_ + load_f);
  return 2.3 * tau;
}

Footprint ColumnMux::footprint(double width_m, double min_height_m) const {
  // NeuroSim Mux.cpp CalculateArea given the array width: the pass gates in as few rows as fit,
  // each folded to fill its share of the row; SubArray.cpp then overrides the height with the
  // decoder's when that is taller.
  const long gates = adcs_ * columns_per_adc_;
  const double min_cell_w = 2 * (kPolyWidth + kMinGapBetweenGatePoly) * t_.feature_m;
  long per_row = static_cast<long>(width_m / min_cell_w);
  if (per_row < 1) core::panic("circuits: the array is narrower than one pass gate");
  const long rows = (gates + per_row - 1) / per_row;
  per_row = (gates + rows - 1) / rows;
  const double gate_w = width_m / static_cast<double>(per_row);
  const int folds = std::max(1, static_cast<int>(gate_w / (0.5 * min_cell_w)) - 1);
  const Footprint gate = pass_gate_footprint(t_, n_m_, p_m_, folds);
  return {std::max(gate.height_m * static_cast<double>(rows), min_height_m), width_m};
}

}  // namespace hwaware::circuits
