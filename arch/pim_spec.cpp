#include "arch/pim_spec.h"

namespace hwaware::arch {

std::string to_string(Duplication d) {
  switch (d) {
    case Duplication::none: return "none";
    case Duplication::free: return "free";
    case Duplication::reprogram: return "reprogram";
  }
  return "none";
}

const std::vector<std::string>& duplication_names() {
  static const std::vector<std::string> names = {"none", "free", "reprogram"};
  return names;
}

long long PimSpec::crossbars() const {
  if (!budget) return tiles * crossbars_per_tile;
  if (!budget->resolved) core::panic("PimSpec::crossbars: the chip's budget was not resolved (models::make_accelerator resolves it)");
  return budget->crossbars;
}

int PimSpec::lossless_adc_bits() const { return full_precision_adc_bits(active_rows(), dac_bits, cell.bits); }

// A column summing `rows` products of v-bit inputs and w-bit cells reaches rows x (2^v - 1) x
// (2^w - 1), which needs log2(rows) + v + w bits, one fewer when v or w is 1 (ISAAC, Shafiee et al.,
// ISCA 2016). Rows that are not a power of two round log2 up (the bits then cover the largest sum,
// possibly with one to spare).
int full_precision_adc_bits(long long rows, int input_bits_per_cycle, int bits_per_cell) {
  if (rows < 1 || input_bits_per_cycle < 1 || bits_per_cell < 1)
    core::panic("full_precision_adc_bits: a column has at least one row of cells of at least one bit, driven by at least one bit");
  int log2_rows = 0;
  while (log2_rows < 62 && (1LL << log2_rows) < rows) ++log2_rows;
  int bits = log2_rows + input_bits_per_cycle + bits_per_cell;
  if (input_bits_per_cycle == 1 || bits_per_cell == 1) --bits;
  return bits;
}

}  // namespace hwaware::arch
