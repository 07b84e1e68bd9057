#pragma once
// A bank of shift-and-add units as DNN+NeuroSim V1.3 ShiftAdd.cpp builds it (binary, not spiking):
// per unit a ripple adder of `adder_bits` and a shift register of adder_bits + 1 + shifts - 1
// flip-flops. A subarray has two banks: one combines the cells of a weight (one shift per cell),
// one the input bits (one shift per input bit).
//
// Preconditions (core::panic): units, adder_bits, shifts >= 1.

#include "circuits/calibration.h"
#include "circuits/flip_flop_bank.h"
#include "circuits/gates.h"
#include "circuits/ripple_adder.h"
#include "circuits/technology.h"

namespace hwaware::circuits {

class ShiftAdd {
 public:
  ShiftAdd(const Technology& t, long units, int adder_bits, int shifts);

  long flip_flops() const { return flip_flops_.count(); }
  // One shift-and-add of every unit (NeuroSim ShiftAdd.cpp, CalculatePower(1)): all adders add
  // (x delta) and all flip-flops are clocked and take data (x gamma).
  double operation_energy_j(const Calibration& c) const;
  double leakage_w() const;
  // Below an array `width_m` wide: the adders (their area spread over the width), a row of
  // inverters and NANDs (one cell height), the flip-flops in rows.
  Footprint footprint(double width_m) const;

 private:
  Technology t_;
  long units_;
  RippleAdder adder_;
  FlipFlopBank flip_flops_;
};

}  // namespace hwaware::circuits
