#pragma once
// DNN+NeuroSim V1.3's chip, composed (Chip.cpp, Tile.cpp, ProcessingUnit.cpp, main.cpp): the
// floorplan, every circuit at the size NeuroSim gives it, and for each layer what its inference
// does as a list of actions (count x energy per action), its latency by NeuroSim's categories and
// its leakage; the chip's area by NeuroSim's categories. Layer by layer, synchronous, ReLU and max
// pooling on the chip (NeuroSim's reference configuration), with register-file buffers (the
// reference) or SRAM buffers (ChipOptions::buffers).
//
// Actions. A count is a count of real actions (pulses, conversions, bits moved, reductions,
// clockings, seconds of leakage); an energy per action depends only on the chip, never on the
// layer, so a caller can put (component, action) -> energy in one table and price any layer's
// counts with it. Component names are hierarchical and stable:
//   subarray.cells read | subarray.word_lines activate | subarray.bit_lines pulse |
//   subarray.adc convert, convert_empty, encode | subarray.precharger pulse |
//   subarray.shift_add pulse | subarray.switch_matrix drive_row, scan | subarray.column_mux select
//   pe.adder_tree.K reduce_N | pe.input_register.K clock | pe.output_register.K clock |
//   pe.input_bus.K bit | pe.output_bus.K bit
//   tile.adder_tree.K reduce_N | tile.input_buffer.K read_bit, write_bit |
//   tile.output_buffer.K read_bit, write_bit | tile.htree.K bit
//   chip.relu pass | chip.adder_tree reduce_N | chip.max_pooling pass |
//   chip.global_buffer read_bit, write_bit | chip.htree.K bit
// where K is the tile kind, "novel" or "conventional" (their circuits differ in size), and N the
// inputs a reduction adds (an adder tree's energy depends on it). Leakage actions (category
// leakage): subarray leak, pe.adder_tree.K leak_N, pe.input_register.K leak,
// pe.output_register.K leak, tile.adder_tree.K leak_N, tile.input_buffer.K leak,
// tile.output_buffer.K leak, each counted in instance-seconds of the idle tiles (see leakage).
//
// Latency: NeuroSim counts whole cycles of the synchronous clock (the subarray's sensing cycle)
// and multiplies them by its period; gates (adders, H-trees, pooling) are rounded up per stage to
// cycles of the target clock (1 GHz) they were sized for.
//
// Leakage (NeuroSim rule, main.cpp): a layer's leakage energy is (chip tiles - its tiles) x its
// latency x the leakage of one of its tiles: the other layers' idle tiles, priced at this layer's.
//
// NeuroSim's rules kept are marked "NeuroSim rule:" where they are coded (neurosim_chip_layer.cpp,
// neurosim_chip_parts.cpp, subarray_reads.h). Dropped or approximated:
// - the subarray's prices are taken once, at the configuration's input bit density; the layer's
//   density only changes the counts. At 22 nm NeuroSim's MLSA power is linear in the column
//   conductance (to 1e-4) and its sensing time fixed, so this is exact there; at larger LSTP nodes
//   the sensing time depends on the column and the prices would depend on the layer.
// - counts are expected values over independent input bits and mean cell conductances, not the
//   trace's bits and weights;
// - the H-trees always route root to leaf (NeuroSim computes the tile location from an
//   uninitialised variable; the reference run's numbers are root to leaf);
// - SRAM buffers (ChipOptions::buffers = sram) replace the global buffer and the tile buffers
//   (NeuroSim's globalBufferType and peBufferType, which its Tile.cpp gives the tile buffers); the
//   PE's input and output registers stay flip-flops (ProcessingUnit.cpp builds them as DFFs
//   whatever the buffer types say); sram_buffer.h says what an SRAM buffer charges;
// - not modelled: pipeline mode, asynchronous latencies, sigmoid and tile-level activation, the
//   post-layout factor zeta of NeuroSim's TOPS/W.
//
// Preconditions (core::panic): the layers and subarray as neurosim_floorplan.h, subarray.h and
// subarray_reads.h require; at least one layer. (Every choice a user can make of this chip is
// covered; the description's reader refuses what it is not: models/pim_neurosim.h.)

#include <optional>
#include <string>
#include <vector>

#include "circuits/neurosim_floorplan.h"
#include "circuits/subarray.h"
#include "circuits/subarray_reads.h"

namespace hwaware::circuits {

enum class ChipCategory { adc, accumulation, other, buffer, interconnect, leakage };

struct ChipAction {
  std::string component, action;
  double count = 0;
  double energy_per_action_j = 0;
  ChipCategory category = ChipCategory::other;
  double energy_j() const { return count * energy_per_action_j; }
};

// One layer: its shape (NeuroSim's network file) and its input bits.
struct ChipLayer {
  FloorplanLayer shape;
  InputBits input;
};

enum class ChipBufferKind { register_file, sram };

struct ChipOptions {
  bool novel_mapping = true;
  ChipBufferKind buffers = ChipBufferKind::register_file;  // the global and tile buffers (PE registers stay flip-flops)
  double target_clock_hz = 1e9;                            // NeuroSim's clkFreq before the sensing cycle sets it
};

// NeuroSim's categories. Its "other peripheries" = other + buffer + interconnect.
struct ChipEnergy {
  double adc_j = 0, accumulation_j = 0, other_j = 0, buffer_j = 0, interconnect_j = 0, leakage_j = 0;
  double dynamic_j() const { return adc_j + accumulation_j + other_j + buffer_j + interconnect_j; }
};

struct ChipLatency {
  double adc_s = 0, accumulation_s = 0, buffer_s = 0, interconnect_s = 0;
  double other_s = 0;  // other than buffers and interconnect (ReLU, pooling)
  double total_s = 0;  // NeuroSim's readLatency (its slowest tile plus the chip's steps)
};

struct ChipLayerResult {
  bool novel = false;
  int tiles = 0;
  std::vector<ChipAction> actions;  // dynamic and leakage
  ChipEnergy energy;                // the actions summed by category
  ChipLatency latency;
  double tile_leakage_w = 0;  // one of its tiles, as NeuroSim prices the idle ones
  double idle_tile_s = 0;     // (chip tiles - its tiles) x its latency
  double leakage_power_w() const { return tile_leakage_w * tiles; }
};

// NeuroSim's area categories; other includes the buffers, pooling and ReLU; interconnect the H-trees.
struct ChipArea {
  double total_m2 = 0, array_m2 = 0, adc_m2 = 0, accumulation_m2 = 0, other_m2 = 0, interconnect_m2 = 0;
};

struct NeuroSimChip {
  Floorplan floorplan;
  Subarray subarray;            // priced at the configuration's input bit density
  double clock_period_s = 0;    // the sensing cycle (or the target clock's, if slower)
  double global_bus_bits = 0;   // the chip H-tree's width
  int global_buffer_cores = 0;  // buffer cores of 128 x 128 bits
  ChipArea area;
  double tile_area_m2[2] = {0, 0};  // [conventional, novel]
  std::vector<ChipLayerResult> layers;
};

NeuroSimChip build_neurosim_chip(const std::vector<ChipLayer>& layers, const SubarrayConfig& config, const ChipOptions& options);

// Energy of actions by category (the leakage actions into leakage_j).
ChipEnergy energy_by_category(const std::vector<ChipAction>& actions);

}  // namespace hwaware::circuits
