// The MLSA encoder of DNN+NeuroSim V1.3 MultilevelSAEncoder.cpp.

#include "circuits/mlsa_encoder.h"

#include <algorithm>
#include <cmath>

#include "circuits/cell_sizing.h"
#include "circuits/transistor_sizing.h"
#include "core/diagnostics.h"

namespace hwaware::circuits {

MlsaEncoder::MlsaEncoder(const Technology& t, int levels, long encoders) : t_(t), levels_(levels), encoders_(encoders) {
  if (levels < 2 || encoders < 1) core::panic("circuits: an encoder needs >= 2 levels and >= 1 encoder");
  wide_inputs_ = (levels + 1) / 2;                          // numInput = ceil(levels / 2)
  gates_ = static_cast<int>(std::ceil(std::log2(levels)));  // numGate
  const double h = standard_cell_height_m(t);
  Widths w = fill_cell_height(t, min_widths(t), h);
  inv_n_ = w.nmos_m, inv_p_ = w.pmos_m;
  w = fill_cell_height(t, {2 * kMinNmosSize * t.feature_m, t.pn_size_ratio * kMinNmosSize * t.feature_m}, h);
  nand_n_ = w.nmos_m, nand_p_ = w.pmos_m;
  inv_f_ = gate_footprint(t, Gate::inv, 1, inv_n_, inv_p_, h);
  nand_f_ = gate_footprint(t, Gate::nand, 2, nand_n_, nand_p_, h);
  wide_f_ = gate_footprint(t, Gate::nand, wide_inputs_, nand_n_, nand_p_, h);
  inv_c_ = gate_caps(t, Gate::inv, 1, inv_n_, inv_p_, inv_f_.height_m);
  nand_c_ = gate_caps(t, Gate::nand, 2, nand_n_, nand_p_, nand_f_.height_m);
  wide_c_ = gate_caps(t, Gate::nand, wide_inputs_, nand_n_, nand_p_, wide_f_.height_m);
}

double MlsaEncoder::encode_energy_j() const {
  const double per_level_f = (inv_c_.input_f + inv_c_.output_f) + (nand_c_.input_f + nand_c_.output_f);
  const double cap_f = per_level_f * (levels_ + gates_) + (wide_c_.input_f + wide_c_.output_f) * gates_;
  return cap_f * t_.vdd_v * t_.vdd_v * static_cast<double>(encoders_);
}

double MlsaEncoder::latency_s(double ramp_in) const {
  double ramp = 0;
  const double r_down = on_resistance_ohm(t_, inv_n_, Mos::nmos) * 2;
  double delay = horowitz_s(r_down * (inv_c_.output_f + nand_c_.input_f * 2), ramp_in, &ramp);
  const double r_up = on_resistance_ohm(t_, nand_p_, Mos::pmos);
  delay += horowitz_s(r_up * (nand_c_.output_f + wide_c_.input_f * wide_inputs_), ramp, &ramp);
  return delay;
}

double MlsaEncoder::leakage_w() const {
  double a = (gate_leakage_a(t_, Gate::inv, 1, inv_n_, inv_p_) + gate_leakage_a(t_, Gate::nand, 2, nand_n_, nand_p_)) * (levels_ + gates_);
  a += gate_leakage_a(t_, Gate::nand, wide_inputs_, nand_n_, nand_p_) * gates_;
  return a * t_.vdd_v * static_cast<double>(encoders_);
}

Footprint MlsaEncoder::footprint(double width_m) const {
  const double enc_w = 2 * inv_f_.width_m + nand_f_.width_m + wide_f_.width_m;
  const double enc_h = std::max((levels_ - 1) * inv_f_.height_m, (levels_ - 1) * nand_f_.height_m);
  const long per_row = std::min<long>(encoders_, static_cast<long>(std::ceil(width_m / enc_w)));
  const long rows = (encoders_ + per_row - 1) / per_row;
  return {enc_h * static_cast<double>(rows), std::max(width_m, enc_w)};
}

}  // namespace hwaware::circuits
