// Gate capacitances, footprints, leakage, on resistance and delay against DNN+NeuroSim V1.3
// formula.cpp: every expected number is derived by hand in the comments from NeuroSim's
// equations and its 22 nm LSTP figures (F = 22 nm, vdd = 0.85 V):
//   gate cap per width  Cg  = ideal + 0.2 ideal + fringe = 5.245e-10 x 1.2 + 8.004e-10 = 1.4298e-9 F/m
//   junction            Cj  = 7.17137e-4 F/m^2, sidewall Csw = 2.00742e-10 F/m,
//   drain to channel    Cd  = 4.01483e-11 F/m (technology_test.cpp derives them)
//   Ion n / p = 791.9 / 600.2 A/m, Ioff n / p = 100e-6 A/m, CACTI multiplier 1.77
//   poly pitch = POLY_WIDTH + MIN_GAP_BET_GATE_POLY = 1 + 2.8 = 3.8 F

#include <catch2/catch.hpp>

#include <cmath>

#include "circuits/gates.h"

using namespace hwaware::circuits;

namespace {
constexpr double F = 22e-9;
constexpr double kCellHeight = kMaxTransistorHeight * F;  // 28 F = 616 nm
Technology lstp22() { return *technology(22, Roadmap::lstp); }
}  // namespace

TEST_CASE("the layout rules are NeuroSim V1.3 constant.h's", "[circuits][gates]") {
  CHECK(kMinNmosSize == 2);
  CHECK(kMaxTransistorHeight == 28);
  CHECK(kMinGapBetweenPAndN == 3.5);
  CHECK(kMinGapBetweenSameTypeDiffs == 1.6);
  CHECK(kMinGapBetweenGatePoly == 2.8);
  CHECK(kMinPolyExtDiff == 1.0);
  CHECK(kMinGapBetweenFieldPoly == 1.6);
  CHECK(kPolyWidth == 1.0);
  CHECK(kAvgRatioLeak2InputNand == 0.48);
  CHECK(kAvgRatioLeak3InputNor == 0.62);
}

TEST_CASE("gate capacitance of a minimum NMOS at 22 nm equals the hand-derived value", "[circuits][gates]") {
  // W = MIN_NMOS_SIZE x F = 44 nm; Cg W = 1.4298e-9 x 44e-9 = 6.29112e-17 F.
  CHECK(gate_cap_f(lstp22(), kMinNmosSize * F) == Approx(6.29112e-17).epsilon(1e-6));
}

TEST_CASE("drain capacitance of a minimum NMOS at 22 nm equals the hand-derived value", "[circuits][gates]") {
  // Alone in a 28 F cell it fits unfolded (max width 28 F - (1 + 1.6/2) x 2 F = 24.4 F).
  // Drain 2.8 F = 61.6 nm long, 44 nm high:
  //   bottom    61.6e-9 x 44e-9 x 7.17137e-4       = 1.94373e-18
  //   sidewall  (2 x 61.6e-9 + 44e-9) x 2.00742e-10 = 3.35640e-17
  //   channel   1 finger x 44e-9 x 4.01483e-11      = 1.76653e-18
  //   total                                         = 3.72743e-17 F
  CHECK(drain_cap_f(lstp22(), 2 * F, Mos::nmos, kCellHeight) == Approx(3.72743e-17).epsilon(1e-5));
}

TEST_CASE("an unfolded inverter's output capacitance is its NMOS and PMOS drain capacitances", "[circuits][gates]") {
  // NMOS 2 F: 3.72743e-17 (above). PMOS 4 F = 88 nm (fits: 4/6 of 20.9 F = 13.9 F):
  //   bottom 61.6e-9 x 88e-9 x 7.17137e-4 = 3.88746e-18; sidewall (123.2e-9 + 88e-9) x 2.00742e-10 =
  //   4.23966e-17; channel 88e-9 x 4.01483e-11 = 3.53305e-18; total 4.98171e-17.
  // Output 3.72743e-17 + 4.98171e-17 = 8.70914e-17 F; input Cg x 6 F = 1.4298e-9 x 132e-9 = 1.887336e-16 F.
  const Technology t = lstp22();
  const GateCaps caps = gate_caps(t, Gate::inv, 1, 2 * F, 4 * F, kCellHeight);
  CHECK(caps.output_f == Approx(8.70914e-17).epsilon(1e-5));
  CHECK(caps.input_f == Approx(1.887336e-16).epsilon(1e-6));
  CHECK(caps.output_f == Approx(drain_cap_f(t, 2 * F, Mos::nmos, kCellHeight) + drain_cap_f(t, 4 * F, Mos::pmos, kCellHeight)));
}

TEST_CASE("a NAND2's output sees one shared PMOS drain and the NMOS stack's drain", "[circuits][gates]") {
  // NMOS and PMOS 4 F = 88 nm each, unfolded (each gets half of 20.9 F = 10.45 F).
  // PMOS in parallel share one drain (floor(3/2) = 1) of 61.6 nm, no outer edge ((2+1) % 2 = 1 -> 0):
  //   61.6e-9 x 88e-9 x Cj = 3.88746e-18; 2 x 61.6e-9 x Csw = 2.47314e-17; 88e-9 x Cd = 3.53305e-18
  // NMOS in series: 2 x 61.6 nm = 123.2 nm of drain, one outer edge:
  //   123.2e-9 x 88e-9 x Cj = 7.77491e-18; (2 x 123.2e-9 + 88e-9) x Csw = 6.71280e-17; 88e-9 x Cd = 3.53305e-18
  // Output = 1.105879e-16 F.
  const GateCaps caps = gate_caps(lstp22(), Gate::nand, 2, 4 * F, 4 * F, kCellHeight);
  CHECK(caps.output_f == Approx(1.105879e-16).epsilon(1e-5));
}

TEST_CASE("on resistance of a minimum transistor at 22 nm LSTP is 1.77 vdd over its on current", "[circuits][gates]") {
  // NMOS: 1.77 x 0.85 / (791.9 x 44e-9) = 1.5045 / 3.48436e-5 = 43178.66 ohm
  // PMOS: 1.77 x 0.85 / (600.2 x 44e-9) = 1.5045 / 2.64088e-5 = 56969.65 ohm
  CHECK(on_resistance_ohm(lstp22(), 2 * F, Mos::nmos) == Approx(43178.66).epsilon(1e-6));
  CHECK(on_resistance_ohm(lstp22(), 2 * F, Mos::pmos) == Approx(56969.65).epsilon(1e-6));
}

TEST_CASE("transconductance of a minimum NMOS at 22 nm LSTP is 2 I W over 0.7 vdd - vth", "[circuits][gates]") {
  // 2 x 456 x 44e-9 / (0.7 x 0.85 - 0.419915) = 4.0128e-5 / 0.175085 = 2.291915e-4 S
  CHECK(transconductance_s(lstp22(), 2 * F, Mos::nmos) == Approx(2.291915e-4).epsilon(1e-6));
}

TEST_CASE("horowitz with a step input equals tau ln 2 and its output slope 0.5 over the delay", "[circuits][gates]") {
  // alpha = 1 / (1e20 x 1e-9) = 1e-11: delay = tau sqrt(ln(0.5)^2 + 2 x 1e-11 x 0.5 x 0.5) = tau ln 2
  double ramp_out = 0;
  const double delay_s = horowitz_s(1e-9, kStepInputRamp, &ramp_out);
  CHECK(delay_s == Approx(1e-9 * std::log(2.0)).epsilon(1e-9));
  CHECK(ramp_out == Approx(0.5 / (1e-9 * std::log(2.0))).epsilon(1e-9));
}

TEST_CASE("horowitz with a slow input ramp adds alpha beta (1 - vs) under the root", "[circuits][gates]") {
  // tau = 1 ns, ramp 1e9 /s: alpha = 1; delay = 1e-9 sqrt(0.480453 + 2 x 1 x 0.5 x 0.5) = 1e-9 x sqrt(0.980453) = 0.990178 ns
  CHECK(horowitz_s(1e-9, 1e9) == Approx(0.990178e-9).epsilon(1e-6));
}

TEST_CASE("folding kicks in above the cell's max width", "[circuits][gates]") {
  // An NMOS alone in a 28 F cell: max width 28 F - (1 + 0.8) x 2 F = 24.4 F.
  // Unfolded: 2 poly pitches = 7.6 F; 2 fingers: 3 pitches = 11.4 F; 4 fingers (W > 3 x 24.4 F): 5 pitches = 19 F.
  const Technology t = lstp22();
  const Footprint at_max = gate_footprint(t, Gate::inv, 1, 24.4 * F, 0, kCellHeight);
  CHECK(at_max.width_m == Approx(7.6 * F));
  CHECK(at_max.height_m == Approx(kCellHeight));
  CHECK(gate_footprint(t, Gate::inv, 1, 24.5 * F, 0, kCellHeight).width_m == Approx(11.4 * F));
  CHECK(gate_footprint(t, Gate::inv, 1, 73.5 * F, 0, kCellHeight).width_m == Approx(19.0 * F));
  // A folded drain: 2 fingers have ceil(3/2) = 2 drains of 2.8 F, each 24.4 F high, its two outer
  // edges counted once (NeuroSim counts an inverter's NMOS edges with the PMOS's one finger):
  //   bottom 123.2e-9 x 536.8e-9 x Cj = 4.74270e-17; sidewall (2 x 123.2e-9 + 536.8e-9) x Csw = 1.57221e-16;
  //   channel 2 x 536.8e-9 x Cd = 4.31032e-17; total 2.477513e-16 F
  CHECK(drain_cap_f(t, 24.5 * F, Mos::nmos, kCellHeight) == Approx(2.477513e-16).epsilon(1e-5));
}

TEST_CASE("a NAND2 of unfolded transistors shares a diffusion and a folded one shares none", "[circuits][gates]") {
  // 4 F each: unfolded, 2 x 7.6 F - 3.8 F = 11.4 F. 12 F each (max 10.45 F): 2 fingers of 3 pitches
  // (11.4 F) per input, 2 inputs = 22.8 F.
  const Technology t = lstp22();
  CHECK(gate_footprint(t, Gate::nand, 2, 4 * F, 4 * F, kCellHeight).width_m == Approx(11.4 * F));
  CHECK(gate_footprint(t, Gate::nand, 2, 12 * F, 12 * F, kCellHeight).width_m == Approx(22.8 * F));
  CHECK(gate_footprint(t, Gate::nor, 3, 4 * F, 4 * F, kCellHeight).width_m == Approx(15.2 * F));  // 3 x 7.6 - 2 x 3.8
}

TEST_CASE("a pass gate is as tall as its P and N fingers plus the gaps", "[circuits][gates]") {
  // 4 F each, 1 finger: width 2 x 3.8 F = 7.6 F; height 4 F + 4 F + 3.5 F + (1 + 0.8) x 2 F = 15.1 F.
  // 2 fingers: width 11.4 F; height 2 F + 2 F + 3.5 F + 3.6 F = 11.1 F.
  const Technology t = lstp22();
  const Footprint one = pass_gate_footprint(t, 4 * F, 4 * F, 1);
  CHECK(one.width_m == Approx(7.6 * F));
  CHECK(one.height_m == Approx(15.1 * F));
  const Footprint two = pass_gate_footprint(t, 4 * F, 4 * F, 2);
  CHECK(two.width_m == Approx(11.4 * F));
  CHECK(two.height_m == Approx(11.1 * F));
  CHECK(two.area_m2() == Approx(11.4 * F * 11.1 * F));
}

TEST_CASE("leakage of a NAND2 is 0.48 of its two PMOS' off current", "[circuits][gates]") {
  // NAND2, PMOS 4 F: 0.48 x 88e-9 x 100e-6 x 2 = 8.448e-12 A.
  // Inverter 2 F / 4 F: (44e-9 + 88e-9) x 100e-6 / 2 = 6.6e-12 A.
  // NOR3, NMOS 2 F: 0.62 x 44e-9 x 100e-6 x 3 = 8.184e-12 A.
  const Technology t = lstp22();
  CHECK(gate_leakage_a(t, Gate::nand, 2, 4 * F, 4 * F) == Approx(8.448e-12).epsilon(1e-9));
  CHECK(gate_leakage_a(t, Gate::inv, 1, 2 * F, 4 * F) == Approx(6.6e-12).epsilon(1e-9));
  CHECK(gate_leakage_a(t, Gate::nor, 3, 2 * F, 4 * F) == Approx(8.184e-12).epsilon(1e-9));
}
