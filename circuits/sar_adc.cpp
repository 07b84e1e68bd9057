// The SAR ADC of DNN+NeuroSim V1.3 SarADC.cpp (300 K).

#include "circuits/sar_adc.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "circuits/cell_sizing.h"
#include "circuits/transistor_sizing.h"
#include "core/diagnostics.h"

namespace hwaware::circuits {
namespace {

// NeuroSim V1.3 SarADC.cpp, GetColumnPower: (a x log2(levels) + c) uW + k x exp(-e x log10(R)).
struct PowerFit {
  int node_nm;
  Roadmap roadmap;
  double a_uw, c_uw, k, e;
};
// clang-format off
constexpr std::array<PowerFit, 12> kPowerFits{{
  {130, Roadmap::hp, 6.4806, 49.047, 0.207452, 2.367},  {90, Roadmap::hp, 4.3474, 31.782, 0.164900, 2.345},
  {65, Roadmap::hp, 2.9503, 22.047, 0.128483, 2.321},   {45, Roadmap::hp, 2.1843, 11.931, 0.097754, 2.296},
  {32, Roadmap::hp, 1.0157, 7.6286, 0.083709, 2.313},   {22, Roadmap::hp, 0.7213, 3.3041, 0.084273, 2.311},
  {130, Roadmap::lstp, 8.4483, 65.243, 0.169380, 2.303}, {90, Roadmap::lstp, 5.9869, 37.462, 0.144323, 2.303},
  {65, Roadmap::lstp, 3.7506, 25.844, 0.121272, 2.303},  {45, Roadmap::lstp, 2.1691, 16.693, 0.100225, 2.303},
  {32, Roadmap::lstp, 1.1294, 8.8998, 0.079449, 2.297},  {22, Roadmap::lstp, 0.538, 4.3753, 0.072341, 2.303},
}};
// clang-format on

constexpr double kEmptyColumnPowerW = 1e-6;
constexpr double kCycleS = 1e-9;

}  // namespace

SarAdc::SarAdc(const Technology& t, int bits, long adcs, double read_voltage_v)
    : t_(t), bits_(bits), adcs_(adcs), read_voltage_v_(read_voltage_v) {
  if (bits < 1 || bits > 16 || adcs < 1) core::panic("circuits: a SAR ADC needs 1 to 16 bits and >= 1 ADC");
  if (!(read_voltage_v > 0)) core::panic("circuits: the read voltage must be > 0");
  const auto fit = std::find_if(kPowerFits.begin(), kPowerFits.end(),
                                [&](const PowerFit& f) { return f.node_nm == t.node_nm && f.roadmap == t.roadmap; });
  if (fit == kPowerFits.end()) core::panic("circuits: no SAR ADC fit for this node");
  a_w_ = fit->a_uw * 1e-6, c_w_ = fit->c_uw * 1e-6, k_ = fit->k, e_ = fit->e;
}

double SarAdc::converter_power_w() const { return a_w_ * bits_ + c_w_; }

double SarAdc::column_current_energy_j(double g_s) const {
  if (!(g_s >= 0) || !std::isfinite(g_s)) core::panic("circuits: a column conductance must be finite and >= 0");
  if (g_s == 0) return 0;
  const double r = 1 / g_s * 0.5 / read_voltage_v_;
  return k_ * std::exp(-e_ * std::log10(r)) * conversion_latency_s();
}

double SarAdc::sensing_power_w(double g_s) const {
  if (g_s == 0) return kEmptyColumnPowerW;
  return converter_power_w() + column_current_energy_j(g_s) / conversion_latency_s();
}

double SarAdc::conversion_latency_s() const { return (bits_ + 1) * kCycleS; }

double SarAdc::conversion_energy_j(double g_s) const { return sensing_power_w(g_s) * conversion_latency_s(); }

double SarAdc::area_m2() const {
  const Widths w = min_widths(t_);
  const double h = standard_cell_height_m(t_);
  const double n = gate_footprint(t_, Gate::inv, 1, w.nmos_m, 0, h).area_m2();
  const double p = gate_footprint(t_, Gate::inv, 1, 0, w.pmos_m, h).area_m2();
  return (n * (269 + (bits_ - 1) * 109) + p * (209 + (bits_ - 1) * 73)) * static_cast<double>(adcs_);
}

}  // namespace hwaware::circuits
