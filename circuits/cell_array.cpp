// The cell array of DNN+NeuroSim V1.3 (SubArray.cpp, ProcessingUnit.cpp GetColumnResistance,
// Param.cpp, Chip.cpp LoadInWeightData).

#include "circuits/cell_array.h"

#include <cmath>

#include "circuits/gates.h"
#include "circuits/transistor_sizing.h"
#include "core/diagnostics.h"

namespace hwaware::circuits {
namespace {

constexpr double kWireCapFPerM = 0.2e-15 / 1e-6;  // NeuroSim SubArray.cpp: 0.2 fF/um for every array wire
constexpr double kSramMinSenseVoltageV = 0.1;     // Param.cpp minSenseVoltage

// Cell footprint in feature sizes (Param.cpp): height x width.
struct CellShape {
  double height_f, width_f;
};
CellShape shape(CellDevice d) {
  switch (d) {
    case CellDevice::rram_1t1r: return {4, 12};
    case CellDevice::rram_crossbar: return {2, 2};
    case CellDevice::sram: return {10, 28};
  }
  return {0, 0};
}

void check(const CellSpec& c, long rows, long cols) {
  if (rows < 1 || cols < 1) core::panic("circuits: a cell array needs >= 1 row and >= 1 column");
  if (c.device == CellDevice::sram && c.bits != 1) core::panic("circuits: an SRAM cell holds 1 bit");
  if (c.bits < 1 || c.bits > 8) core::panic("circuits: a cell holds 1 to 8 bits");
  if (!(c.r_on_ohm > 0) || !(c.r_off_ohm > c.r_on_ohm)) core::panic("circuits: need 0 < r_on < r_off");
  if (!(c.read_voltage_v > 0) || !(c.read_pulse_s > 0) || !(c.access_voltage_v > 0))
    core::panic("circuits: voltages and pulse must be > 0");
  if (c.level_probabilities.empty()) return;
  double sum = 0;
  for (double p : c.level_probabilities) sum += p < 0 ? std::nan("") : p;
  if (c.level_probabilities.size() != (1u << c.bits) || !(std::abs(sum - 1) < 1e-9))
    core::panic("circuits: level probabilities must be 2^bits values >= 0 summing to 1");
}

}  // namespace

CellArray::CellArray(const Technology& t, const CellSpec& c, long rows, long cols) : t_(t), spec_(c), rows_(rows), cols_(cols) {
  check(c, rows, cols);
  const CellShape s = shape(c.device);
  // NeuroSim sizes a cross-point cell in its "featuresize", the node's wire width (Param.cpp).
  const double f = c.device == CellDevice::rram_crossbar ? t.wire_width_m : t.feature_m;
  cell_h_m_ = s.height_f * f, cell_w_m_ = s.width_f * f;
  wire_row_ohm_ = t.wire_resistance_ohm_per_m * t.wire_width_m * s.height_f;  // Param.cpp wireResistanceRow
  wire_col_ohm_ = t.wire_resistance_ohm_per_m * t.wire_width_m * s.width_f;   // wireResistanceCol
  word_line_f_ = width_m() * kWireCapFPerM;
  column_f_ = height_m() * kWireCapFPerM;
  if (c.device == CellDevice::rram_1t1r) {
    // The access transistor: sized so that it is kIrDropTolerance of R_on in its linear region.
    access_ohm_ = c.r_on_ohm * kIrDropTolerance;
    access_w_m_ = width_for_resistance_m(t, access_ohm_);
    if (access_w_m_ > cell_w_m_) core::panic("circuits: the 1T1R access transistor is wider than its cell (r_on too low)");
    word_line_f_ += gate_cap_f(t, access_w_m_) * static_cast<double>(cols);
    column_f_ += drain_cap_f(t, access_w_m_, Mos::nmos, cell_w_m_) * static_cast<double>(rows);
  } else if (c.device == CellDevice::sram) {
    access_w_m_ = t.feature_m;  // Param.cpp widthAccessCMOS = 1
    access_ohm_ = on_resistance_ohm(t, access_w_m_, Mos::nmos);
    access_drain_f_ = drain_cap_f(t, access_w_m_, Mos::nmos, cell_w_m_);
  }
}

double CellArray::bit_line_wire_cap_f() const { return height_m() * kWireCapFPerM; }
double CellArray::row_wire_ohm() const { return width_m() * t_.wire_resistance_ohm_per_m; }
double CellArray::column_wire_ohm() const { return height_m() * t_.wire_resistance_ohm_per_m; }

double CellArray::average_cell_ohm() const { return access_ohm_ + (spec_.r_on_ohm + spec_.r_off_ohm) / 2; }

double CellArray::level_conductance_s(int level) const {
  const int top = (1 << spec_.bits) - 1;
  if (level < 0 || level > top) core::panic("circuits: a cell level out of range");
  const double g_on = 1 / spec_.r_on_ohm, g_off = 1 / spec_.r_off_ohm;
  return g_off + level * (g_on - g_off) / top;
}

double CellArray::mean_read_conductance_s() const {
  if (spec_.device == CellDevice::sram) return 1 / (access_ohm_ + wire_col_ohm_);
  // Mean path: (j + 1) row-wire segments over the columns, (rows - i) column-wire segments over
  // the rows (GetColumnResistance), and the access transistor.
  const double path_ohm =
      access_ohm_ + (static_cast<double>(cols_) + 1) / 2 * wire_row_ohm_ + (static_cast<double>(rows_) + 1) / 2 * wire_col_ohm_;
  const int levels = 1 << spec_.bits;
  const std::vector<double>& p = spec_.level_probabilities;
  double g_s = 0;
  for (int l = 0; l < levels; ++l) g_s += (p.empty() ? 1.0 / levels : p[l]) / (1 / level_conductance_s(l) + path_ohm);
  return g_s;
}

double CellArray::word_line_energy_j() const {
  if (spec_.device == CellDevice::sram) return 0;
  return word_line_f_ * t_.vdd_v * t_.vdd_v;
}

double CellArray::bit_line_energy_j() const {
  if (spec_.device == CellDevice::sram) return 0;
  return bit_line_wire_cap_f() * spec_.read_voltage_v * spec_.read_voltage_v;
}

double CellArray::ohmic_read_energy_j() const {
  return spec_.read_voltage_v * spec_.read_voltage_v * mean_read_conductance_s() * spec_.read_pulse_s;
}

double CellArray::sensing_delay_s(double ramp_in) const {
  if (spec_.device != CellDevice::sram) {
    const long half_rows = rows_ / 2 > 0 ? rows_ / 2 : 1;  // NeuroSim: numRow / 2 in integers
    return 0.2 * column_f_ * average_cell_ohm() / static_cast<double>(half_rows);
  }
  // The bit line discharges through the access and pull-down transistors until it has moved by
  // half the minimum sense voltage (SubArray.cpp CalculateLatency, SRAM).
  const double pull_down_ohm = on_resistance_ohm(t_, 2 * t_.feature_m, Mos::nmos);
  double tau = (access_ohm_ + pull_down_ohm) * (access_drain_f_ + column_f_) + column_wire_ohm() * column_f_ / 2;
  tau *= std::log(t_.vdd_v / (t_.vdd_v - kSramMinSenseVoltageV / 2));
  return horowitz_s(tau, ramp_in);
}

double CellArray::leakage_w() const {
  if (spec_.device != CellDevice::sram) return 0;
  const double inv_a = gate_leakage_a(t_, Gate::inv, 1, 2 * t_.feature_m, t_.feature_m);
  return inv_a * t_.vdd_v * 2 * static_cast<double>(rows_) * static_cast<double>(cols_);
}

}  // namespace hwaware::circuits
