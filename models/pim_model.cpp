#include "models/pim_model.h"

#include <algorithm>
#include <cmath>

#include "core/diagnostics.h"
#include "models/exact_rounding.h"
#include "models/pim_circuits.h"
#include "models/pim_estimators.h"
#include "models/sparsity.h"
#include "models/tile_accounting.h"

namespace hwaware::model {
namespace {

// The innermost storage level below DRAM that holds `tensor`; 0 (DRAM) if none does.
std::size_t innermost_holding(const arch::Spec& spec, const std::string& tensor) {
  for (std::size_t l = spec.levels.size(); l-- > 1;)
    if (!spec.levels[l].is_virtual() && spec.levels[l].holds(tensor)) return l;
  return 0;
}

// Cells programmed every inference, the weights read from DRAM for them, and the time (rows one
// after the other, crossbars in parallel): every copy when the weights do not stay on chip; else
// the copies written over other layers' weights (duplicate: reprogram) and those layers' cells
// restored (whole crossbars, in parallel with them).
void count_programming(const arch::Spec& spec, const workload::Problem& pr, bool weights_resident, const mapping::LayerCopies& copies,
                       const PimCircuits& circuits, PimLayerCounts& p) {
  const auto& pim = *spec.pim;
  const auto& x = p.placement;
  const int w = pr.data_space_index("Weights");
  if (x.crossbars == 0 || w < 0) return;
  const double weights = static_cast<double>(pr.tensor_size(w)), cells = static_cast<double>(x.cells_used);
  const long long rows = std::min(pim.rows, x.rows * x.groups_per_crossbar);
  const double written = weights_resident ? static_cast<double>(copies.copies_written) : static_cast<double>(x.replicas);
  p.reprogrammed_cells = weights_resident ? static_cast<double>(copies.reprogrammed_cells) : 0;
  p.weight_writes = written * cells + p.reprogrammed_cells;
  p.weight_reads = written * weights + p.reprogrammed_cells / pim.weight_slices();
  if (written > 0) p.write_ns = static_cast<double>(rows) * circuits.write_row_ns;
  if (p.reprogrammed_cells > 0) p.write_ns = std::max(p.write_ns, static_cast<double>(pim.rows) * circuits.write_row_ns);
  if (p.weight_writes > 0) p.actions.push_back({"cells", "write", p.weight_writes, PimCategory::weight_programming});
}

// The crossbars' actions per input vector and input slice, at the layer's bit density `d`: every
// row with a 1 bit is driven (once per column block), every cell under it draws current, every
// used column is converted once per read of a row block (rows_per_read rows at a time; idle when
// none of the read's rows is on), and every crossbar of the layer pays its per-pulse circuits once
// per read.
struct PulseActions {
  double rows_on = 0, cells_on = 0, conversions = 0, idle = 0, crossbar_pulses = 0;
};
PulseActions per_vector_slice(const arch::PimSpec& pim, const mapping::CrossbarPlacement& x, double d) {
  PulseActions a;
  const double groups = static_cast<double>(x.groups), cols = static_cast<double>(x.cols);
  a.rows_on = d * groups * static_cast<double>(x.rows * x.col_blocks);
  a.cells_on = d * groups * static_cast<double>(x.rows) * cols;
  const long long active = pim.active_rows();
  for (long long b = 0; b < x.row_blocks; ++b) {
    const long long block = std::min(pim.rows, x.rows - b * pim.rows);
    for (long long first = 0; first < block; first += active) {
      const double on = 1 - std::pow(1 - d, static_cast<double>(std::min(active, block - first)));  // some row of the read has a 1 bit
      a.conversions += groups * cols * on;
      a.idle += groups * cols * (1 - on);
    }
  }
  a.crossbar_pulses = static_cast<double>(x.crossbars * x.reads_per_slice);
  return a;
}

// `partial_sums`: outputs' partial sums of further row blocks added (evaluate_pim counts them once
// for the Outputs level too).
void count_crossbars(const arch::Spec& spec, const workload::Problem& pr, const PimCircuits& circuits, double partial_sums,
                     PimLayerCounts& p) {
  const auto& pim = *spec.pim;
  const auto& x = p.placement;
  const int in = pr.data_space_index("Inputs");
  p.input_bit_density = in >= 0 ? pr.data_spaces[static_cast<std::size_t>(in)].bit_density : kReferenceBitDensity;
  const double per = static_cast<double>(x.vectors) * pim.input_slices();  // vector-slices of one copy's worth
  const PulseActions a = per_vector_slice(pim, x, p.input_bit_density);
  const double vectors = static_cast<double>(x.vectors), turns = static_cast<double>(pim.adc.cols_per_adc);
  p.pulses = per * a.crossbar_pulses;
  p.conversions = per * (a.conversions + a.idle);
  p.rows_on = per * a.rows_on;
  auto add = [&](const char* component, const char* action, double count) {
    p.actions.push_back({component, action, count, *pim_category(component, action)});
  };
  add("cells", "read", per * a.cells_on);
  add("word_lines", "drive", p.rows_on);
  add("bit_lines", "charge", p.pulses);
  add("adc", "convert", per * a.conversions);
  add("adc", "idle", per * a.idle);
  if (pim.adc.model == "mlsa") add("adc_encoder", "encode", p.pulses);
  if (pim.cell.device == "sram") add("precharger", "charge", p.pulses);
  add("shift_add", "add", p.pulses);
  add("partial_sums", "add", partial_sums);
  add(pim.dac_bits > 1 ? "dac" : "switch_matrix", "drive", p.rows_on);
  add("switch_matrix", "scan", p.pulses);
  add("column_mux", "select", vectors * static_cast<double>(x.crossbars) * turns);
  p.cycle_ns = circuits.cycle_ns;
  p.pulse_ns = circuits.pulse_ns();
  const double copies = static_cast<double>(std::max(1LL, x.replicas));
  p.compute_ns = std::ceil(vectors / copies) * pim.input_slices() * static_cast<double>(x.reads_per_slice) * p.pulse_ns;
}

void set_level(const arch::Spec& spec, std::size_t l, const workload::Problem& pr, LevelCounts& lc) {
  const auto& lvl = spec.levels[l];
  lc.name = lvl.name;
  lc.is_virtual = lvl.is_virtual();
  lc.block_size = lvl.block_size;
  lc.word_bits = lvl.word_bits;
  lc.network_name = lvl.network_name();
  lc.tensors.assign(pr.data_spaces.size(), TensorAccess{});
  lc.bits.assign(pr.data_spaces.size(), TensorBits{});
  lc.network.assign(pr.data_spaces.size(), NetworkAccess{});
  lc.network_bits.assign(pr.data_spaces.size(), NetworkBits{});
}

// Counts `reads` and `updates` of tensor `t` at level `l` (totals over the level's instances).
void access(const arch::Spec& spec, const workload::Problem& pr, std::size_t l, std::size_t t, double reads, double updates,
            LayerCounts& c) {
  auto& lc = c.levels[l];
  auto& a = lc.tensors[t];
  a.kept = true;
  a.instances = 1;
  a.reads += reads;
  a.updates += updates;
  lc.bits[t] = tensor_bits(spec, spec.levels[l], pr.data_spaces[t], a);
  lc.utilized_instances = spec.levels[l].instances;
}

// The cycles the levels' ports need for the layer's traffic at their bandwidths, as the digital
// model throttles (bandwidth_slowdown) and as the SystemC buffers serve it.
long long bandwidth_bound(const arch::Spec& spec, const LayerCounts& c) {
  long long cycles = 0;
  const long long compute = std::max(1LL, c.compute_cycles);
  const auto traffic = level_traffic(spec, c);
  for (std::size_t l = 0; l < traffic.size(); ++l) {  // DRAM too: weights programmed arrive at its bandwidth
    const double slowdown = bandwidth_slowdown(spec.levels[l], traffic[l].read_bits, traffic[l].write_bits, compute);
    if (slowdown < 1) cycles = std::max(cycles, throttled_cycles(compute, slowdown));
  }
  return cycles;
}

}  // namespace

std::vector<LevelTraffic> level_traffic(const arch::Spec& spec, const LayerCounts& c) {
  std::vector<LevelTraffic> out(c.levels.size());
  for (std::size_t l = 0; l < c.levels.size(); ++l) {
    const auto& lc = c.levels[l];
    for (std::size_t t = 0; t < lc.tensors.size(); ++t) {
      if (!lc.tensors[t].kept) continue;
      out[l].read_bits += lc.bits[t].read_bits;
      out[l].write_bits += lc.bits[t].fill_bits + lc.bits[t].update_bits;
    }
    // The counts are totals over the level's instances; each instance moves its share.
    const double instances = static_cast<double>(std::max(1LL, spec.levels[l].instances));
    out[l].read_bits /= instances;
    out[l].write_bits /= instances;
  }
  return out;
}

double PimLayerCounts::count(const std::string& component, const std::string& action) const {
  double n = 0;
  for (const auto& a : actions)
    if (a.component == component && a.action == action) n += a.count;
  return n;
}

LayerCounts pim_layer_frame(const arch::Spec& spec, const workload::Problem& pr) {
  LayerCounts c;
  for (const auto& ds : pr.data_spaces) c.tensor_names.push_back(ds.name);
  c.levels.resize(spec.levels.size());
  for (std::size_t l = 0; l < spec.levels.size(); ++l) set_level(spec, l, pr, c.levels[l]);
  c.computes = static_cast<double>(pr.macs());
  c.compute = dense_computes(spec, pr, 0);  // analog: no digital MAC is performed
  return c;
}

LayerCounts evaluate_pim(const arch::Spec& spec, const workload::Problem& pr, bool weights_resident, const mapping::LayerCopies& copies) {
  if (!spec.pim) core::panic("evaluate_pim: the accelerator has no PIM crossbars");
  return evaluate_pim(spec, pr, weights_resident, copies, build_pim_circuits(spec));
}

LayerCounts evaluate_pim(const arch::Spec& spec, const workload::Problem& pr, bool weights_resident, const mapping::LayerCopies& copies,
                         const PimCircuits& circuits) {
  if (!spec.pim) core::panic("evaluate_pim: the accelerator has no PIM crossbars");
  const auto& pim = *spec.pim;
  LayerCounts c = pim_layer_frame(spec, pr);

  PimLayerCounts p;
  p.placement = mapping::place_on_crossbars(pim, pr, copies.copies);
  const auto& x = p.placement;
  const int in = pr.data_space_index("Inputs"), out = pr.data_space_index("Outputs"), w = pr.data_space_index("Weights");
  const double vectors = static_cast<double>(x.vectors), groups = static_cast<double>(x.groups);
  const double outputs_per_vector = groups * static_cast<double>(x.cols / pim.weight_slices());
  const double partial_sums = vectors * outputs_per_vector * static_cast<double>(std::max(0LL, x.row_blocks - 1));
  if (x.crossbars > 0) {
    count_crossbars(spec, pr, circuits, partial_sums, p);
    count_programming(spec, pr, weights_resident, copies, circuits, p);
  }
  // Activations on chip; weights from DRAM when they are programmed every inference.
  if (in >= 0 && x.crossbars > 0)
    access(spec, pr, innermost_holding(spec, "Inputs"), static_cast<std::size_t>(in), vectors * groups * static_cast<double>(x.rows), 0, c);
  if (out >= 0) {
    const double produced = x.crossbars > 0 ? vectors * outputs_per_vector : static_cast<double>(pr.tensor_size(out));
    access(spec, pr, innermost_holding(spec, "Outputs"), static_cast<std::size_t>(out), partial_sums, produced + partial_sums, c);
    // Outputs cross the network below every level that fans out (to the next layer's tiles).
    for (std::size_t l = 0; l < spec.levels.size(); ++l) {
      const long long fanout = spec.fanout_below(static_cast<int>(l));
      if (fanout <= 1) continue;
      NetworkAccess& n = c.levels[l].network[static_cast<std::size_t>(out)];
      n = NetworkAccess{fanout, 1, produced, produced, produced * mesh_hops(1, fanout)};
      c.levels[l].network_bits[static_cast<std::size_t>(out)] =
          network_bits(spec, spec.levels[l], pr.data_spaces[static_cast<std::size_t>(out)], n);
    }
  }
  if (w >= 0 && p.weight_reads > 0) access(spec, pr, 0, static_cast<std::size_t>(w), p.weight_reads, 0, c);

  c.compute_cycles = static_cast<long long>(ceil_count((p.compute_ns + p.write_ns) * spec.clock_hz * 1e-9 - 1e-9));
  c.cycles = std::max(c.compute_cycles, bandwidth_bound(spec, c));
  c.compute_instances = x.crossbars_used();
  c.utilization = x.utilization;
  // Every crossbar of the chip leaks while the layer runs (priced per crossbar and clock cycle).
  p.actions.push_back({"crossbars", "leak", static_cast<double>(c.cycles) * static_cast<double>(pim.crossbars()), PimCategory::leakage});
  c.pim = p;
  return c;
}

}  // namespace hwaware::model
