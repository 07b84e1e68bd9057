#include "models/sparse_checks.h"

#include <algorithm>
#include <set>
#include <string>

#include "core/diagnostics.h"

namespace hwaware::model {
namespace {

std::string joined(const std::set<std::string>& names) {
  std::string s;
  for (const auto& n : names) s += (s.empty() ? "" : ", ") + n;
  return s;
}

// Names hwaware's own layers use (workloads/layer.cpp): a description written for them may name one
// a given network does not need (a pooling layer has no Weights, an FC layer no R).
const std::set<std::string> kLayerTensors = {"Weights", "Inputs", "Outputs"};
const std::set<std::string> kLayerDims = {"N", "G", "C", "M", "P", "Q", "R", "S", "T"};

}  // namespace

void check_sparse_features(const arch::Spec& spec, const workload::Network& network) {
  if (!spec.sparse_optimized()) return;
  std::set<std::string> tensors, dims;
  for (const auto& layer : network.layers) {
    for (const auto& ds : layer.problem.data_spaces) tensors.insert(ds.name);
    for (const auto& d : layer.problem.dim_names) dims.insert(d);
  }
  core::DiagnosticSink sink;
  auto tensor_known = [&](const std::string& t, const core::SourceLoc& loc, const std::string& path) {
    if (tensors.count(t) || kLayerTensors.count(t)) return true;
    sink.error(loc, path, "'" + t + "' is not a tensor of any layer of the workload (its tensors: " + joined(tensors) + ")");
    return false;
  };
  for (std::size_t l = 0; l < spec.levels.size(); ++l) {
    const auto& lvl = spec.levels[l];
    const std::string at = "sparse features of level '" + lvl.name + "'";
    for (const auto& f : lvl.sparse.formats) {
      tensor_known(f.tensor, f.loc, at);
      for (const auto& r : f.ranks)
        for (const auto& d : r.flattened)
          if (!dims.count(d) && !kLayerDims.count(d))
            sink.error(r.loc, at,
                       "a rank of " + f.tensor + " flattens '" + d +
                           "', which is not a dimension of any layer (its dimensions: " + joined(dims) + ")");
    }
    for (const auto& a : lvl.sparse.actions)
      for (const auto& o : a.options) {
        for (const auto& c : o.condition_on) tensor_known(c, o.loc, at);
        if (!tensor_known(o.target, o.loc, at)) continue;
        // The target is kept by this level or one above (spec order: outermost first).
        bool keepable = false;
        for (std::size_t k = 0; k <= l && !keepable; ++k) keepable = !spec.levels[k].is_virtual() && !spec.levels[k].bypasses(o.target);
        if (!keepable)
          sink.error(o.loc, at,
                     arch::to_string(a.kind) + " of " + o.target + ": neither '" + lvl.name +
                         "' nor a level above it keeps that tensor (each bypasses it), so no access of it can be " +
                         (a.kind == arch::SafKind::gating ? "gated" : "skipped"));
      }
  }
  sink.throw_if_any();
}

}  // namespace hwaware::model
