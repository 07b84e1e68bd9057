#pragma once
// The encoders behind DNN+NeuroSim V1.3's multilevel sense amplifiers (MultilevelSAEncoder.cpp):
// per ADC, a thermometer-to-binary encoder of levels - 1 inverter + NAND2 rows and log2(levels)
// NANDs of levels / 2 inputs.
//
// Preconditions (core::panic): levels >= 2, encoders >= 1; the block at least one encoder wide.

#include "circuits/gates.h"
#include "circuits/technology.h"

namespace hwaware::circuits {

class MlsaEncoder {
 public:
  MlsaEncoder(const Technology& t, int levels, long encoders);

  // All the encoders encoding once, before NeuroSim's control-circuit switching activity
  // (epsilon, applied by the caller as NeuroSim does): (levels + log2 levels) inverters and NAND2s
  // and log2 levels wide NANDs per encoder, inputs and outputs at vdd.
  double encode_energy_j() const;
  // One encode's delay as NeuroSim counts it: the inverter into the NAND2s and the NAND2 into the
  // wide NANDs (its last two stages are computed but not added in NeuroSim V1.3).
  double latency_s(double ramp_in) const;
  double leakage_w() const;  // all encoders
  // Below an array `width_m` wide: ceil(width / encoder width) encoders per row (NeuroSim rounds
  // up), rows stacked; at least one encoder wide.
  Footprint footprint(double width_m) const;

 private:
  Technology t_;
  int levels_, gates_, wide_inputs_;
  long encoders_;
  double inv_n_ = 0, inv_p_ = 0, nand_n_ = 0, nand_p_ = 0;
  Footprint inv_f_, nand_f_, wide_f_;
  GateCaps inv_c_, nand_c_, wide_c_;
};

}  // namespace hwaware::circuits
