#pragma once
// An n-bit ripple-carry adder as DNN+NeuroSim V1.3 Adder.cpp builds and prices it: 9 NAND2 gates
// per bit (enlarged minimum NAND2 cells); energy of its calibration pattern's 0-to-1 transitions
// (A = 11..1, B = 10..0, carry-in 1), the carry chain's Horowitz delay, leakage, layout.

#include "circuits/gates.h"
#include "circuits/technology.h"

namespace hwaware::circuits {

class Adder {
 public:
  Adder(const Technology& t, int bits);

  int bits() const { return bits_; }
  // One addition, before NeuroSim's switching activity factor (delta, applied where NeuroSim
  // applies it): the first bit's visible and hidden transitions, then each later bit's.
  double add_energy_j() const;
  // Delay of one addition driving `load_f` from an input of slope `ramp_in` (1/s); the carry
  // chain's middle stages counted bits - 2 times (NeuroSim Adder.cpp, CalculateLatency).
  double latency_s(double ramp_in, double load_f, double* ramp_out = nullptr) const;
  double leakage_w() const;  // one adder: 9 x bits NAND2
  Footprint nand_cell() const { return nand_; }

 private:
  Technology t_;
  int bits_;
  double nand_n_m_ = 0, nand_p_m_ = 0;
  GateCaps nand_caps_;
  Footprint nand_;
};

// `count` adders laid out across a block `width_m` wide: each a column of `bits` NAND2 cells 9
// wide, the block's height what their total area needs at that width (NeuroSim Adder.cpp,
// CalculateArea given a width; not quantised to whole rows).
Footprint adder_rows(const Adder& a, long count, double width_m);

}  // namespace hwaware::circuits
