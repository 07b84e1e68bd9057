#pragma once
// The column periphery an SRAM array adds in DNN+NeuroSim V1.3: the bit-line precharger
// (Precharger.cpp: a precharge PMOS and two equalisers per column, charging BL and BL_bar to vdd
// before each read) and the write driver (SRAMWriteDriver.cpp: 3 inverters per column; area and
// leakage only in a read, and a write's energy where NeuroSim writes, as in its SRAM buffers).
//
// Preconditions (core::panic): columns >= 1; the block at least one unit wide.

#include "circuits/gates.h"
#include "circuits/technology.h"

namespace hwaware::circuits {

class Precharger {
 public:
  Precharger(const Technology& t, long columns, double bit_line_cap_f, double bit_line_ohm);

  // One column turn: every column's BL and BL_bar recharged to vdd (NeuroSim Precharger.cpp,
  // CalculatePower: min(cells read per operation = columns, columns) x 2 x C_col x vdd^2).
  double turn_energy_j() const;
  // One write turn: one of each column's two bit lines recharged (CalculatePower, write:
  // min(cells written per operation = columns, columns x activityColWrite = 1) x C_col x vdd^2).
  double write_turn_energy_j() const;
  double latency_s() const;  // one precharge, Horowitz from a step
  double leakage_w() const;
  Footprint footprint(double width_m) const;

 private:
  Technology t_;
  long columns_;
  double load_f_, load_ohm_;
  double pre_p_m_ = 0, eq_p_m_ = 0;
  Footprint pre_f_, eq_f_;
};

class SramWriteDriver {
 public:
  SramWriteDriver(const Technology& t, long columns);
  // One write of every column (SRAMWriteDriver.cpp CalculatePower: the bit lines, precharged, cost
  // nothing; writing a 0 switches the first inverter's output and the second's input:
  // min(cells written = columns, columns x activityColWrite = 1) x (C_inv,out + C_inv,in) x vdd^2).
  double write_energy_j() const;
  double leakage_w() const;
  Footprint footprint(double width_m) const;

 private:
  Technology t_;
  long columns_;
  double n_m_ = 0, p_m_ = 0;
  Footprint inv_f_;
  GateCaps inv_caps_;
};

}  // namespace hwaware::circuits
