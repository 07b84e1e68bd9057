// The parallel-read subarray assembled in DNN+NeuroSim V1.3's method: latency, area and the
// variants (SRAM, SAR, no column multiplexing).

#include <catch2/catch.hpp>

#include "circuits/subarray.h"

using namespace hwaware::circuits;

TEST_CASE("a read pulse takes one sensing cycle per column turn in the ADCs and one per shift-add") {
  const Subarray s = build_subarray(neurosim_default_config());
  CHECK(s.column_turns == 8);
  CHECK(s.adcs == 16);
  CHECK(s.cells_per_weight == 4);
  CHECK(s.pulse_latency.adc_s == Approx(8 * s.sensing_cycle_s));
  CHECK(s.pulse_latency.accumulation_s == Approx((8 + 8 / 4) * s.sensing_cycle_s));  // weight + input shift-adds
  CHECK(s.pulse_latency.other_s == 0);
}

TEST_CASE("the sensing cycle carries NeuroSim's latency margin beta") {
  SubarrayConfig c = neurosim_default_config();
  const double calibrated = build_subarray(c).sensing_cycle_s;
  c.calibration.validated = false;
  CHECK(calibrated == Approx(1.4 * build_subarray(c).sensing_cycle_s));
}

TEST_CASE("the area split adds up to the circuits' area and fits in the subarray's bounding box") {
  const Subarray s = build_subarray(neurosim_default_config());
  const SubarrayArea& a = s.area;
  CHECK(a.array_m2 == Approx(128 * 12 * 22e-9 * 128 * 4 * 22e-9));
  CHECK(a.used_m2 == Approx(a.array_m2 + a.adc_m2 + a.accumulation_m2 + a.other_m2));
  CHECK(a.area_m2() >= a.used_m2);
  CHECK(a.adc_m2 > a.array_m2);  // the MLSAs dwarf the cells (NeuroSim: ADC 2.45e7 um2, arrays 1.54e6)
}

TEST_CASE("a read pulse with no input bit on costs only the fixed periphery") {
  const Subarray s = build_subarray(neurosim_default_config());
  const ReadPulseCounts n = expected_counts(s, 0, 128, 128);
  CHECK(n.rows_on == 0);
  CHECK(n.conversions == 0);
  CHECK(n.empty_conversions == 128);
  const CategoryEnergy e = read_pulse_energy(s, n);
  const SubarrayActions& a = s.actions;
  CHECK(e.adc_j == Approx(a.bit_lines.energy_j + 128 * a.empty_conversion.energy_j + a.encoding.energy_j));
  CHECK(e.accumulation_j == Approx(a.shift_add.energy_j));
  CHECK(e.other_j == Approx(a.row_scan.energy_j + a.column_select.energy_j * 8 / 8));
}

TEST_CASE("an SRAM subarray charges its bit lines in the precharger every turn and weights span a cell per bit") {
  SubarrayConfig c = neurosim_default_config();
  c.cell.device = CellDevice::sram;
  c.cell.bits = 1;
  const Subarray s = build_subarray(c);
  CHECK(s.cells_per_weight == 8);
  CHECK(s.actions.word_line.energy_j == 0);
  CHECK(s.actions.bit_lines.energy_j == 0);
  CHECK(s.actions.precharge.energy_j > 0);
  CHECK(s.leakage_w > build_subarray(neurosim_default_config()).leakage_w);  // the cells leak
}

TEST_CASE("a SAR subarray has no encoder and converts in bits + 1 ns") {
  SubarrayConfig c = neurosim_default_config();
  c.adc.family = AdcFamily::sar;
  const Subarray s = build_subarray(c);
  CHECK(s.actions.encoding.energy_j == 0);
  CHECK(s.actions.conversion.latency_s == Approx(6e-9));
}

TEST_CASE("without column multiplexing every column has its ADC and nothing selects columns") {
  SubarrayConfig c = neurosim_default_config();
  c.adc.cols_per_adc = 1;
  const Subarray s = build_subarray(c);
  CHECK(s.adcs == 128);
  CHECK(s.column_turns == 1);
  CHECK(s.actions.column_select.energy_j == 0);
  CHECK(s.sensing_cycle_s < build_subarray(neurosim_default_config()).sensing_cycle_s);
}

TEST_CASE("a column sums only the rows one read applies") {
  SubarrayConfig c = neurosim_default_config();
  c.input_bit_density = 0.25;
  const Subarray all = build_subarray(c);
  c.rows_per_read = 32;
  const Subarray part = build_subarray(c);
  CHECK(part.rows_per_read == 32);
  CHECK(part.column_conductance_s == Approx(all.column_conductance_s / 4));
}
