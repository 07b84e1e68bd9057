#pragma once
// The analog column multiplexers of a subarray as DNN+NeuroSim V1.3 Mux.cpp builds them: one
// pass gate per column, `columns_per_adc` of them per ADC; the ADC's columns are read one turn
// after the other. Pass gates are sized so that their resistance is kIrDropTolerance of the
// resistance they pass (SubArray.cpp: the column's average cell resistance / rows for RRAM; the
// SRAM access transistor's resistance / rows / 2 for SRAM).
//
// Preconditions (core::panic): adcs, columns_per_adc >= 1; pass resistance > 0; widths > 0.

#include "circuits/gates.h"
#include "circuits/technology.h"

namespace hwaware::circuits {

class ColumnMux {
 public:
  ColumnMux(const Technology& t, long adcs, long columns_per_adc, double pass_resistance_ohm, double read_voltage_v);

  // One column turn of all the multiplexers (NeuroSim Mux.cpp, CalculatePower(1)): each ADC's
  // selected pass gate opens (its NMOS gate to vdd) and passes the read voltage (2 drains).
  double turn_energy_j() const;
  // One turn's delay: 2.3 x 2 R_tg x (drain + half the gates + load), 0 to 90% (Mux.cpp).
  double turn_latency_s(double load_f = 0) const;
  double leakage_w() const { return 0; }  // NeuroSim counts none
  // NMOS and PMOS gate capacitance of one pass gate: the decoder's loads per selected gate.
  double nmos_gate_f() const { return gate_n_f_; }
  double pmos_gate_f() const { return gate_p_f_; }
  // The multiplexers below an array `width_m` wide, stretched to `min_height_m` (NeuroSim's
  // OVERRIDE layout: SubArray.cpp gives them the mux decoder's height when that is taller).
  Footprint footprint(double width_m, double min_height_m) const;

 private:
  Technology t_;
  long adcs_, columns_per_adc_;
  double read_voltage_v_;
  double n_m_ = 0, p_m_ = 0, r_tg_ohm_ = 0;
  double gate_n_f_ = 0, gate_p_f_ = 0, drain_f_ = 0;
};

}  // namespace hwaware::circuits
