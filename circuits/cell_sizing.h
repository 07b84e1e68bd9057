#pragma once
// Standard-cell sizing and switching activities shared by the logic models of this library, in
// DNN+NeuroSim V1.3's method.

#include "circuits/technology.h"

namespace hwaware::circuits {

struct Widths {
  double nmos_m = 0, pmos_m = 0;
};

// A gate's NMOS and PMOS widths grown, in their ratio, to fill the diffusion height of a cell of
// `height_m` when both fit in it (NeuroSim formula.cpp EnlargeSize, bulk: a minimum-size cell is
// drawn at full height at no extra area). A transistor too wide to fit keeps its width (it folds).
Widths fill_cell_height(const Technology& t, Widths w, double height_m);

// Minimum-size gate widths (NeuroSim: NMOS `nmos_multiple` x MIN_NMOS_SIZE x F, PMOS
// `pmos_multiple` x pnSizeRatio x MIN_NMOS_SIZE x F).
Widths min_widths(const Technology& t, double nmos_multiple = 1, double pmos_multiple = 1);

// NeuroSim's calibration of switching activity (Param.cpp, `validated = true`, from silicon data):
// a factor on the dynamic energy of flip-flops in shift-adders and accumulators (gamma), of adders
// (delta) and of control circuits such as decoders and comparators (epsilon). `none()` is 1 for
// all (NeuroSim's `validated = false`).
struct Activity {
  double flip_flop = 0.5;  // gamma
  double adder = 0.15;     // delta
  double control = 0.05;   // epsilon
  static Activity validated() { return {}; }
  static Activity none() { return {1, 1, 1}; }
};

// Cycles of a latency in a synchronous design: NeuroSim rounds each stage's delay up to whole
// cycles of the clock it was initialized with (ceil(latency x clock)).
double cycles(double latency_s, double clock_hz);

}  // namespace hwaware::circuits
