#pragma once
// Static CMOS gates as NeuroSim sizes and prices them (neurosim/DNN_NeuroSim_V1.3 formula.cpp,
// after CACTI): gate, drain and junction capacitances from transistor widths; layout footprint
// of a gate of fixed height; leakage; on resistance; Horowitz's delay of a stage. Bulk devices
// only (the nodes of technology.h). Widths and heights in metres; capacitances in farads.
//
// Preconditions (a violation is a bug: core::panic): widths >= 0, at least one positive;
// inputs >= 1; height > 0.

#include "circuits/technology.h"

namespace hwaware::circuits {

enum class Gate { inv, nand, nor };
enum class Mos { nmos, pmos };

// Layout rules in units of the feature size (CACTI / NeuroSim constant.h).
inline constexpr double kMinNmosSize = 2;             // minimum NMOS width, x F
inline constexpr double kMaxTransistorHeight = 28;    // standard-cell height, x F
inline constexpr double kMinGapBetweenPAndN = 3.5;    // MIN_GAP_BET_P_AND_N_DIFFS, x F
inline constexpr double kMinPolyExtDiff = 1.0;        // x F
inline constexpr double kMinGapBetweenFieldPoly = 1.6;  // x F
inline constexpr double kPolyWidth = 1.0;             // x F
inline constexpr double kMinGapBetweenGatePoly = 2.8;  // x F

// Gate capacitance of one transistor of width `width_m`.
double gate_cap_f(const Technology& t, double width_m);

struct GateCaps {
  double input_f = 0;   // one input: its NMOS and PMOS gates
  double output_f = 0;  // the output node's drain junction and sidewall capacitance
};
GateCaps gate_caps(const Technology& t, Gate g, int inputs, double nmos_width_m, double pmos_width_m, double height_m);

// Drain capacitance of a single transistor laid out in a cell of `height_m`.
double drain_cap_f(const Technology& t, double width_m, Mos type, double height_m);

struct Footprint {
  double height_m = 0, width_m = 0;
  double area_m2() const { return height_m * width_m; }
};
// A gate in a standard cell of fixed height (transistors folded when wider than the cell allows).
Footprint gate_footprint(const Technology& t, Gate g, int inputs, double nmos_width_m, double pmos_width_m, double height_m);
// A pass gate (transmission gate) whose height follows its widths, folded `folds` times.
Footprint pass_gate_footprint(const Technology& t, double nmos_width_m, double pmos_width_m, int folds);

// Average subthreshold leakage current of a gate at 300 K (amperes; x vdd for watts).
double gate_leakage_a(const Technology& t, Gate g, int inputs, double nmos_width_m, double pmos_width_m);

// Effective on resistance of a transistor (CACTI: multiplier x vdd / (Ion x width)).
double on_resistance_ohm(const Technology& t, double width_m, Mos type);

// Transconductance of a transistor in saturation (siemens).
double transconductance_s(const Technology& t, double width_m, Mos type);

// Horowitz's delay of a stage with RC time constant `tau_s` driven by an input ramp of slope
// `ramp_in` (1/s); returns the delay and sets `*ramp_out` (when given) to the output's slope.
double horowitz_s(double tau_s, double ramp_in, double* ramp_out = nullptr);

}  // namespace hwaware::circuits
