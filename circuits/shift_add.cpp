// The shift-and-add bank of DNN+NeuroSim V1.3 ShiftAdd.cpp (NONSPIKING).

#include "circuits/shift_add.h"

#include "circuits/transistor_sizing.h"
#include "core/diagnostics.h"

namespace hwaware::circuits {
namespace {
int checked_flip_flops(long units, int adder_bits, int shifts) {
  if (units < 1 || adder_bits < 1 || shifts < 1) core::panic("circuits: a shift-add bank needs >= 1 unit, adder bit and shift");
  return static_cast<int>((adder_bits + 1 + shifts - 1) * units);
}
}  // namespace

ShiftAdd::ShiftAdd(const Technology& t, long units, int adder_bits, int shifts)
    : t_(t), units_(units), adder_(t, adder_bits), flip_flops_(t, checked_flip_flops(units, adder_bits, shifts)) {}

double ShiftAdd::operation_energy_j(const Calibration& c) const {
  const Activity a = c.activity();
  return adder_.add_energy_j(a.adder) * static_cast<double>(units_) + flip_flops_.cycle_energy_j(flip_flops_.count(), a.flip_flop);
}

double ShiftAdd::leakage_w() const { return adder_.leakage_w() * static_cast<double>(units_) + flip_flops_.leakage_w(); }

Footprint ShiftAdd::footprint(double width_m) const {
  // NeuroSim Adder.cpp CalculateArea given a width: the adders' area over that width, not
  // quantised to whole rows; DFF.cpp: whole flip-flops per row.
  const double adders_h = adder_.area_m2() * static_cast<double>(units_) / width_m;
  const double flip_flops_h = flip_flops_.area_in_width_m2(width_m) / width_m;
  return {adders_h + standard_cell_height_m(t_) + flip_flops_h, width_m};
}

}  // namespace hwaware::circuits
