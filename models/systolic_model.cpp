#include "models/systolic_model.h"

#include <algorithm>
#include <cmath>

#include "core/diagnostics.h"
#include "models/sparsity.h"

namespace hwaware::model {
namespace {

using arch::SystolicDataflow;

double d(long long x) { return static_cast<double>(x); }

// How a tensor crosses the array (SCALE-Sim's operand matrices, systolic_compute_{os,ws,is}.py):
// placed in the PEs (or, os, drained from them), entering at the left edge along the rows, or
// running down the columns (entering at the top, or partial sums reduced on the way out).
enum class Flow { stationary, rows, columns };

// Indices of the Weights, Inputs and Outputs data spaces.
struct TensorIndex {
  std::size_t w = 0, in = 0, out = 0;
};

Flow flow_of(SystolicDataflow df, const TensorIndex& t, std::size_t ds) {
  const std::size_t stationary = df == SystolicDataflow::os ? t.out : df == SystolicDataflow::ws ? t.w : t.in;
  const std::size_t left = df == SystolicDataflow::is ? t.w : t.in;
  return ds == stationary ? Flow::stationary : ds == left ? Flow::rows : Flow::columns;
}

// What the layer's folds add up to, for all groups.
struct Totals {
  std::vector<double> dram_reads, dram_writes;  // per data space
  double stationary_loads = 0;                  // stationary words placed: used PEs summed over the folds
  long long used_pes = 0;                       // the most PEs a fold uses (most rows x most columns)
  std::vector<NetworkAccess> network;           // per data space, over the whole array
};

Totals totals(const SystolicFolds& folds, const workload::Problem& pr, const std::optional<TensorIndex>& t, SystolicDataflow df) {
  const std::size_t nt = pr.data_spaces.size();
  Totals x{std::vector<double>(nt, 0), std::vector<double>(nt, 0), 0, 0, std::vector<NetworkAccess>(nt)};
  long long rows = 0, cols = 0;
  for (const auto& f : folds.folds) {
    for (std::size_t ds = 0; ds < nt; ++ds) {
      x.dram_reads[ds] += f.dram_reads[ds];
      x.dram_writes[ds] += f.dram_writes[ds];
    }
    if (!t) continue;
    rows = std::max(rows, f.rows_used);
    cols = std::max(cols, f.cols_used);
    x.stationary_loads += d(f.rows_used * f.cols_used);
    const double ru = d(f.rows_used), cu = d(f.cols_used);
    // Words entering (Outputs: leaving) the array: SCALE-Sim's SRAM accesses of the fold.
    for (const auto& [ds, words] :
         {std::pair{t->in, d(f.pixels * f.window)}, std::pair{t->w, d(f.window * f.filters)}, std::pair{t->out, d(f.pixels * f.filters)}}) {
      const Flow flow = flow_of(df, *t, ds);
      const double reach = flow == Flow::rows ? cu : flow == Flow::columns ? ru : 1;
      auto& n = x.network[ds];
      n.ingresses += words;
      n.deliveries += words * reach;
      n.hops += words * (flow == Flow::stationary ? (ru + 1) / 2 : reach);
    }
  }
  const double g = d(folds.groups);
  for (std::size_t ds = 0; ds < nt; ++ds) {
    x.dram_reads[ds] *= g;
    x.dram_writes[ds] *= g;
    x.network[ds].ingresses *= g;
    x.network[ds].deliveries *= g;
    x.network[ds].hops *= g;
  }
  x.stationary_loads *= g;
  x.used_pes = rows * cols;
  return x;
}

// Adds accesses of data space `ds` at level `l`, totals over the `instances` instances doing them.
void add(LayerCounts& c, std::size_t l, std::size_t ds, long long instances, double reads, double fills, double updates) {
  auto& a = c.levels[l].tensors[ds];
  a.kept = true;
  a.instances = std::max(1LL, instances);
  const double n = d(a.instances);
  a.reads += reads / n;
  a.fills += fills / n;
  a.updates += updates / n;
}

// The operand buffers: each tensor's chain of on-chip levels above the array that hold it.
void count_buffers(const arch::Spec& spec, const workload::Problem& pr, const SystolicFolds& folds, const Totals& x, const TensorIndex& t,
                   LayerCounts& c) {
  const auto& r = folds.report;
  // Every write of an output after its first adds to a partial sum read back (ws, is: the folds of
  // the reduction; os accumulates in the PEs and writes final values once).
  const double read_back = std::max(0.0, r.sram_ofmap_writes_physical - d(pr.tensor_size(static_cast<int>(t.out))));
  for (std::size_t ds = 0; ds < pr.data_spaces.size(); ++ds) {
    std::vector<std::size_t> chain;
    for (std::size_t l = 1; l <= array_level(spec); ++l)
      if (spec.levels[l].technology != arch::Technology::dram && !spec.levels[l].is_virtual() &&
          spec.levels[l].holds(pr.data_spaces[ds].name))
        chain.push_back(l);
    const double in = x.dram_reads[ds], out = x.dram_writes[ds];
    for (std::size_t k = 0; k < chain.size(); ++k) {
      const bool edge = k + 1 == chain.size();  // feeds the array
      const std::size_t l = chain[k];
      const long long n = spec.levels[l].instances;
      if (ds == t.out) add(c, l, ds, n, edge ? out + read_back : out + in, in, edge ? r.sram_ofmap_writes_physical : out);
      else add(c, l, ds, n, edge ? (ds == t.in ? r.sram_ifmap_reads : r.sram_filter_reads) : in, in, 0);
      c.levels[l].tensors[ds].tile_size = std::llround(folds.tile_elements[ds] / d(std::max(1LL, n)));
    }
  }
}

// The PE registers: the innermost level below the array holding each tensor.
void count_pes(const arch::Spec& spec, const workload::Problem& pr, const Totals& x, const TensorIndex& t, LayerCounts& c) {
  const double macs = c.computes;
  for (std::size_t ds = 0; ds < pr.data_spaces.size(); ++ds) {
    for (std::size_t l = spec.levels.size(); l-- > array_level(spec) + 1;) {
      if (spec.levels[l].is_virtual() || !spec.levels[l].holds(pr.data_spaces[ds].name)) continue;
      const long long pes = std::min(spec.levels[l].instances, x.used_pes);
      if (ds == t.out) add(c, l, ds, pes, macs, 0, macs);
      else if (flow_of(spec.systolic->dataflow, t, ds) == Flow::stationary) add(c, l, ds, pes, macs, x.stationary_loads, 0);
      else add(c, l, ds, pes, macs, macs, 0);
      c.levels[l].tensors[ds].tile_size = 1;
      break;
    }
  }
}

// The network below the array's level: the links from the edges and between the PEs.
void count_network(const arch::Spec& spec, const workload::Problem& pr, const Totals& x, LayerCounts& c) {
  const std::size_t a = array_level(spec);
  const long long fanout = spec.fanout_below(static_cast<int>(a));
  if (fanout <= 1) return;
  auto& lc = c.levels[a];
  const long long instances = spec.levels[a].instances;
  const double n = d(instances);
  for (std::size_t ds = 0; ds < pr.data_spaces.size(); ++ds) {
    const auto& total = x.network[ds];
    lc.network[ds] = NetworkAccess{fanout, instances, total.ingresses / n, total.deliveries / n, total.hops / n};
    lc.network_bits[ds] = network_bits(spec, spec.levels[a], pr.data_spaces[ds], lc.network[ds]);
  }
}

// The bits every access moves, the instances each level uses, and the cycles: the folds' throttled
// by every level's bandwidth (demand per instance in words/cycle against its ports).
void finish(const arch::Spec& spec, const workload::Problem& pr, LayerCounts& c) {
  c.cycles = c.compute_cycles;
  for (std::size_t l = 0; l < c.levels.size(); ++l) {
    auto& lc = c.levels[l];
    double read_bits = 0, write_bits = 0;
    for (std::size_t ds = 0; ds < lc.tensors.size(); ++ds) {
      const auto& a = lc.tensors[ds];
      if (!a.kept) continue;
      lc.bits[ds] = tensor_bits(spec, spec.levels[l], pr.data_spaces[ds], a);
      lc.utilized_instances = std::max(lc.utilized_instances, a.instances);
      read_bits += lc.bits[ds].read_bits;
      write_bits += lc.bits[ds].fill_bits + lc.bits[ds].update_bits;
    }
    // A layer of no compute (streamed) takes its transfers' cycles.
    lc.slowdown = bandwidth_slowdown(spec.levels[l], read_bits, write_bits, c.compute_cycles);
    lc.cycles = lc.slowdown < 1 ? throttled_cycles(std::max(1LL, c.compute_cycles), lc.slowdown) : c.compute_cycles;
    c.cycles = std::max(c.cycles, lc.cycles);
  }
  const double available = d(spec.compute.instances) * d(std::max(1LL, c.cycles));
  c.utilization = available > 0 ? (c.compute.performed + c.compute.gated) / available : 0;
}

}  // namespace

LayerCounts systolic_counts(const arch::Spec& spec, const workload::Problem& pr, const SystolicFolds& folds) {
  if (!spec.systolic) core::panic("systolic_counts: the accelerator has no systolic array");
  const std::size_t nt = pr.data_spaces.size();
  LayerCounts c;
  for (const auto& ds : pr.data_spaces) c.tensor_names.push_back(ds.name);
  for (const auto& lvl : spec.levels) {
    LevelCounts lc;
    lc.name = lvl.name;
    lc.is_virtual = lvl.is_virtual();
    lc.block_size = lvl.block_size;
    lc.word_bits = lvl.word_bits;
    lc.network_name = lvl.network_name();
    lc.tensors.assign(nt, TensorAccess{});
    lc.bits.assign(nt, TensorBits{});
    lc.network.assign(nt, NetworkAccess{});
    lc.network_bits.assign(nt, NetworkBits{});
    c.levels.push_back(std::move(lc));
  }
  const int w = pr.data_space_index("Weights");
  std::optional<TensorIndex> t;  // a layer with weights runs on the array; one without only streams
  if (w >= 0)
    t = TensorIndex{static_cast<std::size_t>(w), static_cast<std::size_t>(pr.data_space_index("Inputs")),
                    static_cast<std::size_t>(pr.data_space_index("Outputs"))};
  const Totals x = totals(folds, pr, t, spec.systolic->dataflow);
  for (std::size_t ds = 0; ds < nt; ++ds) add(c, 0, ds, spec.levels.front().instances, x.dram_reads[ds], 0, x.dram_writes[ds]);
  if (t) {
    c.computes = d(pr.macs());
    c.compute_instances = x.used_pes;
    c.compute_cycles = folds.report.compute_cycles;
    count_buffers(spec, pr, folds, x, *t, c);
    count_pes(spec, pr, x, *t, c);
    count_network(spec, pr, x, c);
  }
  c.compute = dense_computes(spec, pr, c.computes);
  c.systolic = folds.report;
  finish(spec, pr, c);
  return c;
}

LayerCounts evaluate_systolic(const arch::Spec& spec, const workload::Problem& problem) {
  return systolic_counts(spec, problem, systolic_folds(spec, problem));
}

}  // namespace hwaware::model
