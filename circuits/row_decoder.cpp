// The row decoder of DNN+NeuroSim V1.3 RowDecoder.cpp (non-parallel sizing).

#include "circuits/row_decoder.h"

#include <algorithm>
#include <cmath>

#include "circuits/transistor_sizing.h"
#include "core/diagnostics.h"

namespace hwaware::circuits {

RowDecoder::RowDecoder(const Technology& t, int address_bits, DecoderOutput output) : t_(t), bits_(address_bits), output_(output) {
  if (address_bits < 1) core::panic("circuits: a decoder needs at least 1 address bit");
  const double h = standard_cell_height_m(t), f = t.feature_m, pn = t.pn_size_ratio;
  // Gate counts and sizes (NeuroSim RowDecoder.cpp, Initialize, parallel = false).
  num_inv_ = bits_;
  num_nand_ = 4 * (bits_ / 2);
  nor_inputs_ = (bits_ + 1) / 2;
  num_nor_ = bits_ > 2 ? 1 << bits_ : 0;
  num_wires_ = bits_ > 2 ? num_nand_ + (bits_ % 2) * 2 : 0;
  MosWidths w = enlarge_to_cell(t, min_inverter_widths(t), h);
  inv_n_ = w.nmos_m, inv_p_ = w.pmos_m;
  w = enlarge_to_cell(t, {2 * kMinNmosSize * f, pn * kMinNmosSize * f}, h);
  nand_n_ = w.nmos_m, nand_p_ = w.pmos_m;
  w = enlarge_to_cell(t, {kMinNmosSize * f, nor_inputs_ * pn * kMinNmosSize * f}, h);
  nor_n_ = w.nmos_m, nor_p_ = w.pmos_m;
  drv_n_ = 2 * kMinNmosSize * f, drv_p_ = 2 * pn * kMinNmosSize * f;  // not enlarged
  inv_f_ = gate_footprint(t, Gate::inv, 1, inv_n_, inv_p_, h);
  nand_f_ = gate_footprint(t, Gate::nand, 2, nand_n_, nand_p_, h);
  nor_f_ = gate_footprint(t, Gate::nor, nor_inputs_, nor_n_, nor_p_, h);
  drv_f_ = gate_footprint(t, Gate::inv, 1, drv_n_, drv_p_, h);
  inv_c_ = gate_caps(t, Gate::inv, 1, inv_n_, inv_p_, inv_f_.height_m);
  if (num_nand_) nand_c_ = gate_caps(t, Gate::nand, 2, nand_n_, nand_p_, nand_f_.height_m);
  if (num_nor_) nor_c_ = gate_caps(t, Gate::nor, nor_inputs_, nor_n_, nor_p_, nor_f_.height_m);
  drv_c_ = gate_caps(t, Gate::inv, 1, drv_n_, drv_p_, drv_f_.height_m);
}

double RowDecoder::decode_energy_j() const {
  // NeuroSim V1.3 RowDecoder.cpp, CalculatePower (read): "all addresses from 0 to 1".
  const int paired = (bits_ / 2) * 2;
  double cap_f = 0;
  cap_f += (inv_c_.input_f + nand_c_.input_f * 2) * paired;                         // inverters into NAND2s
  cap_f += (inv_c_.input_f + nor_c_.input_f * num_nor_ / 2.0) * (bits_ - paired);   // an odd bit's inverter
  cap_f += (nand_c_.output_f + nor_c_.input_f * num_nor_ / 4.0) * num_nand_ / 4.0;  // one NAND of each 4 rises
  if (output_ == DecoderOutput::mux_enable) {
    cap_f += nor_c_.output_f + nand_c_.input_f;  // one NOR output
    cap_f += (nand_c_.output_f + drv_c_.input_f) + (drv_c_.output_f + drv_c_.input_f) + drv_c_.output_f;
  } else {
    cap_f += nor_c_.output_f + inv_c_.input_f;
    cap_f += (drv_c_.input_f + drv_c_.output_f) * 2;
  }
  return cap_f * t_.vdd_v * t_.vdd_v;
}

double RowDecoder::latency_s(double ramp_in, double load1_f, double load2_f, double* ramp_out) const {
  // NeuroSim V1.3 RowDecoder.cpp, CalculateLatency: inverter, NAND2 (2 NMOS in series), NOR
  // (ceil(n/2) PMOS in series, x 2 as NeuroSim writes it), output stage; a stage that is absent
  // passes NeuroSim's initial step slope (1e20) on.
  auto r = [&](double w, Mos m) { return on_resistance_ohm(t_, w, m); };
  double ramp_inv = kStepInputRamp, ramp_nand = kStepInputRamp, ramp_nor = kStepInputRamp, ramp = 0;
  double delay = horowitz_s(r(inv_n_, Mos::nmos) * (inv_c_.output_f + (num_nand_ ? nand_c_.input_f * 2 : load1_f)), ramp_in, &ramp_inv);
  if (num_nand_) {
    const double load = num_nor_ ? nor_c_.input_f * num_nor_ / 4.0 : load1_f;
    delay += horowitz_s(r(nand_n_, Mos::nmos) * 2 * (nand_c_.output_f + load), ramp_inv, &ramp_nand);
  }
  if (num_nor_) {
    const double load = output_ == DecoderOutput::mux_enable ? nand_c_.input_f : inv_c_.input_f;
    delay += horowitz_s(r(nor_p_, Mos::pmos) * 2 * (nor_c_.output_f + load), ramp_nand, &ramp_nor);
  }
  if (output_ == DecoderOutput::mux_enable) {
    delay += horowitz_s(r(nand_n_, Mos::nmos) * (nand_c_.output_f + inv_c_.input_f), ramp_nor, &ramp_nand);
    delay += horowitz_s(r(drv_p_, Mos::pmos) * (drv_c_.output_f + drv_c_.input_f + load1_f), ramp_nand, &ramp_inv);
    delay += horowitz_s(r(drv_n_, Mos::nmos) * (drv_c_.output_f + load2_f), ramp_inv, &ramp);
  } else {
    delay += horowitz_s(r(drv_n_, Mos::nmos) * (drv_c_.output_f + drv_c_.input_f), ramp_nor, &ramp_inv);
    delay += horowitz_s(r(drv_p_, Mos::pmos) * (drv_c_.output_f + load1_f), ramp_inv, &ramp);
  }
  if (ramp_out) *ramp_out = ramp_inv;  // NeuroSim returns the last inverter's input slope
  return delay;
}

double RowDecoder::leakage_w() const {
  double a = gate_leakage_a(t_, Gate::inv, 1, inv_n_, inv_p_) * num_inv_;
  a += gate_leakage_a(t_, Gate::nand, 2, nand_n_, nand_p_) * num_nand_;
  a += gate_leakage_a(t_, Gate::nor, nor_inputs_, nor_n_, nor_p_) * num_nor_;
  if (output_ == DecoderOutput::mux_enable) {
    a += gate_leakage_a(t_, Gate::nand, 2, nand_n_, nand_p_) * num_nor_;
    a += gate_leakage_a(t_, Gate::inv, 1, inv_n_, inv_p_) * 2 * num_nor_;
  } else {
    a += gate_leakage_a(t_, Gate::inv, 1, drv_n_, drv_p_) * 2 * num_nor_;
  }
  return a * t_.vdd_v;
}

Footprint RowDecoder::footprint() const {
  const double height_m = std::max(nor_f_.height_m * num_nor_, nand_f_.height_m * num_nand_);
  double width_m = inv_f_.width_m + nand_f_.width_m + kM3Pitch * num_wires_ * t_.feature_m + nor_f_.width_m;
  width_m += output_ == DecoderOutput::mux_enable ? nand_f_.width_m + inv_f_.width_m * 2 : drv_f_.width_m * 2;
  return {height_m, width_m};
}

}  // namespace hwaware::circuits
