// The technology table against DNN+NeuroSim V1.3 (Technology.cpp, Param.cpp, HTree.cpp): the
// expected numbers are NeuroSim's, or derived by hand from them in the comments.

#include <catch2/catch.hpp>

#include "circuits/technology.h"

using namespace hwaware::circuits;

namespace {
Technology tech(int node_nm, Roadmap roadmap) {
  auto t = technology(node_nm, roadmap);
  REQUIRE(t.has_value());
  return *t;
}
}  // namespace

TEST_CASE("22 nm LSTP has NeuroSim's vdd, on current and gate capacitance", "[circuits][technology]") {
  const Technology t = tech(22, Roadmap::lstp);  // PTM 22nm_LP.pm as NeuroSim cites it
  CHECK(t.node_nm == 22);
  CHECK(t.feature_m == Approx(22e-9));
  CHECK(t.vdd_v == Approx(0.85));
  CHECK(t.vth_v == Approx(419.915e-3));
  CHECK(t.gate_length_m == Approx(2.6e-8));
  CHECK(t.on_current_nmos_a_per_m == Approx(791.90));  // uA/um = A/m
  CHECK(t.on_current_pmos_a_per_m == Approx(600.20));
  CHECK(t.off_current_nmos_a_per_m == Approx(100.00e-6));
  CHECK(t.off_current_pmos_a_per_m == Approx(100.00e-6));
  CHECK(t.gm_current_nmos_a_per_m == Approx(456));
  CHECK(t.gm_current_pmos_a_per_m == Approx(185));
  CHECK(t.cap_ideal_gate_f_per_m == Approx(5.245e-10));
  CHECK(t.cap_fringe_f_per_m == Approx(8.004e-10));
  CHECK(t.effective_resistance_multiplier == Approx(1.77));
}

TEST_CASE("overlap capacitance is a fifth of the ideal gate capacitance at every bulk node", "[circuits][technology]") {
  for (int node : technology_nodes()) {
    for (Roadmap r : {Roadmap::hp, Roadmap::lstp}) {
      const Technology t = tech(node, r);
      CHECK(t.cap_overlap_f_per_m == Approx(0.2 * t.cap_ideal_gate_f_per_m));
    }
  }
  // 22 nm LSTP: 0.2 x 5.245e-10 = 1.049e-10 F/m.
  CHECK(tech(22, Roadmap::lstp).cap_overlap_f_per_m == Approx(1.049e-10));
}

TEST_CASE("22 nm LSTP drain capacitances are NeuroSim's zero-bias values graded at a reverse bias of vdd", "[circuits][technology]") {
  // bias = 1 + vdd / 0.9 V (BSIM4 built-in potential) = 1 + 0.85 / 0.9 = 1.944444
  // junction:          1e-3 F/m^2   / 1.944444^0.5  = 1e-3 / 1.394433     = 7.17137e-4 F/m^2
  // sidewall:          2.5e-10 F/m  / 1.944444^0.33 = 2.5e-10 / 1.245382 = 2.00742e-10 F/m
  // drain to channel:  0.5e-10 F/m  / 1.944444^0.33                      = 4.01483e-11 F/m
  const Technology t = tech(22, Roadmap::lstp);
  CHECK(t.cap_junction_f_per_m2 == Approx(7.17137e-4).epsilon(1e-5));
  CHECK(t.cap_sidewall_f_per_m == Approx(2.00742e-10).epsilon(1e-5));
  CHECK(t.cap_drain_to_channel_f_per_m == Approx(4.01483e-11).epsilon(1e-5));
}

TEST_CASE("the P/N size ratio is the NMOS over the PMOS on current", "[circuits][technology]") {
  // 22 nm LSTP: 791.9 / 600.2 = 1.319394; 130 nm HP: 930 / 430 = 2.162791.
  CHECK(tech(22, Roadmap::lstp).pn_size_ratio == Approx(1.319394).epsilon(1e-6));
  CHECK(tech(130, Roadmap::hp).pn_size_ratio == Approx(2.162791).epsilon(1e-6));
}

TEST_CASE("22 nm wires are 40 nm wide with NeuroSim's aspect ratio, resistivity and 0.2 fF/um", "[circuits][technology]") {
  // Param.cpp: wireWidth 40 nm, AR 1.9, Rho 4.03e-8 ohm m at 300 K.
  // R = Rho / (w^2 AR) = 4.03e-8 / (1.6e-15 x 1.9) = 4.03e-8 / 3.04e-15 = 1.325658e7 ohm/m (13.26 ohm/um).
  // C = 0.2e-15 / 1e-6 = 2e-10 F/m (unitLengthWireCap of HTree.cpp and Bus.cpp, SubArray's capRow/capCol).
  const Technology t = tech(22, Roadmap::lstp);
  CHECK(t.wire_width_m == Approx(40e-9));
  CHECK(t.wire_aspect_ratio == Approx(1.9));
  CHECK(t.wire_resistivity_ohm_m == Approx(4.03e-8));
  CHECK(t.wire_resistance_ohm_per_m == Approx(1.325658e7).epsilon(1e-6));
  CHECK(t.wire_cap_f_per_m == Approx(2e-10));
}

TEST_CASE("130 nm HP has NeuroSim's devices and 175 nm wires", "[circuits][technology]") {
  // PTM 130nm_HP.pm; Param.cpp: 175 nm, AR 1.6, Rho 2.2e-8:
  // R = 2.2e-8 / ((175e-9)^2 x 1.6) = 2.2e-8 / 4.9e-14 = 4.489796e5 ohm/m.
  const Technology t = tech(130, Roadmap::hp);
  CHECK(t.vdd_v == Approx(1.3));
  CHECK(t.vth_v == Approx(128.4855e-3));
  CHECK(t.on_current_nmos_a_per_m == Approx(930));
  CHECK(t.on_current_pmos_a_per_m == Approx(430));
  CHECK(t.off_current_nmos_a_per_m == Approx(100.00e-3));
  CHECK(t.effective_resistance_multiplier == Approx(1.54));
  CHECK(t.wire_width_m == Approx(175e-9));
  CHECK(t.wire_resistance_ohm_per_m == Approx(4.489796e5).epsilon(1e-6));
}

TEST_CASE("every listed node has both roadmaps, HP driving and leaking more than LSTP", "[circuits][technology]") {
  CHECK(technology_nodes() == std::vector<int>{22, 32, 45, 65, 90, 130});
  for (int node : technology_nodes()) {
    const Technology hp = tech(node, Roadmap::hp);
    const Technology lstp = tech(node, Roadmap::lstp);
    CHECK(hp.roadmap == Roadmap::hp);
    CHECK(lstp.roadmap == Roadmap::lstp);
    CHECK(hp.vdd_v == lstp.vdd_v);
    CHECK(hp.on_current_nmos_a_per_m > lstp.on_current_nmos_a_per_m);
    CHECK(hp.off_current_nmos_a_per_m > lstp.off_current_nmos_a_per_m);
    CHECK(hp.wire_resistance_ohm_per_m == lstp.wire_resistance_ohm_per_m);
  }
}

TEST_CASE("an unknown node returns nullopt", "[circuits][technology]") {
  CHECK_FALSE(technology(28).has_value());
  CHECK_FALSE(technology(14).has_value());  // FinFET: not a bulk node
  CHECK_FALSE(technology(0, Roadmap::hp).has_value());
}
