#pragma once
// A register-file buffer: NeuroSim's Buffer with SRAM = false (neurosim/DNN_NeuroSim_V1.3,
// Buffer.cpp), the global, tile and PE buffers of the reference configuration
// (globalBufferType = tileBufferType = peBufferType = false). `capacity_bits` flip-flops in lines
// of `interface_bits`, a line decoder choosing the line.
//
// Its costs per bit, as NeuroSim averages them over a whole-buffer pass:
// - read: (every line decoded once x epsilon + every flip-flop clocked once) / capacity;
// - write: every line decoded once / capacity (NeuroSim counts no flip-flop energy on a write
//   and no epsilon);
// - latency: one line per clock cycle in a synchronous design (half a cycle per line plus the
//   decoder otherwise, not modelled here).
//
// Preconditions (core::panic): 1 <= interface_bits <= capacity_bits.

#include "circuits/address_decoder.h"
#include "circuits/flip_flop_bank.h"
#include "circuits/technology.h"

namespace hwaware::circuits {

class RegisterFileBuffer {
 public:
  RegisterFileBuffer(const Technology& t, int capacity_bits, int interface_bits);

  int capacity_bits() const { return capacity_; }
  int interface_bits() const { return interface_; }
  int lines() const { return capacity_ / interface_; }              // NeuroSim's integer numBit / interface_width
  double read_energy_per_bit_j(double control_activity = 1) const;  // control_activity: epsilon
  double write_energy_per_bit_j() const;
  // Cycles to move `bits` through the interface: one line per cycle (bits / interface_bits,
  // unrounded, as NeuroSim).
  double transfer_cycles(double bits) const { return bits / interface_; }
  double leakage_w() const;
  // Flip-flops in one row plus the decoder beside them, `lines() x flip-flop height` tall.
  double area_m2() const;

 private:
  const Technology t_;
  int capacity_, interface_;
  FlipFlopBank flip_flops_;
  AddressDecoder decoder_;
};

}  // namespace hwaware::circuits
