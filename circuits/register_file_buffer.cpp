// NeuroSim V1.3 Buffer.cpp (DFF-based branch), rewritten.

#include "circuits/register_file_buffer.h"

#include <cmath>

#include "core/diagnostics.h"

namespace hwaware::circuits {
namespace {
int checked_capacity(int capacity_bits, int interface_bits) {
  if (interface_bits < 1 || capacity_bits < interface_bits) core::panic("RegisterFileBuffer: need 1 <= interface bits <= capacity");
  return capacity_bits;
}
// Buffer.cpp: ceil(log2(ceil(numBit / interface_width))) address bits.
int address_bits(int capacity_bits, int interface_bits) {
  double lines = std::ceil(static_cast<double>(capacity_bits) / interface_bits);
  return static_cast<int>(std::ceil(std::log2(lines)));
}
}  // namespace

RegisterFileBuffer::RegisterFileBuffer(const Technology& t, int capacity_bits, int interface_bits)
    : t_(t),
      capacity_(checked_capacity(capacity_bits, interface_bits)),
      interface_(interface_bits),
      flip_flops_(t, capacity_bits),
      decoder_(t, address_bits(capacity_bits, interface_bits)) {}

// Buffer.cpp CalculatePower: wlDecoder.CalculatePower(lines, lines) and dff.CalculatePower(1,
// numBit, false), averaged over numBit.
double RegisterFileBuffer::read_energy_per_bit_j(double control_activity) const {
  double whole = decoder_.decode_energy_j(control_activity) * lines() + flip_flops_.cycle_energy_j(capacity_);
  return whole / capacity_;
}

double RegisterFileBuffer::write_energy_per_bit_j() const { return decoder_.decode_energy_j() * lines() / capacity_; }

double RegisterFileBuffer::leakage_w() const { return flip_flops_.leakage_w() + decoder_.leakage_w(); }

double RegisterFileBuffer::area_m2() const {
  double height_m = flip_flops_.flip_flop_height_m() * std::ceil(static_cast<double>(capacity_) / interface_);
  return flip_flops_.area_m2() + decoder_.area_in_height_m2(height_m);
}

}  // namespace hwaware::circuits
