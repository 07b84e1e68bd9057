// The circuits of a parallel-read subarray, their layout and leakage (DNN+NeuroSim V1.3
// SubArray.cpp Initialize, CalculateArea, CalculatePower; conventionalParallel).

#include "circuits/subarray_parts.h"

#include <algorithm>
#include <cmath>

#include "circuits/level_shifter.h"

namespace hwaware::circuits {

SubarrayParts::SubarrayParts(const SubarrayConfig& c, long rows_per_read, int cells_per_weight)
    : config(c), cells(c.tech, c.cell, c.rows, c.cols) {
  const Technology& t = c.tech;
  const CellSpec& cell = c.cell;
  const long turns = c.adc.cols_per_adc, adcs = c.cols / turns;
  const double rows = static_cast<double>(c.rows), cols = static_cast<double>(c.cols);
  const bool sram = cell.device == CellDevice::sram;
  // Pass gates of resistive arrays are sized for the average cell resistance over the rows that
  // share a column (NeuroSim: resTg = resMemCellAvg / numRow); SRAM's word lines for the row wire,
  // its multiplexers for half the access transistor over the rows.
  const double column_ohm = cells.average_cell_ohm() / rows;
  if (cell.device == CellDevice::rram_1t1r) {
    row_switch_1t1r.emplace(t, c.rows, cells.height_m(), cell.access_voltage_v, cell.read_voltage_v);
  } else {
    const double pass_ohm = sram ? cells.row_wire_ohm() : column_ohm * rows / cols;
    row_switch.emplace(t, SwitchSide::rows, c.rows, cells.height_m(), pass_ohm, cell.read_voltage_v);
  }
  if (!sram) column_switch.emplace(t, SwitchSide::columns, c.cols, cells.width_m(), column_ohm * rows, cell.read_voltage_v);
  if (turns > 1) {
    mux.emplace(t, adcs, turns, sram ? cells.access_ohm() / rows / 2 : column_ohm, cell.read_voltage_v);
    mux_decoder.emplace(t, static_cast<int>(std::ceil(std::log2(static_cast<double>(turns)))));
  }
  if (c.adc.family == AdcFamily::mlsa) {
    mlsa.emplace(t, MlsaSpec{c.adc.bits, adcs, c.adc.sensing, rows_per_read, cell.r_on_ohm, cell.r_off_ohm, cell.read_voltage_v});
    encoder.emplace(t, 1 << c.adc.bits, adcs);
  } else {
    sar.emplace(t, c.adc.bits, adcs, cell.read_voltage_v);
  }
  if (cells_per_weight > 1) weight_shift_add.emplace(t, adcs, c.adc.bits, cells_per_weight);
  if (c.input_bits > 1) input_shift_add.emplace(t, adcs, c.adc.bits + cells_per_weight, c.input_bits);
  if (sram) {
    precharger.emplace(t, c.cols, cells.column_cap_f(), cells.column_wire_ohm());
    write_driver.emplace(t, c.cols);
  }
  level_shifters = !sram && cell.write_voltage_v > 1.5;
}

SubarrayArea SubarrayParts::area() const {
  const Technology& t = config.tech;
  const double w = cells.width_m(), h = cells.height_m();
  SubarrayArea a;
  a.array_m2 = cells.area_m2();
  double height_m = h, left_m = 0, other_m2 = 0, adc_m2 = 0, accumulation_m2 = 0;
  auto below = [&](const Footprint& f, double* category) {  // a block under the array
    height_m += f.height_m;
    *category += f.area_m2();
  };
  if (level_shifters) {
    // Word-line and bit-line shifters beside the array (one per row each), source-line ones below.
    const double row_ls_m2 = level_shifters_area_m2(t, config.rows, config.calibration);
    left_m += 2 * row_ls_m2 / h;
    other_m2 += 2 * row_ls_m2;
    below({level_shifters_area_m2(t, config.cols, config.calibration) / w, w}, &other_m2);
  }
  const Footprint row = row_switch_1t1r ? row_switch_1t1r->footprint() : row_switch->footprint();
  left_m += row.width_m;
  other_m2 += row.area_m2();
  if (column_switch) below(column_switch->footprint(), &other_m2);
  if (precharger) below(precharger->footprint(w), &adc_m2);
  if (write_driver) below(write_driver->footprint(w), &other_m2);
  double decoder_w = 0;
  if (mux) {
    const Footprint dec = mux_decoder->footprint();
    below(mux->footprint(w, dec.height_m), &other_m2);
    other_m2 += dec.area_m2();
    decoder_w = dec.width_m;
  }
  if (mlsa) below(mlsa->footprint(w), &adc_m2);
  if (encoder) below(encoder->footprint(w), &adc_m2);
  if (sar) below(sar->footprint(w), &adc_m2);
  if (weight_shift_add) below(weight_shift_add->footprint(w), &accumulation_m2);
  if (input_shift_add) below(input_shift_add->footprint(w), &accumulation_m2);
  a.adc_m2 = adc_m2, a.accumulation_m2 = accumulation_m2, a.other_m2 = other_m2;
  a.used_m2 = a.array_m2 + adc_m2 + accumulation_m2 + other_m2;
  a.height_m = height_m;
  a.width_m = std::max(left_m, decoder_w) + w;
  return a;
}

double SubarrayParts::leakage_w() const {
  double w = cells.leakage_w();
  if (row_switch_1t1r) w += row_switch_1t1r->leakage_w();
  if (row_switch) w += row_switch->leakage_w();
  if (column_switch) w += column_switch->leakage_w();
  if (mux) w += mux->leakage_w() + mux_decoder->leakage_w();
  if (mlsa) w += mlsa->leakage_w() + encoder->leakage_w();
  if (sar) w += sar->leakage_w();
  if (weight_shift_add) w += weight_shift_add->leakage_w();
  if (input_shift_add) w += input_shift_add->leakage_w();
  if (precharger) w += precharger->leakage_w() + write_driver->leakage_w();
  return w;
}

}  // namespace hwaware::circuits
