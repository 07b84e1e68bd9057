#pragma once
// Max-pooling units (neurosim/DNN_NeuroSim_V1.3, MaxPooling.cpp with Comparator.cpp): each unit
// compares the `window` values of a pooling window of `bits`-bit activations in a tree of N-bit
// comparators (window / 2 + window / 4 + ... + window mod 2 of them, one stage each level), each
// N-bit comparator a chain of 1-bit comparators (4 INV, 4 NAND2, 3 NAND3) with enable and output
// logic. `units` of them work in parallel (NeuroSim: one per column of a conventional tile).
//
// Preconditions (core::panic): bits >= 2, window >= 1, units >= 1; load >= 0.

#include "circuits/cell_sizing.h"
#include "circuits/technology.h"

namespace hwaware::circuits {

class MaxPooling {
 public:
  MaxPooling(const Technology& t, int bits, int window, int units);

  int comparators() const { return comparators_; }  // N-bit comparators per unit
  int stages() const { return stages_; }
  int units() const { return units_; }
  // Dynamic energy of one pass of all units (each pools one window), control logic times
  // `control_activity` (NeuroSim: epsilon).
  double pass_energy_j(double control_activity = 1) const;
  // Latency of one pass (seconds), one comparator stage after the other, or rounded up to cycles
  // per stage first (NeuroSim: ceil(stage x clock) x stages).
  double latency_s(double load_f = 0) const;
  double latency_cycles(double clock_hz, double load_f = 0) const;
  double leakage_w() const;
  double area_m2() const;

 private:
  double stage_latency_s(double load_f) const;
  double comparator_bit_energy_j(double control_activity) const;

  const Technology t_;
  int bits_, window_, units_, comparators_ = 0, stages_ = 0;
  Widths inv_, nand_, nor_, nor_wide_, nand3_;
  double a_inv_, a_nand_, a_nor_, a_nor_wide_, a_nand3_;
  double c_inv_in_, c_inv_out_, c_nand_in_, c_nand_out_, c_nor_in_, c_nor_wide_in_, c_nor_wide_out_, c_nand3_in_, c_nand3_out_;
};

}  // namespace hwaware::circuits
