#pragma once
// Adder trees reducing `inputs` partial sums of `input_bits` each to one, `trees` of them side by
// side (neurosim/DNN_NeuroSim_V1.3, AdderTree.cpp): NeuroSim's accumulation across subarrays in a
// PE, across PEs in a tile and across tiles on the chip. Stage s (from 1) has floor(n_s / 2)
// ripple-carry adders of input_bits + s - 1 bits, n_1 = inputs, n_{s+1} = floor(n_s / 2), over
// ceil(log2 inputs) stages; like NeuroSim, an odd operand out is not counted.
//
// A reduction may use fewer inputs than the tree has (NeuroSim's numUnitAdd): the stages and
// adders are then those of that count.
//
// Preconditions (core::panic): inputs, input_bits, trees >= 1; 1 <= used inputs.

#include <vector>

#include "circuits/ripple_adder.h"
#include "circuits/technology.h"

namespace hwaware::circuits {

class AdderTree {
 public:
  AdderTree(const Technology& t, int inputs, int input_bits, int trees);

  int inputs() const { return inputs_; }
  int input_bits() const { return input_bits_; }
  int trees() const { return trees_; }
  int stages() const;  // ceil(log2 inputs)
  int output_bits() const { return input_bits_ + stages(); }

  // Latency of one reduction of `used` inputs (0: all), the stages one after the other (seconds).
  double latency_s(int used = 0) const;
  // The same in a synchronous design: each stage rounded up to whole cycles of `clock_hz`.
  double latency_cycles(double clock_hz, int used = 0) const;
  // Energy of one reduction of `used` inputs in every tree, times `activity` (NeuroSim: delta).
  double reduction_energy_j(int used = 0, double activity = 1) const;
  // Leakage of all trees over the stages a reduction of `used` inputs (0: all) takes: NeuroSim
  // leaks only the adders its last reduction used (a PE tree adding one subarray row leaks none).
  double leakage_w(int used = 0) const;
  double area_m2() const;  // all trees

 private:
  struct Stage {
    int adders, bits;
  };
  std::vector<Stage> stages_of(int used) const;

  const Technology t_;
  int inputs_, input_bits_, trees_;
};

}  // namespace hwaware::circuits
