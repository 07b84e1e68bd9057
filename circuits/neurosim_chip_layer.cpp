// One layer on NeuroSim V1.3's chip (ChipCalculatePerformance, TileCalculatePerformance,
// ProcessingUnitCalculatePerformance), as actions, latency and leakage. Every "NeuroSim rule:"
// below is a rule of the reference run (commit 388f421) reproduced on purpose.

#include <algorithm>
#include <cmath>

#include "circuits/neurosim_chip_parts.h"

namespace hwaware::circuits::chip_detail {
namespace {

long ceil_div(long a, long b) { return (a + b - 1) / b; }

struct Piece {
  long rows = 0, cols = 0;  // a PE's share of a tile's matrix
};
struct TileWork {
  long rows = 0, cols = 0;  // the tile's share of the layer's matrix (novel: all its PEs' rows)
  std::vector<Piece> pes;
};

// The layer's tiles and their PEs' pieces. Novel: tile (i, j) has one PE per kernel position, each
// rows C (cut at the PE size) x cols (cut at the PE size). Conventional: the tile's matrix cut at
// the PE size (a fully duplicated small matrix fits one PE).
std::vector<TileWork> tiles_of(const ChipLayer& l, const LayerPlacement& pl, const TileParts& k) {
  std::vector<TileWork> tiles;
  const long pe = k.pe_size, tile = k.novel ? pe : pe * k.pes_per_side;
  const long rows = k.novel ? l.shape.input_channels : static_cast<long>(pl.matrix_rows);
  for (long r0 = 0; r0 < rows; r0 += tile) {
    for (long c0 = 0; c0 < pl.matrix_cols; c0 += tile) {
      TileWork w;
      const long tr = std::min(tile, rows - r0), tc = std::min(tile, static_cast<long>(pl.matrix_cols) - c0);
      w.rows = k.novel ? tr * k.pes : tr, w.cols = tc;
      if (k.novel) w.pes.assign(k.pes, Piece{tr, tc});
      for (long pr = 0; !k.novel && pr < tr; pr += pe)
        for (long pc = 0; pc < tc; pc += pe) w.pes.push_back({std::min(pe, tr - pr), std::min(pe, tc - pc)});
      tiles.push_back(w);
    }
  }
  return tiles;
}

// Latency in cycles of the synchronous clock, by NeuroSim's categories.
struct Cycles {
  double adc = 0, accumulation = 0, buffer = 0, interconnect = 0, other = 0, total = 0;
  void max_with(const Cycles& o) {
    adc = std::max(adc, o.adc), accumulation = std::max(accumulation, o.accumulation), buffer = std::max(buffer, o.buffer);
    interconnect = std::max(interconnect, o.interconnect), other = std::max(other, o.other), total = std::max(total, o.total);
  }
};

class LayerBuilder {
 public:
  LayerBuilder(const ChipParts& p, const ChipLayer& l, const LayerPlacement& pl)
      : p_(p), l_(l), pl_(pl), k_(p.tile(pl.novel)), act_(p.subarray.config.calibration.activity()) {
    const FloorplanLayer& s = l.shape;
    vectors_ = static_cast<long>((s.input_height - s.kernel_height + 1) / s.stride) * ((s.input_width - s.kernel_width + 1) / s.stride);
    pulses_ = static_cast<double>(vectors_) * p.subarray.config.input_bits;
  }

  void add(const std::string& component, const std::string& action, double count, double price_j, ChipCategory cat) {
    if (count > 0 && price_j != 0) r_.actions.push_back({component, action, count, price_j, cat});
  }

  ChipLayerResult run(int stale[2]);

 private:
  Cycles pe(const Piece& piece);
  Cycles tile(const TileWork& w, int stale[2]);
  void chip_steps(Cycles& c);
  void subarray_actions(const SubarrayReadCounts& n);
  void leakage(const Piece& last_pe, int tile_adder_inputs);

  const ChipParts& p_;
  const ChipLayer& l_;
  const LayerPlacement& pl_;
  const TileParts& k_;
  const Activity act_;
  long vectors_ = 0;   // NeuroSim rule (Chip.cpp numInVector): (H - R + 1) / stride squared, no padding
  double pulses_ = 0;  // one per input bit of every vector
  SubarrayReadCounts reads_;
  ChipLayerResult r_;
};

// A PE: its subarrays read every pulse; its adder tree adds the subarray rows; its registers latch
// the inputs and the sums; its buses carry them.
Cycles LayerBuilder::pe(const Piece& piece) {
  const SubarrayConfig& c = p_.subarray.config;
  reads_ += subarray_read_counts(p_.subarray, piece.rows, piece.cols, vectors_, l_.input);
  Cycles y;
  y.adc = pulses_ * static_cast<double>(p_.subarray.column_turns);
  y.accumulation = pulses_ * std::round(p_.subarray.pulse_latency.accumulation_s / p_.subarray.sensing_cycle_s);
  const int used = static_cast<int>(ceil_div(piece.rows, c.rows));
  if (used > 1) {
    // NeuroSim rule (ProcessingUnit.cpp, reference version): numInVector / numBitInput x
    // ceil(numColMuxed / numColPerSynapse) reductions.
    const double n = static_cast<double>(vectors_ * ceil_div(c.adc.cols_per_adc, p_.cells_per_weight));
    add(k_.name("pe.adder_tree"), "reduce_" + std::to_string(used), n, k_.pe_adder->reduction_energy_j(used, act_.adder),
        ChipCategory::accumulation);
    y.accumulation += n * k_.pe_adder->latency_cycles(p_.options.target_clock_hz, used);
  }
  // NeuroSim rule (ProcessingUnit.cpp): integer clockings, every flip-flop clocked, no gamma.
  const int in_ff = k_.input_register->count(), out_ff = k_.output_register->count();
  const double in_clk = std::floor(static_cast<double>(piece.rows) * pulses_ / in_ff);
  const double sum_bits = p_.adc_bits + c.input_bits + p_.cells_per_weight + 1;
  const double out_clk = std::floor(static_cast<double>(piece.cols / p_.cells_per_weight) * sum_bits * pulses_ / c.input_bits / out_ff);
  add(k_.name("pe.input_register"), "clock", in_clk, k_.input_register->cycle_energy_j(in_ff), ChipCategory::buffer);
  add(k_.name("pe.output_register"), "clock", out_clk, k_.output_register->cycle_energy_j(out_ff), ChipCategory::buffer);
  y.buffer = in_clk + out_clk;
  // NeuroSim rule (Bus.cpp): no bus latency in a synchronous design.
  add(k_.name("pe.input_bus"), "bit", static_cast<double>(piece.rows) * pulses_, k_.input_bus->energy_per_bit_j(),
      ChipCategory::interconnect);
  add(k_.name("pe.output_bus"), "bit", static_cast<double>(piece.cols / p_.cells_per_weight) * p_.adc_bits * pulses_ / c.input_bits,
      k_.output_bus->energy_per_bit_j(), ChipCategory::interconnect);
  y.total = y.adc + y.accumulation + y.buffer;
  return y;
}

// A tile: its slowest PE over the speed-up, then its adder tree, buffers and H-tree.
Cycles LayerBuilder::tile(const TileWork& w, int stale[2]) {
  const SubarrayConfig& c = p_.subarray.config;
  Cycles pes;
  for (const Piece& piece : w.pes) pes.max_with(pe(piece));
  // NeuroSim rule (Tile.cpp): duplicated weights divide the PE latency, not the energy.
  const double su = pl_.speedup();
  Cycles y{pes.adc / su, pes.accumulation / su, pes.buffer / su, 0, 0, pes.total / su};
  const int used = k_.novel ? k_.pes_per_side : static_cast<int>(ceil_div(w.rows, k_.pe_size));
  if (used > 1) {
    const double n = static_cast<double>(vectors_ * ceil_div(c.adc.cols_per_adc, p_.cells_per_weight));
    add(k_.name("tile.adder_tree"), "reduce_" + std::to_string(used), n, k_.tile_adder->reduction_energy_j(used, act_.adder),
        ChipCategory::accumulation);
    const double cyc = n * k_.tile_adder->latency_cycles(p_.options.target_clock_hz, used);
    y.accumulation += cyc, y.total += cyc;
    stale[k_.novel ? 1 : 0] = used;
  }
  // NeuroSim rule (Tile.cpp): a novel tile's inputs are shared by its kernel positions (/ sqrt(numPENM)),
  // its outputs by its PEs (/ numPENM); the output buffer moves (1 + sum bits) per output.
  const double tile_rows = static_cast<double>(w.rows);
  const double in_bits = k_.novel ? tile_rows * pulses_ / p_.floorplan.novel_pes_per_side() : tile_rows * pulses_;
  const double out_bits = static_cast<double>(ceil_div(w.cols, p_.cells_per_weight)) * (1 + k_.tile_adder_bits) * pulses_ / c.input_bits /
                          (k_.novel ? k_.pes : 1);
  const Buffer &ib = *k_.input_buffer, &ob = *k_.output_buffer;
  add(k_.name("tile.input_buffer"), "read_bit", in_bits, ib.read_energy_per_bit_j(act_.control), ChipCategory::buffer);
  add(k_.name("tile.input_buffer"), "write_bit", in_bits, ib.write_energy_per_bit_j(), ChipCategory::buffer);
  add(k_.name("tile.output_buffer"), "read_bit", out_bits, ob.read_energy_per_bit_j(act_.control), ChipCategory::buffer);
  add(k_.name("tile.output_buffer"), "write_bit", out_bits, ob.write_energy_per_bit_j(), ChipCategory::buffer);
  // NeuroSim rule (Tile.cpp): the core counts are the conventional tile's; a novel output buffer
  // moves lines of the input buffer's width.
  const double bus = k_.htree->bus_bits();
  const double in_w = ib.interface_bits(), out_w = k_.novel ? ib.interface_bits() : ob.interface_bits();
  const double buf = 2 * in_bits / in_w / std::min<double>(p_.input_buffer_cores, std::ceil(bus / in_w)) +
                     2 * out_bits / out_w / std::min<double>(p_.output_buffer_cores, std::ceil(bus / out_w));
  add(k_.name("tile.htree"), "bit", in_bits + out_bits, k_.htree->energy_per_bit_j(), ChipCategory::interconnect);
  // NeuroSim rule (Tile.cpp): tile H-tree transfers are not rounded up.
  const double ic = (in_bits + out_bits) / bus * p_.gate_cycles(k_.htree->latency_s());
  y.buffer += buf, y.interconnect += ic, y.total += buf + ic;
  return y;
}

// The subarrays' reads as actions (subarray.h: prices per action, NeuroSim's three categories).
void LayerBuilder::subarray_actions(const SubarrayReadCounts& n) {
  const SubarrayActions& a = p_.subarray.actions;
  add("subarray.cells", "read", n.cells_on, a.cell_read.energy_j, ChipCategory::adc);
  add("subarray.word_lines", "activate", n.rows_on, a.word_line.energy_j, ChipCategory::adc);
  add("subarray.bit_lines", "pulse", n.pulses, a.bit_lines.energy_j, ChipCategory::adc);
  add("subarray.adc", "convert", n.conversions, a.conversion.energy_j, ChipCategory::adc);
  add("subarray.adc", "convert_empty", n.empty_conversions, a.empty_conversion.energy_j, ChipCategory::adc);
  add("subarray.adc", "encode", n.pulses, a.encoding.energy_j, ChipCategory::adc);
  add("subarray.precharger", "pulse", n.pulses, a.precharge.energy_j, ChipCategory::adc);
  add("subarray.shift_add", "pulse", n.pulses, a.shift_add.energy_j, ChipCategory::accumulation);
  add("subarray.switch_matrix", "drive_row", n.rows_on, a.row_drive.energy_j, ChipCategory::other);
  add("subarray.switch_matrix", "scan", n.pulses, a.row_scan.energy_j, ChipCategory::other);
  add("subarray.column_mux", "select", n.column_turns, a.column_select.energy_j, ChipCategory::other);
}

// The chip's steps after the tiles (Chip.cpp): ReLU, the adder tree across tile rows, pooling,
// the global buffer and the chip H-tree. Adds their cycles to `c`.
void LayerBuilder::chip_steps(Cycles& c) {
  const FloorplanLayer& s = l_.shape;
  const double v = static_cast<double>(vectors_), bits = p_.subarray.config.input_bits, hz = p_.options.target_clock_hz;
  const double relu = std::ceil(v * s.output_channels / p_.relu->units());
  add("chip.relu", "pass", relu, p_.relu->pass_energy_j(), ChipCategory::other);
  c.other += relu;  // one cycle a pass
  if (pl_.tile_rows > 1) {
    const double n = std::ceil(static_cast<double>(pl_.matrix_cols) * v / p_.chip_adder->trees());
    add("chip.adder_tree", "reduce_" + std::to_string(pl_.tile_rows), n, p_.chip_adder->reduction_energy_j(pl_.tile_rows, act_.adder),
        ChipCategory::accumulation);
    c.accumulation += n * p_.chip_adder->latency_cycles(hz, pl_.tile_rows);
  }
  if (s.followed_by_pooling) {
    // NeuroSim rule (Chip.cpp): the energy's passes divide the vectors by the window in integers,
    // the latency's in doubles; a novel layer's passes scale by sqrt(numPENM) / its PE size.
    const double per = k_.novel ? p_.floorplan.novel_pe_size / std::sqrt(static_cast<double>(p_.floorplan.novel_pes_per_tile))
                                : p_.floorplan.conventional_tile_size;
    add("chip.max_pooling", "pass", std::ceil(static_cast<double>(vectors_ / 4) / per), p_.pooling->pass_energy_j(act_.control),
        ChipCategory::other);
    c.other += std::ceil(v / 4 / per) * p_.pooling->latency_cycles(hz);
  }
  // NeuroSim rule (Chip.cpp): a novel layer loads each input once per kernel row (/ R).
  const double read = static_cast<double>(pl_.matrix_rows) * bits * v / (k_.novel ? s.kernel_height : 1);
  const double write = s.output_channels * bits * v / (s.followed_by_pooling ? 4 : 1);
  const Buffer& g = *p_.global_buffer;
  add("chip.global_buffer", "read_bit", read, g.read_energy_per_bit_j(act_.control), ChipCategory::buffer);
  add("chip.global_buffer", "write_bit", write, g.write_energy_per_bit_j(), ChipCategory::buffer);
  // NeuroSim rule (Chip.cpp): the global buffer's latency x ceil(chip tiles / the layer's tiles).
  const double w = g.interface_bits(), bus = p_.global_bus_bits;
  const double share = std::ceil(static_cast<double>(p_.floorplan.total_tiles()) / pl_.tiles());
  c.buffer += (read + write) / w / std::min<double>(p_.global_buffer_cores, std::ceil(bus / w)) * share;
  // NeuroSim rule (Chip.cpp): chip traffic moves in whole transfers of the bus.
  const double transfers = std::ceil((read + write) / bus);
  add(k_.name("chip.htree"), "bit", transfers * bus, k_.chip_htree->energy_per_bit_j(), ChipCategory::interconnect);
  c.interconnect += transfers * p_.gate_cycles(k_.chip_htree->latency_s());
}

// NeuroSim rule (main.cpp): the other layers' idle tiles leak at this layer's tile leakage for its
// latency. A tile leaks through its PEs (all subarrays, adder tree, registers), its adder tree and
// one core of each buffer; an adder tree through the stages of its last reduction (NeuroSim's stale
// state: a tree never used leaks nothing, a tree this layer does not use leaks as it last did).
void LayerBuilder::leakage(const Piece& last_pe, int tile_adder_inputs) {
  r_.idle_tile_s = (p_.floorplan.total_tiles() - pl_.tiles()) * r_.latency.total_s;
  const double t = r_.idle_tile_s, pes = k_.pes;
  const double subarrays = static_cast<double>(k_.pe_subarray_rows * k_.pe_subarray_cols) * pes;
  const int pe_used = static_cast<int>(ceil_div(last_pe.rows, p_.subarray.config.rows));
  const double pe_adder = pe_used > 1 ? k_.pe_adder->leakage_w(pe_used) : 0;
  const double tile_adder = tile_adder_inputs > 1 ? k_.tile_adder->leakage_w(tile_adder_inputs) : 0;
  add("subarray", "leak", t * subarrays, p_.subarray.leakage_w, ChipCategory::leakage);
  add(k_.name("pe.adder_tree"), "leak_" + std::to_string(pe_used), t * pes, pe_adder, ChipCategory::leakage);
  add(k_.name("pe.input_register"), "leak", t * pes, k_.input_register->leakage_w(), ChipCategory::leakage);
  add(k_.name("pe.output_register"), "leak", t * pes, k_.output_register->leakage_w(), ChipCategory::leakage);
  add(k_.name("tile.adder_tree"), "leak_" + std::to_string(tile_adder_inputs), t, tile_adder, ChipCategory::leakage);
  add(k_.name("tile.input_buffer"), "leak", t, k_.input_buffer->leakage_w(), ChipCategory::leakage);
  add(k_.name("tile.output_buffer"), "leak", t, k_.output_buffer->leakage_w(), ChipCategory::leakage);
  r_.tile_leakage_w = subarrays * p_.subarray.leakage_w +
                      pes * (pe_adder + k_.input_register->leakage_w() + k_.output_register->leakage_w()) + tile_adder +
                      k_.input_buffer->leakage_w() + k_.output_buffer->leakage_w();
}

ChipLayerResult LayerBuilder::run(int stale[2]) {
  r_.novel = pl_.novel;
  r_.tiles = pl_.tiles();
  Cycles c;
  const std::vector<TileWork> tiles = tiles_of(l_, pl_, k_);
  for (const TileWork& w : tiles) c.max_with(tile(w, stale));
  subarray_actions(reads_);
  Cycles chip;
  chip_steps(chip);
  const double T = p_.period_s;
  r_.latency.adc_s = c.adc * T;
  r_.latency.accumulation_s = (c.accumulation + chip.accumulation) * T;
  r_.latency.buffer_s = (c.buffer + chip.buffer) * T;
  r_.latency.interconnect_s = (c.interconnect + chip.interconnect) * T;
  r_.latency.other_s = chip.other * T;
  r_.latency.total_s = (c.total + chip.accumulation + chip.buffer + chip.interconnect + chip.other) * T;
  leakage(tiles.back().pes.back(), stale[pl_.novel ? 1 : 0]);
  r_.energy = energy_by_category(r_.actions);
  return r_;
}

}  // namespace

ChipLayerResult evaluate_layer(const ChipParts& p, const ChipLayer& layer, const LayerPlacement& placement, int stale[2]) {
  return LayerBuilder(p, layer, placement).run(stale);
}

}  // namespace hwaware::circuits::chip_detail
