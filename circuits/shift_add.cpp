// The shift-and-add bank of DNN+NeuroSim V1.3 ShiftAdd.cpp (NONSPIKING).

#include "circuits/shift_add.h"

#include "circuits/transistor_sizing.h"
#include "core/diagnostics.h"

namespace hwaware::circuits {

ShiftAdd::ShiftAdd(const Technology& t, long units, int adder_bits, int shifts)
    : t_(t), units_(units), flip_flops_((adder_bits + 1 + shifts - 1) * units), adder_(t, adder_bits), dff_(t) {
  if (units < 1 || shifts < 1) core::panic("circuits: a shift-add bank needs >= 1 unit and >= 1 shift");
}

double ShiftAdd::operation_energy_j(const Calibration& c) const {
  const double n = static_cast<double>(flip_flops_);
  return adder_.add_energy_j() * static_cast<double>(units_) * c.adder_activity() + dff_.energy_j(n, n) * c.flip_flop_activity();
}

double ShiftAdd::leakage_w() const {
  return (adder_.leakage_w() * static_cast<double>(units_)) + dff_.leakage_w() * static_cast<double>(flip_flops_);
}

Footprint ShiftAdd::footprint(double width_m) const {
  const double adders_h = adder_rows(adder_, units_, width_m).height_m;
  const double dffs_h = dff_rows(dff_, flip_flops_, width_m).height_m;
  return {adders_h + standard_cell_height_m(t_) + dffs_h, width_m};
}

}  // namespace hwaware::circuits
