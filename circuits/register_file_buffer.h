#pragma once
// A register-file buffer: NeuroSim's Buffer with SRAM = false (neurosim/DNN_NeuroSim_V1.3,
// Buffer.cpp), the global, tile and PE buffers of the reference configuration
// (globalBufferType = tileBufferType = peBufferType = false). `capacity_bits` flip-flops in lines
// of `interface_bits`, a line decoder choosing the line.
//
// Its costs per bit, as NeuroSim averages them over a whole-buffer pass (buffer.h):
// - read: (every line decoded once x epsilon + every flip-flop clocked once) / capacity;
// - write: every line decoded once / capacity (NeuroSim counts no flip-flop energy on a write
//   and no epsilon);
// - latency: one line per clock cycle in a synchronous design (half a cycle per line plus the
//   decoder otherwise, not modelled here).
//
// Preconditions (core::panic): 1 <= interface_bits <= capacity_bits.

#include "circuits/address_decoder.h"
#include "circuits/buffer.h"
#include "circuits/flip_flop_bank.h"
#include "circuits/technology.h"

namespace hwaware::circuits {

class RegisterFileBuffer : public Buffer {
 public:
  RegisterFileBuffer(const Technology& t, int capacity_bits, int interface_bits);

  double leakage_w() const override;
  // Flip-flops in one row plus the decoder beside them, `layout_lines() x flip-flop height` tall.
  double area_m2() const override;

 protected:
  double whole_read_energy_j(double control_activity) const override;
  double whole_write_energy_j() const override;

 private:
  const Technology t_;
  FlipFlopBank flip_flops_;
  AddressDecoder decoder_;
};

}  // namespace hwaware::circuits
