#pragma once
// A row decoder as DNN+NeuroSim V1.3 RowDecoder.cpp builds it (after CACTI, 2-bit predecoding):
// address inverters, NAND2 predecoders, one NOR per output, then either a 2-inverter output driver
// (regular) or a NAND + 2-inverter enable stage that drives a multiplexer's pass gates (mux mode,
// SubArray.cpp's muxDecoder). Energy of one decode (the address rising from all-0, NeuroSim's
// rough case), latency into a load, leakage, footprint.

#include "circuits/gates.h"
#include "circuits/technology.h"

namespace hwaware::circuits {

enum class DecoderOutput { driver, mux_enable };

class RowDecoder {
 public:
  // Decodes `address_bits` >= 1 address bits into 2^address_bits outputs.
  RowDecoder(const Technology& t, int address_bits, DecoderOutput output);

  // One decode, before NeuroSim's control-circuit switching activity (epsilon, applied by the
  // caller as NeuroSim does): address inverters, predecoders, one NOR and one output stage switch.
  double decode_energy_j() const;
  // Delay of one decode driving `load1_f` (driver: its load; mux mode: the NMOS pass-gate gates)
  // and `load2_f` (mux mode: the PMOS gates) from an input of slope `ramp_in`.
  double latency_s(double ramp_in, double load1_f, double load2_f, double* ramp_out = nullptr) const;
  double leakage_w() const;
  // The decoder as one column of gates, no height imposed (NeuroSim CalculateArea(NULL, NULL)):
  // as high as its NORs (or NANDs) stacked, as wide as one gate of each stage and the wires.
  Footprint footprint() const;

 private:
  Technology t_;
  int bits_;
  DecoderOutput output_;
  int num_inv_ = 0, num_nand_ = 0, num_nor_ = 0, num_wires_ = 0, nor_inputs_ = 1;
  double inv_n_ = 0, inv_p_ = 0, nand_n_ = 0, nand_p_ = 0, nor_n_ = 0, nor_p_ = 0, drv_n_ = 0, drv_p_ = 0;
  Footprint inv_f_, nand_f_, nor_f_, drv_f_;
  GateCaps inv_c_, nand_c_, nor_c_, drv_c_;
};

}  // namespace hwaware::circuits
