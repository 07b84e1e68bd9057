#pragma once
// An H-tree connecting a rows x cols array of units (tiles on the chip, PEs in a tile) to its root
// (neurosim/DNN_NeuroSim_V1.3, HTree.cpp), `bus_bits` wide, with repeaters relaxed to a delay
// tolerance (repeated_wire.h, halving). NeuroSim routes every transfer of a layer root to leaf (its
// chip and tile code always call it with the root at (0, 0)); this model gives that path.
//
// The path, for N = ceil(log2(max(rows, cols))) levels, unit height h and width w:
// - energy per bit: levels of length (h + w) 2^N / 2^(k+1), k = 1..N, that is (h + w)(2^N - 1) / 2,
//   plus a main bus of m units of width w, m = min(cols - x_c, x_c), x_c = floor(log2(min(rows,
//   cols))) (less one when that leaves no column), at the repeated wire's energy per bit per metre;
// - latency: levels of twice those lengths (NeuroSim's latency starts from the full 2^N span), each
//   at the delay per metre of its own wire, 2 or 4 times the node's width (NeuroSim
//   GetUnitLengthRes), plus the main bus at the last level's delay per metre.
//
// Preconditions (core::panic): rows, cols >= 1; bus_bits > 0; unit sizes > 0; folded ratio > 0.

#include "circuits/repeated_wire.h"
#include "circuits/technology.h"

namespace hwaware::circuits {

class HTree {
 public:
  HTree(const Technology& t, int rows, int cols, double bus_bits, double unit_height_m, double unit_width_m, double delay_tolerance = 0.1);

  int levels() const;          // N
  int main_bus_units() const;  // m
  double bus_bits() const { return bus_bits_; }
  const RepeaterDesign& repeaters() const { return repeaters_; }
  double path_length_m() const;     // root to a leaf, as the energy counts it
  double energy_per_bit_j() const;  // one bit root to leaf
  double latency_s() const;         // one transfer (bus_bits in parallel) root to leaf
  double leakage_w() const;         // repeaters along the wire length NeuroSim's area counts
  // Wire area, the bus folded `folded_ratio` times over (NeuroSim: 4 on the chip, 16 in a tile).
  double area_m2(double folded_ratio) const;

 private:
  double stage_length_sum_m() const;  // NeuroSim's totalWireLength (levels 2..N and main bus)

  const Technology t_;
  int rows_, cols_;
  double bus_bits_, unit_h_m_, unit_w_m_;
  RepeaterDesign repeaters_;
};

// NeuroSim HTree.cpp GetUnitLengthRes, as it evaluates: a wire 4 x the node's width when at least
// 1e5 feature sizes long, else 2 x; resistivity 2.2e-8 ohm m at 175 nm width or more, else
// 2.52e-8; aspect ratio 1.6 (its chained comparisons select these rows whatever the width).
double htree_wire_ohm_per_m(const Technology& t, double length_m);

}  // namespace hwaware::circuits
