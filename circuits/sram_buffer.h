#pragma once
// An SRAM buffer: NeuroSim's Buffer with SRAM = true (neurosim/DNN_NeuroSim_V1.3, Buffer.cpp), what
// globalBufferType = true makes of the global buffer and peBufferType = true of the tile buffers
// (Tile.cpp initializes them with peBufferType; tileBufferType is read nowhere). `capacity_bits`
// 6T cells (Param.cpp: 10 F high, 28 F wide) in layout_lines() rows of interface_bits() columns,
// one row a line: the line decoder drives the word lines (address_decoder.h, as in the register
// file), each column has a precharger and a write driver (sram_column.h).
//
// Its costs per bit, as NeuroSim averages them over a whole-buffer pass (buffer.h), with C_bl the
// bit line's wire, layout_lines() x 10 F x 0.2 fF/um:
// - read: (every line decoded once x epsilon + every line's precharge of each column's BL and
//   BL_bar, 2 x interface x C_bl x vdd^2) / capacity;
// - write: (every line decoded once (no epsilon) + every line's precharge of one bit line per column,
//   interface x C_bl x vdd^2, + every line's write drivers) / capacity;
// - latency: one line per clock cycle in a synchronous design (buffer.h); NeuroSim's asynchronous
//   SRAM latency (decoder, precharge, the bit line discharged through the cell) is not modelled.
//
// NeuroSim rules kept: the cells themselves neither leak nor switch (Buffer.cpp charges the array's
// read to the precharger and sums the periphery's leakage only: decoder, prechargers, write
// drivers); the sense amplifiers cost nothing (Buffer.cpp declares them, never initializes them,
// adds their leakage of 0 and neither their area nor their energy); the word lines' load is not
// charged (RowDecoder.cpp prices the decoder's own gates).
// Departure: in synchronous mode NeuroSim never sets the precharger's load (Precharger::capLoad is
// set only by its CalculateLatency, which Buffer.cpp calls only when asynchronous; the member is
// uninitialized). This model takes the load that call gives, the bit line's wire, C_bl above.
//
// Preconditions (core::panic): 1 <= interface_bits <= capacity_bits.

#include "circuits/address_decoder.h"
#include "circuits/buffer.h"
#include "circuits/cell_array.h"
#include "circuits/sram_column.h"
#include "circuits/technology.h"

namespace hwaware::circuits {

class SramBuffer : public Buffer {
 public:
  SramBuffer(const Technology& t, int capacity_bits, int interface_bits);

  double bit_line_cap_f() const { return cells_.bit_line_wire_cap_f(); }
  double leakage_w() const override;  // decoder, prechargers, write drivers
  // Buffer.cpp CalculateArea: the cells (interface x 28 F wide, layout_lines() x 10 F high), the
  // decoder beside them in their height, the prechargers and write drivers below them in their width.
  double area_m2() const override;

 protected:
  double whole_read_energy_j(double control_activity) const override;
  double whole_write_energy_j() const override;

 private:
  CellArray cells_;
  AddressDecoder decoder_;
  Precharger precharger_;
  SramWriteDriver write_driver_;
};

}  // namespace hwaware::circuits
