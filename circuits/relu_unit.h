#pragma once
// ReLU units on the chip (neurosim/DNN_NeuroSim_V1.3, BitShifter.cpp, chipActivation and reLu on):
// `units` registers of `bits` flip-flops that latch the activations, all clocked on each pass.
// One pass takes one cycle (synchronous) and handles `units` activations.
//
// Preconditions (core::panic): units, bits >= 1.

#include "circuits/flip_flop_bank.h"
#include "circuits/technology.h"

namespace hwaware::circuits {

class ReluUnit {
 public:
  ReluUnit(const Technology& t, int units, int bits) : units_(units), flip_flops_(t, units * bits) {}

  int units() const { return units_; }
  // One pass: every flip-flop clocked and taking data (NeuroSim: no activity factor).
  double pass_energy_j() const { return flip_flops_.cycle_energy_j(flip_flops_.count()); }
  double leakage_w() const { return flip_flops_.leakage_w(); }
  // NeuroSim reshapes the flip-flops' one-row area to the width it gives (a third of the global
  // buffer's); the area is that row's.
  double area_m2() const { return flip_flops_.area_m2(); }

 private:
  int units_;
  FlipFlopBank flip_flops_;
};

}  // namespace hwaware::circuits
