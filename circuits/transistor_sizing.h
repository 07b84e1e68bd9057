#pragma once
// Transistor widths as DNN+NeuroSim V1.3 sizes its cells: minimum inverters (2F NMOS, a PMOS
// pn_size_ratio times wider), widened to fill the standard-cell height at no extra area
// (formula.cpp EnlargeSize), and the width that gives a transistor a target on resistance (how
// SubArray.cpp, SwitchMatrix.cpp and Mux.cpp size access transistors and pass gates).
//
// Preconditions (core::panic): widths finite and >= 0 with one positive; multiples, heights and
// target resistances > 0.

#include "circuits/technology.h"

namespace hwaware::circuits {

// NeuroSim V1.3 constant.h: a pass gate or access transistor is sized so that its on resistance
// is this fraction of the load it drives (IR_DROP_TOLERANCE) ...
inline constexpr double kIrDropTolerance = 0.25;
// ... and it works in the linear region, where its resistance is this fraction of the saturation
// on resistance (LINEAR_REGION_RATIO).
inline constexpr double kLinearRegionRatio = 0.20;

struct MosWidths {
  double nmos_m = 0, pmos_m = 0;
};

// The standard-cell height, kMaxTransistorHeight x F.
double standard_cell_height_m(const Technology& t);

// `multiple` x (kMinNmosSize F NMOS, pn_size_ratio x kMinNmosSize F PMOS).
MosWidths min_inverter_widths(const Technology& t, double multiple = 1);

// NeuroSim formula.cpp EnlargeSize: a gate whose transistors both fit unfolded in a cell of
// `height_m` gets them widened to the largest unfolded widths at the same P/N share (the cell's
// area does not grow); a gate of one type widens its one transistor the same way. Wider gates are
// returned unchanged.
MosWidths enlarge_to_cell(const Technology& t, MosWidths w, double height_m);

// The width of a transistor whose linear-region on resistance is `target_ohm`: NeuroSim's
// R_on(F) x F x kLinearRegionRatio / target (SubArray.cpp for the 1T1R access transistor,
// SwitchMatrix.cpp and Mux.cpp for each transistor of a pass gate, with target = 2 x the gate's).
double width_for_resistance_m(const Technology& t, double target_ohm, bool pmos = false);

}  // namespace hwaware::circuits
