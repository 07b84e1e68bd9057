#pragma once
// Published figures for the parts of analog processing-in-memory crossbars that NeuroSim's method
// (circuits/, models/pim_circuits.h) does not model: ADCs by ISAAC's table or a survey model,
// multi-bit DACs, and programming a memory cell. Pure functions of bits and technology node; every
// number names its source in pim_estimators.cpp.
//
// Scaling with the node, as in energy_estimators.h and area_estimators.h: CMOS energy scales
// linearly with the node (energy x node / reference node), area with its square (Dennard et al.,
// IEEE JSSC 1974). Delays from a closed-form circuit model (the survey ADC) scale linearly with the
// node; published operating points (ISAAC's 1.2 GS/s ADC, 1 GS/s DAC) are kept as published.
// Resistive-cell write energies and times are device properties and are not scaled; cell areas
// are given in F^2 and follow the node.
//
// Preconditions (checked, a violation is a bug: core::panic): bits (ADC, DAC, input, per cell) in
// 1..16, node_nm > 0, rows >= 1. arch/ validates the description first.

#include <optional>
#include <string>
#include <vector>

#include "arch/pim_spec.h"

namespace hwaware::model {

enum class AdcModel { isaac_table, survey };
std::string to_string(AdcModel m);  // "isaac-table", "survey"
std::optional<AdcModel> adc_model_from(const std::string& name);
const std::vector<std::string>& adc_model_names();

// The cost of one action of a component and the area of one instance.
struct PeripheralCost {
  double energy_pj = 0;   // per action (a conversion, a row drive, an add, a cell read or write)
  double latency_ns = 0;  // per action
  double area_um2 = 0;    // per instance
  std::string source;     // paper / repository the numbers come from
};

// One conversion of an ADC of `bits` (1..16) at `node_nm`, serving a column of `rows` cells.
// isaac_table: ISAAC's 8-bit SAR ADC and its Saberi-scaled 4..10-bit table, continued
// geometrically outside 4..10 bits; latency 1 / 1.2 GS/s, whatever the rows.
// survey: Walden figure of merit x 2^bits (FOM from Accelergy's Murmann-survey ADC plug-in);
// ZigZag's closed-form delay, growing with bits and rows, and area.
PeripheralCost adc_cost(AdcModel model, int bits, double node_nm, long long rows);

// A DAC driving one crossbar row with `bits` (1..16) per input slice: ISAAC's 1-bit row driver,
// energy and area doubling with each further bit (MNSIM's table).
PeripheralCost dac_cost(int bits, double node_nm);

// Writing one cell (programming a weight slice): energy per cell written, latency of one cell
// write (a row's cells are written together). Devices: "rram", "sram"; any other: std::nullopt.
// (Reading cells is the circuits' business: circuits/cell_array.h.)
std::optional<PeripheralCost> cell_write_cost(const std::string& device, int bits_per_cell, double node_nm);

// Bits of a row block's partial sum, which the shift-and-add accumulates: weight bits + input
// bits + ceil(log2(rows)) (the full product summed over a column; ISAAC's partial sums).
int partial_sum_bits(int weight_bits, int input_bits, long long rows);

// ISAAC's full-precision ADC bits: one copy, in arch/ (the description resolves `adc: {bits: auto}`).
using arch::full_precision_adc_bits;

}  // namespace hwaware::model
