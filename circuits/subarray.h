#pragma once
// A PIM subarray read in parallel, assembled from its circuits as DNN+NeuroSim V1.3 SubArray.cpp
// does for the conventional parallel mode (operationmode 2): per read pulse one input bit drives
// every row whose bit is 1 through the row switch matrix; the ADCs convert the column sums,
// `cols_per_adc` column turns in sequence through the multiplexers; shift-adders combine the
// cells of a weight and the input bits. This file says what a model counts (actions) and what
// each costs, in NeuroSim's three categories: "ADC" (the array read and the converters),
// "accumulation" (shift-adders) and "other periphery" (switch matrices, multiplexers, decoders).
//
// A read pulse: one input bit applied to `rows_per_read` rows and every column converted once.
// A layer on this subarray takes input vectors x input_bits x ceil(rows / rows_per_read) pulses.
//
// Preconditions (core::panic): a technology from technology(); rows, cols >= 1; 1 <= rows_per_read
// <= rows (0 = rows); cols a multiple of cols_per_adc; input and weight bits >= 1; density in
// [0, 1]; the cell and ADC specs as cell_array.h, mlsa_adc.h and sar_adc.h require.

#include "circuits/calibration.h"
#include "circuits/cell_array.h"
#include "circuits/circuit_cost.h"
#include "circuits/mlsa_adc.h"
#include "circuits/technology.h"

namespace hwaware::circuits {

enum class AdcFamily { mlsa, sar };

struct AdcSpec {
  AdcFamily family = AdcFamily::mlsa;
  int bits = 5;                                // NeuroSim levelOutput = 2^bits
  long cols_per_adc = 8;                       // NeuroSim numColMuxed: columns read in turn
  MlsaSensing sensing = MlsaSensing::current;  // MLSA only
};

struct SubarrayConfig {
  Technology tech;
  long rows = 128, cols = 128;
  long rows_per_read = 0;  // rows one read sums; 0 = all (NeuroSim's parallel read)
  CellSpec cell;
  AdcSpec adc;
  int input_bits = 8;              // applied bit-serially, one read pulse each
  int weight_bits = 8;             // a weight spans ceil(weight_bits / cell bits) cells
  double input_bit_density = 0.5;  // fraction of input bits that are 1
  Calibration calibration;
};

// DNN+NeuroSim V1.3 Param.cpp's defaults: RRAM 1T1R cells of 2 bits (6 kOhm / 900 kOhm, 0.5 V,
// 10 ns, 1.1 V access, 2 V write) in 128x128 subarrays at 22 nm LSTP, 5-bit current-mode MLSAs
// shared by 8 columns, 8-bit inputs and weights, calibrated.
SubarrayConfig neurosim_default_config();

// What each action costs (energy per action; latency where the action takes time).
struct SubarrayActions {
  // "ADC": the array read and the converters (NeuroSim readDynamicEnergyADC).
  CircuitCost cell_read;         // per cell with input bit 1 in a converted column: its share of
                                 // the column current during the conversion
  CircuitCost word_line;         // per activated row per read pulse: charged once per column turn
  CircuitCost bit_lines;         // per read pulse: one bit line per ADC, each column turn
  CircuitCost conversion;        // per column converted with >= 1 row on: the converter itself
  CircuitCost empty_conversion;  // per column converted with no row on (NeuroSim's 1 uW)
  CircuitCost encoding;          // per read pulse: the MLSA encoders, each turn (SAR: 0)
  CircuitCost precharge;         // per read pulse: SRAM bit lines recharged each turn (else 0)
  // "Accumulation" (readDynamicEnergyAccum).
  CircuitCost shift_add;  // per read pulse: weight shift-adders each turn, input ones once
                          // per cells-of-a-weight turns
  // "Other periphery" (readDynamicEnergyOther).
  CircuitCost row_drive;      // per activated row per read pulse: its pass gates, each turn
  CircuitCost row_scan;       // per read pulse: the row switch matrix's flip-flops, each turn
  CircuitCost column_select;  // per column turn of an input vector: multiplexers and decoder
                              // (NeuroSim charges cols_per_adc turns per input vector, not per
                              // read pulse: SubArray.cpp divides them by numReadPulse)
};

// What one read pulse does (expected counts).
struct ReadPulseCounts {
  double rows_on = 0;            // activated rows (word lines and row drivers)
  double cells_on = 0;           // cells with input bit 1 in converted columns
  double conversions = 0;        // converted columns with >= 1 row on
  double empty_conversions = 0;  // converted columns with none
};

struct CategoryEnergy {
  double adc_j = 0, accumulation_j = 0, other_j = 0;
  double total_j() const { return adc_j + accumulation_j + other_j; }
};

struct CategoryLatency {
  double adc_s = 0, accumulation_s = 0, other_s = 0;
};

// The area split as NeuroSim reports it; used = the circuits' sum, height x width the bounding box.
struct SubarrayArea {
  double array_m2 = 0, adc_m2 = 0, accumulation_m2 = 0, other_m2 = 0;
  double used_m2 = 0, height_m = 0, width_m = 0;
  double area_m2() const { return height_m * width_m; }
};

struct Subarray {
  SubarrayConfig config;
  SubarrayActions actions;
  long rows_per_read = 0, adcs = 0, column_turns = 0;
  int cells_per_weight = 1;
  double mean_cell_conductance_s = 0;  // one activated cell's mean contribution to its column
  double column_conductance_s = 0;     // a converted column's expected sum at the configured density
  // NeuroSim's synchronous clock period: the sensing cycle, beta x (row drive or column select,
  // whichever is longer, + column settling + conversion).
  double sensing_cycle_s = 0;
  CategoryLatency pulse_latency;  // one read pulse in whole cycles (NeuroSim synchronous)
  SubarrayArea area;
  double leakage_w = 0;
};

Subarray build_subarray(const SubarrayConfig& config);

// The counts of one read pulse with each of `mapped_rows` rows on with probability `density`
// independently and `mapped_cols` columns converted (NeuroSim converts only the columns a weight
// occupies).
ReadPulseCounts expected_counts(const Subarray& s, double density, long mapped_rows, long mapped_cols);
ReadPulseCounts expected_counts(const Subarray& s);  // the configured density, all rows and columns

// The energy of one read pulse by category.
CategoryEnergy read_pulse_energy(const Subarray& s, const ReadPulseCounts& counts);

}  // namespace hwaware::circuits
