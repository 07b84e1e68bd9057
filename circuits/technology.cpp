// The technology figures of the bulk nodes 22-130 nm at 300 K, as DNN+NeuroSim V1.3 defines them
// (Technology.cpp for the devices, Param.cpp for the interconnect), and the quantities derived
// from them (overlap and junction capacitances, P/N size ratio, wire resistance per metre).

#include "circuits/technology.h"

#include <array>
#include <cmath>

namespace hwaware::circuits {
namespace {

// One device row: NeuroSim V1.3 Technology.cpp, the 300 K entry ([0]) of its temperature tables.
// NeuroSim writes currents in uA/um and capacitances in F/m; uA/um = A/m, so the numbers are
// copied unchanged. PTM models (http://ptm.asu.edu/) as NeuroSim cites them in the last column;
// the resistance multipliers are CACTI's.
struct DeviceRow {
  int node_nm;
  Roadmap roadmap;
  double vdd_v, vth_v, gate_length_m;
  double cap_ideal_gate_f_per_m, cap_fringe_f_per_m;
  double resistance_multiplier;
  double gm_n_a_per_m, gm_p_a_per_m;      // current_gmNmos / current_gmPmos
  double ion_n_a_per_m, ion_p_a_per_m;    // currentOnNmos[0] / currentOnPmos[0]
  double ioff_n_a_per_m, ioff_p_a_per_m;  // currentOffNmos[0] / currentOffPmos[0]
};

constexpr Roadmap kHP = Roadmap::hp;
constexpr Roadmap kLSTP = Roadmap::lstp;

// clang-format off
constexpr std::array<DeviceRow, 12> kDevices{{
// node  road   vdd    vth           Lg        Cideal         Cfringe        Rmult  gm_n    gm_p    Ion_n    Ion_p    Ioff_n      Ioff_p
  {130,  kHP,   1.3,   128.4855e-3,  7.5e-8,   6.058401e-10,  6.119807e-10,  1.54,  394,    261,    930,     430,     100.00e-3,  100.20e-3},  // 130nm_HP.pm
  {130,  kLSTP, 1.3,   466.0949e-3,  7.5e-8,   1.8574e-9,     9.530642e-10,  1.54,  38.7,   56.7,   300.70,  150.70,  100.20e-6,  100.20e-6},  // 130nm_LP.pm
  {90,   kHP,   1.2,   146.0217e-3,  5.5e-8,   5.694423e-10,  5.652302e-10,  1.54,  495,    316,    1070,    540,     100.80e-3,  100.00e-3},  // 90nm_HP.pm
  {90,   kLSTP, 1.2,   501.3229e-3,  5.5e-8,   1.5413e-9,     9.601334e-10,  1.77,  43.8,   59.9,   346.30,  200.30,  100.00e-6,  100.30e-6},  // 90nm_LP.pm
  {65,   kHP,   1.1,   166.3941e-3,  3.5e-8,   4.868295e-10,  5.270361e-10,  1.54,  572,    399,    1120,    700,     100.00e-3,  100.10e-3},  // 65nm_HP.pm
  {65,   kLSTP, 1.1,   501.6636e-3,  3.5e-8,   1.1926e-9,     9.62148e-10,   1.77,  59.0,   67.5,   400.00,  238.70,  100.20e-6,  100.20e-6},  // 65nm_LP.pm
  {45,   kHP,   1.0,   171.0969e-3,  3.0e-8,   4.091305e-10,  4.957928e-10,  1.54,  737,    630,    1270,    1080,    100.00e-3,  100.20e-3},  // 45nm_HP.pm
  {45,   kLSTP, 1.0,   464.3718e-3,  3.0e-8,   8.930709e-10,  8.849901e-10,  1.77,  132,    86.5,   500.20,  300.00,  100.00e-6,  100.20e-6},  // 45nm_LP.pm
  {32,   kHP,   0.9,   194.4951e-3,  2.8e-8,   3.767721e-10,  4.713762e-10,  1.54,  929,    673,    1410,    1220,    100.30e-3,  100.10e-3},  // 32nm_HP.pm
  {32,   kLSTP, 0.9,   442.034e-3,   2.8e-8,   8.375279e-10,  6.856677e-10,  1.77,  256,    119,    600.20,  400.00,  100.10e-6,  100.10e-6},  // 32nm_LP.pm
  {22,   kHP,   0.85,  208.9006e-3,  2.6e-8,   3.287e-10,     4.532e-10,     1.54,  1080,   698,    1500,    1320,    100.20e-3,  100.20e-3},  // 22nm.pm
  {22,   kLSTP, 0.85,  419.915e-3,   2.6e-8,   5.245e-10,     8.004e-10,     1.77,  456,    185,    791.90,  600.20,  100.00e-6,  100.00e-6},  // 22nm_LP.pm
}};
// clang-format on

// The interconnect of each node: NeuroSim V1.3 Param.cpp (wire width per node, its aspect ratio
// and resistivity at 300 K, where NeuroSim's temperature correction of Rho is 1).
struct WireRow {
  int node_nm;
  double width_nm, aspect_ratio, resistivity_ohm_m;
};
constexpr std::array<WireRow, 6> kWires{{
    {130, 175, 1.60, 2.20e-8},
    {90, 110, 1.60, 2.52e-8},
    {65, 105, 1.70, 2.68e-8},
    {45, 80, 1.70, 3.31e-8},
    {32, 56, 1.80, 3.70e-8},
    {22, 40, 1.90, 4.03e-8},
}};

// Wire capacitance per metre: NeuroSim V1.3 uses one figure for every node and every wire,
// 0.2 fF/um (`unitLengthWireCap = 0.2e-15/1e-6` in HTree.cpp and Bus.cpp, and
// `capRow/capCol = length * 0.2e-15/1e-6` in SubArray.cpp; their comment says "fF/mm", the value
// is per micrometre).
constexpr double kWireCapFPerM = 0.2e-15 / 1e-6;

// Drain junction parameters (NeuroSim V1.3 Technology.cpp, BSIM4-style): zero-bias bottom,
// isolation-edge sidewall and gate-edge sidewall capacitances, their grading coefficients and the
// built-in potential; the capacitances are taken at a reverse bias of vdd.
constexpr double kCjdFPerM2 = 1e-3;
constexpr double kCjswdFPerM = 2.5e-10;
constexpr double kCjswgdFPerM = 0.5e-10;
constexpr double kMjd = 0.5;
constexpr double kMjswd = 0.33;
constexpr double kMjswgd = 0.33;
constexpr double kBuiltInPotentialV = 0.9;

// Overlap capacitance: 0.2 x the ideal gate capacitance for bulk nodes (>= 22 nm).
constexpr double kOverlapOverIdealGate = 0.2;

Technology from_rows(const DeviceRow& d, const WireRow& w) {
  Technology t;
  t.node_nm = d.node_nm;
  t.roadmap = d.roadmap;
  t.feature_m = d.node_nm * 1e-9;
  t.vdd_v = d.vdd_v;
  t.vth_v = d.vth_v;
  t.gate_length_m = d.gate_length_m;
  t.cap_ideal_gate_f_per_m = d.cap_ideal_gate_f_per_m;
  t.cap_fringe_f_per_m = d.cap_fringe_f_per_m;
  t.cap_overlap_f_per_m = kOverlapOverIdealGate * d.cap_ideal_gate_f_per_m;
  const double bias = 1 + d.vdd_v / kBuiltInPotentialV;
  t.cap_junction_f_per_m2 = kCjdFPerM2 / std::pow(bias, kMjd);
  t.cap_sidewall_f_per_m = kCjswdFPerM / std::pow(bias, kMjswd);
  t.cap_drain_to_channel_f_per_m = kCjswgdFPerM / std::pow(bias, kMjswgd);
  t.effective_resistance_multiplier = d.resistance_multiplier;
  t.gm_current_nmos_a_per_m = d.gm_n_a_per_m;
  t.gm_current_pmos_a_per_m = d.gm_p_a_per_m;
  t.on_current_nmos_a_per_m = d.ion_n_a_per_m;
  t.on_current_pmos_a_per_m = d.ion_p_a_per_m;
  t.off_current_nmos_a_per_m = d.ioff_n_a_per_m;
  t.off_current_pmos_a_per_m = d.ioff_p_a_per_m;
  t.pn_size_ratio = d.ion_n_a_per_m / d.ion_p_a_per_m;
  t.wire_width_m = w.width_nm * 1e-9;
  t.wire_aspect_ratio = w.aspect_ratio;
  t.wire_resistivity_ohm_m = w.resistivity_ohm_m;
  t.wire_resistance_ohm_per_m = w.resistivity_ohm_m / (t.wire_width_m * t.wire_width_m * w.aspect_ratio);
  t.wire_cap_f_per_m = kWireCapFPerM;
  return t;
}

}  // namespace

const std::vector<int>& technology_nodes() {
  static const std::vector<int> nodes{22, 32, 45, 65, 90, 130};
  return nodes;
}

std::optional<Technology> technology(int node_nm, Roadmap roadmap) {
  const WireRow* wire = nullptr;
  for (const auto& w : kWires)
    if (w.node_nm == node_nm) wire = &w;
  if (!wire) return std::nullopt;
  for (const auto& d : kDevices)
    if (d.node_nm == node_nm && d.roadmap == roadmap) return from_rows(d, *wire);
  return std::nullopt;
}

}  // namespace hwaware::circuits
