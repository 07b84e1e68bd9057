#include "models/sparse_analysis.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <memory>
#include <optional>

#include "models/density_model.h"
#include "models/exact_rounding.h"
#include "models/sparse_formats.h"
#include "models/sparse_vectors.h"

namespace hwaware::model {
namespace {

// The sparse analysis of one layer, nest levels innermost first (index 0), as the dense
// accounting gives them.
class Analysis {
 public:
  Analysis(const arch::Spec& spec, const workload::Problem& pr, const NestResult& nest, const std::vector<std::vector<bool>>& keep,
           const std::vector<LevelAccounting>& dense)
      : spec_(spec), pr_(pr), nest_(nest), keep_(keep), dense_(dense), nlev_(spec.levels.size()), ntensors_(pr.data_spaces.size()) {
    for (const auto& ds : pr.data_spaces) {
      const auto n = static_cast<std::uint64_t>(ds.density_tensor_coords > 0 ? ds.density_tensor_coords
                                                                             : pr.tensor_size(pr.data_space_index(ds.name)));
      density_.push_back(make_density_model(ds.density_distribution, ds.density, std::max<std::uint64_t>(1, n)));
    }
    saf_.assign(nlev_, std::vector<Saf>(ntensors_));
  }

  void run(double computes, SparseLayerCounts& out);

 private:
  // The strongest action optimization on one tensor at one level.
  struct Saf {
    bool any = false;
    arch::SafKind kind = arch::SafKind::gating;
    double p = 0;                           // probability that an access is ineffectual
    std::vector<std::size_t> condition_on;  // tensors
  };

  const arch::StorageLevel& level(std::size_t l) const { return spec_.levels[nlev_ - 1 - l]; }
  bool holds(std::size_t l, std::size_t t) const { return dense_[l].tensors[t].kept; }
  const arch::TensorFormat* format(std::size_t l, std::size_t t) const { return level(l).sparse.format_of(pr_.data_spaces[t].name); }
  bool compressed(std::size_t l, std::size_t t) const {
    const auto* f = format(l, t);
    return f && f->compressed();
  }
  double empty_probability(std::size_t t, long long coords) const {
    const auto& d = *density_[t];
    return d.empty_probability(std::min(static_cast<std::uint64_t>(std::max(1LL, coords)), d.tensor_coords()));
  }

  void collect_safs();
  double ineffectual_probability(std::size_t target_level, std::size_t t, const std::vector<std::size_t>& condition_on) const;
  FormatContext format_context(std::size_t t) const;
  void formats(const FormatContext& c, std::size_t l, SparseTensorCounts& s, std::string& failure, core::SourceLoc& failure_loc) const;
  void compute(double computes, SparseComputeCounts& c) const;

  const arch::Spec& spec_;
  const workload::Problem& pr_;
  const NestResult& nest_;
  const std::vector<std::vector<bool>>& keep_;
  const std::vector<LevelAccounting>& dense_;
  std::size_t nlev_, ntensors_;
  std::vector<std::unique_ptr<DensityModel>> density_;
  std::vector<std::vector<Saf>> saf_;  // [nest level][tensor]
};

// Each action optimization lands on the level that holds its target: the level that declares
// it, or the nearest one above (Sparseloop's target level). Of several on one (level, tensor),
// the one with the larger probability is kept.
void Analysis::collect_safs() {
  for (std::size_t l = 0; l < nlev_; ++l)
    for (const auto& opt : level(l).sparse.actions)
      for (const auto& o : opt.options) {
        const int t = pr_.data_space_index(o.target);
        if (t < 0) continue;
        const auto tt = static_cast<std::size_t>(t);
        std::size_t target = l;
        while (target < nlev_ && !holds(target, tt)) ++target;
        if (target == nlev_) continue;
        std::vector<std::size_t> cond;
        for (const auto& c : o.condition_on)
          if (int ci = pr_.data_space_index(c); ci >= 0) cond.push_back(static_cast<std::size_t>(ci));
        const double p = ineffectual_probability(target, tt, cond);
        Saf& s = saf_[target][tt];
        if (s.any && s.p >= p) continue;
        s = Saf{true, opt.kind, p, cond};
      }
}

// P(an access of `t` at `target_level` is ineffectual): some tensor it is conditioned on has an
// empty tile where the access is used (ComputeIneffectualReadImpact). The tile: where `t` feeds
// compute through a temporal loop, one scalar; else the operation space under the first loop
// that moves `t` (or the spatial group that feeds compute), widened by the spatial loops above
// it up to the target level.
double Analysis::ineffectual_probability(std::size_t target_level, std::size_t t, const std::vector<std::size_t>& condition_on) const {
  const auto& loops = nest_.loops;
  std::size_t child = target_level;
  for (std::size_t l = target_level; l-- > 0;)
    if (holds(l, t)) {
      child = l;
      break;
    }
  const bool has_child = child != target_level;
  std::size_t target = loops.size();  // index of the target loop
  bool scalar = false;
  for (std::size_t i = 0; i < loops.size(); ++i) {
    const auto lv = static_cast<std::size_t>(loops[i].level);
    if (lv > target_level) break;
    if ((has_child && lv <= child) || loops[i].bound <= 1) continue;
    if (has_child) {
      if (pr_.data_spaces[t].indexed_by(loops[i].dim)) {
        target = i;
        break;
      }
      continue;
    }
    std::size_t next = i + 1;
    while (next < loops.size() && loops[next].bound <= 1) ++next;
    if (next == loops.size() || !loops[next].spatial) {
      target = i;
      scalar = !loops[i].spatial;
      break;
    }
  }
  std::vector<long long> extents(pr_.dim_names.size(), 1);
  if (!scalar) {
    if (target == loops.size()) {  // the topmost loop of the target level
      for (std::size_t i = 0; i < loops.size(); ++i)
        if (static_cast<std::size_t>(loops[i].level) <= target_level) target = i;
    }
    const std::size_t upto = has_child ? target : target + 1;
    for (std::size_t i = 0; i < upto && i < loops.size(); ++i) extents[static_cast<std::size_t>(loops[i].dim)] *= loops[i].bound;
    for (std::size_t i = upto; i < loops.size() && static_cast<std::size_t>(loops[i].level) <= target_level; ++i)
      if (loops[i].spatial) extents[static_cast<std::size_t>(loops[i].dim)] *= loops[i].bound;
  }
  double effectual = 1;
  for (std::size_t c : condition_on) effectual *= 1 - empty_probability(c, pr_.tile_size(static_cast<int>(c), extents));
  return 1 - effectual;
}

// What the fibertrees of `t` need of every level (sparse_formats.h's FormatContext).
FormatContext Analysis::format_context(std::size_t t) const {
  FormatContext c;
  c.problem = &pr_;
  c.loops = &nest_.loops;
  c.tensor = t;
  for (std::size_t k = 0; k < nlev_; ++k) {
    c.formats.push_back(format(k, t));
    c.holds.push_back(holds(k, t) ? 1 : 0);
    c.tile.push_back(dense_[k].tensors[t].tile_size);
    c.metadata_bits.push_back(level(k).sparse.metadata_word_bits.value_or(level(k).word_bits));
  }
  return c;
}

// The format of tensor c.tensor at level l: units per tile and per rank, and its accesses (ceil
// of the tile's units times the level's dense reads, fills or updates per tile).
void Analysis::formats(const FormatContext& c, std::size_t l, SparseTensorCounts& s, std::string& failure,
                       core::SourceLoc& failure_loc) const {
  const std::size_t t = c.tensor;
  const TensorRanks ranks = tensor_ranks(c, l);
  if (!ranks.failure.empty()) {  // levels go outermost first: the innermost failing format is reported
    failure = level(l).name + " cannot hold " + pr_.data_spaces[t].name + " in its format: " + ranks.failure;
    failure_loc = format(l, t)->loc;
  }
  s.format_per_tile = format_units(ranks.ranks, *density_[t]);
  const auto& a = dense_[l].tensors[t];
  const double shape = static_cast<double>(a.tile_size);
  auto scaled = [&](double count) {
    std::vector<FormatUnits> v(s.format_per_tile.size());
    if (shape <= 0) return v;
    const double ratio = count / shape;
    for (std::size_t r = 0; r < v.size(); ++r)
      v[r] = {ceil_count(s.format_per_tile[r].metadata * ratio), ceil_count(s.format_per_tile[r].payload * ratio)};
    return v;
  };
  s.format_reads.actual = scaled(a.reads);
  s.format_fills.actual = scaled(a.fills);
  s.format_updates.actual = scaled(a.updates);
  for (FormatSplit* f : {&s.format_reads, &s.format_fills, &s.format_updates}) {
    f->gated.assign(f->actual.size(), FormatUnits{});
    f->skipped.assign(f->actual.size(), FormatUnits{});
  }
  s.rank_bits.clear();
  for (const auto& r : ranks.ranks) s.rank_bits.push_back({static_cast<double>(r.metadata_bits), static_cast<double>(r.payload_bits)});
}

// Removes floor(x p) of every count (accesses that no longer exist), or moves them to the gated
// or skipped column; reads of a read-write tensor round up (a read-modify-write keeps its read).
void remove(double& actual, double p, double* to, bool round_up) {
  const double x = round_up ? ceil_count(actual * p) : floor_count(actual * p);
  actual -= x;
  if (to) *to += x;
}

void apply(SparseTensorCounts& s, double p, arch::SafKind kind, bool read_write, bool nonexistent) {
  const bool skip = kind != arch::SafKind::gating;
  auto col = [&](ActionSplit& a) { return nonexistent ? nullptr : skip ? &a.skipped : &a.gated; };
  remove(s.reads.actual, p, col(s.reads), read_write && !nonexistent);
  remove(s.updates.actual, p, col(s.updates), false);
  if (nonexistent) remove(s.fills.actual, p, nullptr, false);
  auto formats = [&](FormatSplit& f) {
    auto& to = skip ? f.skipped : f.gated;
    for (std::size_t r = 0; r < f.actual.size(); ++r) {
      remove(f.actual[r].metadata, p, nonexistent ? nullptr : &to[r].metadata, false);
      remove(f.actual[r].payload, p, nonexistent ? nullptr : &to[r].payload, false);
    }
  };
  formats(s.format_reads);
  formats(s.format_updates);
  if (nonexistent) formats(s.format_fills);
}

}  // namespace

namespace {

double round6(double x) { return std::round(x * 1e6) / 1e6; }

}  // namespace

// The computes left once the innermost levels' action optimizations removed those whose operand
// is ineffectual, split by the states of the two operands (exists and non-zero, exists and zero,
// not stored) as the compute unit treats them (ComputeGatingSkipping... in compute-gs-analyzer.cpp).
void Analysis::compute(double computes, SparseComputeCounts& c) const {
  c.algorithmic = computes;
  std::vector<std::size_t> operands;
  for (std::size_t t = 0; t < ntensors_; ++t)
    if (!pr_.data_spaces[t].read_write) operands.push_back(t);
  struct State {
    double enz = 1, ez = 0, ne = 0;
  };
  std::vector<State> state(ntensors_);
  std::vector<double> cond_prob(ntensors_, 0);
  std::vector<const Saf*> innermost_saf(ntensors_, nullptr);
  for (std::size_t x : operands) {
    std::size_t lx = nlev_;
    for (std::size_t l = 0; l < nlev_; ++l)
      if (holds(l, x)) {
        lx = l;
        break;
      }
    const double d = round6(pr_.data_spaces[x].density);
    const bool md = lx < nlev_ && compressed(lx, x);
    state[x] = md ? State{d, 0, 1 - d} : State{d, 1 - d, 0};
    if (lx < nlev_ && saf_[lx][x].any) {
      innermost_saf[x] = &saf_[lx][x];
      computes -= floor_count(computes * saf_[lx][x].p);
      cond_prob[x] = round6(saf_[lx][x].p);
    }
  }
  // An operand's zeros an optimization on the other operand already removed are no longer seen.
  for (std::size_t x : operands) {
    if (!innermost_saf[x] || cond_prob[x] >= 1) continue;
    for (std::size_t y : innermost_saf[x]->condition_on) {
      if (pr_.data_spaces[y].read_write) continue;
      State& s = state[y];
      const bool md = s.ne > 0;
      s.enz = std::min(1.0, s.enz / (1 - cond_prob[x]));
      (md ? s.ne : s.ez) = 1 - s.enz;
      (md ? s.ez : s.ne) = 0;
    }
  }
  c.actual = computes;
  if (operands.size() != 2) return;
  const State& a = state[operands[0]];
  const State& b = state[operands[1]];
  const bool gate = spec_.compute.sparse.gate_on_zero_operand, skip = spec_.compute.sparse.skip_on_not_aligned_operands;
  const double p_zero = a.ez * b.enz + a.enz * b.ez + a.ez * b.ez;
  const double p_one_missing = a.ne * (b.enz + b.ez) + b.ne * (a.enz + a.ez);
  const double p_none = a.ne * b.ne;
  c.skipped = skip ? floor_count(computes * p_one_missing) : 0;
  c.gated = floor_count(computes * ((gate ? p_zero : 0) + (gate && !skip ? p_one_missing : 0)));
  c.actual = computes - c.skipped - c.gated - floor_count(computes * p_none);
}

void Analysis::run(double computes, SparseLayerCounts& out) {
  collect_safs();
  out.failure.clear();
  out.failure_loc = core::SourceLoc{};
  out.levels.assign(nlev_, std::vector<SparseTensorCounts>(ntensors_));
  for (std::size_t t = 0; t < ntensors_; ++t) {
    const bool rw = pr_.data_spaces[t].read_write;
    const double d = pr_.data_spaces[t].density;
    double p_above = 0;  // an optimization above removed this share of the accesses
    std::size_t parent = nlev_;
    std::optional<FormatContext> context;  // built once, at the first level with a format of t
    for (std::size_t l = nlev_; l-- > 0;) {
      if (!holds(l, t)) continue;
      const auto& a = dense_[l].tensors[t];
      SparseTensorCounts& s = out.levels[nlev_ - 1 - l][t];
      s.reads.actual = a.reads;
      s.fills.actual = a.fills;
      s.updates.actual = a.updates;
      s.formatted = format(l, t) != nullptr;
      s.compressed = compressed(l, t);
      if (s.formatted) {
        if (!context) context = format_context(t);
        formats(*context, l, s, out.failure, out.failure_loc);
      }
      // A compressed level stores no zeros: their accesses do not exist.
      if (s.compressed)
        for (double* x : {&s.reads.actual, &s.fills.actual, &s.updates.actual}) *x -= floor_count(*x * (1 - d));
      const Saf& own = saf_[l][t];
      if (p_above > 0) apply(s, p_above, arch::SafKind::skipping, rw, true);
      if (own.any) {
        const double p = p_above > 0 ? 1 - (1 - own.p) / (1 - p_above) : own.p;
        apply(s, p, own.kind, rw, false);
        p_above = own.p;
      }
      if (rw && a.updates > 0) s.temporal_reductions = ceil_count(a.reads * s.updates.actual / a.updates);
      // Data moving between a compressed parent and an uncompressed level is decompressed on its
      // way down and compressed on its way up.
      if (parent < nlev_ && !s.compressed && compressed(parent, t)) {
        s.decompressions = s.fills.actual;
        if (rw) s.compressions = out.levels[nlev_ - 1 - parent][t].updates.actual;
      }
      const auto& ds = pr_.data_spaces[t];
      sparse_vectors(level(l), spec_.element_bits(ds.name, ds.bits).value_or(level(l).word_bits), a.tile_size, *density_[t], s);
      parent = l;
    }
  }
  compute(computes, out.compute);
}

void analyze_sparsity(const arch::Spec& spec, const workload::Problem& problem, const NestResult& nest,
                      const std::vector<std::vector<bool>>& keep, const std::vector<LevelAccounting>& dense, double computes,
                      SparseLayerCounts& out) {
  Analysis(spec, problem, nest, keep, dense).run(computes, out);
}

}  // namespace hwaware::model
