// NeuroSim V1.3 AdderTree.cpp, rewritten on RippleAdder (Adder.cpp).

#include "circuits/adder_tree.h"

#include <cmath>

#include "circuits/cell_sizing.h"
#include "core/diagnostics.h"

namespace hwaware::circuits {

AdderTree::AdderTree(const Technology& t, int inputs, int input_bits, int trees)
    : t_(t), inputs_(inputs), input_bits_(input_bits), trees_(trees) {
  if (inputs < 1 || input_bits < 1 || trees < 1) core::panic("AdderTree: inputs, bits and trees must be >= 1");
}

int AdderTree::stages() const { return static_cast<int>(std::ceil(std::log2(inputs_))); }

// AdderTree.cpp: ceil(log2 n) stages; stage s halves the operands (integer halving, as NeuroSim's
// ceil(j/2) on an int), its adders one bit wider than the previous stage's.
std::vector<AdderTree::Stage> AdderTree::stages_of(int used) const {
  if (used < 0) core::panic("AdderTree: used inputs must be >= 0");
  int n = used == 0 ? inputs_ : used;
  int count = static_cast<int>(std::ceil(std::log2(n)));
  std::vector<Stage> s;
  for (int i = 0, bits = input_bits_; i < count; ++i, ++bits) {
    s.push_back({n / 2, bits});
    n /= 2;
  }
  return s;
}

double AdderTree::latency_s(int used) const {
  double d = 0;
  for (const Stage& s : stages_of(used)) d += RippleAdder(t_, s.bits).latency_s();
  return d;
}

double AdderTree::latency_cycles(double clock_hz, int used) const {
  double c = 0;
  for (const Stage& s : stages_of(used)) c += cycles(RippleAdder(t_, s.bits).latency_s(), clock_hz);
  return c;
}

double AdderTree::reduction_energy_j(int used, double activity) const {
  double e = 0;
  for (const Stage& s : stages_of(used)) e += s.adders * RippleAdder(t_, s.bits).add_energy_j(activity);
  return e * trees_;
}

double AdderTree::leakage_w(int used) const {
  double w = 0;
  for (const Stage& s : stages_of(used)) w += s.adders * RippleAdder(t_, s.bits).leakage_w();
  return w * trees_;
}

// AdderTree.cpp CalculateArea: the adder-bits of one tree (sum over stages of adders x bits), each
// 9 NAND2 cells, for every tree.
double AdderTree::area_m2() const {
  double adder_bits = 0;
  for (const Stage& s : stages_of(0)) adder_bits += static_cast<double>(s.adders) * s.bits;
  return adder_bits * trees_ * RippleAdder(t_, 1).area_m2();
}

}  // namespace hwaware::circuits
