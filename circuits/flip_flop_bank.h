#pragma once
// A bank of D flip-flops, the register of NeuroSim's PE buffers, shift-adders and ReLU units
// (neurosim/DNN_NeuroSim_V1.3, DFF.cpp): a master-slave flip-flop of two clocked transmission
// gates and inverters, drawn as 12 minimum inverters; every flip-flop of the bank is clocked each
// cycle, the ones taking new data also switch their D-to-Q path.
//
// Preconditions (core::panic): count >= 1; 0 <= active; a fixed height or width >= one flip-flop's.

#include "circuits/cell_sizing.h"
#include "circuits/technology.h"

namespace hwaware::circuits {

class FlipFlopBank {
 public:
  FlipFlopBank(const Technology& t, int count);

  int count() const { return count_; }
  // Dynamic energy of one clock cycle of the whole bank with `active` flip-flops (at most count)
  // taking new data, times `activity` (NeuroSim: gamma in shift-adders and accumulators, 1 in
  // buffers).
  double cycle_energy_j(int active, double activity = 1) const;
  double leakage_w() const;  // 8 inverters' leakage per flip-flop
  // Layout: one row (no constraint), or columns of a fixed height, or rows of a fixed width.
  double area_m2() const;
  double area_in_height_m2(double height_m) const;
  double area_in_width_m2(double width_m) const;
  double flip_flop_height_m() const { return height_m_; }
  double flip_flop_width_m() const { return width_m_; }

 private:
  const Technology t_;
  int count_;
  Widths inv_, tg_;            // widths after filling the cell height
  double height_m_, width_m_;  // one flip-flop
  double cap_inv_in_f_, cap_inv_out_f_, cap_tg_gate_n_f_, cap_tg_gate_p_f_, cap_tg_drain_f_;
};

}  // namespace hwaware::circuits
