// The SRAM precharger and write driver of DNN+NeuroSim V1.3 Precharger.cpp and SRAMWriteDriver.cpp.

#include "circuits/sram_column.h"

#include <algorithm>

#include "circuits/cell_sizing.h"
#include "circuits/transistor_sizing.h"
#include "core/diagnostics.h"

namespace hwaware::circuits {
namespace {

// `count` units of `unit` side by side in rows across `width_m`, rows stacked.
Footprint unit_rows(const Footprint& unit, long count, double width_m) {
  const long per_row = std::min<long>(count, static_cast<long>(width_m / unit.width_m));
  if (per_row < 1) core::panic("circuits: the array is narrower than one column unit");
  return {unit.height_m * static_cast<double>((count + per_row - 1) / per_row), width_m};
}

}  // namespace

Precharger::Precharger(const Technology& t, long columns, double bit_line_cap_f, double bit_line_ohm)
    : t_(t), columns_(columns), load_f_(bit_line_cap_f), load_ohm_(bit_line_ohm) {
  if (columns < 1) core::panic("circuits: a precharger needs >= 1 column");
  const double h = standard_cell_height_m(t);
  eq_p_m_ = fill_cell_height(t, {0, kMinNmosSize * t.feature_m}, h).pmos_m;
  pre_p_m_ = fill_cell_height(t, {0, 6 * t.feature_m}, h).pmos_m;
  pre_f_ = gate_footprint(t, Gate::inv, 1, 0, pre_p_m_, h);
  eq_f_ = gate_footprint(t, Gate::inv, 1, 0, eq_p_m_, h);
}

double Precharger::turn_energy_j() const { return load_f_ * t_.vdd_v * t_.vdd_v * static_cast<double>(columns_) * 2; }

double Precharger::write_turn_energy_j() const { return load_f_ * t_.vdd_v * t_.vdd_v * static_cast<double>(columns_); }

double Precharger::latency_s() const {
  const double out_f = drain_cap_f(t_, pre_p_m_, Mos::pmos, pre_f_.height_m) + drain_cap_f(t_, eq_p_m_, Mos::pmos, eq_f_.height_m);
  const double tau = on_resistance_ohm(t_, pre_p_m_, Mos::pmos) * (load_f_ + out_f) + load_ohm_ * load_f_ / 2;
  return horowitz_s(tau, kStepInputRamp);
}

double Precharger::leakage_w() const { return gate_leakage_a(t_, Gate::inv, 1, 0, pre_p_m_) * t_.vdd_v * static_cast<double>(columns_); }

Footprint Precharger::footprint(double width_m) const {
  const Footprint unit{pre_f_.height_m + eq_f_.height_m * 2, std::max(pre_f_.width_m, eq_f_.width_m)};
  return unit_rows(unit, columns_, width_m);
}

SramWriteDriver::SramWriteDriver(const Technology& t, long columns) : t_(t), columns_(columns) {
  if (columns < 1) core::panic("circuits: a write driver needs >= 1 column");
  const Widths w = fill_cell_height(t, min_widths(t), standard_cell_height_m(t));
  n_m_ = w.nmos_m, p_m_ = w.pmos_m;
  inv_f_ = gate_footprint(t, Gate::inv, 1, n_m_, p_m_, standard_cell_height_m(t));
  inv_caps_ = gate_caps(t, Gate::inv, 1, n_m_, p_m_, inv_f_.height_m);
}

double SramWriteDriver::write_energy_j() const {
  return (inv_caps_.output_f + inv_caps_.input_f) * t_.vdd_v * t_.vdd_v * static_cast<double>(columns_);
}

double SramWriteDriver::leakage_w() const {
  return gate_leakage_a(t_, Gate::inv, 1, n_m_, p_m_) * t_.vdd_v * 3 * static_cast<double>(columns_);
}

Footprint SramWriteDriver::footprint(double width_m) const { return unit_rows({inv_f_.height_m * 3, inv_f_.width_m}, columns_, width_m); }

}  // namespace hwaware::circuits
