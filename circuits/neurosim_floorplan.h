#pragma once
// DNN+NeuroSim's automatic chip floorplan (neurosim/DNN_NeuroSim_V1.3, Chip.cpp: ChipDesignInitialize,
// ChipFloorPlan, TileDesignCM/NM, PEDesign, SubArrayDup, OverallEachLayer), for a layer-by-layer
// chip: which layers use the novel mapping, the PE and tile sizes that maximise the memory
// utilization, the tiles each layer occupies, how many times each layer's weights are duplicated
// in free PEs and subarrays (NeuroSim's "speed-up") and the share of its tiles' cells they fill.
//
// The two mappings (NeuroSim's terms):
// - conventional: the weight matrix (rows C*R*S, cols K*cells per weight) is cut into square
//   tiles of `conventional_tile_size` cells a side, each tile into 2x2 (or more) square PEs, each PE
//   into subarrays;
// - novel: a convolution with the chip's dominant kernel area R*S (9 for 3x3) and at least a
//   subarray's rows of C*R*S gets tiles of R*S PEs, one kernel position each: a PE holds rows C and
//   cols K*cells per weight, and a tile `novel_pe_size` of each.
// A small matrix is duplicated into the PEs of its tile and the subarrays of its PEs that it
// leaves empty: each copy processes its own share of the input vectors.
//
// NeuroSim refuses a subarray so large that a PE cannot hold 2x2 of them ("SubArray Size is too
// large"). This model instead takes the nearest legal floorplan: the smallest legal PE (2 subarrays
// a side) and tile (2 PEs a side), which is what NeuroSim's own MAX() rules set before it refuses;
// Floorplan::notes says so. Layer-by-layer only (NeuroSim's pipeline = false).
//
// Preconditions (core::panic): every layer's sizes >= 1 and kernel no larger than its input;
// subarray rows and columns, weight bits and cell bits >= 1.

#include <cstdint>
#include <string>
#include <vector>

namespace hwaware::circuits {

// One layer as NeuroSim's network file (NetWork_*.csv) describes it.
struct FloorplanLayer {
  int input_height = 1, input_width = 1, input_channels = 1;  // IFM H, W, C
  int kernel_height = 1, kernel_width = 1;                    // R, S
  int output_channels = 1;                                    // K
  bool followed_by_pooling = false;                           // a 2x2 max pooling after it
  int stride = 1;
};

struct FloorplanOptions {
  int subarray_rows = 128, subarray_cols = 128;
  int weight_bits = 8;  // NeuroSim's synapseBit
  int cell_bits = 2;    // NeuroSim's cellBit; a weight takes ceil(weight_bits / cell_bits) cells
  bool novel_mapping = true;
};

// Where one layer sits and how often its weights are copied.
struct LayerPlacement {
  bool novel = false;                                // mapped with the novel mapping
  std::int64_t matrix_rows = 0;                      // C*R*S
  std::int64_t matrix_cols = 0;                      // K * cells per weight
  int tile_rows = 0, tile_cols = 0;                  // tiles along the matrix's rows and columns
  int pe_dup_rows = 1, pe_dup_cols = 1;              // copies in a tile's free PEs
  int subarray_dup_rows = 1, subarray_dup_cols = 1;  // copies in a PE's free subarrays
  double utilization = 0;                            // cells holding a weight copy / cells of the layer's tiles

  int tiles() const { return tile_rows * tile_cols; }
  int speedup_rows() const { return pe_dup_rows * subarray_dup_rows; }
  int speedup_cols() const { return pe_dup_cols * subarray_dup_cols; }
  int speedup() const { return speedup_rows() * speedup_cols(); }  // NeuroSim's "speed-up"
};

struct Floorplan {
  int novel_pes_per_tile = 0;                  // NeuroSim's numPENM: the dominant kernel area R*S
  int novel_pe_size = 0;                       // cells a side of a novel-mapped PE (desiredPESizeNM)
  int novel_tiles = 0;                         // tiles of the novel kind on the chip (desiredNumTileNM)
  int conventional_tile_size = 0;              // cells a side of a conventional tile (desiredTileSizeCM)
  int conventional_pe_size = 0;                // cells a side of a conventional PE (desiredPESizeCM)
  int conventional_tiles = 0;                  // tiles of the conventional kind (desiredNumTileCM)
  int tile_grid_rows = 0, tile_grid_cols = 0;  // the chip's tiles as a grid (numTileRow x numTileCol)
  std::vector<LayerPlacement> layers;
  std::vector<std::string> notes;  // where this floorplan departs from NeuroSim (see above)

  int cells_per_weight = 0;
  // A conventional tile holds conventional_pes_per_side()^2 PEs; a novel tile, novel_pes_per_tile
  // PEs laid out novel_pes_per_side() a side.
  int conventional_pes_per_side() const;
  int novel_pes_per_side() const;
  int total_tiles() const { return novel_tiles + conventional_tiles; }
  // Mapped cells over the cells of all tiles (the log's "Memory Utilization of Whole Chip").
  double chip_utilization() const;
};

Floorplan neurosim_floorplan(const std::vector<FloorplanLayer>& layers, const FloorplanOptions& options);

}  // namespace hwaware::circuits
