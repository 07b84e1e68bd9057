// DNN+NeuroSim V1.3's floorplan (Chip.cpp), rewritten: the rules are NeuroSim's, step by step, so
// that the tiles, speed-ups and utilizations equal its log's FloorPlan section.

#include "circuits/neurosim_floorplan.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "core/diagnostics.h"

namespace hwaware::circuits {
namespace {

std::int64_t ceil_div(std::int64_t a, std::int64_t b) { return (a + b - 1) / b; }

// The smallest power of two >= n (NeuroSim: pow(2, ceil(log2(n)))).
std::int64_t power_of_two_at_least(std::int64_t n) {
  std::int64_t p = 1;
  while (p < n) p *= 2;
  return p;
}

int kernel_area(const FloorplanLayer& l) { return l.kernel_height * l.kernel_width; }
std::int64_t matrix_rows(const FloorplanLayer& l) { return std::int64_t{l.input_channels} * kernel_area(l); }
std::int64_t matrix_cols(const FloorplanLayer& l, int cells_per_weight) { return std::int64_t{l.output_channels} * cells_per_weight; }
std::int64_t matrix_cells(const FloorplanLayer& l, int cells_per_weight) { return matrix_rows(l) * matrix_cols(l, cells_per_weight); }

void check(const std::vector<FloorplanLayer>& layers, const FloorplanOptions& o) {
  if (o.subarray_rows < 1 || o.subarray_cols < 1) core::panic("neurosim_floorplan: subarray rows and columns must be >= 1");
  if (o.weight_bits < 1 || o.cell_bits < 1) core::panic("neurosim_floorplan: weight and cell bits must be >= 1");
  for (const FloorplanLayer& l : layers) {
    if (l.input_height < 1 || l.input_width < 1 || l.input_channels < 1 || l.kernel_height < 1 || l.kernel_width < 1 ||
        l.output_channels < 1 || l.stride < 1)
      core::panic("neurosim_floorplan: a layer size is < 1");
    if (l.kernel_height > l.input_height || l.kernel_width > l.input_width)
      core::panic("neurosim_floorplan: a kernel is larger than its input");
  }
}

// NeuroSim's numPENM (ChipDesignInitialize): the kernel area R*S other than 1 that the most layers
// share, the first in layer order on a tie; 1 when every kernel is 1x1.
int dominant_kernel_area(const std::vector<FloorplanLayer>& layers) {
  int best_count = 0, best_area = 1;
  for (const FloorplanLayer& l : layers) {
    if (kernel_area(l) == 1) continue;
    int count = 0;
    for (const FloorplanLayer& m : layers) count += kernel_area(m) == kernel_area(l);
    if (count > best_count) best_count = count, best_area = kernel_area(l);
  }
  return best_area;
}

// Tiles and utilization of one tile (conventional) or PE (novel) size over the layers of that
// mapping (TileDesignCM / TileDesignNM).
struct SizeDesign {
  std::int64_t tiles = 0;
  double utilization = 0;
};

SizeDesign conventional_design(std::int64_t tile, const std::vector<FloorplanLayer>& layers, const std::vector<bool>& novel, int cpw) {
  SizeDesign d;
  double cells = 0;
  for (std::size_t i = 0; i < layers.size(); ++i) {
    if (novel[i]) continue;
    d.tiles += ceil_div(matrix_rows(layers[i]), tile) * ceil_div(matrix_cols(layers[i], cpw), tile);
    cells += static_cast<double>(matrix_cells(layers[i], cpw));
  }
  if (d.tiles > 0) d.utilization = cells / (static_cast<double>(d.tiles) * static_cast<double>(tile) * static_cast<double>(tile));
  return d;
}

SizeDesign novel_design(std::int64_t pe, int pes, const std::vector<FloorplanLayer>& layers, const std::vector<bool>& novel, int cpw) {
  SizeDesign d;
  double cells = 0;
  for (std::size_t i = 0; i < layers.size(); ++i) {
    if (!novel[i]) continue;
    d.tiles += ceil_div(layers[i].input_channels, pe) * ceil_div(matrix_cols(layers[i], cpw), pe);
    cells += static_cast<double>(matrix_cells(layers[i], cpw));
  }
  if (d.tiles > 0) d.utilization = cells / (static_cast<double>(d.tiles) * static_cast<double>(pe) * static_cast<double>(pe) * pes);
  return d;
}

// How many copies of a rows x cols matrix fit in a block of `block_rows` x `block_cols` units of
// `unit_rows` x `unit_cols` cells, when one side of the matrix fits the block (PEDesign,
// SubArrayDup): floor(units a side / units one copy takes), at least 1.
struct Dup {
  int rows = 1, cols = 1;
};
Dup duplication(std::int64_t rows, std::int64_t cols, std::int64_t block, std::int64_t unit_rows, std::int64_t unit_cols) {
  if (rows > block && cols > block) return {};
  std::int64_t per_copy_rows = ceil_div(rows, unit_rows), per_copy_cols = ceil_div(cols, unit_cols);
  std::int64_t units_rows = ceil_div(block, unit_rows), units_cols = ceil_div(block, unit_cols);
  return {static_cast<int>(std::max<std::int64_t>(1, units_rows / per_copy_rows)),
          static_cast<int>(std::max<std::int64_t>(1, units_cols / per_copy_cols))};
}

}  // namespace

int Floorplan::conventional_pes_per_side() const {
  return conventional_pe_size > 0 ? static_cast<int>(ceil_div(conventional_tile_size, conventional_pe_size)) : 0;
}
int Floorplan::novel_pes_per_side() const { return static_cast<int>(std::ceil(std::sqrt(static_cast<double>(novel_pes_per_tile)))); }

double Floorplan::chip_utilization() const {
  double mapped = 0, tiles = 0;
  for (const LayerPlacement& l : layers) mapped += l.tiles() * l.utilization, tiles += l.tiles();
  return tiles > 0 ? mapped / tiles : 0;
}

Floorplan neurosim_floorplan(const std::vector<FloorplanLayer>& layers, const FloorplanOptions& o) {
  check(layers, o);
  Floorplan f;
  const int cpw = (o.weight_bits + o.cell_bits - 1) / o.cell_bits;  // NeuroSim's numColPerSynapse
  const std::int64_t sub = o.subarray_rows;                         // NeuroSim sizes PEs by the subarray's rows
  f.cells_per_weight = cpw;

  // Which layers take the novel mapping; the largest power-of-two column count of each kind
  // (ChipDesignInitialize: maxPESizeNM, maxTileSizeCM).
  f.novel_pes_per_tile = o.novel_mapping ? dominant_kernel_area(layers) : 0;
  std::vector<bool> novel(layers.size(), false);
  std::int64_t max_novel_pe = 0, max_conventional_tile = 0;
  for (std::size_t i = 0; i < layers.size(); ++i) {
    const FloorplanLayer& l = layers[i];
    novel[i] = o.novel_mapping && kernel_area(l) == f.novel_pes_per_tile && matrix_rows(l) >= sub;
    std::int64_t cube = power_of_two_at_least(matrix_cols(l, cpw));
    if (novel[i]) max_novel_pe = std::max(max_novel_pe, cube);
    else max_conventional_tile = std::max(max_conventional_tile, cube);
  }

  // Novel PE size: from the largest down while above 2 subarrays, the first of the highest
  // utilization. NeuroSim refuses max_novel_pe < 2 subarrays; the MAX() is the nearest legal PE.
  bool any_novel = std::find(novel.begin(), novel.end(), true) != novel.end();
  if (o.novel_mapping && !any_novel)
    f.notes.push_back("no layer takes the novel mapping: NeuroSim refuses this case, here every layer is mapped conventionally");
  if (any_novel) {
    if (max_novel_pe < 2 * sub)
      f.notes.push_back("novel-mapped PE enlarged to 2x2 subarrays (" + std::to_string(2 * sub) +
                        " cells a side): NeuroSim refuses a subarray this large for these layers");
    std::int64_t pe = std::max(max_novel_pe, 2 * sub);
    SizeDesign best = novel_design(pe, f.novel_pes_per_tile, layers, novel, cpw);
    std::int64_t best_pe = pe;
    double best_util = 0;
    for (std::int64_t s = pe; s > 2 * sub; s /= 2) {
      SizeDesign d = novel_design(s, f.novel_pes_per_tile, layers, novel, cpw);
      if (d.utilization > best_util) best_util = d.utilization, best = d, best_pe = s;
    }
    f.novel_pe_size = static_cast<int>(best_pe);
    f.novel_tiles = static_cast<int>(best.tiles);
  }

  // Conventional tile size, the same search above 4 subarrays, then the PE size: half the tile or
  // smaller while above 2 subarrays, kept only if its utilization (with PE duplication) beats the
  // best so far (PEDesign; NeuroSim compares it with the tile search's utilization).
  if (max_conventional_tile > 0 && max_conventional_tile < 4 * sub)
    f.notes.push_back("conventional tile enlarged to 2x2 PEs of 2x2 subarrays (" + std::to_string(4 * sub) +
                      " cells a side): NeuroSim refuses a subarray this large for these layers");
  std::int64_t tile = std::max(max_conventional_tile, 4 * sub);
  SizeDesign best_tile = conventional_design(tile, layers, novel, cpw);
  std::int64_t best_tile_size = tile;
  double best_util = 0;
  for (std::int64_t s = tile; s > 4 * sub; s /= 2) {
    SizeDesign d = conventional_design(s, layers, novel, cpw);
    if (d.utilization > best_util) best_util = d.utilization, best_tile = d, best_tile_size = s;
  }
  f.conventional_tile_size = static_cast<int>(best_tile_size);
  f.conventional_tiles = static_cast<int>(best_tile.tiles);
  std::int64_t best_pe = best_tile_size / 2;
  for (std::int64_t pe = best_tile_size / 2; pe > 2 * sub; pe /= 2) {
    double cells = 0;
    for (std::size_t i = 0; i < layers.size(); ++i) {
      if (novel[i]) continue;
      Dup d = duplication(matrix_rows(layers[i]), matrix_cols(layers[i], cpw), best_tile_size, pe, pe);
      cells += static_cast<double>(d.rows) * d.cols * static_cast<double>(matrix_cells(layers[i], cpw));
    }
    double tiles_cells = static_cast<double>(best_tile.tiles) * static_cast<double>(best_tile_size) * static_cast<double>(best_tile_size);
    double util = tiles_cells > 0 ? cells / tiles_cells : 0;
    if (util > best_util) best_util = util, best_pe = pe;
  }
  f.conventional_pe_size = static_cast<int>(best_pe);

  // Each layer: its tiles, its copies in free PEs (conventional only) and free subarrays, and the
  // share of its tiles' cells the copies fill (OverallEachLayer).
  for (std::size_t i = 0; i < layers.size(); ++i) {
    const FloorplanLayer& l = layers[i];
    LayerPlacement p;
    p.novel = novel[i];
    p.matrix_rows = matrix_rows(l);
    p.matrix_cols = matrix_cols(l, cpw);
    double tile_cells;
    if (p.novel) {
      std::int64_t pe = f.novel_pe_size;
      p.tile_rows = static_cast<int>(ceil_div(l.input_channels, pe));
      p.tile_cols = static_cast<int>(ceil_div(p.matrix_cols, pe));
      Dup s = duplication(l.input_channels, p.matrix_cols, pe, o.subarray_rows, o.subarray_cols);
      p.subarray_dup_rows = s.rows, p.subarray_dup_cols = s.cols;
      tile_cells = static_cast<double>(pe) * static_cast<double>(pe) * f.novel_pes_per_tile;
    } else {
      std::int64_t t = f.conventional_tile_size;
      p.tile_rows = static_cast<int>(ceil_div(p.matrix_rows, t));
      p.tile_cols = static_cast<int>(ceil_div(p.matrix_cols, t));
      Dup d = duplication(p.matrix_rows, p.matrix_cols, t, f.conventional_pe_size, f.conventional_pe_size);
      Dup s = duplication(p.matrix_rows, p.matrix_cols, f.conventional_pe_size, o.subarray_rows, o.subarray_cols);
      p.pe_dup_rows = d.rows, p.pe_dup_cols = d.cols;
      p.subarray_dup_rows = s.rows, p.subarray_dup_cols = s.cols;
      tile_cells = static_cast<double>(t) * static_cast<double>(t);
    }
    p.utilization = p.speedup() * static_cast<double>(matrix_cells(l, cpw)) / (p.tiles() * tile_cells);
    f.layers.push_back(p);
  }

  // The chip's tiles as a near-square grid (ChipFloorPlan: numTileRow, numTileCol).
  int total = f.total_tiles();
  f.tile_grid_rows = static_cast<int>(std::ceil(std::sqrt(static_cast<double>(total))));
  f.tile_grid_cols = f.tile_grid_rows > 0 ? static_cast<int>(ceil_div(total, f.tile_grid_rows)) : 0;
  return f;
}

}  // namespace hwaware::circuits
