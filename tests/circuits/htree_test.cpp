// H-tree and bus (repeated wires) against values derived by hand from DNN+NeuroSim V1.3's
// HTree.cpp / Bus.cpp equations, 22 nm LSTP (vdd = 0.85 V, F = 22 nm). Gate capacitances and on
// resistances are gates.h's (checked in gates_test.cpp); the wire is Param.cpp's 40 nm one:
//   r = 4.03e-8 / ((40e-9)^2 x 1.9) = 1.32566e7 ohm/m,  c = 0.2 fF/um = 2e-10 F/m.

#include <catch2/catch.hpp>

#include "circuits/bus.h"
#include "circuits/htree.h"
#include "circuits/repeated_wire.h"

using namespace hwaware::circuits;

namespace {
Technology lstp22() { return *technology(22, Roadmap::lstp); }
}  // namespace

TEST_CASE("H-tree repeaters: the least-delay size halved until the delay exceeds 1.1 x the least", "[circuits][htree]") {
  // Minimum inverter (N 44 nm, P 58.05 nm): C_in = 1.45916e-16 F, C_out = 7.85546e-17 F,
  // R = R_n + R_p = 86357.3 ohm.
  // size = floor(sqrt(R c / (C_in r))) = floor(sqrt(86357.3 x 2e-10 / (1.45916e-16 x 1.32566e7)))
  //      = floor(94.49) = 94;  spacing = sqrt(2 R (C_out + C_in) / (r c)) = 120.924 um.
  // Size 94 (N 4.136 um): C_in 1.37161e-14, C_out 1.24749e-15, R 918.695 ohm; least delay per metre
  //   0.7 (R (C_in + C_out + c d) + r c d^2 / 2 + r d C_in) / d = 4.47688e-7 s/m.
  // Halved: size 47, spacing 0.9 x 120.924 = 108.832 um, C_in 6.85804e-15, C_out 7.14011e-16,
  //   R 1837.39: delay 5.11353e-7 >= 1.1 x 4.47688e-7 = 4.92457e-7, the loop stops.
  RepeaterDesign d = design_repeaters(lstp22(), 0.1, RepeaterRelaxation::halve);
  CHECK(d.size == 47);
  CHECK(d.spacing_m == Approx(108.832e-6).epsilon(1e-5));
  CHECK(repeated_delay_s_per_m(lstp22(), d, lstp22().wire_resistance_ohm_per_m) == Approx(5.11353e-7).epsilon(1e-5));
  // No tolerance (NeuroSim's PE buses): the least-delay design, size 94.
  CHECK(design_repeaters(lstp22(), 0, RepeaterRelaxation::decrement).size == 94);
}

TEST_CASE("an H-tree bit costs the repeated wire's energy per metre over half the tree's span plus the main bus", "[circuits][htree]") {
  // Energy per bit per metre (activity 0.25):
  //   (C_in + C_out + c d) vdd^2 / d x 0.25
  //   = (6.85804e-15 + 7.14011e-16 + 2e-10 x 108.832e-6) x 0.7225 / 108.832e-6 x 0.25
  //   = 2.93385e-14 x 0.7225 / 108.832e-6 x 0.25 = 4.86922e-11 J/(bit m).
  // A 2 x 2 tree of 400 um units: N = 1 level, (h + w)(2^1 - 1) / 2 = 400 um, main bus
  // min(cols - x_c, x_c) = min(2 - 1, 1) = 1 unit = 400 um: 800 um, 3.89537e-14 J per bit.
  HTree h(lstp22(), 2, 2, 256, 400e-6, 400e-6);
  CHECK(repeated_energy_j_per_bit_m(lstp22(), h.repeaters()) == Approx(4.86922e-11).epsilon(1e-5));
  CHECK(h.levels() == 1);
  CHECK(h.main_bus_units() == 1);
  CHECK(h.path_length_m() == Approx(800e-6));
  CHECK(h.energy_per_bit_j() == Approx(3.89537e-14).epsilon(1e-5));
}

TEST_CASE("an H-tree transfer's latency runs twice the energy's levels on a wire twice the node's width", "[circuits][htree]") {
  // The 2 x 2 tree of 400 um units: latency levels start from the full span, V = H = 2 x 400 / 2
  // = 400 um; 400 um / 22 nm = 18182 < 1e5 feature sizes, so the wire is 2 x 40 = 80 nm:
  //   r' = 2.52e-8 / ((80e-9)^2 x 1.6) = 2.46094e6 ohm/m (NeuroSim GetUnitLengthRes as it runs).
  // Delay per metre = 0.7 (1837.39 x 2.93385e-14 + 0.5 x 2.46094e6 x (108.832e-6)^2 x 2e-10
  //   + 2.46094e6 x 108.832e-6 x 6.85804e-15) / 108.832e-6
  //   = 0.7 (5.39062e-11 + 2.91481e-12 + 1.83679e-12) / 108.832e-6 = 3.77280e-7 s/m.
  // Latency = (400 + 400 + main bus 400) um x 3.77280e-7 = 4.52736e-10 s: one cycle at 1 GHz.
  HTree h(lstp22(), 2, 2, 256, 400e-6, 400e-6);
  CHECK(htree_wire_ohm_per_m(lstp22(), 400e-6) == Approx(2.46094e6).epsilon(1e-5));
  CHECK(htree_wire_ohm_per_m(lstp22(), 3e-3) == Approx(2.52e-8 / (160e-9 * 160e-9 * 1.6)));  // >= 1e5 F: 4 x
  CHECK(h.latency_s() == Approx(4.52736e-10).epsilon(1e-4));
}

TEST_CASE("NeuroSim's tile H-tree of 9 PEs spans 9 x 9 units: 4 levels and a main bus of 3", "[circuits][htree]") {
  // hTreeNM->Initialize(numPENM, numPENM, ...): levels ceil(log2 9) = 4; x_c = floor(log2 9) = 3,
  // main bus min(9 - 3, 3) = 3; path (h + w)(2^4 - 1) / 2 + 3 w = 18 w for square units.
  HTree h(lstp22(), 9, 9, 1152, 443e-6, 443e-6);
  CHECK(h.levels() == 4);
  CHECK(h.main_bus_units() == 3);
  CHECK(h.path_length_m() == Approx(18 * 443e-6));
  // The chip's 7 x 7 tiles: 3 levels, x_c = 2, main bus 2: (2 x 7 / 2 + 2) = 9 tile sides.
  HTree chip(lstp22(), 7, 7, 1512, 1e-3, 1e-3);
  CHECK(chip.path_length_m() == Approx(9e-3));
}

TEST_CASE("a PE bus spans its subarrays but one and costs its least-delay repeated wire per bit", "[circuits][bus]") {
  // 4 x 4 subarrays of 265.6 um x 282.7 um: horizontal 3 x 282.7 um, vertical 3 x 265.6 um.
  // Size 94 repeaters, spacing 120.924 um: (1.37161e-14 + 1.24749e-15 + 2e-10 x 120.924e-6)
  //   = 3.91484e-14 x 0.7225 / 120.924e-6 x 0.25 = 5.84762e-11 J/(bit m); horizontal: x 848.1 um
  //   = 4.95937e-14 J.
  Bus h(lstp22(), BusDirection::horizontal, 4, 4, 265.6e-6, 282.7e-6);
  Bus v(lstp22(), BusDirection::vertical, 4, 4, 265.6e-6, 282.7e-6);
  CHECK(h.wire_length_m() == Approx(848.1e-6));
  CHECK(v.wire_length_m() == Approx(796.8e-6));
  CHECK(h.energy_per_bit_j() == Approx(4.95937e-14).epsilon(1e-4));
}
