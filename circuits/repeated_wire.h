#pragma once
// A wire broken by equally spaced inverter repeaters, as NeuroSim sizes them for its buses and
// H-trees (neurosim/DNN_NeuroSim_V1.3, Bus.cpp and HTree.cpp Initialize): the repeater size and
// spacing of least delay (Bakoglu's optimum for the node's minimum inverter and wire), then, when a
// delay tolerance is given, repeaters shrunk step by step (and spacing cut by 10 % a step) until the
// delay per metre exceeds (1 + tolerance) x the least: energy traded for delay. Wire capacitance per
// metre is the technology's; switching activity 0.25 per bit.
//
// Preconditions (core::panic): tolerance >= 0; wire resistance per metre > 0.

#include "circuits/cell_sizing.h"
#include "circuits/technology.h"

namespace hwaware::circuits {

// How a design relaxes towards its delay tolerance: the H-tree halves the repeater (integer size),
// the bus takes one minimum inverter off it.
enum class RepeaterRelaxation { halve, decrement };

struct RepeaterDesign {
  int size = 1;          // x minimum inverter
  double spacing_m = 0;  // between repeaters (NeuroSim's minDist)
  Widths inverter;       // the repeater's widths
  double cap_in_f = 0, cap_out_f = 0;
  double resistance_ohm = 0;         // pull-down plus pull-up on resistance
  double height_m = 0, width_m = 0;  // the repeater's footprint
};

RepeaterDesign design_repeaters(const Technology& t, double delay_tolerance, RepeaterRelaxation relaxation);

// Delay per metre of a repeated wire of resistance `wire_ohm_per_m` (NeuroSim's unitLatencyRep:
// 0.7 (R_rep (C_in + C_out + c d) + r c d^2 / 2 + r d C_in) / d).
double repeated_delay_s_per_m(const Technology& t, const RepeaterDesign& d, double wire_ohm_per_m);
// Dynamic energy per bit per metre: (C_in + C_out + c d) vdd^2 / d x 0.25 (NeuroSim's
// unitLengthEnergyRep; 0.25 is its switching activity of a bus bit).
double repeated_energy_j_per_bit_m(const Technology& t, const RepeaterDesign& d);
// Leakage per metre of one repeated wire: one repeater's leakage x vdd / d.
double repeated_leakage_w_per_m(const Technology& t, const RepeaterDesign& d);

}  // namespace hwaware::circuits
