#pragma once
// An analog processing-in-memory compute array as the description gives it: tiles of crossbars
// of rows x cols memory cells that hold the weights (each weight sliced over bits_per_cell-bit
// cells), DACs that drive the rows with input slices of dac_bits (bit-serial when dac_bits <
// input_bits), ADCs that convert the column currents (cols_per_adc columns share one, converting in
// turn), and shift-and-add units that assemble the slices and the partial sums of row blocks.
// The buffers and the network that move activations are the description's ordinary levels.

#include <optional>
#include <string>

#include "core/diagnostics.h"

namespace hwaware::arch {

struct PimCell {
  std::string device = "rram";                                  // rram or sram: selects the built-in cell estimates
  int bits = 2;                                                 // bits stored per cell
  std::optional<double> read_pj, read_latency_ns;               // per cell read / per crossbar activation; empty: estimated
  std::optional<double> write_pj, write_latency_ns;             // per cell written (weights loaded); empty: estimated
  std::optional<double> on_conductance_us, off_conductance_us;  // microsiemens; documentation of the device, not priced
  core::SourceLoc loc;
};

struct PimAdc {
  int bits = 8;
  std::string model = "isaac-table";  // isaac-table or survey (models/pim_estimators.h)
  long long cols_per_adc = 1;         // columns sharing one ADC, converted one after the other
  core::SourceLoc loc;
};

struct PimSpec {
  long long tiles = 1;               // tiles on the chip
  long long crossbars_per_tile = 1;  // crossbars in a tile
  long long rows = 128, cols = 128;  // cells per crossbar
  PimCell cell;
  int weight_bits = 8;  // bits of a weight, over ceil(weight_bits / cell.bits) cells
  int input_bits = 8;   // bits of an input activation
  int dac_bits = 1;     // bits a DAC applies at once: input_bits / dac_bits slices
  PimAdc adc;
  bool replicate = false;  // copy a layer's weights into idle crossbars to process inputs in parallel
  // How the chip is organized: "crossbars" (the description's levels around crossbars that place
  // each layer im2col, models/pim_model.h) or "neurosim" (DNN+NeuroSim's chip of tiles, PEs and
  // subarrays sized to hold the network, with its register files, H-trees, adder trees, ReLU and
  // max pooling: models/pim_neurosim.h).
  std::string organization = "crossbars";
  core::SourceLoc loc;

  long long crossbars() const { return tiles * crossbars_per_tile; }
  int weight_slices() const { return (weight_bits + cell.bits - 1) / cell.bits; }
  int input_slices() const { return (input_bits + dac_bits - 1) / dac_bits; }
};

}  // namespace hwaware::arch
