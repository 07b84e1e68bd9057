// NeuroSim V1.3 RowDecoder.cpp (REGULAR_ROW, no MUX, not parallel), rewritten.

#include "circuits/address_decoder.h"

#include <algorithm>
#include <cmath>

#include "circuits/gates.h"
#include "core/diagnostics.h"

namespace hwaware::circuits {
namespace {
double cell_height_m(const Technology& t) { return kMaxTransistorHeight * t.feature_m; }
int nor_inputs(int bits) { return (bits + 1) / 2; }
}  // namespace

AddressDecoder::AddressDecoder(const Technology& t, int address_bits) : t_(t), bits_(address_bits) {
  if (address_bits < 0) core::panic("AddressDecoder: address bits must be >= 0");
  const double h = cell_height_m(t);
  nands_ = 4 * (bits_ / 2);
  nors_ = bits_ > 2 ? 1 << bits_ : 0;
  inv_ = fill_cell_height(t, min_widths(t), h);
  nand_ = fill_cell_height(t, min_widths(t, 2, 1), h);
  nor_ = fill_cell_height(t, min_widths(t, 1, std::max(1, nor_inputs(bits_))), h);
  driver_ = min_widths(t, 2, 2);  // output driver: not enlarged
  auto caps = [&](Gate g, int inputs, Widths w) {
    double height = gate_footprint(t, g, inputs, w.nmos_m, w.pmos_m, h).height_m;
    return gate_caps(t, g, inputs, w.nmos_m, w.pmos_m, height);
  };
  GateCaps c = caps(Gate::inv, 1, inv_);
  cap_inv_in_f_ = c.input_f;
  if (nands_ > 0) c = caps(Gate::nand, 2, nand_), cap_nand_in_f_ = c.input_f, cap_nand_out_f_ = c.output_f;
  if (nors_ > 0) c = caps(Gate::nor, nor_inputs(bits_), nor_), cap_nor_in_f_ = c.input_f, cap_nor_out_f_ = c.output_f;
  c = caps(Gate::inv, 1, driver_);
  cap_driver_in_f_ = c.input_f, cap_driver_out_f_ = c.output_f;
}

// RowDecoder.cpp CalculatePower: each address inverter drives 2 NAND inputs (or, for an odd last
// bit, half the NORs); one NAND in four drives a quarter of the NORs; one NOR drives its line's
// first inverter; the two driver inverters switch.
double AddressDecoder::decode_energy_j(double activity) const {
  const int paired = (bits_ / 2) * 2;
  double c = (cap_inv_in_f_ + cap_nand_in_f_ * 2) * paired;
  c += (cap_inv_in_f_ + cap_nor_in_f_ * nors_ / 2) * (bits_ - paired);
  c += (cap_nand_out_f_ + cap_nor_in_f_ * nors_ / 4) * nands_ / 4;
  c += cap_nor_out_f_ + cap_inv_in_f_;
  c += (cap_driver_in_f_ + cap_driver_out_f_) * 2;
  return c * t_.vdd_v * t_.vdd_v * activity;
}

double AddressDecoder::leakage_w() const {
  double a = gate_leakage_a(t_, Gate::inv, 1, inv_.nmos_m, inv_.pmos_m) * bits_;
  if (nands_ > 0) a += gate_leakage_a(t_, Gate::nand, 2, nand_.nmos_m, nand_.pmos_m) * nands_;
  if (nors_ > 0) a += gate_leakage_a(t_, Gate::nor, nor_inputs(bits_), nor_.nmos_m, nor_.pmos_m) * nors_;
  a += gate_leakage_a(t_, Gate::inv, 1, driver_.nmos_m, driver_.pmos_m) * 2 * nors_;
  return a * t_.vdd_v;
}

// RowDecoder.cpp CalculateArea, REGULAR_ROW with a given height: columns of NANDs and NORs (and
// NeuroSim counts no column of address inverters), M3 tracks between NANDs and NORs, two driver
// inverters per NOR column.
double AddressDecoder::area_in_height_m2(double height_m) const {
  const double h = cell_height_m(t_);
  auto columns = [&](Gate g, int inputs, Widths w, int count, double* width_m) {
    Footprint fp = gate_footprint(t_, g, inputs, w.nmos_m, w.pmos_m, h);
    *width_m = fp.width_m;
    if (count == 0) return 0;
    int per_column = std::min(count, static_cast<int>(height_m / fp.height_m));
    if (per_column < 1) core::panic("AddressDecoder: the height holds no gate");
    return static_cast<int>(std::ceil(static_cast<double>(count) / per_column));
  };
  double w_nand = 0, w_nor = 0, w_driver = 0;
  int nand_columns = columns(Gate::nand, 2, nand_, nands_, &w_nand);
  int nor_columns = nors_ > 0 ? columns(Gate::nor, nor_inputs(bits_), nor_, nors_, &w_nor) : 0;
  columns(Gate::inv, 1, driver_, 0, &w_driver);
  int metal = bits_ > 2 ? nands_ + (bits_ % 2) * 2 : 0;
  double width_m = w_nand * nand_columns + kM3Pitch * metal * t_.feature_m + w_nor * nor_columns + 2 * w_driver * nor_columns;
  return height_m * width_m;
}

}  // namespace hwaware::circuits
