#pragma once
// The decoder that selects a subarray's column turn, as DNN+NeuroSim V1.3 RowDecoder.cpp builds it
// in mux mode (SubArray.cpp's muxDecoder: REGULAR_ROW, MUX = true, not parallel; after CACTI, 2-bit
// predecoding): address inverters, NAND2 predecoders, one NOR per output and a NAND + 2-inverter
// enable stage that drives the multiplexers' pass gates. The regular decoder of the buffers:
// address_decoder.h.
//
// Preconditions (core::panic): address bits >= 1.

#include "circuits/gates.h"
#include "circuits/technology.h"

namespace hwaware::circuits {

class MuxDecoder {
 public:
  // Decodes `address_bits` address bits into 2^address_bits enables.
  MuxDecoder(const Technology& t, int address_bits);

  // One decode, before NeuroSim's control-circuit switching activity (epsilon, applied by the
  // caller as NeuroSim does): every address bit rises, one NAND2 of each 4, one NOR and one enable
  // stage switch (NeuroSim's rough case).
  double decode_energy_j() const;
  // Delay of one decode driving the NMOS pass-gate gates `nmos_load_f` and the PMOS ones
  // `pmos_load_f` from an input of slope `ramp_in`.
  double latency_s(double ramp_in, double nmos_load_f, double pmos_load_f) const;
  double leakage_w() const;
  // One column of gates, no height imposed (NeuroSim CalculateArea(NULL, NULL)): as high as its
  // NORs (or NANDs) stacked, as wide as one gate of each stage and the wires between them.
  Footprint footprint() const;

 private:
  Technology t_;
  int bits_;
  int num_nand_ = 0, num_nor_ = 0, num_wires_ = 0, nor_inputs_ = 1;
  double inv_n_ = 0, inv_p_ = 0, nand_n_ = 0, nand_p_ = 0, nor_n_ = 0, nor_p_ = 0, drv_n_ = 0, drv_p_ = 0;
  Footprint inv_f_, nand_f_, nor_f_;
  GateCaps inv_c_, nand_c_, nor_c_, drv_c_;
};

}  // namespace hwaware::circuits
