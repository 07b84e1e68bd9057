#include "arch/native_sparse.h"

#include <algorithm>

#include "core/text.h"

namespace hwaware::arch {
namespace {

const std::vector<std::string> kTensors = {"Weights", "Inputs", "Outputs"};

std::optional<std::string> tensor_name(const core::YamlView& v) {
  auto s = v.as_string();
  if (!s) return std::nullopt;
  if (std::find(kTensors.begin(), kTensors.end(), *s) != kTensors.end()) return s;
  v.error("expected a tensor name (Weights, Inputs or Outputs), found '" + *s + "'", core::did_you_mean(*s, kTensors));
  return std::nullopt;
}

std::optional<RankFormat> format_of(const core::YamlView& v) {
  const auto name = v.as_string();
  if (!name) return std::nullopt;
  if (auto f = rank_format_named(*name)) return f;
  v.error("expected a rank format (" + core::join(rank_format_names(), ", ") + "), found '" + *name + "'",
          core::did_you_mean(*name, rank_format_names()));
  return std::nullopt;
}

std::optional<int> positive_bits(core::MapReader& m, const std::string& key) {
  if (auto v = m.get(key)) return v->as_positive_int32();
  return std::nullopt;
}

// A rank: its format's name (`RLE`), or `{format: UOP, flattened: [C, M], metadata_word_bits: 4,
// payload_word_bits: 4}`; `flattened: all` lets the rank take the loops of every dimension.
std::optional<RankSpec> read_rank(const core::YamlView& v) {
  RankSpec r;
  r.loc = v.loc();
  if (v.is_scalar()) {
    auto f = format_of(v);
    if (!f) return std::nullopt;
    r.format = *f;
    return r;
  }
  core::MapReader m(v);
  std::optional<RankFormat> f;
  if (auto fv = m.required("format")) f = format_of(*fv);
  if (auto fl = m.get("flattened")) {
    if (fl->is_scalar() && fl->scalar() == "all") r.flatten_all = true;
    else if (!fl->is_seq() || fl->node().size() == 0)
      fl->error("expected a list of dimension names such as [C, M], or 'all', found " + fl->found());
    else r.flattened = fl->string_list();
  }
  r.metadata_word_bits = positive_bits(m, "metadata_word_bits");
  r.payload_word_bits = positive_bits(m, "payload_word_bits");
  m.finish();
  if (!f) return std::nullopt;
  r.format = *f;
  return r;
}

// `formats: {Inputs: [UOP, RLE]}`: each tensor's ranks, outermost first.
void read_formats(const core::YamlView& v, LevelSparsity& sparse) {
  core::MapReader m(v);
  for (auto& [tensor, ranks] : m.entries()) {
    TensorFormat f;
    f.tensor = tensor;
    f.loc = ranks.loc();
    if (std::find(kTensors.begin(), kTensors.end(), tensor) == kTensors.end()) {
      ranks.error("expected a tensor name (Weights, Inputs or Outputs) as key, found '" + tensor + "'",
                  core::did_you_mean(tensor, kTensors));
      continue;
    }
    if (!ranks.is_seq()) {
      ranks.error("expected a list of ranks, outermost first, such as [UOP, RLE], found " + ranks.found());
      continue;
    }
    if (ranks.node().size() == 0) {
      ranks.error("expected at least one rank (outermost first), found an empty list");
      continue;
    }
    bool ok = true;
    for (auto& r : ranks.items()) {
      auto rank = read_rank(r);
      if (rank) f.ranks.push_back(*rank);
      ok = ok && rank;
    }
    if (ok) sparse.formats.push_back(f);
  }
}

SafOption read_option(core::MapReader& m, const core::YamlView& v) {
  SafOption o;
  o.loc = v.loc();
  if (auto t = m.required("target"))
    if (auto s = tensor_name(*t)) o.target = *s;
  if (auto c = m.required("condition_on")) {
    if (!c->is_seq()) c->error("expected a list of tensor names, found " + c->found());
    else
      for (auto& item : c->items())
        if (auto s = tensor_name(item)) o.condition_on.push_back(*s);
  }
  return o;
}

// `gating: [{target: Weights, condition_on: [Inputs]}, {options: [{...}, {...}]}]`: each entry
// one optimization, fixed, or a choice among `options` (Sparseloop keeps the one saving most).
void read_actions(const core::YamlView& v, SafKind kind, LevelSparsity& sparse) {
  for (auto& item : v.items()) {
    core::MapReader m(item);
    ActionOptimization a;
    a.kind = kind;
    a.loc = item.loc();
    if (auto opts = m.get("options")) {
      for (auto& o : opts->items()) {
        core::MapReader om(o);
        a.options.push_back(read_option(om, o));
        om.finish();
      }
    } else if (m.ok() && item.is_map()) {
      a.options.push_back(read_option(m, item));
    }
    m.finish();
    if (!a.options.empty()) sparse.actions.push_back(a);
  }
}

}  // namespace

void read_native_level_sparse(const core::YamlView& v, StorageLevel& lvl) {
  core::MapReader m(v);
  lvl.sparse.loc = v.loc();
  if (auto f = m.get("formats")) read_formats(*f, lvl.sparse);
  for (SafKind k : {SafKind::gating, SafKind::skipping, SafKind::spatial_skipping})
    if (auto a = m.get(to_string(k))) read_actions(*a, k, lvl.sparse);
  if (auto md = m.get("metadata")) {
    core::MapReader mm(*md);
    lvl.sparse.metadata_word_bits = positive_bits(mm, "word_bits");
    if (auto b = mm.get("block_size")) lvl.sparse.metadata_block_size = b->as_positive_int().value_or(1);
    mm.finish();
  }
  m.finish();
}

void read_native_compute_sparse(const core::YamlView& v, ComputeUnit& c) {
  core::MapReader m(v);
  c.sparse.loc = v.loc();
  if (auto g = m.get("gating")) c.sparse.gate_on_zero_operand = g->as_bool().value_or(false);
  if (auto s = m.get("skipping")) c.sparse.skip_on_not_aligned_operands = s->as_bool().value_or(false);
  m.finish();
}

}  // namespace hwaware::arch
