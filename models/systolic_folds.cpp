// SCALE-Sim v2's systolic-array folds, counted per fold in O(folds) (plus one pass over the ifmap
// positions each distinct tile touches), and hwaware's DRAM model for them.
//
// DRAM model (hwaware's; SCALE-Sim's read buffers are not reproduced). Each SRAM is double-buffered
// as in SCALE-Sim, so half of it is active. The folds run with the array's columns outermost
// (fc, then fr inside, as SCALE-Sim's loops do). A read operand (ifmap, filter) is fetched
// once per iteration of the outermost loop whose working set fits the active half of its SRAM:
//   - the whole layer's footprint fits: every word is fetched once;
//   - else the footprint of one column fold (all its row folds) fits: fetched once per column fold;
//   - else it is fetched once per fold (a tile larger than half the SRAM is streamed).
// Footprints count distinct tensor elements (the im2col matrix repeats an ifmap word in every
// window covering it; the SRAM holds it once) against the SRAM's capacity in elements of the
// tensor (its bits over the tensor's bits per element); a padded layer's Inputs include the
// padding, as the Problem describes them (SCALE-Sim's layers have none). Words fetched once per
// layer or per column fold are charged to the folds that first use each tile, in proportion to the
// tile's words, so that the folds spread the traffic as they consume it. Outputs are written once
// per final value; in ws and is a fold holds partial sums of one column fold's outputs over a
// slice of the window: they stay in the ofmap SRAM when that tile fits its active half, else every
// fold writes them out and the next fold of the reduction reads them back (DRAM reads of Outputs).
//
// Against SCALE-Sim's results (tests/reference/scalesim/results.csv: AlexNet conv3 and a GEMM
// 64x512x1024, 32x32 array, 64 KiB SRAMs): filter reads match exactly in 5 of 6 cases and ifmap
// reads in 3 (the GEMMs). SCALE-Sim's read buffers also keep words reused by non-adjacent folds,
// so for AlexNet conv3 our ifmap reads are higher (os 777,216 vs 650,740, +19%; ws 3,345,408 vs
// 2,356,808, +42%; is 64,768 vs 50,360, +29%). SCALE-Sim fetches the GEMM's os filter tile again
// in the second row fold, though it exactly fills the active half (ours 524,288 vs 1,048,576).
// SCALE-Sim writes every partial sum of ws and is to DRAM (row folds x E x M words); hwaware
// writes final values only, as they fit the ofmap SRAM here (72x fewer for AlexNet conv3 ws and
// is, 32x for the GEMM). In os the writes agree to SCALE-Sim's write-buffer drain (E x M + 31
// words for AlexNet, exact for the GEMM).

#include "models/systolic_folds.h"

#include <algorithm>
#include <functional>
#include <limits>
#include <set>
#include <utility>

#include "core/diagnostics.h"
#include "models/im2col.h"
#include "models/sparsity.h"

namespace hwaware::model {
namespace {

using arch::SystolicDataflow;

double d(long long x) { return static_cast<double>(x); }

// One fold's im2col blocks, its column fold (the outer loop) and the PEs it uses.
struct Blocks {
  long long fc = 0;
  Range pix, win, filt;  // ofmap pixels, window elements, filters
  long long rows_used = 0, cols_used = 0;
};

// The folds in SCALE-Sim's order (column folds outer), for the dataflow's Sr x Sc mapping.
std::vector<Blocks> blocks_of(const ConvShape& s, const arch::SystolicSpec& a) {
  const long long E = s.pixels(), T = s.window(), M = s.filters;
  const long long Sr = a.dataflow == SystolicDataflow::os ? E : T;
  const long long Sc = a.dataflow == SystolicDataflow::is ? E : M;
  std::vector<Blocks> folds;
  for (long long c = 0; c < Sc; c += a.cols)
    for (long long r = 0; r < Sr; r += a.rows) {
      const Range rr{r, std::min(r + a.rows, Sr)}, cr{c, std::min(c + a.cols, Sc)};
      Blocks f{c / a.cols, {0, E}, {0, T}, {0, M}, rr.size(), cr.size()};
      if (a.dataflow == SystolicDataflow::os) {
        f.pix = rr;
        f.filt = cr;
      } else if (a.dataflow == SystolicDataflow::ws) {
        f.win = rr;
        f.filt = cr;
      } else {
        f.win = rr;
        f.pix = cr;
      }
      folds.push_back(f);
    }
  return folds;
}

// A fold's blocks with the row-fold axis made whole: what one column fold touches in all.
Blocks column_fold_whole(Blocks f, const ConvShape& s, SystolicDataflow df) {
  if (df == SystolicDataflow::os) f.pix = {0, s.pixels()};
  else f.win = {0, s.window()};
  return f;
}

// A read operand: its footprint in elements for a fold's blocks, and the blocks that identify its tile.
struct Operand {
  std::function<double(const Blocks&)> words;
  std::function<std::pair<Range, Range>(const Blocks&)> tile;
};

// Spreads `total` words over the folds [from, to) that first use each tile, in proportion to the
// tile's words.
void spread(const std::vector<Blocks>& folds, std::size_t from, std::size_t to, double total, const Operand& op,
            std::vector<double>& fetch) {
  std::set<std::pair<Range, Range>> seen;
  std::vector<std::size_t> first;
  double sum = 0;
  for (std::size_t i = from; i < to; ++i)
    if (seen.insert(op.tile(folds[i])).second) {
      first.push_back(i);
      sum += op.words(folds[i]);
    }
  for (std::size_t i : first) fetch[i] = sum > 0 ? op.words(folds[i]) * total / sum : 0;
}

// Words of a read operand each fold fetches from DRAM, with `half` words of SRAM active.
std::vector<double> read_traffic(const std::vector<Blocks>& folds, const ConvShape& s, SystolicDataflow df, const Operand& op,
                                 double half) {
  std::vector<double> fetch(folds.size(), 0);
  const Blocks whole{0, {0, s.pixels()}, {0, s.window()}, {0, s.filters}, 0, 0};
  if (op.words(whole) <= half) {
    spread(folds, 0, folds.size(), op.words(whole), op, fetch);
    return fetch;
  }
  for (std::size_t from = 0; from < folds.size();) {
    std::size_t to = from;
    while (to < folds.size() && folds[to].fc == folds[from].fc) ++to;
    const double group = op.words(column_fold_whole(folds[from], s, df));
    if (group <= half) spread(folds, from, to, group, op, fetch);
    else
      for (std::size_t i = from; i < to; ++i) fetch[i] = op.words(folds[i]);
    from = to;
  }
  return fetch;
}

// The outermost on-chip level above the array that holds `tensor` (its DRAM reads land there); 0 if none.
std::size_t landing_level(const arch::Spec& spec, const std::string& tensor) {
  for (std::size_t i = 1; i <= array_level(spec); ++i) {
    const auto& l = spec.levels[i];
    if (l.technology != arch::Technology::dram && !l.is_virtual() && l.holds(tensor)) return i;
  }
  return 0;
}

// Elements of data space `ds` the level `level` has room for: its capacity in bits shared equally
// by the layer's tensors it holds, over the tensor's bits per element there.
double buffer_elements(const arch::Spec& spec, const workload::Problem& p, std::size_t level, std::size_t ds) {
  if (level == 0) return 0;
  const auto& l = spec.levels[level];
  const auto bits = l.capacity_bits();
  if (!bits) return std::numeric_limits<double>::infinity();
  long long sharing = 0;
  for (const auto& space : p.data_spaces) sharing += l.holds(space.name) ? 1 : 0;
  return *bits / d(std::max(1LL, sharing)) / tensor_format(spec, l, p.data_spaces[ds]).bits_per_element;
}

// SCALE-Sim's figures of one fold (systolic_compute_{os,ws,is}.py); returns the fold's cycles.
long long count_fold(const Blocks& f, const ConvShape& s, const arch::SystolicSpec& a, SystolicReport& r) {
  const double outputs = d(f.pix.size()) * d(f.filt.size());
  r.sram_ifmap_reads += d(f.pix.size()) * d(f.win.size());
  r.sram_filter_reads += d(f.win.size()) * d(f.filt.size());
  r.sram_ofmap_writes_physical += outputs;
  r.sram_ofmap_writes += outputs + (a.dataflow == SystolicDataflow::os ? d(a.rows + a.cols) : 0);
  r.mapping_efficiency += d(f.rows_used * f.cols_used) / d(a.rows * a.cols);
  switch (a.dataflow) {
    case SystolicDataflow::os: return s.window() + a.rows + a.cols - 2;
    case SystolicDataflow::ws: return s.pixels() + 2 * a.rows + a.cols - 2;
    case SystolicDataflow::is: return s.filters + 2 * a.rows + a.cols - 2;
  }
  return 0;
}

// Indices of the Weights, Inputs and Outputs data spaces.
struct TensorIndex {
  std::size_t w = 0, in = 0, out = 0;
};

// One group's folds with their SCALE-Sim figures (mapping efficiency summed, not averaged) into `out`.
void group_folds(const arch::Spec& spec, const workload::Problem& p, const ConvShape& s, const TensorIndex& t, SystolicFolds& out,
                 SystolicReport& r) {
  const auto& a = *spec.systolic;
  const auto blocks = blocks_of(s, a);
  IfmapFootprint ifmap_words(s);
  const Operand ifmap{[&](const Blocks& f) { return ifmap_words(f.pix, f.win); },
                      [](const Blocks& f) { return std::make_pair(f.pix, f.win); }};
  const Operand filter{[](const Blocks& f) { return d(f.win.size()) * d(f.filt.size()); },
                       [](const Blocks& f) { return std::make_pair(f.win, f.filt); }};
  for (std::size_t ds = 0; ds < p.data_spaces.size(); ++ds) {
    out.landing[ds] = landing_level(spec, p.data_spaces[ds].name);
    out.buffer_elements[ds] = buffer_elements(spec, p, out.landing[ds], ds);
  }
  const auto in_reads = read_traffic(blocks, s, a.dataflow, ifmap, out.buffer_elements[t.in] / 2);
  const auto w_reads = read_traffic(blocks, s, a.dataflow, filter, out.buffer_elements[t.w] / 2);
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const Blocks& b = blocks[i];
    SystolicFold f{b.pix.size(), b.win.size(), b.filt.size(), b.rows_used, b.cols_used, count_fold(b, s, a, r), {}, {}};
    f.dram_reads.assign(p.data_spaces.size(), 0);
    f.dram_writes.assign(p.data_spaces.size(), 0);
    f.dram_reads[t.in] = in_reads[i];
    f.dram_reads[t.w] = w_reads[i];
    const double outputs = d(b.pix.size()) * d(b.filt.size());
    const bool final_values = b.win.hi == s.window();
    if (b.win.size() == s.window() || outputs <= out.buffer_elements[t.out] / 2) {
      f.dram_writes[t.out] = final_values ? outputs : 0;
    } else {  // partial sums spill: written after every fold, read back before the next one
      f.dram_writes[t.out] = outputs;
      f.dram_reads[t.out] = b.win.lo > 0 ? outputs : 0;
    }
    out.tile_elements[t.in] = std::max(out.tile_elements[t.in], ifmap.words(b));
    out.tile_elements[t.w] = std::max(out.tile_elements[t.w], filter.words(b));
    out.tile_elements[t.out] = std::max(out.tile_elements[t.out], outputs);
    out.folds.push_back(std::move(f));
  }
}

// A layer without weights (pool, add): the array has no unit for it; its tensors are only
// streamed from DRAM and back, in one fold of no compute.
void stream_layer(const workload::Problem& p, SystolicFolds& out) {
  SystolicFold f;
  f.dram_reads.assign(p.data_spaces.size(), 0);
  f.dram_writes.assign(p.data_spaces.size(), 0);
  for (std::size_t i = 0; i < p.data_spaces.size(); ++i) {
    const double words = d(p.tensor_size(static_cast<int>(i)));
    if (p.data_spaces[i].read_write) {
      f.dram_writes[i] = words;
      out.report.dram_ofmap_writes += words;
    } else {
      f.dram_reads[i] = words;
      out.report.dram_ifmap_reads += words;
    }
  }
  out.folds.push_back(std::move(f));
}

// The sum over one group's folds of one data space's DRAM reads or writes.
double group_total(const std::vector<SystolicFold>& folds, std::vector<double> SystolicFold::*traffic, std::size_t ds) {
  double words = 0;
  for (const auto& f : folds) words += (f.*traffic)[ds];
  return words;
}

}  // namespace

std::size_t array_level(const arch::Spec& spec) {
  for (std::size_t l = spec.levels.size(); l-- > 0;)
    if (spec.fanout_below(static_cast<int>(l)) > 1) return l;
  return spec.levels.size() - 1;
}

SystolicFolds systolic_folds(const arch::Spec& spec, const workload::Problem& problem) {
  if (!spec.systolic) core::panic("systolic_folds: the accelerator has no systolic array");
  const std::size_t nt = problem.data_spaces.size();
  SystolicFolds out;
  out.landing.assign(nt, 0);
  out.buffer_elements.assign(nt, 0);
  out.tile_elements.assign(nt, 0);
  const int w = problem.data_space_index("Weights"), in = problem.data_space_index("Inputs"), o = problem.data_space_index("Outputs");
  if (w < 0) {
    stream_layer(problem, out);
    return out;
  }
  if (in < 0 || o < 0)
    throw core::InputError(core::SourceLoc{}, problem.name,
                           "cannot be mapped onto the systolic array: a layer with Weights needs Inputs and Outputs");
  const ConvShape s = conv_shape(problem);
  const auto& a = *spec.systolic;
  const TensorIndex t{static_cast<std::size_t>(w), static_cast<std::size_t>(in), static_cast<std::size_t>(o)};
  SystolicReport one;  // one group; the groups are identical sublayers
  group_folds(spec, problem, s, t, out, one);
  out.groups = s.groups;
  const double groups = d(s.groups);
  const auto n = static_cast<long long>(out.folds.size());
  long long cycles = 0;
  for (const auto& f : out.folds) cycles += f.cycles;
  auto& r = out.report;
  r.folds = s.groups * n;
  r.compute_cycles = s.groups * (cycles - 1);  // SCALE-Sim counts to its last cycle's index, per sublayer
  r.mapping_efficiency = one.mapping_efficiency / d(n);
  r.utilization = d(problem.macs()) / (d(r.compute_cycles) * d(a.rows * a.cols));
  r.sram_ifmap_reads = one.sram_ifmap_reads * groups;
  r.sram_filter_reads = one.sram_filter_reads * groups;
  r.sram_ofmap_writes = one.sram_ofmap_writes * groups;
  r.sram_ofmap_writes_physical = one.sram_ofmap_writes_physical * groups;
  r.dram_ifmap_reads = group_total(out.folds, &SystolicFold::dram_reads, t.in) * groups;
  r.dram_filter_reads = group_total(out.folds, &SystolicFold::dram_reads, t.w) * groups;
  r.dram_ofmap_writes = group_total(out.folds, &SystolicFold::dram_writes, t.out) * groups;
  return out;
}

}  // namespace hwaware::model
