#pragma once
// Transistors DNN+NeuroSim V1.3 sizes for a resistance (SubArray.cpp for the 1T1R access
// transistor, SwitchMatrix.cpp and Mux.cpp for pass gates), and the standard-cell height.
// Minimum widths and widening to the cell height: cell_sizing.h.
//
// Preconditions (core::panic): target resistances finite and > 0.

#include "circuits/technology.h"

namespace hwaware::circuits {

// NeuroSim V1.3 constant.h: a pass gate or access transistor is sized so that its on resistance
// is this fraction of the load it drives (IR_DROP_TOLERANCE) ...
inline constexpr double kIrDropTolerance = 0.25;
// ... and it works in the linear region, where its resistance is this fraction of the saturation
// on resistance (LINEAR_REGION_RATIO).
inline constexpr double kLinearRegionRatio = 0.20;

// The standard-cell height, kMaxTransistorHeight x F.
double standard_cell_height_m(const Technology& t);

// The width of a transistor whose linear-region on resistance is `target_ohm`: NeuroSim's
// R_on(F) x F x kLinearRegionRatio / target (for each transistor of a pass gate NeuroSim takes
// target = 2 x the gate's).
double width_for_resistance_m(const Technology& t, double target_ohm, bool pmos = false);

}  // namespace hwaware::circuits
