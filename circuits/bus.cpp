// NeuroSim V1.3 Bus.cpp, rewritten.

#include "circuits/bus.h"

#include "core/diagnostics.h"

namespace hwaware::circuits {

Bus::Bus(const Technology& t, BusDirection direction, int rows, int cols, double unit_height_m, double unit_width_m)
    : t_(t), rows_(rows), cols_(cols), repeaters_(design_repeaters(t, 0, RepeaterRelaxation::decrement)) {
  if (rows < 1 || cols < 1) core::panic("Bus: rows and cols must be >= 1");
  if (!(unit_height_m > 0) || !(unit_width_m > 0)) core::panic("Bus: unit sizes must be > 0");
  length_m_ = direction == BusDirection::horizontal ? unit_width_m * (cols - 1) : unit_height_m * (rows - 1);
}

// Bus.cpp CalculatePower: wireLength x unitLengthEnergyRep per bit.
double Bus::energy_per_bit_j() const { return length_m_ * repeated_energy_j_per_bit_m(t_, repeaters_); }

// Bus.cpp CalculateLatency: wireLength x unitLatencyRep, on the node's wire.
double Bus::latency_s() const { return length_m_ * repeated_delay_s_per_m(t_, repeaters_, t_.wire_resistance_ohm_per_m); }

double Bus::leakage_w() const { return repeated_leakage_w_per_m(t_, repeaters_) * length_m_ * (rows_ + cols_); }

}  // namespace hwaware::circuits
