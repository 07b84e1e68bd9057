#pragma once
// An analog processing-in-memory compute array as the description gives it: tiles of crossbars
// of rows x cols memory cells that hold the weights (each weight sliced over bits_per_cell-bit
// cells), DACs that drive the rows with input slices of dac_bits (bit-serial when dac_bits <
// input_bits), ADCs that convert the column currents (cols_per_adc columns share one, converting in
// turn), and shift-and-add units that assemble the slices and the partial sums of row blocks.
// The buffers and the network that move activations are the description's ordinary levels.

#include <optional>
#include <string>
#include <vector>

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
  int bits = 8;                       // resolution; `bits: auto` resolved by the reader (PimSpec::lossless_adc_bits)
  bool bits_auto = false;             // `bits: auto`: the bits follow the crossbar (a sweep of its rows re-reads them)
  bool lossless = false;              // `lossless: true`: bits must cover a column's largest sum (checked by the reader)
  std::string model = "isaac-table";  // isaac-table or survey (models/pim_estimators.h)
  long long cols_per_adc = 1;         // columns sharing one ADC, converted one after the other
  core::SourceLoc loc;
};

// A chip sized by a budget instead of tiles x crossbars_per_tile (sweeps at equal silicon): as
// many crossbars as `cells` cells make (floor(cells / (rows x cols))), or as fit in `area_um2` with
// their peripherals (floor(area / models::pim_crossbar_area_um2)). The description keeps the
// budget, so a swept crossbar size recomputes the count.
struct PimBudget {
  std::optional<long long> cells;
  std::optional<double> area_um2;
  long long crossbars = 0;  // what it allows: a cell budget resolved by the reader, an area budget by models::make_accelerator
  bool resolved = false;
  core::SourceLoc loc;   // of the key that sets it (cells or area), for errors found when it is resolved
  std::string key_path;  // "accelerator.pim.budget.area"
};

// How a layer's weights are copied into further crossbars so that its input vectors go through
// the copies in parallel (mappings/crossbar_allocation.h): not at all; only into crossbars that hold
// no layer's weights; or over other layers' weights, which are then reprogrammed every inference.
enum class Duplication { none, free, reprogram };
std::string to_string(Duplication d);  // "none", "free", "reprogram"
const std::vector<std::string>& duplication_names();

struct PimSpec {
  long long tiles = 1;               // tiles on the chip
  long long crossbars_per_tile = 1;  // crossbars in a tile
  std::optional<PimBudget> budget;   // instead of tiles and crossbars_per_tile
  long long rows = 128, cols = 128;  // cells per crossbar
  long long rows_per_read = 0;       // rows activated at once (a column sums at most these per conversion); 0: every row
  PimCell cell;
  int weight_bits = 8;  // bits of a weight, over ceil(weight_bits / cell.bits) cells
  int input_bits = 8;   // bits of an input activation
  int dac_bits = 1;     // bits a DAC applies at once: input_bits / dac_bits slices
  PimAdc adc;
  Duplication duplicate = Duplication::none;
  // NeuroSim's organization only (`buffers`): what its global and tile buffers are built of,
  // "register_file" (NeuroSim's reference) or "sram" (circuits/sram_buffer.h); its PE registers
  // are flip-flops either way.
  std::string neurosim_buffers = "register_file";
  // How the chip is organized: "crossbars" (the description's levels around crossbars that place
  // each layer im2col, models/pim_model.h) or "neurosim" (DNN+NeuroSim's chip of tiles, PEs and
  // subarrays sized to hold the network, with its buffers, H-trees, adder trees, ReLU and max
  // pooling: models/pim_neurosim.h).
  std::string organization = "crossbars";
  // Whether the layers run as a pipeline (models/pim_pipeline.h): every layer keeps its own
  // crossbars and works on the next input while the later layers work on earlier ones, so an
  // inference takes the slowest layer's time. false: layer by layer, one after another.
  bool pipeline = false;
  core::SourceLoc loc;

  // Crossbars on the chip: tiles x crossbars_per_tile, or what the budget allows (a bug to ask
  // before an area budget is resolved: core::panic).
  long long crossbars() const;
  int weight_slices() const { return (weight_bits + cell.bits - 1) / cell.bits; }
  int input_slices() const { return (input_bits + dac_bits - 1) / dac_bits; }
  // Rows a column sums in one conversion: rows_per_read, or every row.
  long long active_rows() const { return rows_per_read > 0 && rows_per_read < rows ? rows_per_read : rows; }
  // Sequential reads of a full column: ceil(rows / active_rows()).
  long long reads_per_column() const { return (rows + active_rows() - 1) / active_rows(); }
  // The ADC bits a lossless sum of a column's active rows needs (full_precision_adc_bits).
  int lossless_adc_bits() const;
};

// ISAAC's full-precision ADC bits for a column summing `rows` cells at once (Shafiee et al., ISCA
// 2016): ceil(log2(rows)) + input bits per cycle + bits per cell, minus one when either of the
// latter is 1. Preconditions (a violation is a bug: core::panic): rows >= 1, bits >= 1.
int full_precision_adc_bits(long long rows, int input_bits_per_cycle, int bits_per_cell);

}  // namespace hwaware::arch
