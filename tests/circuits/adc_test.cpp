// The ADCs in DNN+NeuroSim V1.3's method: an MLSA conversion derived by hand, and how conversion
// energy and latency follow the rows a column sums and the bits.

#include <catch2/catch.hpp>

#include "circuits/mlsa_adc.h"
#include "circuits/sar_adc.h"
#include "circuits/subarray.h"

using namespace hwaware::circuits;

namespace {
Technology lstp22() { return *technology(22, Roadmap::lstp); }
constexpr double kMeanCellS = 6.665489e-5;  // cell_array_test.cpp: a mean 2-bit 1T1R cell

// One converted column at `density`: the converter and the column current of its cells.
double column_conversion_j(long rows, double density) {
  SubarrayConfig c = neurosim_default_config();
  c.rows = rows;
  c.input_bit_density = density;
  const Subarray s = build_subarray(c);
  return s.actions.conversion.energy_j + s.actions.cell_read.energy_j * density * static_cast<double>(rows);
}
}  // namespace

TEST_CASE("a 5-bit current-mode MLSA converting a column of 128 cells on costs NeuroSim's fitted power for 1 ns") {
  // MultilevelSenseAmp.cpp GetColumnPower, current mode, 22 nm LP, levelOutput = 32:
  //   column G = 128 x 6.665489e-5 = 8.531826e-3 S, R = 117.2082 Ohm (x 0.5 V / 0.5 V);
  //   P = 1.7 uW x (32 - 1) + 0.0631 x exp(-2.303 x log10(117.2082))
  //     = 5.27e-5 + 0.0631 x 8.524505e-3 = 5.27e-5 + 5.378963e-4 = 5.905963e-4 W;
  //   GetColumnLatency at 22 nm: 1 ns (clamped to [1, 10] ns) -> E = 5.905963e-13 J.
  const MlsaAdc mlsa(lstp22(), MlsaSpec{});
  const double g = 128 * kMeanCellS;
  CHECK(mlsa.sensing_time_s(g) == 1e-9);
  CHECK(mlsa.converter_power_w() == Approx(5.27e-5));
  CHECK(mlsa.conversion_energy_j(g) == Approx(5.905963e-13).epsilon(1e-5));
  CHECK(mlsa.column_current_energy_j(g) == Approx(5.378963e-13).epsilon(1e-5));
}

TEST_CASE("a column with no row on costs the MLSA NeuroSim's 1 uW for its 1 ns") {
  const MlsaAdc mlsa(lstp22(), MlsaSpec{});
  CHECK(mlsa.conversion_energy_j(0) == Approx(1e-15));
  CHECK(mlsa.column_current_energy_j(0) == 0);
}

TEST_CASE("MLSA energy per conversion rises with the rows a column sums: 1.6x from 128 to 256 rows at density 0.2, 1.8x at 0.5") {
  // The converter's (levels - 1) x 1.7 uW stays; the column current doubles less the longer wires'
  // resistance (NeuroSim's ~1.7x sits between these densities).
  const double at_02 = column_conversion_j(256, 0.2) / column_conversion_j(128, 0.2);
  const double at_05 = column_conversion_j(256, 0.5) / column_conversion_j(128, 0.5);
  CHECK(at_02 == Approx(1.62).epsilon(0.01));
  CHECK(at_05 == Approx(1.77).epsilon(0.01));
  CHECK(column_conversion_j(512, 0.2) > column_conversion_j(256, 0.2));
}

TEST_CASE("conversion latency grows with the bits: the MLSA's encoder widens, the SAR takes bits + 1 cycles") {
  double mlsa_before = 0;
  for (int bits = 1; bits <= 8; ++bits) {
    SubarrayConfig c = neurosim_default_config();
    c.adc.bits = bits;
    const double mlsa_s = build_subarray(c).actions.conversion.latency_s;
    CHECK(mlsa_s > mlsa_before);
    mlsa_before = mlsa_s;
    const SarAdc sar(lstp22(), bits, 16, 0.5);
    CHECK(sar.conversion_latency_s() == Approx((bits + 1) * 1e-9));
  }
}

TEST_CASE("a 5-bit SAR conversion costs NeuroSim's fitted power for 6 cycles of 1 ns") {
  // SarADC.cpp 22 nm LP: P = (0.538 x 5 + 4.3753) uW + 0.072341 x exp(-2.303 x log10(R)); with
  // R = 117.2082 Ohm: 7.0653e-6 + 0.072341 x 8.524505e-3 = 7.0653e-6 + 6.166713e-4 = 6.237366e-4 W,
  // x 6 ns = 3.742419e-12 J.
  const SarAdc sar(lstp22(), 5, 16, 0.5);
  CHECK(sar.conversion_energy_j(128 * kMeanCellS) == Approx(3.742419e-12).epsilon(1e-5));
}
