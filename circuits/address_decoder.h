#pragma once
// The line decoder of NeuroSim's register-file and SRAM buffers (neurosim/DNN_NeuroSim_V1.3,
// RowDecoder.cpp in REGULAR_ROW mode, no MUX, not parallel): address inverters, 2-bit predecoding
// NAND2s, one NOR of ceil(bits / 2) inputs per line and two inverters driving each line. The
// subarray's own decoders are the subarray model's.
//
// Preconditions (core::panic): address bits >= 0 (0: a single line, only the drivers switch);
// height >= one gate's.

#include "circuits/cell_sizing.h"
#include "circuits/technology.h"

namespace hwaware::circuits {

class AddressDecoder {
 public:
  AddressDecoder(const Technology& t, int address_bits);

  int address_bits() const { return bits_; }
  int lines() const { return nors_; }  // 2^bits lines when bits > 2, else none (NeuroSim)
  // Dynamic energy of one decode (NeuroSim: all address bits rising, one predecoder NAND per group
  // of four and one NOR switching). NeuroSim scales its reads by epsilon and not its writes.
  double decode_energy_j(double activity = 1) const;
  double leakage_w() const;
  // Area of the decoder laid out in columns of `height_m` beside the lines it drives.
  double area_in_height_m2(double height_m) const;

 private:
  const Technology t_;
  int bits_, nands_, nors_;
  Widths inv_, nand_, nor_, driver_;
  double cap_inv_in_f_ = 0, cap_nand_in_f_ = 0, cap_nand_out_f_ = 0, cap_nor_in_f_ = 0, cap_nor_out_f_ = 0;
  double cap_driver_in_f_ = 0, cap_driver_out_f_ = 0;
};

}  // namespace hwaware::circuits
