// NeuroSim V1.3's chip circuits at its sizes (ChipInitialize, TileInitialize,
// ProcessingUnitInitialize) and its area roll-up (ChipCalculateArea, TileCalculateArea,
// ProcessingUnitCalculateArea), on this library's circuits.

#include <algorithm>
#include <cmath>

#include "circuits/neurosim_chip_parts.h"
#include "circuits/register_file_buffer.h"
#include "circuits/sram_buffer.h"
#include "core/diagnostics.h"

namespace hwaware::circuits::chip_detail {
namespace {

constexpr int kTileBufferCoreBits = 32 * 32, kTileBufferCoreWidth = 32;  // Param.cpp tileBufferCoreSize
constexpr int kGlobalBufferCoreSide = 128;                               // Param.cpp globalBufferCoreSize
constexpr double kMaxGlobalBusBits = 2048;                               // Param.cpp maxGlobalBusWidth
constexpr double kBusDelayTolerance = 0.1;                               // global and local
constexpr double kTileTreeFold = 16, kChipTreeFold = 4;                  // treeFoldedRatio

long ceil_div(long a, long b) { return (a + b - 1) / b; }
int ceil_log2(double x) { return static_cast<int>(std::ceil(std::log2(x))); }

// A global or tile buffer core of the chosen kind (NeuroSim: globalBufferType for the global
// buffer, peBufferType for the tile buffers; both follow ChipOptions::buffers).
std::unique_ptr<Buffer> make_buffer(ChipBufferKind kind, const Technology& t, int capacity_bits, int interface_bits) {
  if (kind == ChipBufferKind::sram) return std::make_unique<SramBuffer>(t, capacity_bits, interface_bits);
  return std::make_unique<RegisterFileBuffer>(t, capacity_bits, interface_bits);
}

// A tile buffer: one core of NeuroSim's tile buffer size, or smaller if the tile needs less
// (NeuroSim rule, Tile.cpp: then as wide as the tile's PEs deliver in parallel).
std::unique_ptr<Buffer> tile_buffer(ChipBufferKind kind, const Technology& t, double need_bits, double width_bits) {
  if (need_bits < kTileBufferCoreBits) return make_buffer(kind, t, static_cast<int>(need_bits), static_cast<int>(width_bits));
  return make_buffer(kind, t, kTileBufferCoreBits, kTileBufferCoreWidth);
}

void build_pe(const ChipParts& p, TileParts& k) {
  const Technology& t = p.tech;
  const SubarrayConfig& c = p.subarray.config;
  const int cpa = static_cast<int>(c.adc.cols_per_adc);
  k.pe_subarray_rows = ceil_div(k.pe_size, c.rows);
  k.pe_subarray_cols = ceil_div(k.pe_size, c.cols);
  const int pe_sum_bits = p.adc_bits + c.input_bits + p.cells_per_weight + 1;  // the reference's +numColPerSynapse
  k.pe_adder = std::make_unique<AdderTree>(t, static_cast<int>(k.pe_subarray_rows), pe_sum_bits,
                                           static_cast<int>(ceil_div(k.pe_subarray_cols * c.cols, cpa)));
  k.input_register = std::make_unique<FlipFlopBank>(t, static_cast<int>(c.input_bits * c.rows));
  k.output_register = std::make_unique<FlipFlopBank>(
      t, static_cast<int>(c.cols / cpa * (p.adc_bits + c.input_bits + p.cells_per_weight + k.pe_adder->stages())));
  const Subarray& s = p.subarray;
  const int r = static_cast<int>(k.pe_subarray_rows), col = static_cast<int>(k.pe_subarray_cols);
  k.input_bus = std::make_unique<Bus>(t, BusDirection::horizontal, r, col, s.area.height_m, s.area.width_m);
  k.output_bus = std::make_unique<Bus>(t, BusDirection::vertical, r, col, s.area.height_m, s.area.width_m);
  // ProcessingUnitCalculateArea: the subarrays' used area, the adder tree, the registers; square.
  const double n = static_cast<double>(k.pe_subarray_rows * k.pe_subarray_cols);
  const double regs = k.input_register->area_m2() + k.output_register->area_m2();
  k.pe_area.total_m2 = n * s.area.used_m2 + k.pe_adder->area_m2() + regs;
  k.pe_area.array_m2 = n * s.area.array_m2;
  k.pe_area.adc_m2 = n * s.area.adc_m2;
  k.pe_area.accumulation_m2 = n * s.area.accumulation_m2 + k.pe_adder->area_m2();
  k.pe_area.other_m2 = n * s.area.other_m2 + regs;
  k.pe_side_m = std::sqrt(k.pe_area.total_m2);
}

TileParts build_tile(ChipParts& p, bool novel) {
  const Technology& t = p.tech;
  const SubarrayConfig& c = p.subarray.config;
  const Floorplan& f = p.floorplan;
  TileParts k;
  k.novel = novel;
  k.kind = novel ? "novel" : "conventional";
  k.pe_size = novel ? f.novel_pe_size : f.conventional_pe_size;
  k.pes_per_side = novel ? f.novel_pes_per_tile : f.conventional_pes_per_side();
  k.pes = novel ? f.novel_pes_per_tile : k.pes_per_side * k.pes_per_side;
  build_pe(p, k);
  const int cpa = static_cast<int>(c.adc.cols_per_adc), side = k.pes_per_side;
  const double rows = static_cast<double>(c.rows), cols = static_cast<double>(c.cols);
  k.tile_adder_bits = p.adc_bits + c.input_bits + p.cells_per_weight + 1 + ceil_log2(static_cast<double>(k.pe_size) / rows);
  k.tile_adder = std::make_unique<AdderTree>(t, side, k.tile_adder_bits, static_cast<int>(ceil_div(side * c.cols, cpa)));
  const double in_need = static_cast<double>(side) * c.input_bits * rows;
  const double out_need = static_cast<double>(k.tile_adder_bits) * side * cols / cpa;
  const ChipBufferKind kind = p.options.buffers;
  k.input_buffer = tile_buffer(kind, t, in_need, static_cast<double>(side) * rows);
  k.output_buffer = tile_buffer(kind, t, out_need, static_cast<double>(k.tile_adder_bits) * side);
  // NeuroSim rule (Tile.cpp): the buffer core counts are globals, the conventional tile's last.
  if (!novel) {
    p.input_buffer_cores = static_cast<int>(std::ceil(in_need / kTileBufferCoreBits));
    p.output_buffer_cores = static_cast<int>(std::ceil(out_need / kTileBufferCoreBits));
  }
  // NeuroSim rule (Tile.cpp): a novel tile's H-tree spans numPENM x numPENM PE units, 9 x 9 for 3x3.
  k.htree = std::make_unique<HTree>(t, side, side, static_cast<double>(side) * rows, k.pe_side_m, k.pe_side_m, kBusDelayTolerance);
  return k;
}

// TileCalculateArea: its PEs, adder tree, buffer cores and H-tree; square.
void tile_area(const ChipParts& p, TileParts& k) {
  const double buffers = p.input_buffer_cores * k.input_buffer->area_m2() + p.output_buffer_cores * k.output_buffer->area_m2();
  const double tree = k.htree->area_m2(kTileTreeFold);
  k.area.total_m2 = k.pes * k.pe_area.total_m2 + k.tile_adder->area_m2() + buffers + tree;
  k.area.array_m2 = k.pes * k.pe_area.array_m2;
  k.area.adc_m2 = k.pes * k.pe_area.adc_m2;
  k.area.accumulation_m2 = k.pes * k.pe_area.accumulation_m2 + k.tile_adder->area_m2();
  k.area.other_m2 = k.pes * k.pe_area.other_m2 + buffers;
  k.area.interconnect_m2 = tree;
  k.side_m = std::sqrt(k.area.total_m2);
}

// ChipInitialize: the global bus (each layer's tile width and its outputs, halved to the maximum),
// the global buffer's cores (the largest layer input), pooling, ReLU and the chip's adder tree.
void build_chip_level(ChipParts& p, const std::vector<ChipLayer>& layers) {
  const SubarrayConfig& c = p.subarray.config;
  const Floorplan& f = p.floorplan;
  const double cpa = static_cast<double>(c.adc.cols_per_adc);
  const double novel_width = static_cast<double>(f.novel_pe_size) * f.novel_pes_per_side();
  const double tile_cm = f.conventional_tile_size;
  double max_input = 0;
  int max_tile_rows = 1;
  for (std::size_t i = 0; i < layers.size(); ++i) {
    const FloorplanLayer& l = layers[i].shape;
    max_input = std::max(max_input, static_cast<double>(l.input_height) * l.input_width * l.input_channels);
    const double width = f.layers[i].novel ? novel_width : tile_cm;
    p.global_bus_bits += width + width / cpa;
    max_tile_rows = std::max(max_tile_rows, f.layers[i].tile_rows);
  }
  while (p.global_bus_bits > kMaxGlobalBusBits) p.global_bus_bits /= 2;
  const double core_bits = kGlobalBufferCoreSide * kGlobalBufferCoreSide;
  p.global_buffer_cores = static_cast<int>(std::ceil(c.input_bits * max_input / core_bits));
  p.global_buffer = make_buffer(p.options.buffers, p.tech, static_cast<int>(core_bits), kGlobalBufferCoreSide);
  p.pooling = std::make_unique<MaxPooling>(p.tech, c.input_bits, 4, f.conventional_tile_size);
  // The widest tile's outputs per cycle and the partial sums a tile adds (from subarrays to PE to tile).
  const bool nm = p.novel.has_value();
  const double widest = nm ? std::max(tile_cm, novel_width) : tile_cm;
  double adds = static_cast<double>(ceil_div(f.conventional_pe_size, c.rows));
  if (nm) adds = std::max(adds, static_cast<double>(ceil_div(f.novel_pe_size, c.rows)));
  adds *= nm ? std::max(f.conventional_pes_per_side(), f.novel_pes_per_side()) : f.conventional_pes_per_side();
  const int lanes = static_cast<int>(std::ceil(widest / cpa));
  const int bits = p.adc_bits + c.input_bits + p.cells_per_weight + 1 + ceil_log2(adds);
  p.chip_adder = std::make_unique<AdderTree>(p.tech, max_tile_rows, bits, lanes);
  p.relu = std::make_unique<ReluUnit>(p.tech, lanes, c.input_bits);
}

}  // namespace

double ChipParts::gate_cycles(double latency_s) const { return cycles(latency_s, options.target_clock_hz); }

ChipParts build_parts(const std::vector<ChipLayer>& layers, const SubarrayConfig& config, const ChipOptions& options) {
  ChipParts p;
  p.tech = config.tech;
  p.options = options;
  p.subarray = build_subarray(config);
  FloorplanOptions fo;
  fo.subarray_rows = static_cast<int>(config.rows), fo.subarray_cols = static_cast<int>(config.cols);
  fo.weight_bits = config.weight_bits, fo.cell_bits = config.cell.bits, fo.novel_mapping = options.novel_mapping;
  std::vector<FloorplanLayer> shapes;
  for (const ChipLayer& l : layers) shapes.push_back(l.shape);
  p.floorplan = neurosim_floorplan(shapes, fo);
  p.cells_per_weight = p.floorplan.cells_per_weight;
  p.adc_bits = config.adc.bits;
  // NeuroSim rule (main.cpp): the clock slows to the longest sensing cycle; never faster than the target.
  p.period_s = std::max(p.subarray.sensing_cycle_s, 1 / options.target_clock_hz);
  if (p.floorplan.novel_tiles > 0) p.novel.emplace(build_tile(p, true));
  p.conventional = build_tile(p, false);
  if (p.novel) tile_area(p, *p.novel);
  tile_area(p, p.conventional);
  build_chip_level(p, layers);
  const double rows = p.floorplan.tile_grid_rows, cols = p.floorplan.tile_grid_cols;
  for (TileParts* k : {p.novel ? &*p.novel : nullptr, &p.conventional}) {
    if (k == nullptr) continue;
    k->chip_htree = std::make_unique<HTree>(p.tech, static_cast<int>(rows), static_cast<int>(cols), p.global_bus_bits, k->side_m, k->side_m,
                                            kBusDelayTolerance);
  }
  return p;
}

// ChipCalculateArea: the tiles, the global buffer's cores, the chip H-tree over the larger tile,
// pooling, the chip adder tree and ReLU.
ChipArea chip_area(const ChipParts& p) {
  ChipArea a;
  auto add_tiles = [&](const TileParts& k, int n) {
    a.total_m2 += n * k.area.total_m2, a.array_m2 += n * k.area.array_m2, a.adc_m2 += n * k.area.adc_m2;
    a.accumulation_m2 += n * k.area.accumulation_m2, a.other_m2 += n * k.area.other_m2, a.interconnect_m2 += n * k.area.interconnect_m2;
  };
  if (p.novel) add_tiles(*p.novel, p.floorplan.novel_tiles);
  add_tiles(p.conventional, p.floorplan.conventional_tiles);
  const double side = std::max(p.conventional.side_m, p.novel ? p.novel->side_m : 0.0);
  const HTree tree(p.tech, p.floorplan.tile_grid_rows, p.floorplan.tile_grid_cols, p.global_bus_bits, side, side, kBusDelayTolerance);
  const double htree = tree.area_m2(kChipTreeFold);
  const double buffer = p.global_buffer->area_m2() * p.global_buffer_cores;
  const double other = buffer + p.pooling->area_m2() + p.relu->area_m2();
  a.total_m2 += htree + other + p.chip_adder->area_m2();
  a.interconnect_m2 += htree;
  a.accumulation_m2 += p.chip_adder->area_m2();
  a.other_m2 += other;
  return a;
}

}  // namespace hwaware::circuits::chip_detail
