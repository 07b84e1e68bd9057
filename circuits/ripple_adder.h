#pragma once
// An N-bit ripple-carry adder of NAND2 gates, 9 per bit (neurosim/DNN_NeuroSim_V1.3, Adder.cpp), the
// adder of NeuroSim's adder trees and shift-adders. Latency is its critical path (NeuroSim's
// calibration pattern A = 1111..., B = 1000..., Cin = 1): two NAND stages into the carry chain, two
// per further bit, three out; energy counts the 0-to-1 transitions of that pattern.
//
// Preconditions (core::panic): bits >= 1; load capacitance >= 0; a positive input slope.

#include "circuits/technology.h"

namespace hwaware::circuits {

class RippleAdder {
 public:
  RippleAdder(const Technology& t, int bits);

  int bits() const { return bits_; }
  // Delay of one add into `load_f` (seconds), driven by an input of slope `ramp_in` (1/s).
  double latency_s(double load_f = 0, double ramp_in = 1e20) const;
  // Dynamic energy of one add, times `activity` (NeuroSim: delta = 0.15 when validated).
  double add_energy_j(double activity = 1) const;
  double leakage_w() const;  // one adder
  double area_m2() const;    // one adder: 9 x bits NAND2 cells
  double nand_height_m() const { return nand_height_m_; }

 private:
  const Technology t_;
  int bits_;
  double nand_n_m_, nand_p_m_;
  double nand_height_m_, nand_width_m_;
  double cap_in_f_, cap_out_f_;
};

}  // namespace hwaware::circuits
