#include "workloads/validate.h"

#include <cmath>

#include "core/checked.h"
#include "core/csv_writer.h"

namespace hwaware::workload {
namespace {

// Elements of a tensor over the whole layer (Problem::tile_size with checked arithmetic), or
// nullopt beyond core::kMaxCount.
std::optional<long long> checked_tensor_size(const Problem& pr, const DataSpace& ds) {
  long long size = 1;
  for (const auto& rank : ds.ranks) {
    long long extent = 1;
    for (const auto& t : rank) {
      auto step = core::checked_mul(t.coefficient, pr.bounds.at(static_cast<std::size_t>(t.dim)) - 1);
      auto next = step ? core::checked_add(extent, *step) : std::nullopt;
      if (!next) return std::nullopt;
      extent = *next;
    }
    auto s = extent >= 1 ? core::checked_count({size, extent}) : std::nullopt;
    if (!s) return std::nullopt;
    size = *s;
  }
  return size;
}

void check_layer(const Layer& layer, core::DiagnosticSink& sink) {
  const Problem& pr = layer.problem;
  auto error = [&](const std::string& message) { sink.error(layer.loc, "", "layer '" + layer.name + "': " + message); };
  long long macs = 1;
  for (std::size_t d = 0; d < pr.bounds.size(); ++d) {
    if (pr.bounds[d] < 1) {
      error("expected dimension '" + pr.dim_names[d] + "' of at least 1, found " + std::to_string(pr.bounds[d]));
      return;
    }
    auto m = core::checked_count({macs, pr.bounds[d]});
    if (!m) {
      error("its iteration space (the product of its dimensions) is more than " + std::string(core::kMaxCountText));
      return;
    }
    macs = *m;
  }
  for (const auto& ds : pr.data_spaces) {
    if (ds.ranks.size() > kMaxTensorRanks)
      error("tensor '" + ds.name + "' has " + std::to_string(ds.ranks.size()) + " ranks; hwaware models tensors of at most " +
            std::to_string(kMaxTensorRanks));
    for (const auto& rank : ds.ranks)
      for (const auto& t : rank)
        if (t.coefficient < 0) error("tensor '" + ds.name + "' has a negative coefficient (" + std::to_string(t.coefficient) + ")");
    if (!checked_tensor_size(pr, ds)) error("tensor '" + ds.name + "' has more elements than " + std::string(core::kMaxCountText));
    if (!std::isfinite(ds.density) || ds.density < 0 || ds.density > 1)
      error("expected the density of '" + ds.name + "' within [0, 1], found " + core::format_number(ds.density));
    if (!std::isfinite(ds.bit_density) || ds.bit_density < 0 || ds.bit_density > 1)
      error("expected the bit density of '" + ds.name + "' within [0, 1], found " + core::format_number(ds.bit_density));
    if (ds.bits && *ds.bits < 1) error("expected at least 1 bit per element of '" + ds.name + "', found " + std::to_string(*ds.bits));
  }
}

}  // namespace

void validate(const Network& network, core::DiagnosticSink& sink) {
  for (const auto& layer : network.layers) check_layer(layer, sink);
}

}  // namespace hwaware::workload
