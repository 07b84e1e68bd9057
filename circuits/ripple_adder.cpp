// NeuroSim V1.3 Adder.cpp, rewritten: a ripple-carry adder's critical path, energy, leakage, area.

#include "circuits/ripple_adder.h"

#include "circuits/cell_sizing.h"
#include "circuits/gates.h"
#include "core/diagnostics.h"

namespace hwaware::circuits {

RippleAdder::RippleAdder(const Technology& t, int bits) : t_(t), bits_(bits) {
  if (bits < 1) core::panic("RippleAdder: bits must be >= 1");
  const double cell_m = kMaxTransistorHeight * t.feature_m;
  const Widths w = fill_cell_height(t, min_widths(t, 2, 1), cell_m);  // NAND2: NMOS 2 x minimum
  nand_n_m_ = w.nmos_m, nand_p_m_ = w.pmos_m;
  const Footprint fp = gate_footprint(t, Gate::nand, 2, nand_n_m_, nand_p_m_, cell_m);
  nand_height_m_ = fp.height_m, nand_width_m_ = fp.width_m;
  const GateCaps c = gate_caps(t, Gate::nand, 2, nand_n_m_, nand_p_m_, nand_height_m_);
  cap_in_f_ = c.input_f, cap_out_f_ = c.output_f;
}

// Adder.cpp CalculateLatency: Horowitz stages, pull-down through 2 series NMOS (2 R_n), pull-up
// through one PMOS, each loading its NAND output and the next NAND inputs; stages 3-4 repeat for
// every bit beyond the second; the last drives `load_f`.
double RippleAdder::latency_s(double load_f, double ramp_in) const {
  if (load_f < 0) core::panic("RippleAdder: load capacitance must be >= 0");
  const double r_down = 2 * on_resistance_ohm(t_, nand_n_m_, Mos::nmos);
  const double r_up = on_resistance_ohm(t_, nand_p_m_, Mos::pmos);
  double ramp = ramp_in, d = 0;
  d += horowitz_s(r_down * (cap_out_f_ + 3 * cap_in_f_), ramp, &ramp);
  d += horowitz_s(r_up * (cap_out_f_ + 2 * cap_in_f_), ramp, &ramp);
  double carry = horowitz_s(r_down * (cap_out_f_ + 3 * cap_in_f_), ramp, &ramp);
  carry += horowitz_s(r_up * (cap_out_f_ + 2 * cap_in_f_), ramp, &ramp);
  if (bits_ > 2) d += carry * (bits_ - 2);
  d += horowitz_s(r_down * (cap_out_f_ + 3 * cap_in_f_), ramp, &ramp);
  d += horowitz_s(r_up * (cap_out_f_ + cap_in_f_), ramp, &ramp);
  d += horowitz_s(r_down * (cap_out_f_ + load_f), ramp, &ramp);
  return d;
}

// Adder.cpp CalculatePower: first bit 6 inputs and 2 outputs rise, each further bit 7 inputs and 3
// outputs; the hidden transitions of the first bit (nodes 2-6) and of each further bit (1, 3, 6, 7).
double RippleAdder::add_energy_j(double activity) const {
  const double ci = cap_in_f_, co = cap_out_f_, v2 = t_.vdd_v * t_.vdd_v, more = bits_ - 1;
  double c = 6 * ci + 2 * co + (7 * ci + 3 * co) * more;
  c += 2 * (co + ci) + (co + 2 * ci) + (co + 3 * ci) + (co + ci);
  c += ((co + 3 * ci) + (co + ci) + 2 * (co + ci)) * more;
  return c * v2 * activity;
}

double RippleAdder::leakage_w() const { return gate_leakage_a(t_, Gate::nand, 2, nand_n_m_, nand_p_m_) * t_.vdd_v * 9 * bits_; }

double RippleAdder::area_m2() const { return 9.0 * bits_ * nand_height_m_ * nand_width_m_; }

}  // namespace hwaware::circuits
