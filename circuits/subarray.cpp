// The parallel-read subarray of DNN+NeuroSim V1.3 SubArray.cpp (conventionalParallel): its
// circuits, the cost of each action and the sensing cycle. Layout and leakage: subarray_layout.cpp.

#include "circuits/subarray.h"

#include <cmath>

#include "circuits/subarray_parts.h"
#include "core/diagnostics.h"

namespace hwaware::circuits {
namespace {

void check(const SubarrayConfig& c) {
  if (c.tech.feature_m <= 0) core::panic("circuits: the subarray needs a technology from technology()");
  if (c.rows < 1 || c.cols < 1) core::panic("circuits: a subarray needs >= 1 row and >= 1 column");
  if (c.rows_per_read < 0 || c.rows_per_read > c.rows) core::panic("circuits: rows_per_read must be in [0, rows]");
  if (c.adc.cols_per_adc < 1 || c.cols % c.adc.cols_per_adc != 0) core::panic("circuits: cols must be a multiple of cols_per_adc");
  if (c.input_bits < 1 || c.weight_bits < 1) core::panic("circuits: input and weight bits must be >= 1");
  if (!(c.input_bit_density >= 0 && c.input_bit_density <= 1)) core::panic("circuits: the input bit density must be in [0, 1]");
}

// The conversion of one column of conductance `g_s`: energy of the converter and its column
// current, and the time it takes (MLSA: its sensing time and the encoder; SAR: bits + 1 cycles).
struct Conversion {
  double converter_j = 0, column_current_j = 0, latency_s = 0;
};
Conversion convert(const SubarrayParts& p, double g_s) {
  if (p.sar)
    return {p.sar->converter_power_w() * p.sar->conversion_latency_s(), p.sar->column_current_energy_j(g_s), p.sar->conversion_latency_s()};
  const double time_s = p.mlsa->sensing_time_s(g_s);
  return {p.mlsa->converter_power_w() * time_s, p.mlsa->column_current_energy_j(g_s), time_s + p.encoder->latency_s(kStepInputRamp)};
}

double empty_conversion_energy_j(const SubarrayParts& p) { return p.sar ? p.sar->conversion_energy_j(0) : p.mlsa->conversion_energy_j(0); }

SubarrayActions price_actions(const SubarrayConfig& c, const SubarrayParts& p, const Subarray& s) {
  const double turns = static_cast<double>(s.column_turns), adcs = static_cast<double>(s.adcs);
  const Calibration& cal = c.calibration;
  SubarrayActions a;
  // The column current is split over the cells that draw it (at least one, so that a density of 0
  // still prices a cell).
  const double cells_per_column = std::max(1.0, c.input_bit_density * static_cast<double>(s.rows_per_read));
  const Conversion conv = convert(p, cells_per_column * s.mean_cell_conductance_s);
  a.cell_read.energy_j = conv.column_current_j / cells_per_column;
  a.word_line.energy_j = p.cells.word_line_energy_j() * turns;
  a.bit_lines.energy_j = p.cells.bit_line_energy_j() * adcs * turns;
  a.conversion = {conv.converter_j, conv.latency_s, 0, 0};
  a.empty_conversion = {empty_conversion_energy_j(p), conv.latency_s, 0, 0};
  if (p.encoder) a.encoding.energy_j = p.encoder->encode_energy_j() * turns * cal.activity().control;
  if (p.precharger) a.precharge.energy_j = p.precharger->turn_energy_j() * turns;
  // Weight shift-adders each turn; input shift-adders once per cells-of-a-weight turns (NeuroSim:
  // ceil(numColMuxed / numCellPerSynapse) of integers, i.e. truncated).
  if (p.weight_shift_add) a.shift_add.energy_j += p.weight_shift_add->operation_energy_j(cal) * turns;
  if (p.input_shift_add)
    a.shift_add.energy_j += p.input_shift_add->operation_energy_j(cal) * static_cast<double>(s.column_turns / s.cells_per_weight);
  if (p.row_switch_1t1r) {
    a.row_drive.energy_j = p.row_switch_1t1r->row_drive_energy_j() * turns;
    a.row_scan.energy_j = p.row_switch_1t1r->scan_energy_j() * turns;
  } else {
    a.row_drive.energy_j = p.row_switch->row_drive_energy_j() * turns;
    a.row_scan.energy_j = p.row_switch->scan_energy_j() * turns;
  }
  if (p.mux) a.column_select.energy_j = p.mux->turn_energy_j() + p.mux_decoder->decode_energy_j() * cal.activity().control;
  return a;
}

// NeuroSim SubArray.cpp CalculateLatency (clock pass): beta x (max(row drive, mux + its decoder)
// + column settling + conversion [+ SRAM precharge]).
double sensing_cycle_s(const SubarrayConfig& c, const SubarrayParts& p, const Subarray& s) {
  double row_ramp = kStepInputRamp, row_s = 0;
  if (p.row_switch_1t1r) {
    row_s = p.row_switch_1t1r->latency_s(p.cells.word_line_cap_f(), p.cells.row_wire_ohm(), &row_ramp);
  } else {
    row_s = p.row_switch->latency_s(kStepInputRamp, p.cells.word_line_cap_f(), p.cells.row_wire_ohm(), &row_ramp);
  }
  double select_s = 0;
  if (p.mux) {
    const double adcs = static_cast<double>(s.adcs);
    select_s = p.mux->turn_latency_s() + p.mux_decoder->latency_s(kStepInputRamp, p.mux->nmos_gate_f() * adcs, p.mux->pmos_gate_f() * adcs);
  }
  double cycle_s = std::max(row_s, select_s) + p.cells.sensing_delay_s(row_ramp) + s.actions.conversion.latency_s;
  if (p.precharger) cycle_s += p.precharger->latency_s();
  return cycle_s * c.calibration.sensing_margin();
}

}  // namespace

SubarrayConfig neurosim_default_config() {
  SubarrayConfig c;
  c.tech = *technology(22, Roadmap::lstp);
  return c;  // every other default is Param.cpp's
}

Subarray build_subarray(const SubarrayConfig& config) {
  check(config);
  Subarray s;
  s.config = config;
  s.rows_per_read = config.rows_per_read > 0 ? config.rows_per_read : config.rows;
  s.column_turns = config.adc.cols_per_adc;
  s.adcs = config.cols / config.adc.cols_per_adc;
  s.cells_per_weight = (config.weight_bits + config.cell.bits - 1) / config.cell.bits;
  const SubarrayParts parts(config, s.rows_per_read, s.cells_per_weight);
  s.mean_cell_conductance_s = parts.cells.mean_read_conductance_s();
  s.column_conductance_s = config.input_bit_density * static_cast<double>(s.rows_per_read) * s.mean_cell_conductance_s;
  s.actions = price_actions(config, parts, s);
  s.sensing_cycle_s = sensing_cycle_s(config, parts, s);
  // Synchronous: the ADCs take one cycle per column turn, the shift-adders one per operation
  // (NeuroSim SubArray.cpp and ShiftAdd.cpp, synchronous = true); the rest hides in the cycle.
  const double turns = static_cast<double>(s.column_turns);
  double accumulation_cycles = 0;
  if (parts.weight_shift_add) accumulation_cycles += turns;
  if (parts.input_shift_add) accumulation_cycles += static_cast<double>(s.column_turns / s.cells_per_weight);
  s.pulse_latency = {turns * s.sensing_cycle_s, accumulation_cycles * s.sensing_cycle_s, 0};
  s.area = parts.area();
  s.leakage_w = parts.leakage_w();
  return s;
}

ReadPulseCounts expected_counts(const Subarray& s, double density, long mapped_rows, long mapped_cols) {
  if (!(density >= 0 && density <= 1)) core::panic("circuits: a density must be in [0, 1]");
  if (mapped_rows < 0 || mapped_rows > s.rows_per_read || mapped_cols < 0 || mapped_cols > s.config.cols)
    core::panic("circuits: mapped rows and columns must fit the subarray's read");
  ReadPulseCounts n;
  const double rows = static_cast<double>(mapped_rows), cols = static_cast<double>(mapped_cols);
  const double empty = std::pow(1 - density, rows);  // every mapped row off
  n.rows_on = density * rows;
  n.cells_on = density * rows * cols;
  n.conversions = (1 - empty) * cols;
  n.empty_conversions = empty * cols;
  return n;
}

ReadPulseCounts expected_counts(const Subarray& s) {
  return expected_counts(s, s.config.input_bit_density, s.rows_per_read, s.config.cols);
}

CategoryEnergy read_pulse_energy(const Subarray& s, const ReadPulseCounts& n) {
  const SubarrayActions& a = s.actions;
  CategoryEnergy e;
  e.adc_j = a.cell_read.energy_j * n.cells_on + a.word_line.energy_j * n.rows_on + a.bit_lines.energy_j +
            a.conversion.energy_j * n.conversions + a.empty_conversion.energy_j * n.empty_conversions + a.encoding.energy_j +
            a.precharge.energy_j;
  e.accumulation_j = a.shift_add.energy_j;
  const double turns_per_pulse = static_cast<double>(s.column_turns) / s.config.input_bits;
  e.other_j = a.row_drive.energy_j * n.rows_on + a.row_scan.energy_j + a.column_select.energy_j * turns_per_pulse;
  return e;
}

}  // namespace hwaware::circuits
