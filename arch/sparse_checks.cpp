#include "arch/sparse_checks.h"

#include <algorithm>

namespace hwaware::arch {
namespace {

std::string where(const core::SourceLoc& loc) { return loc.file + ":" + std::to_string(loc.line) + ":" + std::to_string(loc.column); }

bool before(const core::SourceLoc& a, const core::SourceLoc& b) { return a.line < b.line || (a.line == b.line && a.column < b.column); }

void check_formats(const StorageLevel& lvl, core::DiagnosticSink& sink) {
  const auto& formats = lvl.sparse.formats;
  for (std::size_t i = 0; i < formats.size(); ++i) {
    const TensorFormat& f = formats[i];
    const std::string path = lvl.name + ".formats." + f.tensor;
    auto first =
        std::find_if(formats.begin(), formats.begin() + static_cast<long>(i), [&](const TensorFormat& g) { return g.tensor == f.tensor; });
    if (first != formats.begin() + static_cast<long>(i))
      sink.error(f.loc, path,
                 "tensor '" + f.tensor + "' is given a format twice at level '" + lvl.name + "' (first at " + where(first->loc) + ")");
    if (lvl.bypasses(f.tensor))
      sink.error(f.loc, path,
                 "level '" + lvl.name + "' bypasses '" + f.tensor + "' (its keep/bypass constraints), so it stores no format of it");
    if (lvl.sparse.metadata_word_bits != 0) continue;
    for (const RankSpec& r : f.ranks)
      if (r.format != RankFormat::uncompressed && !r.metadata_word_bits) {
        sink.error(f.loc, path,
                   "rank format " + to_string(r.format) + " of '" + f.tensor + "' needs metadata, but level '" + lvl.name +
                       "' has metadata_datawidth: 0 (no metadata storage); give the level a positive metadata_datawidth or the rank its "
                       "metadata_word_bits");
        break;
      }
  }
}

void check_actions(const StorageLevel& lvl, core::DiagnosticSink& sink) {
  std::vector<const SafOption*> gated, skipped;
  for (const ActionOptimization& a : lvl.sparse.actions)
    for (const SafOption& o : a.options) {
      const std::string path = lvl.name + "." + to_string(a.kind) + "." + o.target;
      if (o.condition_on.empty())
        sink.error(o.loc, path, "expected at least one tensor to condition '" + o.target + "' on, found an empty condition_on");
      else if (std::find(o.condition_on.begin(), o.condition_on.end(), o.target) != o.condition_on.end())
        sink.error(o.loc, path,
                   "'" + o.target +
                       "' is conditioned on itself: an access of it is gated or skipped when the tile of another tensor it "
                       "meets is empty");
      if (a.kind == SafKind::gating) gated.push_back(&o);
      if (a.kind == SafKind::skipping) skipped.push_back(&o);
    }
  std::vector<std::string> reported;
  for (const SafOption* g : gated)
    for (const SafOption* s : skipped) {
      if (g->target != s->target || std::find(reported.begin(), reported.end(), g->target) != reported.end()) continue;
      reported.push_back(g->target);
      const SafOption* later = before(g->loc, s->loc) ? s : g;
      const SafOption* earlier = later == s ? g : s;
      sink.error(later->loc, lvl.name + "." + (later == s ? "skipping." : "gating.") + later->target,
                 "'" + later->target + "' is both gated and skipped at level '" + lvl.name + "' (the other at " + where(earlier->loc) +
                     "); an ineffectual access is either gated or skipped: give one");
    }
}

}  // namespace

void check_sparse_features(const Spec& spec, core::DiagnosticSink& sink) {
  for (const StorageLevel& lvl : spec.levels) {
    check_formats(lvl, sink);
    check_actions(lvl, sink);
  }
}

}  // namespace hwaware::arch
