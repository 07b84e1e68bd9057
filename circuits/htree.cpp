// NeuroSim V1.3 HTree.cpp (root-to-leaf path), rewritten.

#include "circuits/htree.h"

#include <algorithm>
#include <cmath>

#include "circuits/gates.h"
#include "core/diagnostics.h"

namespace hwaware::circuits {

double htree_wire_ohm_per_m(const Technology& t, double length_m) {
  const double width_m = (length_m / t.feature_m >= 1e5 ? 4 : 2) * t.wire_width_m;
  const double resistivity = width_m >= 175e-9 ? 2.20e-8 : 2.52e-8;
  return resistivity / (width_m * width_m * 1.6);
}

HTree::HTree(const Technology& t, int rows, int cols, double bus_bits, double unit_height_m, double unit_width_m, double delay_tolerance)
    : t_(t),
      rows_(rows),
      cols_(cols),
      bus_bits_(bus_bits),
      unit_h_m_(unit_height_m),
      unit_w_m_(unit_width_m),
      repeaters_(design_repeaters(t, delay_tolerance, RepeaterRelaxation::halve)) {
  if (rows < 1 || cols < 1) core::panic("HTree: rows and cols must be >= 1");
  if (!(bus_bits > 0) || !(unit_height_m > 0) || !(unit_width_m > 0)) core::panic("HTree: bus width and unit sizes must be > 0");
}

int HTree::levels() const { return static_cast<int>(std::ceil(std::log2(std::max(rows_, cols_)))); }

// HTree.cpp Initialize: the centre column x_c and the over-routing constraint.
int HTree::main_bus_units() const {
  int x_center = static_cast<int>(std::floor(std::log2(std::min(rows_, cols_))));
  if (cols_ - x_center < 1) x_center -= 1;
  return std::min(cols_ - x_center, x_center);
}

double HTree::path_length_m() const {
  const double span = std::pow(2.0, levels());
  return (unit_h_m_ + unit_w_m_) * (span - 1) / 2 + main_bus_units() * unit_w_m_;
}

// HTree.cpp CalculatePower, root-leaf branch.
double HTree::energy_per_bit_j() const { return path_length_m() * repeated_energy_j_per_bit_m(t_, repeaters_); }

// HTree.cpp CalculateLatency, root-leaf branch.
double HTree::latency_s() const {
  double v = unit_h_m_ * std::pow(2.0, levels()), h = unit_w_m_ * std::pow(2.0, levels());
  double d = 0, last_per_m = 0;
  for (int k = 0; k < levels(); ++k) {
    v /= 2, h /= 2;
    d += v * repeated_delay_s_per_m(t_, repeaters_, htree_wire_ohm_per_m(t_, v));
    last_per_m = repeated_delay_s_per_m(t_, repeaters_, htree_wire_ohm_per_m(t_, h));
    d += h * last_per_m;
  }
  return d + main_bus_units() * unit_w_m_ * last_per_m;
}

// HTree.cpp CalculateArea: levels 2..N (the first is taken to overlap the units) plus the main bus.
double HTree::stage_length_sum_m() const {
  double v = unit_h_m_ * std::pow(2.0, levels()) / 2, h = unit_w_m_ * std::pow(2.0, levels()) / 2, sum = 0;
  for (int k = 1; k < levels(); ++k) v /= 2, h /= 2, sum += v + h;
  return sum + main_bus_units() * unit_w_m_;
}

double HTree::leakage_w() const { return repeated_leakage_w_per_m(t_, repeaters_) * stage_length_sum_m(); }

// HTree.cpp CalculateArea: each level's wire width is the bus of repeaters (width wInv vertically,
// hInv horizontally) folded `folded_ratio` times, the widths of the levels so far added up; a
// level's area is that width x half its length.
double HTree::area_m2(double folded_ratio) const {
  if (!(folded_ratio > 0)) core::panic("HTree: folded ratio must be > 0");
  double v = unit_h_m_ * std::pow(2.0, levels()) / 2, h = unit_w_m_ * std::pow(2.0, levels()) / 2;
  double width_v = 0, width_h = 0, area = 0;
  for (int k = 1; k < levels(); ++k) {
    v /= 2, h /= 2;
    width_v += bus_bits_ * repeaters_.width_m / folded_ratio;
    area += width_v * v / 2;
    width_h += bus_bits_ * repeaters_.height_m / folded_ratio;
    area += width_h * h / 2;
  }
  return area + bus_bits_ * repeaters_.height_m / folded_ratio * main_bus_units() * unit_w_m_;
}

}  // namespace hwaware::circuits
