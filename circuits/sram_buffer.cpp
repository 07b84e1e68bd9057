// NeuroSim V1.3 Buffer.cpp (SRAM branch), rewritten on this library's cell array, decoder,
// precharger and write driver.

#include "circuits/sram_buffer.h"

namespace hwaware::circuits {
namespace {
CellSpec sram_cell() {
  CellSpec c;
  c.device = CellDevice::sram;
  c.bits = 1;
  return c;
}
}  // namespace

// Buffer.cpp Initialize: lengthRow = interface x 28 F, lengthCol = ceil(numBit / interface) x 10 F;
// the precharger's columns are the interface, its load resistance the bit line's wire.
SramBuffer::SramBuffer(const Technology& t, int capacity_bits, int interface_bits)
    : Buffer(capacity_bits, interface_bits),
      cells_(t, sram_cell(), layout_lines(), interface_bits),
      decoder_(t, address_bits()),
      precharger_(t, interface_bits, cells_.bit_line_wire_cap_f(), cells_.column_wire_ohm()),
      write_driver_(t, interface_bits) {}

// Buffer.cpp CalculatePower: wlDecoder.CalculatePower(lines, lines), precharger.CalculatePower(lines,
// lines); the write driver's read energy is 0.
double SramBuffer::whole_read_energy_j(double control_activity) const {
  return (decoder_.decode_energy_j(control_activity) + precharger_.turn_energy_j()) * lines();
}

// ... and sramWriteDriver.CalculatePower(lines).
double SramBuffer::whole_write_energy_j() const {
  return (decoder_.decode_energy_j() + precharger_.write_turn_energy_j() + write_driver_.write_energy_j()) * lines();
}

double SramBuffer::leakage_w() const { return decoder_.leakage_w() + precharger_.leakage_w() + write_driver_.leakage_w(); }

double SramBuffer::area_m2() const {
  const double width_m = cells_.width_m();
  return cells_.area_m2() + decoder_.area_in_height_m2(cells_.height_m()) + precharger_.footprint(width_m).area_m2() +
         write_driver_.footprint(width_m).area_m2();
}

}  // namespace hwaware::circuits
