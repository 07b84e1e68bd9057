#include "models/pim_circuits.h"

#include <algorithm>
#include <cmath>

#include "circuits/ripple_adder.h"
#include "core/diagnostics.h"
#include "models/pim_estimators.h"

namespace hwaware::model {
namespace {

constexpr double kPj = 1e12, kNs = 1e9, kUm2 = 1e12, kUw = 1e6;

std::optional<circuits::Technology> node_technology(double node_nm) {
  const int n = static_cast<int>(std::lround(node_nm));
  if (std::abs(node_nm - n) > 1e-9) return std::nullopt;
  return circuits::technology(n, circuits::Roadmap::lstp);  // NeuroSim's default roadmap
}

circuits::CellSpec cell_spec(const arch::PimCell& c) {
  circuits::CellSpec s;
  s.device = c.device == "sram" ? circuits::CellDevice::sram : circuits::CellDevice::rram_1t1r;
  s.bits = c.device == "sram" ? 1 : c.bits;  // an SRAM cell holds one bit (NeuroSim forces cellBit = 1)
  if (c.on_conductance_us) s.r_on_ohm = 1e6 / *c.on_conductance_us;
  if (c.off_conductance_us) s.r_off_ohm = 1e6 / *c.off_conductance_us;
  return s;
}

// The subarray NeuroSim would build for this description. The ADCs NeuroSim does not model sit in
// a SAR subarray whose converter the caller then replaces.
circuits::SubarrayConfig subarray_config(const arch::Spec& spec, const circuits::Technology& tech) {
  const auto& p = *spec.pim;
  circuits::SubarrayConfig c;
  c.tech = tech;
  c.rows = static_cast<long>(p.rows);
  c.cols = static_cast<long>(p.cols);
  c.rows_per_read = static_cast<long>(p.active_rows());
  c.cell = cell_spec(p.cell);
  c.adc.family = p.adc.model == "mlsa" ? circuits::AdcFamily::mlsa : circuits::AdcFamily::sar;
  c.adc.bits = p.adc.bits;
  c.adc.cols_per_adc = static_cast<long>(p.adc.cols_per_adc);
  c.input_bits = p.input_slices();  // one read pulse per input slice
  c.weight_bits = p.weight_bits;
  c.input_bit_density = kReferenceBitDensity;
  return c;
}

// The published converter of an ADC NeuroSim does not model (isaac-table, survey); nullopt for
// NeuroSim's own (mlsa, sar), which are the subarray's circuits.
std::optional<PeripheralCost> published_adc(const arch::Spec& spec) {
  const auto& p = *spec.pim;
  if (p.adc.model == "mlsa" || p.adc.model == "sar") return std::nullopt;
  return adc_cost(*adc_model_from(p.adc.model), p.adc.bits, spec.technology_nm, p.active_rows());
}

// Every action a crossbar layer counts, with NeuroSim's category (pim_circuits.h says what each is).
struct ActionKind {
  const char *component, *action;
  PimCategory category;
};
constexpr ActionKind kActions[] = {
    {"cells", "read", PimCategory::adc},
    {"word_lines", "drive", PimCategory::adc},
    {"bit_lines", "charge", PimCategory::adc},
    {"adc", "convert", PimCategory::adc},
    {"adc", "idle", PimCategory::adc},
    {"adc_encoder", "encode", PimCategory::adc},
    {"precharger", "charge", PimCategory::adc},
    {"shift_add", "add", PimCategory::accumulation},
    {"partial_sums", "add", PimCategory::accumulation},
    {"switch_matrix", "drive", PimCategory::periphery},
    {"switch_matrix", "scan", PimCategory::periphery},
    {"column_mux", "select", PimCategory::periphery},
    {"dac", "drive", PimCategory::periphery},
    {"cells", "write", PimCategory::weight_programming},
    {"crossbars", "leak", PimCategory::leakage},
};

void add(PimCircuits& c, const char* component, const char* action, double energy_j) {
  const auto category = pim_category(component, action);
  if (!category) core::panic(std::string("pim_circuits: an action without a category: ") + component + "/" + action);
  c.prices.push_back({component, action, energy_j * kPj, *category});
}

void price_actions(const arch::Spec& spec, const std::optional<PeripheralCost>& published, PimCircuits& c) {
  const auto& p = *spec.pim;
  const auto& a = c.subarray.actions;
  // The column current flows while its converter samples it: a published converter's time, not the
  // SAR's the subarray was built with.
  const double sampled = published ? published->latency_ns / kNs / a.conversion.latency_s : 1;
  add(c, "cells", "read", a.cell_read.energy_j * sampled);
  add(c, "word_lines", "drive", a.word_line.energy_j);
  add(c, "bit_lines", "charge", a.bit_lines.energy_j);
  if (published) {  // a published converter converts whether or not current flows
    add(c, "adc", "convert", published->energy_pj / kPj);
    add(c, "adc", "idle", published->energy_pj / kPj);
  } else {
    add(c, "adc", "convert", a.conversion.energy_j);
    add(c, "adc", "idle", a.empty_conversion.energy_j);
  }
  add(c, "adc_encoder", "encode", a.encoding.energy_j);
  add(c, "precharger", "charge", a.precharge.energy_j);
  add(c, "shift_add", "add", a.shift_add.energy_j);
  // Row blocks' partial sums, one ripple-carry add each (NeuroSim's adders, validated activity).
  const circuits::RippleAdder adder(c.subarray.config.tech, partial_sum_bits(p.weight_bits, p.input_bits, p.rows));
  add(c, "partial_sums", "add", adder.add_energy_j(c.subarray.config.calibration.activity().adder));
  if (p.dac_bits > 1) add(c, "dac", "drive", dac_cost(p.dac_bits, spec.technology_nm).energy_pj / kPj);
  else add(c, "switch_matrix", "drive", a.row_drive.energy_j);
  add(c, "switch_matrix", "scan", a.row_scan.energy_j);
  add(c, "column_mux", "select", a.column_select.energy_j);
  const auto write = cell_write_cost(p.cell.device, p.cell.bits, spec.technology_nm);
  add(c, "cells", "write", p.cell.write_pj.value_or(write ? write->energy_pj : 0) / kPj);
  add(c, "crossbars", "leak", c.crossbar_leakage_uw / kUw / spec.clock_hz);  // per clock cycle
}

// The pulse's timing: the column turns through the converter, then the shift-adds, in whole
// sensing cycles (NeuroSim synchronous). A published converter replaces the SAR's conversion time
// inside the cycle (the cycle carries NeuroSim's sensing margin beta on all of it).
void time_pulse(const arch::Spec& spec, const std::optional<PeripheralCost>& published, PimCircuits& c) {
  const auto& p = *spec.pim;
  const auto& s = c.subarray;
  double cycle_s = s.sensing_cycle_s;
  if (published) cycle_s += s.config.calibration.sensing_margin() * (published->latency_ns / kNs - s.actions.conversion.latency_s);
  const double scale = cycle_s / s.sensing_cycle_s;
  c.cycle_ns = cycle_s * kNs;
  c.convert_ns = s.pulse_latency.adc_s * scale * kNs;
  c.accumulate_ns = s.pulse_latency.accumulation_s * scale * kNs;
  const auto write = cell_write_cost(p.cell.device, p.cell.bits, spec.technology_nm);
  c.write_row_ns = p.cell.write_latency_ns.value_or(write ? write->latency_ns : 0);
}

void measure(const arch::Spec& spec, const std::optional<PeripheralCost>& published, PimCircuits& c) {
  const auto& area = c.subarray.area;
  c.crossbar_area_um2 = area.used_m2 * kUm2;  // the circuits' sum, as NeuroSim totals a chip
  c.array_area_um2 = area.array_m2 * kUm2;
  c.adc_area_um2 = area.adc_m2 * kUm2;
  c.accumulation_area_um2 = area.accumulation_m2 * kUm2;
  c.periphery_area_um2 = area.other_m2 * kUm2;
  const auto& p = *spec.pim;
  if (published) {  // the published converters in place of the SAR's
    const double adcs_um2 = published->area_um2 * static_cast<double>(p.cols / p.adc.cols_per_adc);
    c.crossbar_area_um2 += adcs_um2 - c.adc_area_um2;
    c.adc_area_um2 = adcs_um2;
  }
  c.crossbar_leakage_uw = c.subarray.leakage_w * kUw;
}

}  // namespace

const char* to_string(PimCategory c) {
  switch (c) {
    case PimCategory::adc: return "adc";
    case PimCategory::accumulation: return "accumulation";
    case PimCategory::periphery: return "periphery";
    case PimCategory::buffer: return "buffer";
    case PimCategory::interconnect: return "interconnect";
    case PimCategory::weight_programming: return "weight_programming";
    case PimCategory::leakage: return "leakage";
  }
  return "?";
}

const PimActionPrice* PimCircuits::price(const std::string& component, const std::string& action) const {
  for (const auto& p : prices)
    if (p.component == component && p.action == action) return &p;
  return nullptr;
}

std::optional<PimCategory> pim_category(const std::string& component, const std::string& action) {
  for (const auto& k : kActions)
    if (component == k.component && action == k.action) return k.category;
  return std::nullopt;
}

bool pim_node_supported(double node_nm) { return node_technology(node_nm).has_value(); }

circuits::SubarrayConfig pim_subarray_config(const arch::Spec& spec) {
  const auto tech = node_technology(spec.technology_nm);
  if (!spec.pim || !tech) core::panic("pim_subarray_config: a PIM accelerator at a node with circuit figures is needed");
  return subarray_config(spec, *tech);
}

PimCircuits build_pim_circuits(const arch::Spec& spec) {
  if (!spec.pim) core::panic("build_pim_circuits: the accelerator has no PIM crossbars");
  const auto tech = node_technology(spec.technology_nm);
  if (!tech) core::panic("build_pim_circuits: no circuit figures at this node (the description is validated first)");
  PimCircuits c;
  c.subarray = circuits::build_subarray(pim_subarray_config(spec));
  const auto published = published_adc(spec);
  measure(spec, published, c);
  time_pulse(spec, published, c);
  price_actions(spec, published, c);
  return c;
}

}  // namespace hwaware::model
