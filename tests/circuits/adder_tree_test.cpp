// Ripple-carry adders and adder trees against values derived by hand from DNN+NeuroSim V1.3's
// Adder.cpp / AdderTree.cpp equations, 22 nm LSTP (vdd^2 = 0.7225 V^2). The NAND2 (NMOS 2 x
// minimum, enlarged to fill the 28 F cell: N 277.04 nm, P 182.76 nm) has, by gates.h (checked in
// gates_test.cpp), C_in = 6.57422e-16 F and C_out = 1.80818e-16 F.

#include <catch2/catch.hpp>

#include "circuits/adder_tree.h"
#include "circuits/ripple_adder.h"

using namespace hwaware::circuits;

namespace {
Technology lstp22() { return *technology(22, Roadmap::lstp); }
constexpr double kCin = 6.57422e-16, kCout = 1.80818e-16, kV2 = 0.7225;
}  // namespace

TEST_CASE("an n-bit adder switches (13 n + 1) NAND inputs and 7 n NAND outputs per add", "[circuits][adder]") {
  // Adder.cpp: first bit 6 C_in + 2 C_out, hidden 2 (C_out + C_in) + (C_out + 2 C_in) + (C_out +
  // 3 C_in) + (C_out + C_in): 14 C_in + 7 C_out; each further bit 7 C_in + 3 C_out, hidden
  // (C_out + 3 C_in) + (C_out + C_in) + 2 (C_out + C_in): 13 C_in + 7 C_out.
  // 20 bits: (261 C_in + 140 C_out) vdd^2 = (1.715871e-13 + 2.531452e-14) x 0.7225 = 1.422614e-13 J.
  RippleAdder a(lstp22(), 20);
  CHECK(a.add_energy_j() == Approx((261 * kCin + 140 * kCout) * kV2).epsilon(1e-5));
  CHECK(a.add_energy_j() == Approx(1.422614e-13).epsilon(1e-5));
  CHECK(a.add_energy_j(0.15) == Approx(0.15 * 1.422614e-13).epsilon(1e-5));  // validated: delta
}

TEST_CASE("an adder tree of 9 inputs halves its operands over 4 stages, the odd one out uncounted", "[circuits][adder_tree]") {
  // 9 inputs of 20 bits: stage 1 floor(9/2) = 4 adders of 20 bits, stage 2 2 of 21, stage 3 1 of
  // 22, stage 4 floor(1/2) = 0 of 23 (NeuroSim's integer halving). Per reduction, x delta = 0.15:
  //   E(n) = ((13 n + 1) C_in + 7 n C_out) vdd^2, the switched capacitances in farads:
  //   n = 20: 261 C_in + 140 C_out = 1.969016e-13, n = 21: 274 C_in + 147 C_out = 2.067139e-13,
  //   n = 22: 287 C_in + 154 C_out = 2.165261e-13;
  //   4 x 1.969016e-13 + 2 x 2.067139e-13 + 2.165261e-13 = 1.4175603e-12 F
  //   x 0.7225 x 0.15 = 1.536282e-13 J per tree.
  AdderTree one(lstp22(), 9, 20, 1), many(lstp22(), 9, 20, 144);
  CHECK(one.stages() == 4);
  CHECK(one.output_bits() == 24);
  CHECK(one.reduction_energy_j(0, 0.15) == Approx(1.536282e-13).epsilon(1e-5));
  CHECK(many.reduction_energy_j(0, 0.15) == Approx(144 * 1.536282e-13).epsilon(1e-5));  // every tree adds
}

TEST_CASE("an adder tree's reduction takes, per stage, its adder's delay rounded up to whole cycles", "[circuits][adder_tree]") {
  // Each stage's ripple adder (20..23 bits) settles in 1.26..1.46 ns (Horowitz chain of
  // Adder.cpp): 2 cycles at NeuroSim's 1 GHz initialisation clock; the empty 4th stage still
  // counts (NeuroSim loops over ceil(log2 9) stages): 4 x 2 = 8 cycles.
  AdderTree t(lstp22(), 9, 20, 144);
  for (int bits = 20; bits <= 23; ++bits) {
    CHECK(RippleAdder(lstp22(), bits).latency_s() > 1e-9);
    CHECK(RippleAdder(lstp22(), bits).latency_s() < 2e-9);
  }
  CHECK(t.latency_cycles(1e9) == 8);
  // A tree fed by fewer inputs than it has (NeuroSim's numUnitAdd): 2 of them, one stage.
  CHECK(t.latency_cycles(1e9, 2) == 2);
  CHECK(t.reduction_energy_j(1, 0.15) == 0);  // one input: nothing to add
}

TEST_CASE("an adder tree leaks only through the stages its reductions use", "[circuits][adder_tree]") {
  // NeuroSim's PE tree of a novel-mapped layer adds one subarray row: its leakage is zero.
  AdderTree t(lstp22(), 4, 18, 64);
  CHECK(t.leakage_w(1) == 0);
  CHECK(t.leakage_w(4) == Approx(t.leakage_w()));
  // Full tree: 2 adders of 18 bits + 1 of 19, each 9 NAND2 per bit leaking 0.48 x 2 x I_off,p x W_p.
  double nand_w = 0.48 * 2 * 100e-6 * 182.761e-9 * 0.85;
  CHECK(t.leakage_w() == Approx(64 * (2 * 18 + 19) * 9 * nand_w).epsilon(1e-4));
}
