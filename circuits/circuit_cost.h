#pragma once
// What one instance of a circuit costs, in SI units: the energy of one action (what the action
// is, a read, a conversion, an add, a bit moved one hop, is documented by the function returning
// it), its latency, the instance's layout area and its leakage power while powered.

namespace hwaware::circuits {

struct CircuitCost {
  double energy_j = 0;   // per action
  double latency_s = 0;  // per action
  double area_m2 = 0;    // per instance
  double leakage_w = 0;  // per instance
};

}  // namespace hwaware::circuits
