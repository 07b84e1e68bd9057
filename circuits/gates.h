#pragma once
// Static CMOS gates as NeuroSim sizes and prices them (neurosim/DNN_NeuroSim_V1.3 formula.cpp,
// after CACTI): gate, drain and junction capacitances from transistor widths; layout footprint
// of a gate of fixed height; leakage; on resistance; Horowitz's delay of a stage. Bulk devices
// only (the nodes of technology.h). Widths and heights in metres; capacitances in farads.
//
// Preconditions (a violation is a bug: core::panic): widths finite and >= 0, at least one
// positive for a gate; inputs >= 1; height > 0 and tall enough to hold the diffusions; folds >= 1.

#include "circuits/technology.h"

namespace hwaware::circuits {

enum class Gate { inv, nand, nor };
enum class Mos { nmos, pmos };

// Layout rules in units of the feature size, as NeuroSim V1.3 constant.h sets them (after CACTI;
// NeuroSim's names in the comments).
inline constexpr double kMinNmosSize = 2;                   // MIN_NMOS_SIZE: minimum NMOS width
inline constexpr double kMaxNmosSize = 100;                 // MAX_NMOS_SIZE
inline constexpr double kMaxTransistorHeight = 28;          // MAX_TRANSISTOR_HEIGHT: standard-cell height
inline constexpr double kMinGapBetweenPAndN = 3.5;          // MIN_GAP_BET_P_AND_N_DIFFS
inline constexpr double kMinGapBetweenSameTypeDiffs = 1.6;  // MIN_GAP_BET_SAME_TYPE_DIFFS
inline constexpr double kMinGapBetweenGatePoly = 2.8;       // MIN_GAP_BET_GATE_POLY
inline constexpr double kMinGapBetweenContactPoly = 0.7;    // MIN_GAP_BET_CONTACT_POLY
inline constexpr double kContactSize = 1.3;                 // CONTACT_SIZE
inline constexpr double kMinWidthPowerRail = 3.4;           // MIN_WIDTH_POWER_RAIL
inline constexpr double kMinPolyExtDiff = 1.0;              // MIN_POLY_EXT_DIFF: poly beyond the diffusion
inline constexpr double kMinGapBetweenFieldPoly = 1.6;      // MIN_GAP_BET_FIELD_POLY: poly over field oxide
inline constexpr double kPolyWidth = 1.0;                   // POLY_WIDTH
inline constexpr double kM2Pitch = 3.2;                     // M2_PITCH
inline constexpr double kM3Pitch = 2.8;                     // M3_PITCH

// Average leakage of a stacked gate over its input states, as a fraction of its transistors'
// off current (NeuroSim V1.3 constant.h, after CACTI).
inline constexpr double kAvgRatioLeak2InputNand = 0.48;  // AVG_RATIO_LEAK_2INPUT_NAND
inline constexpr double kAvgRatioLeak3InputNand = 0.31;  // AVG_RATIO_LEAK_3INPUT_NAND
inline constexpr double kAvgRatioLeak2InputNor = 0.95;   // AVG_RATIO_LEAK_2INPUT_NOR
inline constexpr double kAvgRatioLeak3InputNor = 0.62;   // AVG_RATIO_LEAK_3INPUT_NOR

// Sense amplifier transistor widths, x F (NeuroSim V1.3 constant.h, after CACTI).
inline constexpr double kSenseAmpPmosWidth = 7.5;        // W_SENSE_P
inline constexpr double kSenseAmpNmosWidth = 3.75;       // W_SENSE_N
inline constexpr double kSenseAmpIsolationWidth = 12.5;  // W_SENSE_ISO
inline constexpr double kSenseAmpEnableWidth = 5.0;      // W_SENSE_EN
inline constexpr double kSenseAmpMuxWidth = 9.0;         // W_SENSE_MUX

// The input slope NeuroSim passes to horowitz() for a step (rampInput = 1e20, 1/s).
inline constexpr double kStepInputRamp = 1e20;

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

// Average subthreshold leakage current of a gate at 300 K (amperes; x vdd for watts). NAND and NOR
// use the 2-input ratio for 2 inputs and, as NeuroSim does, the 3-input ratio for any other count.
double gate_leakage_a(const Technology& t, Gate g, int inputs, double nmos_width_m, double pmos_width_m);

// Effective on resistance of a transistor (CACTI: multiplier x vdd / (Ion x width)).
double on_resistance_ohm(const Technology& t, double width_m, Mos type);

// Transconductance of a transistor in saturation (siemens).
double transconductance_s(const Technology& t, double width_m, Mos type);

// Horowitz's delay of a stage with RC time constant `tau_s` driven by an input ramp of slope
// `ramp_in` (1/s; kStepInputRamp for a step); returns the delay and sets `*ramp_out` (when given)
// to the output's slope. CACTI's form with switching voltage 0.5 and beta 0.5. tau_s > 0, ramp_in > 0.
double horowitz_s(double tau_s, double ramp_in, double* ramp_out = nullptr);

}  // namespace hwaware::circuits
