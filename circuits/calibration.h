#pragma once
// DNN+NeuroSim V1.3's calibration of its circuit models to silicon (Param.cpp, `validated = true`):
// wiring area, a latency margin on the sensing cycle and the switching activities of digital
// blocks (cell_sizing.h Activity). Each circuit applies a factor where NeuroSim applies it;
// `validated = false` turns all off. (NeuroSim's zeta, a post-layout energy increase, is not
// applied at the subarray level.)

#include "circuits/cell_sizing.h"

namespace hwaware::circuits {

struct Calibration {
  bool validated = true;
  double alpha = 1.44;                         // wiring area of the level shifters
  double beta = 1.4;                           // latency factor of the sensing cycle
  Activity switching = Activity::validated();  // gamma, delta, epsilon

  double wiring_area() const { return validated ? alpha : 1; }
  double sensing_margin() const { return validated ? beta : 1; }
  Activity activity() const { return validated ? switching : Activity::none(); }
};

}  // namespace hwaware::circuits
