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
// Footprints count distinct tensor words (the im2col matrix repeats an ifmap word in every window
// covering it; the SRAM holds it once); a padded layer's Inputs include the padding, as the
// Problem describes them (SCALE-Sim's layers have none). Words fetched once per layer or per column fold are
// charged to the folds that first use each tile, in proportion to the tile's words, so that the
// steps spread the traffic as the folds consume it. Outputs are written once per final value; in ws
// and is a fold holds partial sums of one column fold's outputs over a slice of the window: they
// stay in the ofmap SRAM when that tile fits its active half, else every fold writes them out and
// the next fold of the reduction reads them back (reads of Outputs in the schedule).
//
// Against SCALE-Sim's results (tests/reference/scalesim/results.csv: AlexNet conv3 and a GEMM
// 64x512x1024, 32x32 array, 64 KiB SRAMs): filter reads match exactly in 5 of 6 cases and ifmap
// reads in 3 (the GEMMs). SCALE-Sim's read buffers also keep words reused by non-adjacent folds,
// so for AlexNet conv3 our ifmap reads are higher (os 777,216 vs 650,740, +19%; ws 3,345,408 vs
// 2,356,808, +42%; is 64,768 vs 50,360, +29%). SCALE-Sim fetches the GEMM's os filter tile again
// in the second row fold, though it exactly fills the active half (ours 524,288 vs 1,048,576). SCALE-Sim writes every partial
// sum of ws and is to DRAM (row folds x E x M words); hwaware writes final values only, as they
// fit the ofmap SRAM here (72x fewer for AlexNet conv3 ws and is, 32x for the GEMM). In os the
// writes agree to SCALE-Sim's write-buffer drain (E x M + 31 words for AlexNet, exact for the GEMM).

#include "sim/systolic_schedule.h"

#include <algorithm>
#include <functional>
#include <limits>
#include <map>
#include <set>
#include <utility>

#include "core/diagnostics.h"

namespace hwaware::sim {
namespace {

using arch::SystolicDataflow;

double d(long long x) { return static_cast<double>(x); }

// A half-open range [lo, hi) along one axis of the im2col matrices.
struct Range {
  long long lo = 0, hi = 0;
  long long size() const { return hi - lo; }
  bool operator<(const Range& o) const { return lo != o.lo ? lo < o.lo : hi < o.hi; }
};

// One group (sublayer) of a convolution in SCALE-Sim's im2col terms (operand_matrix.py): ofmap
// pixel e = (n*Q + oh)*P + ow; window element t = (kr*R + kc)*C + c (filter row, filter column,
// channel fastest). R, P run along the width and S, Q along the height, as in conv2d_problem.
struct ConvShape {
  long long groups = 1, batch = 1;
  long long channels = 1, filters = 1;   // C, M per group
  long long kernel_w = 1, kernel_h = 1;  // R, S
  long long out_w = 1, out_h = 1;        // P, Q
  long long stride_w = 1, stride_h = 1, dil_w = 1, dil_h = 1;
  long long pixels() const { return batch * out_w * out_h; }           // E
  long long window() const { return kernel_w * kernel_h * channels; }  // T
  long long in_w() const { return (out_w - 1) * stride_w + (kernel_w - 1) * dil_w + 1; }
  long long in_h() const { return (out_h - 1) * stride_h + (kernel_h - 1) * dil_h + 1; }
};

long long bound(const workload::Problem& p, const std::string& dim) {
  const int i = p.dim_index(dim);
  return i < 0 ? 1 : p.bounds[static_cast<std::size_t>(i)];
}

// The coefficient of `dim` in the Inputs index (a stride or a dilation); 1 if absent.
long long coefficient(const workload::Problem& p, const workload::DataSpace& inputs, const std::string& dim) {
  const int i = p.dim_index(dim);
  for (const auto& rank : inputs.ranks)
    for (const auto& term : rank)
      if (term.dim == i) return term.coefficient;
  return 1;
}

ConvShape conv_shape(const workload::Problem& p) {
  const bool has_m = p.dim_index("M") >= 0;
  for (const auto& dim : p.dim_names) {
    const std::string known = has_m ? "GCMRSNPQ" : "GCKRSNPQ";
    if (dim.size() != 1 || known.find(dim) == std::string::npos)
      throw core::InputError(
          core::SourceLoc{}, p.name,
          "cannot be mapped onto the systolic array: dimension '" + dim + "' is not one of a convolution's G, C, M (or K), R, S, N, P, Q");
  }
  const auto& inputs = p.data_spaces[static_cast<std::size_t>(p.data_space_index("Inputs"))];
  ConvShape s;
  s.groups = bound(p, "G");
  s.batch = bound(p, "N");
  s.channels = bound(p, "C");
  s.filters = has_m ? bound(p, "M") : bound(p, "K");
  s.kernel_w = bound(p, "R");
  s.kernel_h = bound(p, "S");
  s.out_w = bound(p, "P");
  s.out_h = bound(p, "Q");
  s.stride_w = coefficient(p, inputs, "P");
  s.stride_h = coefficient(p, inputs, "Q");
  s.dil_w = coefficient(p, inputs, "R");
  s.dil_h = coefficient(p, inputs, "S");
  return s;
}

// Distinct ifmap words under a block of the im2col matrix (pixels x window slice), memoized.
class IfmapFootprint {
 public:
  explicit IfmapFootprint(const ConvShape& s) : s_(s), stamp_(static_cast<std::size_t>(s.batch * s.in_h() * s.in_w()), 0) {}

  double operator()(Range pix, Range win) {
    const auto key = std::make_pair(pix, win);
    if (auto it = memo_.find(key); it != memo_.end()) return it->second;
    const long long C = s_.channels, k0 = win.lo / C, c0 = win.lo % C, k1 = (win.hi - 1) / C, c1 = (win.hi - 1) % C;
    double words = 0;
    if (k0 == k1) {
      words = part(c1 - c0 + 1, pix, k0, k1);
    } else {  // channel c is in window offset k0 if c >= c0, in k1 if c <= c1, in those between always
      words = part(c1 - c0 + 1, pix, k0, k1) + part(C - std::max(c0, c1 + 1), pix, k0, k1 - 1) +
              part(std::min(c0, c1 + 1), pix, k0 + 1, k1) + part(c0 - c1 - 1, pix, k0 + 1, k1 - 1);
    }
    memo_.emplace(key, words);
    return words;
  }

 private:
  // `channels` channels x the distinct (n, h, w) positions of pixels `pix` under offsets [ka, kb].
  double part(long long channels, Range pix, long long ka, long long kb) {
    if (channels <= 0 || ka > kb) return 0;
    ++now_;
    long long count = 0;
    const long long W = s_.in_w(), H = s_.in_h(), PQ = s_.out_w * s_.out_h;
    for (long long e = pix.lo; e < pix.hi; ++e) {
      const long long n = e / PQ, oh = (e % PQ) / s_.out_w, ow = e % s_.out_w;
      for (long long k = ka; k <= kb; ++k) {
        const long long h = oh * s_.stride_h + (k / s_.kernel_w) * s_.dil_h;
        const long long w = ow * s_.stride_w + (k % s_.kernel_w) * s_.dil_w;
        auto& mark = stamp_[static_cast<std::size_t>((n * H + h) * W + w)];
        if (mark != now_) {
          mark = now_;
          ++count;
        }
      }
    }
    return d(channels) * d(count);
  }

  ConvShape s_;
  std::vector<unsigned> stamp_;  // position -> the last call that counted it
  unsigned now_ = 0;
  std::map<std::pair<Range, Range>, double> memo_;
};

// One fold: the im2col blocks it covers and the PEs it uses.
struct Fold {
  long long fc = 0;      // column fold (the outer loop)
  Range pix, win, filt;  // ofmap pixels, window elements, filters
  long long rows_used = 0, cols_used = 0;
};

// The folds in SCALE-Sim's order (column folds outer), for the dataflow's Sr x Sc mapping.
std::vector<Fold> folds_of(const ConvShape& s, const arch::SystolicSpec& a) {
  const long long E = s.pixels(), T = s.window(), M = s.filters;
  const long long Sr = a.dataflow == SystolicDataflow::os ? E : T;
  const long long Sc = a.dataflow == SystolicDataflow::is ? E : M;
  std::vector<Fold> folds;
  for (long long c = 0; c < Sc; c += a.cols)
    for (long long r = 0; r < Sr; r += a.rows) {
      const Range rr{r, std::min(r + a.rows, Sr)}, cr{c, std::min(c + a.cols, Sc)};
      Fold f{c / a.cols, {0, E}, {0, T}, {0, M}, rr.size(), cr.size()};
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
Fold column_fold_whole(Fold f, const ConvShape& s, SystolicDataflow df) {
  if (df == SystolicDataflow::os) f.pix = {0, s.pixels()};
  else f.win = {0, s.window()};
  return f;
}

// A read operand: its footprint in words for a fold's blocks, and the blocks that identify its tile.
struct Operand {
  std::function<double(const Fold&)> words;
  std::function<std::pair<Range, Range>(const Fold&)> tile;
};

// Spreads `total` words over the folds [from, to) that first use each tile, in proportion to the
// tile's words.
void spread(const std::vector<Fold>& folds, std::size_t from, std::size_t to, double total, const Operand& op, std::vector<double>& fetch) {
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
std::vector<double> read_traffic(const std::vector<Fold>& folds, const ConvShape& s, SystolicDataflow df, const Operand& op, double half) {
  std::vector<double> fetch(folds.size(), 0);
  const Fold whole{0, {0, s.pixels()}, {0, s.window()}, {0, s.filters}, 0, 0};
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

// Whether a level holds a tensor: keeps it, or does not bypass it.
bool holds(const arch::StorageLevel& l, const std::string& t) {
  auto in = [&t](const std::vector<std::string>& v) { return std::find(v.begin(), v.end(), t) != v.end(); };
  return in(l.keep) || !in(l.bypass);
}

// The outermost on-chip level that holds `tensor` (the SRAM its DRAM reads land in); 0 if none.
std::size_t holding_level(const arch::Spec& spec, const std::string& tensor) {
  for (std::size_t i = 1; i < spec.levels.size(); ++i) {
    const auto& l = spec.levels[i];
    if (l.technology != arch::Technology::dram && !l.is_virtual() && holds(l, tensor)) return i;
  }
  return 0;
}

// Words of the on-chip buffer for `tensor`: the level holding_level() finds, shared equally by the
// layer's tensors that level holds; 0 if none does.
double buffer_words(const arch::Spec& spec, const workload::Problem& p, const std::string& tensor) {
  const std::size_t i = holding_level(spec, tensor);
  if (i == 0) return 0;
  const auto& l = spec.levels[i];
  const auto capacity = l.capacity_words();
  if (!capacity) return std::numeric_limits<double>::infinity();
  long long sharing = 0;
  for (const auto& ds : p.data_spaces) sharing += holds(l, ds.name) ? 1 : 0;
  return d(*capacity) / d(std::max(1LL, sharing));
}

// SCALE-Sim's figures of one fold (systolic_compute_{os,ws,is}.py); returns the fold's cycles.
long long count_fold(const Fold& f, const ConvShape& s, const arch::SystolicSpec& a, SystolicReport& r) {
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

// Indices of the Weights, Inputs and Outputs data spaces in the schedule's tensor order.
struct TensorIndex {
  std::size_t w = 0, in = 0, out = 0;
};

// One group's folds as steps, with their SCALE-Sim figures (mapping efficiency summed, not averaged).
std::vector<Step> group_steps(const arch::Spec& spec, const workload::Problem& p, const ConvShape& s, const TensorIndex& t, Schedule& sched,
                              SystolicReport& r) {
  const auto& a = *spec.systolic;
  const auto folds = folds_of(s, a);
  IfmapFootprint ifmap_words(s);
  const Operand ifmap{[&](const Fold& f) { return ifmap_words(f.pix, f.win); }, [](const Fold& f) { return std::make_pair(f.pix, f.win); }};
  const Operand filter{[](const Fold& f) { return d(f.win.size()) * d(f.filt.size()); },
                       [](const Fold& f) { return std::make_pair(f.win, f.filt); }};
  for (const auto& [index, name] : {std::pair{t.in, "Inputs"}, std::pair{t.w, "Weights"}, std::pair{t.out, "Outputs"}})
    if (const std::size_t level = holding_level(spec, name)) sched.landing[index] = level;
  sched.buffer_words[t.in] = buffer_words(spec, p, "Inputs");
  sched.buffer_words[t.w] = buffer_words(spec, p, "Weights");
  sched.buffer_words[t.out] = buffer_words(spec, p, "Outputs");
  const auto in_reads = read_traffic(folds, s, a.dataflow, ifmap, sched.buffer_words[t.in] / 2);
  const auto w_reads = read_traffic(folds, s, a.dataflow, filter, sched.buffer_words[t.w] / 2);
  std::vector<Step> steps;
  for (std::size_t i = 0; i < folds.size(); ++i) {
    const Fold& f = folds[i];
    Step step;
    step.compute_cycles = count_fold(f, s, a, r);
    step.dram_reads[t.in] = in_reads[i];
    step.dram_reads[t.w] = w_reads[i];
    const double outputs = d(f.pix.size()) * d(f.filt.size());
    const bool final_values = f.win.hi == s.window();
    if (f.win.size() == s.window() || outputs <= sched.buffer_words[t.out] / 2) {
      step.dram_writes[t.out] = final_values ? outputs : 0;
    } else {  // partial sums spill: written after every fold, read back before the next one
      step.dram_writes[t.out] = outputs;
      step.dram_reads[t.out] = f.win.lo > 0 ? outputs : 0;
    }
    sched.tile_words[t.in] = std::max(sched.tile_words[t.in], ifmap.words(f));
    sched.tile_words[t.w] = std::max(sched.tile_words[t.w], filter.words(f));
    sched.tile_words[t.out] = std::max(sched.tile_words[t.out], outputs);
    steps.push_back(step);
  }
  return steps;
}

// A layer without weights (pool, add): the array has no unit for it; its tensors are only
// streamed from DRAM and back, in one step of no compute.
SystolicLayer stream_layer(const workload::Problem& p) {
  SystolicLayer out;
  Step step;
  for (std::size_t i = 0; i < p.data_spaces.size(); ++i) {
    const auto& ds = p.data_spaces[i];
    out.schedule.tensors.push_back(ds.name);
    const double words = d(p.tensor_size(static_cast<int>(i)));
    if (ds.read_write) {
      step.dram_writes[i] = words;
      out.report.dram_ofmap_writes += words;
    } else {
      step.dram_reads[i] = words;
      out.report.dram_ifmap_reads += words;
    }
  }
  out.schedule.steps.push_back(step);
  return out;
}

}  // namespace

SystolicLayer build_systolic_schedule(const arch::Spec& spec, const workload::Problem& problem) {
  if (!spec.systolic) core::panic("build_systolic_schedule: the accelerator has no systolic array");
  if (problem.data_spaces.size() > kMaxTensors) core::panic("build_systolic_schedule: more tensors than a step holds");
  const int w = problem.data_space_index("Weights"), in = problem.data_space_index("Inputs"), out = problem.data_space_index("Outputs");
  if (w < 0) return stream_layer(problem);
  if (in < 0 || out < 0)
    throw core::InputError(core::SourceLoc{}, problem.name,
                           "cannot be mapped onto the systolic array: a layer with Weights needs Inputs and Outputs");
  const ConvShape s = conv_shape(problem);
  const auto& a = *spec.systolic;
  SystolicLayer result;
  auto& sched = result.schedule;
  for (const auto& ds : problem.data_spaces) sched.tensors.push_back(ds.name);
  const TensorIndex t{static_cast<std::size_t>(w), static_cast<std::size_t>(in), static_cast<std::size_t>(out)};
  SystolicReport one;  // one group; the groups are identical sublayers
  const auto steps = group_steps(spec, problem, s, t, sched, one);
  for (long long g = 0; g < s.groups; ++g) sched.steps.insert(sched.steps.end(), steps.begin(), steps.end());
  const double groups = d(s.groups);
  auto& r = result.report;
  r.folds = s.groups * static_cast<long long>(steps.size());
  r.compute_cycles = total_compute_cycles(sched) - s.groups;
  r.mapping_efficiency = one.mapping_efficiency / d(static_cast<long long>(steps.size()));
  r.utilization = d(problem.macs()) / (d(r.compute_cycles) * d(a.rows * a.cols));
  r.sram_ifmap_reads = one.sram_ifmap_reads * groups;
  r.sram_filter_reads = one.sram_filter_reads * groups;
  r.sram_ofmap_writes = one.sram_ofmap_writes * groups;
  r.sram_ofmap_writes_physical = one.sram_ofmap_writes_physical * groups;
  r.dram_ifmap_reads = total_dram_reads(sched, t.in);
  r.dram_filter_reads = total_dram_reads(sched, t.w);
  r.dram_ofmap_writes = total_dram_writes(sched, t.out);
  const long long pes = a.rows * a.cols;
  sched.ideal_cycles = (problem.macs() + pes - 1) / pes;
  return result;
}

}  // namespace hwaware::sim
