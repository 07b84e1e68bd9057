#pragma once
// How DNN+NeuroSim V1.3 reads a piece of a layer's weight matrix on its subarrays (ProcessingUnit.cpp
// and SubArray.cpp, conventional parallel read): the piece is cut into subarray-sized blocks and
// every block reads every input vector bit-serially, one read pulse per input bit. The counts are
// expected values over the input bits (each row's bit is 1 with the layer's density, independently);
// the prices are the subarray's (subarray.h), so energy = counts x prices.
//
// NeuroSim rule (ProcessingUnit.cpp): duplicated weights add no reads; a copy reads its share of
// the vectors, so a layer's reads are those of one copy reading all vectors.
// NeuroSim rule (its traces, see tests/circuits/neurosim_vgg8.cpp): inputs that are never negative
// have a sign bit of 0 (the first of the input bits); their ones all fall in the other bits.
//
// Preconditions (core::panic): rows, cols, vectors >= 0; density in [0, 1] (and, with a zero sign
// bit, density x bits / (bits - 1) <= 1).

#include "circuits/subarray.h"

namespace hwaware::circuits {

struct InputBits {
  double density = 0.5;        // fraction of all input bits that are 1
  bool sign_bit_zero = false;  // non-negative inputs: bit 0 always 0
};

// Expected actions of the subarray reads of a rows x cols piece over `vectors` input vectors.
struct SubarrayReadCounts {
  double blocks = 0;             // subarrays the piece occupies
  double pulses = 0;             // read pulses, summed over blocks (bit lines, encoders, shift-adders, row scans)
  double rows_on = 0;            // activated rows (word lines and row drivers)
  double cells_on = 0;           // cells with input bit 1 in converted columns
  double conversions = 0;        // converted columns with >= 1 row on
  double empty_conversions = 0;  // converted columns with none
  double column_turns = 0;       // column selections, cols_per_adc per input vector per block
  SubarrayReadCounts& operator+=(const SubarrayReadCounts& o);
};

SubarrayReadCounts subarray_read_counts(const Subarray& s, long rows, long cols, long vectors, const InputBits& in);

// The energy of those reads by NeuroSim's categories (the same prices as read_pulse_energy).
CategoryEnergy subarray_read_energy(const Subarray& s, const SubarrayReadCounts& n);

}  // namespace hwaware::circuits
