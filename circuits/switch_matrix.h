#pragma once
// The switch matrices that drive a subarray's rows and columns in a parallel read, as DNN+NeuroSim
// V1.3 builds them: one pass-gate group and one scan flip-flop per line; the flip-flops shift the
// input bits in, the pass gates put the read (and access) voltage on the selected lines.
// - RowSwitchMatrix1T1R (NewSwitchMatrix.cpp): the rows of a 1T1R array; per row, one pass gate
//   puts the access voltage on the transistor gates (word line), two put the read voltage on the
//   row's bit line.
// - SwitchMatrix (SwitchMatrix.cpp): one pass gate pair per line, sized for a given resistance;
//   on rows (SRAM and cross-point word lines) it drives the selected rows during reads, on columns
//   (the 1T1R source lines) it only acts in writes: no read energy.
//
// Preconditions (core::panic): lines >= 1; the block extent fits at least one cell; resistances > 0.

#include "circuits/flip_flop_bank.h"
#include "circuits/gates.h"
#include "circuits/technology.h"

namespace hwaware::circuits {

class RowSwitchMatrix1T1R {
 public:
  // `rows` rows beside an array `array_height_m` high.
  RowSwitchMatrix1T1R(const Technology& t, long rows, double array_height_m, double access_voltage_v, double read_voltage_v);

  // One selected row for one column turn (NeuroSim NewSwitchMatrix.cpp, CalculatePower): 2 drains
  // to the access voltage, 5 drains to the read voltage, 3 pass gates opened (gates to vdd).
  double row_drive_energy_j() const;
  // The scan flip-flops of all rows for one column turn (every flip-flop passes its bit; NeuroSim
  // calls it without the DFF switching activity).
  double scan_energy_j() const;
  // One drive of a row of capacitance `load_f` and wire resistance `load_ohm` (Elmore through the
  // pass gate: 5 drains + the load; Horowitz from a step).
  double latency_s(double load_f, double load_ohm, double* ramp_out = nullptr) const;
  double leakage_w() const;  // the flip-flops (NeuroSim: the pass gates leak nothing)
  Footprint footprint() const { return footprint_; }

 private:
  Technology t_;
  long rows_;
  double access_voltage_v_, read_voltage_v_;
  FlipFlopBank flip_flops_;
  double r_tg_ohm_ = 0, gate_n_f_ = 0, gate_p_f_ = 0, drain_f_ = 0;
  Footprint footprint_;
};

enum class SwitchSide { rows, columns };

class SwitchMatrix {
 public:
  // `lines` rows beside an array `array_extent_m` high (SwitchSide::rows) or columns below an
  // array that wide (columns); pass gates sized for kIrDropTolerance x `pass_resistance_ohm`.
  SwitchMatrix(const Technology& t, SwitchSide side, long lines, double array_extent_m, double pass_resistance_ohm, double read_voltage_v);

  // One selected row for one column turn, rows side only (SwitchMatrix.cpp, neuro mode): 3
  // drains to the read voltage, one pass gate opened. Columns side: 0.
  double row_drive_energy_j() const;
  // The scan flip-flops of all lines for one turn (rows side; the columns side is not clocked in a
  // read: NeuroSim calls it with 0 reads).
  double scan_energy_j() const;
  // One drive of a line of capacitance `load_f`, wire resistance `load_ohm` (3 drains + the load,
  // through the target pass-gate resistance), from an input of slope `ramp_in`.
  double latency_s(double ramp_in, double load_f, double load_ohm, double* ramp_out = nullptr) const;
  double leakage_w() const;
  Footprint footprint() const { return footprint_; }

 private:
  Technology t_;
  SwitchSide side_;
  long lines_;
  double read_voltage_v_;
  FlipFlopBank flip_flops_;
  double r_target_ohm_ = 0, gate_n_f_ = 0, gate_p_f_ = 0, drain_f_ = 0;
  Footprint footprint_;
};

}  // namespace hwaware::circuits
