// The cell array in DNN+NeuroSim V1.3's method: a 1T1R cell read, derived by hand.

#include <catch2/catch.hpp>

#include "circuits/cell_array.h"
#include "circuits/subarray.h"

using namespace hwaware::circuits;

namespace {
Technology lstp22() { return *technology(22, Roadmap::lstp); }
}  // namespace

TEST_CASE("a 1T1R cell adds the mean of its equally likely levels through the access transistor and the mean wire path") {
  // NeuroSim V1.3, 22 nm LSTP, RRAM 6 kOhm / 900 kOhm, 2-bit cells, 128 x 128 (Param.cpp):
  // - access transistor: R_a = R_on x IR_DROP_TOLERANCE = 6000 x 0.25 = 1500 Ohm (SubArray.cpp);
  // - wire: R' = rho / (w^2 AR) = 4.03e-8 / ((40e-9)^2 x 1.9) = 1.32566e7 Ohm/m; per cell along a
  //   row 40 nm x 4 = 160 nm -> 2.12105 Ohm, along a column 40 nm x 12 -> 6.36316 Ohm (Param.cpp);
  // - mean path (GetColumnResistance: (j+1) row segments, (rows-i) column segments, averaged):
  //   1500 + 129/2 x 2.12105 + 129/2 x 6.36316 = 2047.23 Ohm;
  // - levels G_l = G_off + l/3 (G_on - G_off) (Chip.cpp LoadInWeightData): 1.11111e-6,
  //   5.62963e-5, 1.114815e-4, 1.666667e-4 S; through the path 1 / (1/G_l + 2047.23):
  //   1.108589e-6, 5.047856e-5, 9.076608e-5, 1.2426634e-4 S; mean 6.665489e-5 S.
  const CellArray cells(lstp22(), CellSpec{}, 128, 128);
  CHECK(cells.access_ohm() == Approx(1500));
  CHECK(cells.level_conductance_s(1) == Approx(5.62963e-5).epsilon(1e-5));
  CHECK(cells.mean_read_conductance_s() == Approx(6.665489e-5).epsilon(1e-5));
}

TEST_CASE(
    "a 1T1R array read charges each activated word line with its access gates at vdd and each read bit line's wire at the read voltage") {
  // Access transistor width (SubArray.cpp): R_on(F) x LINEAR_REGION_RATIO / R_a x F, with
  // R_on(F) = 1.77 x 0.85 V / (791.9 A/m x 22 nm) = 86357.3 Ohm -> 86357.3 x 0.2 / 1500 = 11.5143 F
  // = 253.315 nm. Gate capacitance per width (5.245e-10 + 0.2 x 5.245e-10 + 8.004e-10) F/m =
  // 1.4298e-9 F/m -> 3.62190e-16 F per gate, x 128 columns = 4.63603e-14 F.
  // Word line: 128 x 12F = 33.792 um x 0.2 fF/um = 6.7584e-15 F wire; total 5.311866e-14 F;
  // x vdd^2 = 0.7225 V^2 -> 3.837823e-14 J per activated row per column turn.
  // Bit line (wire only, SubArray.cpp capBL): 128 x 4F = 11.264 um x 0.2 fF/um = 2.2528e-15 F;
  // x 0.5^2 -> 5.632e-16 J per column read.
  const CellArray cells(lstp22(), CellSpec{}, 128, 128);
  CHECK(cells.access_width_m() == Approx(253.315e-9).epsilon(1e-5));
  CHECK(cells.word_line_cap_f() == Approx(5.311866e-14).epsilon(1e-5));
  CHECK(cells.word_line_energy_j() == Approx(3.837823e-14).epsilon(1e-5));
  CHECK(cells.bit_line_energy_j() == Approx(5.632e-16).epsilon(1e-6));
}

TEST_CASE("a cell read with its input bit 1 costs its share of the MLSA's column-current term during the 1 ns sensing") {
  // All 128 rows on: column G = 128 x 6.665489e-5 = 8.531826e-3 S, R = 117.2082 Ohm (at 0.5 V no
  // rescaling). MultilevelSenseAmp.cpp 22 nm LP: 0.0631 x exp(-2.303 x log10(117.2082)) =
  // 0.0631 x exp(-2.303 x 2.068958) = 0.0631 x 8.52450e-3 = 5.378963e-4 W, x 1 ns sensing =
  // 5.378963e-13 J per column, / 128 cells = 4.202315e-15 J per cell.
  SubarrayConfig c = neurosim_default_config();
  c.input_bit_density = 1;
  const Subarray s = build_subarray(c);
  CHECK(s.actions.cell_read.energy_j == Approx(4.202315e-15).epsilon(1e-5));
  // The physical V^2 G t over the 10 ns pulse would be 0.25 x 6.665489e-5 x 10e-9 = 1.6664e-13 J:
  // NeuroSim's parallel read does not charge it.
  const CellArray cells(lstp22(), CellSpec{}, 128, 128);
  CHECK(cells.ohmic_read_energy_j() == Approx(1.666372e-13).epsilon(1e-5));
}

TEST_CASE("the cells' read energy is zero at an input bit density of 0 and proportional to the density") {
  auto cells_energy = [](double density) {
    SubarrayConfig c = neurosim_default_config();
    c.input_bit_density = density;
    const Subarray s = build_subarray(c);
    return s.actions.cell_read.energy_j * expected_counts(s).cells_on;
  };
  CHECK(cells_energy(0) == 0);
  const double e1 = cells_energy(0.1);
  CHECK(e1 > 0);
  CHECK(cells_energy(0.2) == Approx(2 * e1).epsilon(1e-3));  // NeuroSim's power law: R^-1.0002
  CHECK(cells_energy(0.4) == Approx(4 * e1).epsilon(1e-3));
}

TEST_CASE("an SRAM cell conducts through its access transistor whatever bit it stores, and its array read energy is the precharger's") {
  // SRAM (NeuroSim memcelltype 1): access NMOS of 1F: R_on = 86357.3 Ohm, plus one cell's column
  // wire 40 nm x 28 x R' = 14.8474 Ohm -> 1 / 86372.2 = 1.157779e-5 S (GetColumnResistance).
  CellSpec sram;
  sram.device = CellDevice::sram;
  sram.bits = 1;
  const CellArray cells(lstp22(), sram, 128, 128);
  CHECK(cells.mean_read_conductance_s() == Approx(1.157779e-5).epsilon(1e-5));
  CHECK(cells.word_line_energy_j() == 0);
  CHECK(cells.bit_line_energy_j() == 0);
  CHECK(cells.leakage_w() > 0);
}

TEST_CASE("cells whose weights sit on the middle levels draw more current than cells of equally likely levels") {
  // Levels through the 2047.23 Ohm path (above): 1.108589e-6, 5.047856e-5, 9.076608e-5,
  // 1.2426634e-4 S; all on levels 1 and 2: (5.047856e-5 + 9.076608e-5) / 2 = 7.062232e-5 S.
  CellSpec middle;
  middle.level_probabilities = {0, 0.5, 0.5, 0};
  const CellArray cells(lstp22(), middle, 128, 128);
  CHECK(cells.mean_read_conductance_s() == Approx(7.062232e-5).epsilon(1e-5));
}
