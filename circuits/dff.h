#pragma once
// A D flip-flop as DNN+NeuroSim V1.3 DFF.cpp builds and prices it: 12 minimum standard cells in a
// row; each clock cycle charges its clock inverters and clock pass gates, and the D-to-Q path
// when data passes through it. Used by the switch matrices' scan chains and the shift-adders.

#include "circuits/gates.h"
#include "circuits/technology.h"

namespace hwaware::circuits {

class Dff {
 public:
  explicit Dff(const Technology& t);

  // One clock cycle of one flip-flop, paid by every clocked flip-flop (NeuroSim DFF.cpp,
  // CalculatePower): its 4 clock inverters, input and output, and the gates of its 2 clock pass
  // gates (NMOS and PMOS), all swinging vdd.
  double clock_energy_j() const;
  // The D-to-Q path of one flip-flop its data passes through (NeuroSim DFF.cpp: input side 3 pass
  // gate drains + an inverter input, feedback side a drain + an inverter output, output side an
  // inverter), at vdd.
  double data_energy_j() const;
  // `clocked` flip-flops clocked once, `passing` of them passing data, before NeuroSim's switching
  // activity factor (gamma, applied by the callers NeuroSim applies it in).
  double energy_j(double clocked, double passing) const;

  double leakage_w() const;     // one flip-flop: 8 inverters (NeuroSim DFF.cpp)
  Footprint footprint() const;  // one flip-flop: an inverter cell's height, 12 of its widths
  double pass_gate_drain_f() const { return tg_drain_f_; }

 private:
  Technology t_;
  GateCaps inv_;
  double tg_gate_n_f_ = 0, tg_gate_p_f_ = 0, tg_drain_f_ = 0;
  double inv_leakage_a_ = 0;
  Footprint cell_;
};

// `count` flip-flops in rows across a block `width_m` wide (NeuroSim DFF::CalculateArea given a
// width): as many per row as fit, rows stacked; the block is `width_m` wide.
Footprint dff_rows(const Dff& d, long count, double width_m);
// `count` flip-flops in columns along a block `height_m` high (given a height).
Footprint dff_columns(const Dff& d, long count, double height_m);

}  // namespace hwaware::circuits
