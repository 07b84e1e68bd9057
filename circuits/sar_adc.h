#pragma once
// DNN+NeuroSim V1.3's successive-approximation ADC (SarADC.cpp): one conversion takes bits + 1
// cycles of 1 ns; its power is NeuroSim's fit per node and roadmap,
//   power(G) = (a x bits + c) + k x R^(-e / ln 10),   R = (1 / G) x 0.5 V / read voltage,
// the second term the column current the cells draw while they are converted; a column with no
// row on costs a fixed 1 uW. Area per ADC: 269 + 109 (bits - 1) minimum NMOS and 209 + 73
// (bits - 1) minimum PMOS cells.
//
// Preconditions (core::panic): bits in [1, 16]; adcs >= 1; read voltage > 0; conductances >= 0;
// the node one of technology_nodes().

#include "circuits/gates.h"
#include "circuits/technology.h"

namespace hwaware::circuits {

class SarAdc {
 public:
  SarAdc(const Technology& t, int bits, long adcs, double read_voltage_v);

  double sensing_power_w(double column_conductance_s) const;
  double converter_power_w() const;                               // a x bits + c
  double conversion_latency_s() const;                            // (bits + 1) x 1 ns
  double conversion_energy_j(double column_conductance_s) const;  // power x latency
  double column_current_energy_j(double column_conductance_s) const;
  double leakage_w() const { return 0; }  // NeuroSim counts none
  double area_m2() const;                 // all the ADCs
  Footprint footprint(double width_m) const { return {area_m2() / width_m, width_m}; }

 private:
  Technology t_;
  int bits_;
  long adcs_;
  double read_voltage_v_;
  double a_w_ = 0, c_w_ = 0, k_ = 0, e_ = 0;
};

}  // namespace hwaware::circuits
