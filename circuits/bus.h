#pragma once
// The buses of a PE (neurosim/DNN_NeuroSim_V1.3, Bus.cpp): input bits to the subarrays along a row
// of them (horizontal) and partial sums from them down a column (vertical), repeated at the least
// delay (no tolerance; repeated_wire.h). The wire spans the units but one: (cols - 1) unit widths
// across, (rows - 1) unit heights down. NeuroSim draws it over the subarrays (no area) and, in a
// synchronous design, counts no latency for it.
//
// Preconditions (core::panic): rows, cols >= 1; unit sizes > 0.

#include "circuits/repeated_wire.h"
#include "circuits/technology.h"

namespace hwaware::circuits {

enum class BusDirection { horizontal, vertical };

class Bus {
 public:
  Bus(const Technology& t, BusDirection direction, int rows, int cols, double unit_height_m, double unit_width_m);

  double wire_length_m() const { return length_m_; }
  const RepeaterDesign& repeaters() const { return repeaters_; }
  double energy_per_bit_j() const;  // one bit along the whole wire
  double latency_s() const;         // one transfer along the whole wire (asynchronous designs)
  double leakage_w() const;         // NeuroSim: the wire's repeaters x (rows + cols)

 private:
  const Technology t_;
  int rows_, cols_;
  double length_m_;
  RepeaterDesign repeaters_;
};

}  // namespace hwaware::circuits
