// A weight-matrix piece read on NeuroSim's subarrays: blocks x pulses, expected counts per pulse.

#include "circuits/subarray_reads.h"

#include <algorithm>

#include "core/diagnostics.h"

namespace hwaware::circuits {

SubarrayReadCounts& SubarrayReadCounts::operator+=(const SubarrayReadCounts& o) {
  blocks += o.blocks, pulses += o.pulses, rows_on += o.rows_on, cells_on += o.cells_on;
  conversions += o.conversions, empty_conversions += o.empty_conversions, column_turns += o.column_turns;
  return *this;
}

SubarrayReadCounts subarray_read_counts(const Subarray& s, long rows, long cols, long vectors, const InputBits& in) {
  if (rows < 0 || cols < 0 || vectors < 0) core::panic("subarray_read_counts: rows, cols and vectors must be >= 0");
  const int bits = s.config.input_bits;
  const bool sign_zero = in.sign_bit_zero && bits > 1;
  const double density = sign_zero ? in.density * bits / (bits - 1) : in.density;
  if (!(density >= 0 && density <= 1)) core::panic("subarray_read_counts: the input bit density is outside [0, 1]");
  const long block_rows = s.rows_per_read, block_cols = s.config.cols;
  const double v = static_cast<double>(vectors);
  SubarrayReadCounts n;
  for (long r0 = 0; r0 < rows; r0 += block_rows) {
    for (long c0 = 0; c0 < cols; c0 += block_cols) {
      const long r = std::min(block_rows, rows - r0), c = std::min(block_cols, cols - c0);
      n.blocks += 1;
      n.pulses += v * bits;
      n.column_turns += v * static_cast<double>(s.column_turns);
      for (int b = 0; b < bits; ++b) {
        const ReadPulseCounts p = expected_counts(s, (sign_zero && b == 0) ? 0 : density, r, c);
        n.rows_on += p.rows_on * v;
        n.cells_on += p.cells_on * v;
        n.conversions += p.conversions * v;
        n.empty_conversions += p.empty_conversions * v;
      }
    }
  }
  return n;
}

CategoryEnergy subarray_read_energy(const Subarray& s, const SubarrayReadCounts& n) {
  const SubarrayActions& a = s.actions;
  CategoryEnergy e;
  e.adc_j = a.cell_read.energy_j * n.cells_on + a.word_line.energy_j * n.rows_on + a.conversion.energy_j * n.conversions +
            a.empty_conversion.energy_j * n.empty_conversions +
            (a.bit_lines.energy_j + a.encoding.energy_j + a.precharge.energy_j) * n.pulses;
  e.accumulation_j = a.shift_add.energy_j * n.pulses;
  e.other_j = a.row_drive.energy_j * n.rows_on + a.row_scan.energy_j * n.pulses + a.column_select.energy_j * n.column_turns;
  return e;
}

}  // namespace hwaware::circuits
