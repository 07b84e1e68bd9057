// The line arithmetic NeuroSim V1.3's Buffer.cpp shares between its register-file and SRAM buffers.

#include "circuits/buffer.h"

#include <cmath>

#include "core/diagnostics.h"

namespace hwaware::circuits {
namespace {
int checked_capacity(int capacity_bits, int interface_bits) {
  if (interface_bits < 1 || capacity_bits < interface_bits) core::panic("Buffer: need 1 <= interface bits <= capacity");
  return capacity_bits;
}
}  // namespace

Buffer::Buffer(int capacity_bits, int interface_bits)
    : capacity_(checked_capacity(capacity_bits, interface_bits)), interface_(interface_bits) {}

int Buffer::layout_lines() const { return (capacity_ + interface_ - 1) / interface_; }

int Buffer::address_bits() const { return static_cast<int>(std::ceil(std::log2(static_cast<double>(layout_lines())))); }

}  // namespace hwaware::circuits
