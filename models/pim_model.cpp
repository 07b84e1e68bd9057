#include "models/pim_model.h"

#include <algorithm>
#include <cmath>

#include "core/diagnostics.h"
#include "models/exact_rounding.h"
#include "models/pim_estimators.h"
#include "models/sparsity.h"
#include "models/tile_accounting.h"

namespace hwaware::model {
namespace {

bool holds(const arch::StorageLevel& l, const std::string& tensor) {
  auto in = [&](const std::vector<std::string>& v) { return std::find(v.begin(), v.end(), tensor) != v.end(); };
  return in(l.keep) || !in(l.bypass);
}

// The innermost storage level below DRAM that holds `tensor`; 0 (DRAM) if none does.
std::size_t innermost_holding(const arch::Spec& spec, const std::string& tensor) {
  for (std::size_t l = spec.levels.size(); l-- > 1;)
    if (!spec.levels[l].is_virtual() && holds(spec.levels[l], tensor)) return l;
  return 0;
}

// The two stages of an input slice through the crossbars: the cell read, and the ADCs converting
// the columns each serves one after the other (p.read_ns, p.convert_ns).
void slice_stages(const arch::PimSpec& pim, const mapping::CrossbarPlacement& c, double node_nm, PimLayerCounts& p) {
  const auto cell = cell_cost(pim.cell.device, pim.cell.bits, node_nm);
  if (!cell) core::panic("PIM: no cell estimate for device '" + pim.cell.device + "'");
  p.read_ns = pim.cell.read_latency_ns.value_or(cell->latency_ns);
  const auto model = adc_model_from(pim.adc.model);
  if (!model) core::panic("PIM: unknown ADC model '" + pim.adc.model + "'");
  const double adc_ns = adc_cost(*model, pim.adc.bits, node_nm, pim.active_rows()).latency_ns;
  const long long used_cols = std::min(pim.cols, c.cols * c.groups_per_crossbar);
  const long long adcs = (pim.cols + pim.adc.cols_per_adc - 1) / pim.adc.cols_per_adc;
  const long long turns = (used_cols + adcs - 1) / adcs;  // conversions per ADC per slice
  p.convert_ns = static_cast<double>(turns) * adc_ns;
  p.slice_ns = static_cast<double>(c.reads_per_slice) * std::max(p.read_ns, p.convert_ns);  // rows_per_read: reads in turn
}

// Programming `rows` rows of crossbars: one row after the other, crossbars in parallel.
double write_ns(const arch::PimSpec& pim, long long rows, double node_nm) {
  const auto w = cell_write_cost(pim.cell.device, pim.cell.bits, node_nm);
  if (!w) core::panic("PIM: no cell write estimate for device '" + pim.cell.device + "'");
  return static_cast<double>(rows) * pim.cell.write_latency_ns.value_or(w->latency_ns);
}

// Cells programmed every inference, the weights read from DRAM for them, and the time: every copy
// when the weights do not stay on chip; else the copies written over other layers' weights
// (duplicate: reprogram) and those layers' cells restored (whole crossbars, in parallel with them).
void count_programming(const arch::Spec& spec, const workload::Problem& pr, bool weights_resident, const mapping::LayerCopies& copies,
                       PimLayerCounts& p) {
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
  if (written > 0) p.write_ns = write_ns(pim, rows, spec.technology_nm);
  if (p.reprogrammed_cells > 0) p.write_ns = std::max(p.write_ns, write_ns(pim, pim.rows, spec.technology_nm));
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

}  // namespace

LayerCounts evaluate_pim(const arch::Spec& spec, const workload::Problem& pr, bool weights_resident, const mapping::LayerCopies& copies) {
  if (!spec.pim) core::panic("evaluate_pim: the accelerator has no PIM crossbars");
  const auto& pim = *spec.pim;
  LayerCounts c;
  for (const auto& ds : pr.data_spaces) c.tensor_names.push_back(ds.name);
  c.levels.resize(spec.levels.size());
  for (std::size_t l = 0; l < spec.levels.size(); ++l) set_level(spec, l, pr, c.levels[l]);
  c.computes = static_cast<double>(pr.macs());
  c.compute = split_computes(spec, pr, 0);  // analog: no digital MAC is performed

  PimLayerCounts p;
  p.placement = mapping::place_on_crossbars(pim, pr, copies.copies);
  const auto& x = p.placement;
  const int in = pr.data_space_index("Inputs"), out = pr.data_space_index("Outputs"), w = pr.data_space_index("Weights");
  const double slices = pim.input_slices(), vectors = static_cast<double>(x.vectors), groups = static_cast<double>(x.groups);
  const double outputs_per_vector = groups * static_cast<double>(x.cols / pim.weight_slices());
  if (x.crossbars > 0) {
    p.dac_activations = vectors * slices * groups * static_cast<double>(x.rows * x.col_blocks);
    p.cell_reads = vectors * slices * groups * static_cast<double>(x.rows * x.cols);
    p.adc_conversions = vectors * slices * groups * static_cast<double>(x.cols * x.row_reads);  // row_blocks when all rows read at once
    p.shift_adds = p.adc_conversions;
    p.partial_sums = vectors * outputs_per_vector * static_cast<double>(x.row_blocks - 1);
    slice_stages(pim, x, spec.technology_nm, p);
    count_programming(spec, pr, weights_resident, copies, p);
  }
  // Activations on chip; weights from DRAM when they are programmed every inference.
  if (in >= 0 && x.crossbars > 0)
    access(spec, pr, innermost_holding(spec, "Inputs"), static_cast<std::size_t>(in), vectors * groups * static_cast<double>(x.rows), 0, c);
  if (out >= 0) {
    const double produced = x.crossbars > 0 ? vectors * outputs_per_vector : static_cast<double>(pr.tensor_size(out));
    access(spec, pr, innermost_holding(spec, "Outputs"), static_cast<std::size_t>(out), p.partial_sums, produced + p.partial_sums, c);
    // Outputs cross the network below every level that fans out (to the next layer's tiles).
    for (std::size_t l = 0; l < spec.levels.size(); ++l) {
      const long long fanout = spec.fanout_below(static_cast<int>(l));
      if (fanout <= 1) continue;
      NetworkAccess& n = c.levels[l].network[static_cast<std::size_t>(out)];
      n = NetworkAccess{fanout, 1, produced, produced, produced * mesh_hops(1, fanout)};
      c.levels[l].network_bits[static_cast<std::size_t>(out)] =
          network_bits(spec, spec.levels[l], pr.data_spaces[static_cast<std::size_t>(out)], false, n);
    }
  }
  if (w >= 0 && p.weight_reads > 0) access(spec, pr, 0, static_cast<std::size_t>(w), p.weight_reads, 0, c);

  const double ns = vectors * slices * p.slice_ns / static_cast<double>(std::max(1LL, x.replicas)) + p.write_ns;
  c.compute_cycles = static_cast<long long>(ceil_count(ns * spec.clock_hz * 1e-9 - 1e-9));
  c.cycles = c.compute_cycles;
  // Weights read from DRAM cannot arrive faster than its read bandwidth.
  if (w >= 0 && spec.levels.front().read_bandwidth && c.levels.front().tensors[static_cast<std::size_t>(w)].kept) {
    const auto& d = c.levels.front();
    const double words = d.bits[static_cast<std::size_t>(w)].read_bits / static_cast<double>(d.word_bits);
    c.cycles = std::max(c.cycles, static_cast<long long>(ceil_count(words / *spec.levels.front().read_bandwidth - 1e-9)));
  }
  c.compute_instances = x.crossbars_used();
  c.utilization = x.utilization;
  c.pim = p;
  return c;
}

}  // namespace hwaware::model
