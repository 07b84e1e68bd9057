// The row switch matrix of a 1T1R array in DNN+NeuroSim V1.3's method (NewSwitchMatrix.cpp): a
// row drive derived by hand.

#include <catch2/catch.hpp>

#include "circuits/flip_flop_bank.h"
#include "circuits/switch_matrix.h"

using namespace hwaware::circuits;

namespace {
Technology lstp22() { return *technology(22, Roadmap::lstp); }
}  // namespace

TEST_CASE(
    "driving one 1T1R row for one column turn charges 2 pass-gate drains to the access voltage, 5 to the read voltage and opens 3 pass "
    "gates") {
  // 22 nm LSTP: pass gate 2F NMOS, pn x 2F PMOS (pn = 791.9 / 600.2 = 1.31939), enlarged to the
  // 28F = 616 nm cell (formula.cpp EnlargeSize): PMOS share 0.568826 of 616 - 77 - 79.2 =
  // 459.8 nm -> P 261.5585 nm, N 198.2415 nm.
  // Gates: 1.4298e-9 F/m x width -> C_gN = 2.834457e-16 F, C_gP = 3.739764e-16 F.
  // Drain (unfolded inverter output, formula.cpp): junction C_j = 1e-3 / sqrt(1 + 0.85/0.9) =
  // 7.171372e-4 F/m2, sidewall 2.5e-10 / 1.944^0.33 = 2.007416e-10 F/m, gate edge 0.5e-10 /
  // 1.944^0.33 = 4.014833e-11 F/m; drain width 2.8F = 61.6 nm:
  //   bottom 61.6 nm x (261.5585 + 198.2415) nm x C_j = 2.031196e-17 F,
  //   sidewall (2 x 61.6 + 261.5585 + 2 x 61.6 + 198.2415) nm x C_sw = 1.417638e-16 F,
  //   gate edge (261.5585 + 198.2415) nm x C_gd = 1.846020e-17 F  -> C_d = 1.805359e-16 F.
  // Energy: 2 C_d x 1.1^2 + 5 C_d x 0.5^2 + 3 (C_gN + C_gP) x 0.85^2
  //   = 4.368969e-16 + 2.256699e-16 + 1.424962e-15 = 2.087529e-15 J.
  const RowSwitchMatrix1T1R m(lstp22(), 128, 128 * 4 * 22e-9, 1.1, 0.5);
  CHECK(m.row_drive_energy_j() == Approx(2.087529e-15).epsilon(1e-5));
}

TEST_CASE("the row switch matrix clocks all its scan flip-flops every column turn, whatever the input") {
  const Technology t = lstp22();
  const RowSwitchMatrix1T1R m(t, 128, 128 * 4 * 22e-9, 1.1, 0.5);
  const FlipFlopBank scan(t, 128);
  CHECK(m.scan_energy_j() == Approx(scan.cycle_energy_j(128)));  // no switching-activity factor
  CHECK(m.leakage_w() == Approx(scan.leakage_w()));
}

TEST_CASE("a column switch matrix takes no energy in a read") {
  const SwitchMatrix sl(lstp22(), SwitchSide::columns, 128, 128 * 12 * 22e-9, 454500, 0.5);
  CHECK(sl.row_drive_energy_j() == 0);
  CHECK(sl.scan_energy_j() == 0);
  CHECK(sl.footprint().area_m2() > 0);
}
