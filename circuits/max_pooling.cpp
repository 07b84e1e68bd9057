// NeuroSim V1.3 MaxPooling.cpp and Comparator.cpp, rewritten.

#include "circuits/max_pooling.h"

#include "circuits/gates.h"
#include "core/diagnostics.h"

namespace hwaware::circuits {

MaxPooling::MaxPooling(const Technology& t, int bits, int window, int units) : t_(t), bits_(bits), window_(window), units_(units) {
  if (bits < 2 || window < 1 || units < 1) core::panic("MaxPooling: bits >= 2, window and units >= 1");
  // MaxPooling.cpp Initialize: window/2 + window/4 + ... comparators, one stage per halving, and
  // one more of each for an odd window.
  for (int n = window; n != 0; n /= 2) comparators_ += n / 2, ++stages_;
  comparators_ += window % 2, stages_ += window % 2;
  const double h = kMaxTransistorHeight * t.feature_m;
  inv_ = fill_cell_height(t, min_widths(t), h);
  nand_ = fill_cell_height(t, min_widths(t, 2, 1), h);
  nor_ = fill_cell_height(t, min_widths(t, 4, 1), h);
  nor_wide_ = fill_cell_height(t, min_widths(t, 2.0 * bits, 1), h);
  nand3_ = fill_cell_height(t, min_widths(t, 3, 1), h);
  auto gate = [&](Gate g, int inputs, Widths w, double* area, double* c_in, double* c_out) {
    Footprint fp = gate_footprint(t, g, inputs, w.nmos_m, w.pmos_m, h);
    *area = fp.area_m2();
    GateCaps c = gate_caps(t, g, inputs, w.nmos_m, w.pmos_m, fp.height_m);
    *c_in = c.input_f;
    if (c_out) *c_out = c.output_f;
  };
  gate(Gate::inv, 1, inv_, &a_inv_, &c_inv_in_, &c_inv_out_);
  gate(Gate::nand, 2, nand_, &a_nand_, &c_nand_in_, &c_nand_out_);
  gate(Gate::nor, 2, nor_, &a_nor_, &c_nor_in_, nullptr);
  gate(Gate::nor, bits, nor_wide_, &a_nor_wide_, &c_nor_wide_in_, &c_nor_wide_out_);
  gate(Gate::nand, 3, nand3_, &a_nand3_, &c_nand3_in_, &c_nand3_out_);
}

// Comparator.cpp CalculatePower for one 1-bit comparator: its 4 INV, 4 NAND2, 3 NAND3 switch,
// times epsilon.
double MaxPooling::comparator_bit_energy_j(double control_activity) const {
  double c = 4 * (c_inv_in_ + c_inv_out_) + 4 * (c_nand_in_ + c_nand_out_) + 3 * (c_nand3_in_ + c_nand3_out_);
  return c * t_.vdd_v * t_.vdd_v * control_activity;
}

// MaxPooling.cpp CalculatePower: an N-bit comparator's AND, NOR, 2 INV and wide NOR (x epsilon) and
// half its 1-bit comparators (it stops half way on average); all comparators of all units.
double MaxPooling::pass_energy_j(double control_activity) const {
  double c = (c_nand_in_ + c_inv_out_) + (c_nor_in_ + c_inv_out_) + 2 * (c_inv_in_ + c_inv_out_) + (c_nor_wide_in_ + c_inv_out_);
  double e = c * t_.vdd_v * t_.vdd_v * control_activity + comparator_bit_energy_j(control_activity) * bits_ / 2.0;
  return e * comparators_ * units_;
}

// MaxPooling.cpp CalculateLatency: half the 1-bit comparator chain (Comparator.cpp's Gin-to-Gout
// path of a 1-bit comparator: its first and last stages, less one middle pair, as NeuroSim counts
// numBit - 2 = -1 middle pairs), then the wide NOR, an inverter and the output gate.
double MaxPooling::stage_latency_s(double load_f) const {
  if (load_f < 0) core::panic("MaxPooling: load must be >= 0");
  const double r_n2 = 2 * on_resistance_ohm(t_, nand_.nmos_m, Mos::nmos);
  const double r_p3 = on_resistance_ohm(t_, nand3_.pmos_m, Mos::pmos);
  double ramp = kStepInputRamp, cmp = 0;
  cmp += horowitz_s(r_n2 * (c_nand_out_ + c_nand3_in_), ramp, &ramp);
  cmp += horowitz_s(r_p3 * (c_nand3_out_ + c_nand_in_), ramp, &ramp);
  double pair = horowitz_s(r_n2 * (c_nand_out_ + c_nand3_in_), ramp, &ramp);
  pair += horowitz_s(r_p3 * (c_nand3_out_ + c_nand_in_), ramp, &ramp);
  cmp -= pair;  // numBit - 2 = -1 pairs for NeuroSim's 1-bit comparator
  cmp += horowitz_s(r_n2 * (c_nand_out_ + c_nand3_in_), ramp, &ramp);
  cmp += horowitz_s(r_p3 * (c_nand3_out_ + 2 * c_inv_out_), ramp, &ramp);
  double d = cmp * bits_ / 2.0;
  const double r_nor = 2 * on_resistance_ohm(t_, nor_wide_.nmos_m, Mos::nmos);
  const double r_inv = 2 * on_resistance_ohm(t_, inv_.nmos_m, Mos::nmos);
  double ramp_nor = 0, ramp_inv = 0;
  d += horowitz_s(r_nor * (2 * c_inv_in_ + bits_ * c_inv_out_), kStepInputRamp, &ramp_nor);
  d += horowitz_s(r_inv * (c_inv_in_ + c_nor_wide_out_), kStepInputRamp, &ramp_inv);
  d += horowitz_s(r_inv * (2 * c_inv_in_ + load_f), ramp_inv);
  return d;
}

double MaxPooling::latency_s(double load_f) const { return stage_latency_s(load_f) * stages_; }

double MaxPooling::latency_cycles(double clock_hz, double load_f) const { return cycles(stage_latency_s(load_f), clock_hz) * stages_; }

// MaxPooling.cpp: an inverter's leakage per N-bit comparator (NeuroSim counts no more).
double MaxPooling::leakage_w() const {
  return gate_leakage_a(t_, Gate::inv, 1, inv_.nmos_m, inv_.pmos_m) * t_.vdd_v * comparators_ * units_;
}

// MaxPooling.cpp CalculateUnitArea: per N-bit comparator, bits x (a 1-bit comparator + 5 INV)
// plus 6 INV, an AND (NAND + INV), a NOR and the wide NOR; all comparators of all units.
double MaxPooling::area_m2() const {
  double comparator_bit = 4 * a_inv_ + 4 * a_nand_ + 3 * a_nand3_;
  double per = (comparator_bit + 5 * a_inv_) * bits_ + 6 * a_inv_ + (a_nand_ + a_inv_) + a_nor_ + a_nor_wide_;
  return per * comparators_ * units_;
}

}  // namespace hwaware::circuits
