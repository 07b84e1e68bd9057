#pragma once
// DNN+NeuroSim V1.3's calibration of its circuit models to silicon (Param.cpp, `validated = true`):
// wiring area, a latency margin on the sensing cycle and switching activities of digital blocks.
// Each circuit applies the factor where NeuroSim applies it; `validated = false` turns all off.
// (NeuroSim's zeta, a post-layout energy increase, is not applied at the subarray level.)

namespace hwaware::circuits {

struct Calibration {
  bool validated = true;
  double alpha = 1.44;    // wiring area of the level shifters
  double beta = 1.4;      // latency factor of the sensing cycle
  double gamma = 0.5;     // switching activity of the flip-flops of shift-adders and accumulators
  double delta = 0.15;    // switching activity of adders
  double epsilon = 0.05;  // switching activity of control circuits (decoders, encoders)

  double wiring_area() const { return validated ? alpha : 1; }
  double sensing_margin() const { return validated ? beta : 1; }
  double flip_flop_activity() const { return validated ? gamma : 1; }
  double adder_activity() const { return validated ? delta : 1; }
  double control_activity() const { return validated ? epsilon : 1; }
};

}  // namespace hwaware::circuits
