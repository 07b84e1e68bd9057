#pragma once
// DNN+NeuroSim V1.3's multilevel sense amplifier (MultilevelSenseAmp.cpp, with CurrentSenseAmp.cpp
// for its area): an ADC of 2^bits levels made of levels - 1 sense amplifiers that compare a
// column's read current with references in parallel (a flash converter). Its energy and time are
// NeuroSim's fits to Cadence simulations at a 0.5 V read voltage, per node and roadmap:
//   power(G) = a x (levels - 1) + k x R^(-e / ln 10),   R = (1 / G) x 0.5 V / read voltage,
// the second term the column current the cells draw while they are sensed; a column with no row
// on (G = 0) costs a fixed 1 uW. Time: 1 ns at 22 nm and for HP devices; for LSTP nodes above
// 22 nm NeuroSim's fits over the ratios of the references to the column resistance.
//
// Preconditions (core::panic): bits in [1, 10]; adcs, rows >= 1; resistances and read voltage > 0;
// conductances >= 0; the node one of technology_nodes().

#include "circuits/gates.h"
#include "circuits/technology.h"

namespace hwaware::circuits {

enum class MlsaSensing { current, voltage };  // NeuroSim's currentMode true / false

struct MlsaSpec {
  int bits = 5;    // log2(levelOutput)
  long adcs = 16;  // one per multiplexed column group
  MlsaSensing sensing = MlsaSensing::current;
  long rows = 128;                           // rows a column sums (sets the references)
  double r_on_ohm = 6e3, r_off_ohm = 900e3;  // cell on/off resistance (the references)
  double read_voltage_v = 0.5;
};

class MlsaAdc {
 public:
  MlsaAdc(const Technology& t, const MlsaSpec& s);

  int levels() const { return 1 << spec_.bits; }
  // Power of one MLSA sensing a column of summed conductance `column_conductance_s`.
  double sensing_power_w(double column_conductance_s) const;
  // The converter's own part of it: a x (levels - 1), the power at a vanishing column current.
  double converter_power_w() const;
  // Time one MLSA takes for such a column, clamped to [1, 10] ns as NeuroSim does.
  double sensing_time_s(double column_conductance_s) const;
  // One conversion: power x time (voltage mode: x 1 ns, NeuroSim's fixed sensing time).
  double conversion_energy_j(double column_conductance_s) const;
  // The column-current part of one conversion (0 when no row is on).
  double column_current_energy_j(double column_conductance_s) const;
  double leakage_w() const { return 0; }  // NeuroSim counts none
  // All the MLSAs: per ADC, levels - 1 sense amplifiers (current mode: a current sense amplifier
  // of 48 NMOS + 40 PMOS minimum cells and 9 + 9 more; voltage mode: 52 + 60).
  double area_m2() const;
  // Laid out below an array `width_m` wide: that wide, as high as the area needs.
  Footprint footprint(double width_m) const { return {area_m2() / width_m, width_m}; }

 private:
  double sensing_resistance_ohm(double column_conductance_s) const;  // R above; inf when G = 0
  Technology t_;
  MlsaSpec spec_;
  double a_w_ = 0, k_ = 0, e_ = 0;  // the power fit
};

}  // namespace hwaware::circuits
