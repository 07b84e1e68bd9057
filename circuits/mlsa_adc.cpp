// The multilevel sense amplifier of DNN+NeuroSim V1.3 MultilevelSenseAmp.cpp and CurrentSenseAmp.cpp.

#include "circuits/mlsa_adc.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include "circuits/cell_sizing.h"
#include "circuits/transistor_sizing.h"
#include "core/diagnostics.h"

namespace hwaware::circuits {
namespace {

// NeuroSim V1.3 MultilevelSenseAmp.cpp, GetColumnPower: power = a x (levels - 1) uW + k x
// exp(-e x log10(R)), per node, roadmap (HP / LP) and sensing mode.
struct PowerFit {
  int node_nm;
  Roadmap roadmap;
  MlsaSensing sensing;
  double a_uw, k, e;
};
constexpr Roadmap kHP = Roadmap::hp, kLP = Roadmap::lstp;
constexpr MlsaSensing kI = MlsaSensing::current, kV = MlsaSensing::voltage;
// clang-format off
constexpr std::array<PowerFit, 24> kPowerFits{{
  {130, kHP, kI, 19.898, 0.17452, 2.367}, {90, kHP, kI, 13.09, 0.14900, 2.345}, {65, kHP, kI, 9.9579, 0.1083, 2.321},
  {45, kHP, kI, 7.7017, 0.0754, 2.296},   {32, kHP, kI, 3.9648, 0.079, 2.313},  {22, kHP, kI, 1.8939, 0.073, 2.311},
  {130, kLP, kI, 18.09, 0.1380, 2.303},   {90, kLP, kI, 12.612, 0.1023, 2.303}, {65, kLP, kI, 8.4147, 0.0972, 2.303},
  {45, kLP, kI, 6.3162, 0.075, 2.303},    {32, kLP, kI, 3.0875, 0.0649, 2.297}, {22, kLP, kI, 1.7, 0.0631, 2.303},
  {130, kHP, kV, 27.84, 0.207452, 2.367}, {90, kHP, kV, 22.2, 0.164900, 2.345}, {65, kHP, kV, 13.058, 0.128483, 2.321},
  {45, kHP, kV, 8.162, 0.097754, 2.296},  {32, kHP, kV, 4.76, 0.083709, 2.313}, {22, kHP, kV, 2.373, 0.084273, 2.311},
  {130, kLP, kV, 23.4, 0.169380, 2.303},  {90, kLP, kV, 14.42, 0.144323, 2.303}, {65, kLP, kV, 10.18, 0.121272, 2.303},
  {45, kLP, kV, 7.062, 0.100225, 2.303},  {32, kLP, kV, 3.692, 0.079449, 2.297}, {22, kLP, kV, 1.866, 0.072341, 2.303},
}};

// NeuroSim V1.3 MultilevelSenseAmp.cpp, GetColumnLatency, LP nodes above 22 nm: T_max = (slope x
// ln(R / 1 kOhm) + offset) ns, scaled by a cubic of the reference-to-column ratio x when x <= 0.9,
// else by a quartic (NeuroSim's `mid_bound <= ratio <= up_bound` is always true in C++, so every
// ratio above 0.9 takes the quartic); 1 ns when x >= 20 or x <= 0.05.
struct TimeFit {
  int node_nm;
  double slope, offset;
  std::array<double, 4> cubic;    // x^3 .. x^0
  std::array<double, 5> quartic;  // x^4 .. x^0
};
constexpr std::array<TimeFit, 5> kTimeFits{{
  {130, 0.2679, 0.0478, {3.915, -5.3996, 2.4653, 0.3856}, {0.0004, -0.0087, 0.0742, -0.2725, 1.2211}},
  {90, 0.0586, 1.41, {3.726, -5.651, 2.8249, 0.3574}, {0.0000008, -0.00007, 0.0017, -0.0188, 0.9835}},
  {65, 0.1239, 0.6642, {1.3899, -2.6913, 2.0483, 0.3202}, {0.0036, -0.0363, 0.1043, -0.0346, 1.0512}},
  {45, 0.0714, 0.7651, {3.7949, -5.6685, 2.6492, 0.4807}, {0.000001, -0.00006, 0.0001, -0.0171, 1.0057}},
  {32, 0.0714, 0.7651, {3.7949, -5.6685, 2.6492, 0.4807}, {0.000001, -0.00006, 0.0001, -0.0171, 1.0057}},
}};
// clang-format on

constexpr double kEmptyColumnPowerW = 1e-6;  // NeuroSim: a column with no row on
constexpr double kMinTimeS = 1e-9, kMaxTimeS = 10e-9;

template <size_t N>
double polynomial(const std::array<double, N>& c, double x) {
  double y = 0;
  for (double ci : c) y = y * x + ci;
  return y;
}

}  // namespace

MlsaAdc::MlsaAdc(const Technology& t, const MlsaSpec& s) : t_(t), spec_(s) {
  if (s.bits < 1 || s.bits > 10) core::panic("circuits: an MLSA needs 1 to 10 bits");
  if (s.adcs < 1 || s.rows < 1) core::panic("circuits: an MLSA needs >= 1 ADC and >= 1 row");
  if (!(s.r_on_ohm > 0) || !(s.r_off_ohm > 0) || !(s.read_voltage_v > 0)) core::panic("circuits: resistances and read voltage must be > 0");
  const auto fit = std::find_if(kPowerFits.begin(), kPowerFits.end(), [&](const PowerFit& f) {
    return f.node_nm == t.node_nm && f.roadmap == t.roadmap && f.sensing == s.sensing;
  });
  if (fit == kPowerFits.end()) core::panic("circuits: no MLSA fit for this node");
  a_w_ = fit->a_uw * 1e-6, k_ = fit->k, e_ = fit->e;
}

double MlsaAdc::sensing_resistance_ohm(double g_s) const {
  if (!(g_s >= 0) || !std::isfinite(g_s)) core::panic("circuits: a column conductance must be finite and >= 0");
  if (g_s == 0) return std::numeric_limits<double>::infinity();
  return 1 / g_s * 0.5 / spec_.read_voltage_v;  // NeuroSim's fits are at 0.5 V
}

double MlsaAdc::converter_power_w() const { return a_w_ * (levels() - 1); }

double MlsaAdc::sensing_power_w(double g_s) const {
  const double r = sensing_resistance_ohm(g_s);
  if (std::isinf(r)) return kEmptyColumnPowerW;
  return converter_power_w() + k_ * std::exp(-e_ * std::log10(r));
}

double MlsaAdc::sensing_time_s(double g_s) const {
  if (spec_.sensing == MlsaSensing::voltage) return kMinTimeS;
  const double r = sensing_resistance_ohm(g_s);
  const auto fit = std::find_if(kTimeFits.begin(), kTimeFits.end(), [&](const TimeFit& f) { return f.node_nm == t_.node_nm; });
  if (std::isinf(r) || t_.roadmap == Roadmap::hp || fit == kTimeFits.end()) return kMinTimeS;
  // The references: R_on / rows + (i + 1) x (R_off / rows) / levels (NeuroSim Initialize,
  // parallel read); the levels 1 .. levels - 2 are compared.
  const double rows = static_cast<double>(spec_.rows), t_max = (fit->slope * std::log(r / 1000) + fit->offset) * 1e-9;
  double time = 0;
  for (int i = 1; i < levels() - 1; ++i) {
    const double x = (spec_.r_on_ohm / rows + (i + 1) * (spec_.r_off_ohm / rows) / levels()) / r;
    const double ti = (x >= 20 || x <= 0.05) ? 1e-9 : t_max * (x <= 0.9 ? polynomial(fit->cubic, x) : polynomial(fit->quartic, x));
    time = std::max(time, ti);
  }
  return std::clamp(time, kMinTimeS, kMaxTimeS);
}

double MlsaAdc::conversion_energy_j(double g_s) const { return sensing_power_w(g_s) * sensing_time_s(g_s); }

double MlsaAdc::column_current_energy_j(double g_s) const {
  const double r = sensing_resistance_ohm(g_s);
  if (std::isinf(r)) return 0;
  return k_ * std::exp(-e_ * std::log10(r)) * sensing_time_s(g_s);
}

double MlsaAdc::area_m2() const {
  // Minimum NMOS-only and PMOS-only cells (NeuroSim MultilevelSenseAmp.cpp CalculateArea; the
  // current sense amplifier's CurrentSenseAmp.cpp CalculateUnitArea, whose NMOS cell height
  // NeuroSim reads from an unset variable: the cell height is taken).
  const Widths w = min_widths(t_);
  const double h = standard_cell_height_m(t_);
  const double n = gate_footprint(t_, Gate::inv, 1, w.nmos_m, 0, h).area_m2();
  const double p = gate_footprint(t_, Gate::inv, 1, 0, w.pmos_m, h).area_m2();
  const double per_amp = spec_.sensing == MlsaSensing::current ? (n * 48 + p * 40) + (n * 9 + p * 9) : n * 52 + p * 60;
  return per_amp * (levels() - 1) * static_cast<double>(spec_.adcs);
}

}  // namespace hwaware::circuits
