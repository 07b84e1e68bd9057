// The column-mux decoder of DNN+NeuroSim V1.3 RowDecoder.cpp (MUX = true, parallel = false).

#include "circuits/mux_decoder.h"

#include <algorithm>
#include <cmath>

#include "circuits/cell_sizing.h"
#include "circuits/transistor_sizing.h"
#include "core/diagnostics.h"

namespace hwaware::circuits {

MuxDecoder::MuxDecoder(const Technology& t, int address_bits) : t_(t), bits_(address_bits) {
  if (address_bits < 1) core::panic("circuits: a decoder needs at least 1 address bit");
  const double h = standard_cell_height_m(t);
  // Gate counts and sizes (NeuroSim RowDecoder.cpp, Initialize, parallel = false).
  num_nand_ = 4 * (bits_ / 2);
  nor_inputs_ = (bits_ + 1) / 2;
  num_nor_ = bits_ > 2 ? 1 << bits_ : 0;
  num_wires_ = bits_ > 2 ? num_nand_ + (bits_ % 2) * 2 : 0;
  Widths w = fill_cell_height(t, min_widths(t), h);
  inv_n_ = w.nmos_m, inv_p_ = w.pmos_m;
  w = fill_cell_height(t, min_widths(t, 2, 1), h);
  nand_n_ = w.nmos_m, nand_p_ = w.pmos_m;
  w = fill_cell_height(t, min_widths(t, 1, nor_inputs_), h);
  nor_n_ = w.nmos_m, nor_p_ = w.pmos_m;
  const Widths drv = min_widths(t, 2, 2);  // the enable inverters: 2 x minimum, not widened
  drv_n_ = drv.nmos_m, drv_p_ = drv.pmos_m;
  inv_f_ = gate_footprint(t, Gate::inv, 1, inv_n_, inv_p_, h);
  nand_f_ = gate_footprint(t, Gate::nand, 2, nand_n_, nand_p_, h);
  nor_f_ = gate_footprint(t, Gate::nor, nor_inputs_, nor_n_, nor_p_, h);
  inv_c_ = gate_caps(t, Gate::inv, 1, inv_n_, inv_p_, inv_f_.height_m);
  if (num_nand_) nand_c_ = gate_caps(t, Gate::nand, 2, nand_n_, nand_p_, nand_f_.height_m);
  if (num_nor_) nor_c_ = gate_caps(t, Gate::nor, nor_inputs_, nor_n_, nor_p_, nor_f_.height_m);
  drv_c_ = gate_caps(t, Gate::inv, 1, drv_n_, drv_p_, gate_footprint(t, Gate::inv, 1, drv_n_, drv_p_, h).height_m);
}

double MuxDecoder::decode_energy_j() const {
  // NeuroSim V1.3 RowDecoder.cpp, CalculatePower (read): "all addresses from 0 to 1".
  const int paired = (bits_ / 2) * 2;
  double cap_f = 0;
  cap_f += (inv_c_.input_f + nand_c_.input_f * 2) * paired;                                             // inverters into NAND2s
  cap_f += (inv_c_.input_f + nor_c_.input_f * num_nor_ / 2.0) * (bits_ - paired);                       // an odd bit's inverter
  cap_f += (nand_c_.output_f + nor_c_.input_f * num_nor_ / 4.0) * num_nand_ / 4.0;                      // one NAND of each 4 rises
  cap_f += nor_c_.output_f + nand_c_.input_f;                                                           // one NOR output
  cap_f += (nand_c_.output_f + drv_c_.input_f) + (drv_c_.output_f + drv_c_.input_f) + drv_c_.output_f;  // enable stage
  return cap_f * t_.vdd_v * t_.vdd_v;
}

double MuxDecoder::latency_s(double ramp_in, double nmos_load_f, double pmos_load_f) const {
  // NeuroSim V1.3 RowDecoder.cpp, CalculateLatency: inverter, NAND2 (2 NMOS in series), NOR
  // (x 2 as NeuroSim writes it), then the enable NAND and two inverters; an absent stage passes
  // NeuroSim's initial step slope on.
  auto r = [&](double w, Mos m) { return on_resistance_ohm(t_, w, m); };
  double ramp_inv = kStepInputRamp, ramp_nand = kStepInputRamp, ramp_nor = kStepInputRamp, ramp = 0;
  double delay = horowitz_s(r(inv_n_, Mos::nmos) * (inv_c_.output_f + (num_nand_ ? nand_c_.input_f * 2 : nmos_load_f)), ramp_in, &ramp_inv);
  if (num_nand_) {
    const double load_f = num_nor_ ? nor_c_.input_f * num_nor_ / 4.0 : nmos_load_f;
    delay += horowitz_s(r(nand_n_, Mos::nmos) * 2 * (nand_c_.output_f + load_f), ramp_inv, &ramp_nand);
  }
  if (num_nor_) delay += horowitz_s(r(nor_p_, Mos::pmos) * 2 * (nor_c_.output_f + nand_c_.input_f), ramp_nand, &ramp_nor);
  delay += horowitz_s(r(nand_n_, Mos::nmos) * (nand_c_.output_f + inv_c_.input_f), ramp_nor, &ramp_nand);
  delay += horowitz_s(r(drv_p_, Mos::pmos) * (drv_c_.output_f + drv_c_.input_f + nmos_load_f), ramp_nand, &ramp_inv);
  delay += horowitz_s(r(drv_n_, Mos::nmos) * (drv_c_.output_f + pmos_load_f), ramp_inv, &ramp);
  return delay;
}

double MuxDecoder::leakage_w() const {
  double a = gate_leakage_a(t_, Gate::inv, 1, inv_n_, inv_p_) * bits_;
  a += gate_leakage_a(t_, Gate::nand, 2, nand_n_, nand_p_) * num_nand_;
  a += gate_leakage_a(t_, Gate::nor, nor_inputs_, nor_n_, nor_p_) * num_nor_;
  a += gate_leakage_a(t_, Gate::nand, 2, nand_n_, nand_p_) * num_nor_;   // enable NANDs
  a += gate_leakage_a(t_, Gate::inv, 1, inv_n_, inv_p_) * 2 * num_nor_;  // enable inverters (as NeuroSim sizes them here)
  return a * t_.vdd_v;
}

Footprint MuxDecoder::footprint() const {
  const double height_m = std::max(nor_f_.height_m * num_nor_, nand_f_.height_m * num_nand_);
  const double width_m =
      inv_f_.width_m + nand_f_.width_m + kM3Pitch * num_wires_ * t_.feature_m + nor_f_.width_m + nand_f_.width_m + inv_f_.width_m * 2;
  return {height_m, width_m};
}

}  // namespace hwaware::circuits
