// The ripple-carry adder of DNN+NeuroSim V1.3 Adder.cpp.

#include "circuits/adder.h"

#include "circuits/transistor_sizing.h"
#include "core/diagnostics.h"

namespace hwaware::circuits {

Adder::Adder(const Technology& t, int bits) : t_(t), bits_(bits) {
  if (bits < 1) core::panic("circuits: an adder needs at least 1 bit");
  const double cell_h = standard_cell_height_m(t);
  // NAND2: 2 x minimum NMOS (two in series), minimum PMOS, enlarged to the cell (NeuroSim Adder.cpp).
  const MosWidths w = enlarge_to_cell(t, {2 * kMinNmosSize * t.feature_m, t.pn_size_ratio * kMinNmosSize * t.feature_m}, cell_h);
  nand_n_m_ = w.nmos_m;
  nand_p_m_ = w.pmos_m;
  nand_ = gate_footprint(t, Gate::nand, 2, nand_n_m_, nand_p_m_, cell_h);
  nand_caps_ = gate_caps(t, Gate::nand, 2, nand_n_m_, nand_p_m_, nand_.height_m);
}

double Adder::add_energy_j() const {
  // NeuroSim V1.3 Adder.cpp, CalculatePower: the NAND inputs (ci) and outputs (co) that rise.
  const double ci = nand_caps_.input_f, co = nand_caps_.output_f;
  const double later_bits = bits_ - 1;
  double cap_f = 0;
  cap_f += ci * 6 + co * 2;                                            // first bit: inputs 1, 2, Cin; S[0] and #5
  cap_f += (ci * 7 + co * 3) * later_bits;                             // later bits, visible
  cap_f += (co + ci) * 2 + (co + ci * 2) + (co + ci * 3) + (co + ci);  // first bit, hidden: #2-#6
  cap_f += ((co + ci * 3) + (co + ci) + (co + ci) * 2) * later_bits;   // later bits, hidden: #1, #3, #6, #7
  return cap_f * t_.vdd_v * t_.vdd_v;
}

double Adder::latency_s(double ramp_in, double load_f, double* ramp_out) const {
  // NeuroSim V1.3 Adder.cpp, CalculateLatency: seven stages of the critical path; pull-downs are
  // two NMOS in series (2 x R_on), pull-ups one PMOS.
  const double r_down = on_resistance_ohm(t_, nand_n_m_, Mos::nmos) * 2;
  const double r_up = on_resistance_ohm(t_, nand_p_m_, Mos::pmos);
  const double ci = nand_caps_.input_f, co = nand_caps_.output_f;
  double ramp = ramp_in, delay = 0;
  delay += horowitz_s(r_down * (co + ci * 3), ramp, &ramp);
  delay += horowitz_s(r_up * (co + ci * 2), ramp, &ramp);
  double middle = horowitz_s(r_down * (co + ci * 3), ramp, &ramp);
  middle += horowitz_s(r_up * (co + ci * 2), ramp, &ramp);
  if (bits_ > 2) delay += middle * (bits_ - 2);
  delay += horowitz_s(r_down * (co + ci * 3), ramp, &ramp);
  delay += horowitz_s(r_up * (co + ci), ramp, &ramp);
  delay += horowitz_s(r_down * (co + load_f), ramp, &ramp);
  if (ramp_out) *ramp_out = ramp;
  return delay;
}

double Adder::leakage_w() const { return gate_leakage_a(t_, Gate::nand, 2, nand_n_m_, nand_p_m_) * t_.vdd_v * 9 * bits_; }

Footprint adder_rows(const Adder& a, long count, double width_m) {
  const Footprint nand = a.nand_cell();
  const double adder_w = nand.width_m * 9, adder_h = nand.height_m * a.bits();
  if (adder_w > width_m) core::panic("circuits: the block is narrower than one adder");
  return {adder_w * adder_h * static_cast<double>(count) / width_m, width_m};
}

}  // namespace hwaware::circuits
