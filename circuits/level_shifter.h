#pragma once
// The level shifters a resistive array needs to write above 1.5 V (DNN+NeuroSim V1.3
// LevelShifter.cpp): one per line, a low-voltage input stage, a latch and a high-voltage pull-up.
// In a parallel read they only take area (NeuroSim counts neither their read energy nor their
// leakage in SubArray.cpp).

#include "circuits/calibration.h"
#include "circuits/gates.h"
#include "circuits/technology.h"

namespace hwaware::circuits {

// Area of `lines` level shifters; validated (calibrated) layouts use NeuroSim's doubled widths,
// 2.5x cell height, IO-transistor stretch and the wiring factor alpha.
double level_shifters_area_m2(const Technology& t, long lines, const Calibration& c);

}  // namespace hwaware::circuits
