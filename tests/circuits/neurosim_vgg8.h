#pragma once
// VGG-8 on DNN+NeuroSim V1.3's RRAM 128x128 chip (tests/reference/neurosim/), at the
// subarray level: the reference's per-layer figures, and this project's subarray model run over
// each layer the way NeuroSim runs its subarrays (test-only code, shared by the comparison test
// and the printing program).

#include <string>
#include <vector>

#include "circuits/neurosim_chip.h"
#include "circuits/subarray.h"

namespace hwaware::circuits::testing {

struct Vgg8Layer {
  int layer = 0;
  long matrix_rows = 0, matrix_cols = 0;  // weights' rows, cells' columns (4 per 8-bit weight)
  long vectors = 0;                       // input vectors NeuroSim processes: (H-K+1)/s x (W-K+1)/s
  double density = 0;                     // fraction of input bits that are 1 in the trace
  bool sign_bit_zero = false;             // non-negative inputs: bit 0 of 8 always 0
  int speedup = 1;                        // NeuroSim's weight duplication (its floorplan)
  int tiles = 0;                          // tiles the layer occupies
  bool novel = false;                     // NeuroSim's novel mapping: a 3x3 kernel over >= 128 rows
  // NeuroSim's figures (J, s).
  double adc_j = 0, accumulation_j = 0, other_j = 0, buffer_j = 0, interconnect_j = 0, adc_latency_s = 0;
  double latency_s = 0, dynamic_j = 0, leakage_j = 0, leakage_power_w = 0;
  double accumulation_latency_s = 0, other_latency_s = 0, buffer_latency_s = 0, interconnect_latency_s = 0;
};

// Reads the layers from `dir` (NetWork_VGG8.csv, trace_stats.csv, layers_rram_128x128.csv).
std::vector<Vgg8Layer> load_vgg8(const std::string& dir);
// Chip figures (chip_rram_128x128.csv): the clock period and the arrays' and ADCs' area.
struct Vgg8Chip {
  double clock_period_s = 0, array_area_m2 = 0, adc_area_m2 = 0;
  double area_m2 = 0, interconnect_area_m2 = 0, dynamic_j = 0, leakage_j = 0, latency_s = 0;
  double accumulation_area_m2 = 0, other_area_m2 = 0;  // from the log's summary
};
Vgg8Chip load_vgg8_chip(const std::string& dir);
// The chip's subarrays: the log's floorplan puts 9 PEs of 512x512 (16 subarrays each) in a novel
// tile and 2x2 such PEs in a conventional 1024x1024 tile.
long vgg8_subarrays(const std::vector<Vgg8Layer>& layers);

// The network for the chip model: NetWork_VGG8.csv's shapes and trace_stats.csv's densities (inputs
// after the first layer are ReLU outputs: their sign bit is 0).
std::vector<ChipLayer> vgg8_chip_layers(const std::string& dir);

struct LayerEstimate {
  double adc_j = 0, shift_add_j = 0, other_j = 0, adc_latency_s = 0;
};

// The layer on 128x128 subarrays of `base` (its density replaced by the layer's): every row and
// column block of the weight matrix once (NeuroSim prices one copy; copies only share the
// vectors), each input vector's 8 bits a read pulse, the rows and columns a block maps counted.
LayerEstimate estimate_layer(const SubarrayConfig& base, const Vgg8Layer& l);

}  // namespace hwaware::circuits::testing
