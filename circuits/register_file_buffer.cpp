// NeuroSim V1.3 Buffer.cpp (DFF-based branch), rewritten.

#include "circuits/register_file_buffer.h"

namespace hwaware::circuits {

RegisterFileBuffer::RegisterFileBuffer(const Technology& t, int capacity_bits, int interface_bits)
    : Buffer(capacity_bits, interface_bits), t_(t), flip_flops_(t, capacity_bits), decoder_(t, address_bits()) {}

// Buffer.cpp CalculatePower: wlDecoder.CalculatePower(lines, lines) and dff.CalculatePower(1,
// numBit, false).
double RegisterFileBuffer::whole_read_energy_j(double control_activity) const {
  return decoder_.decode_energy_j(control_activity) * lines() + flip_flops_.cycle_energy_j(capacity_bits());
}

double RegisterFileBuffer::whole_write_energy_j() const { return decoder_.decode_energy_j() * lines(); }

double RegisterFileBuffer::leakage_w() const { return flip_flops_.leakage_w() + decoder_.leakage_w(); }

double RegisterFileBuffer::area_m2() const {
  const double height_m = flip_flops_.flip_flop_height_m() * layout_lines();
  return flip_flops_.area_m2() + decoder_.area_in_height_m2(height_m);
}

}  // namespace hwaware::circuits
