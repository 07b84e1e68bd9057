#include "search/filter_pruning.h"

#include <fmt/format.h>
#include <algorithm>
#include <cmath>

#include "core/diagnostics.h"
#include "search/network_surgery.h"

namespace hwaware::search {
namespace {

long long layer_weights(const workload::Layer& l) {
  const int w = l.problem.data_space_index("Weights");
  return w < 0 ? 0 : l.problem.tensor_size(w);
}

// The width group whose width layer `index` sets, or kNoGroup when it sets none that can shrink.
std::size_t group_of(const std::vector<WidthGroup>& groups, std::size_t index) {
  for (std::size_t g = 0; g < groups.size(); ++g)
    if (groups[g].prunable && std::find(groups[g].layers.begin(), groups[g].layers.end(), index) != groups[g].layers.end()) return g;
  return Trainer::kNoGroup;
}

const workload::Layer& layer_named(const workload::Network& net, const std::string& name) {
  for (const auto& l : net.layers)
    if (l.name == name) return l;
  core::panic("filter pruning lost layer " + name);
}

}  // namespace

PruneResult filter_pruning(const workload::Network& net, CostOracle& oracle, Trainer& trainer, const PruneOptions& o) {
  check_prune_options(o);
  PruneResult r;
  r.metrics_before = oracle.metrics(net);
  r.holdout_before = trainer.try_proposal(net, Trainer::kNoGroup, 0);
  r.test_before = trainer.test_accuracy();
  const double floor = r.holdout_before - o.tolerance;
  workload::Network current = net;
  double last_holdout = r.holdout_before;
  std::vector<std::size_t> done;
  for (const std::size_t index : energy_order(net, r.metrics_before)) {
    const std::string& name = net.layers[index].name;
    PrunedLayer pl{name, 1, 1, layer_energy_pj(r.metrics_before, name), 0, 0, 0, last_holdout};
    auto groups = width_groups(current);
    const std::size_t g = group_of(groups, index);
    if (g != Trainer::kNoGroup && std::find(done.begin(), done.end(), g) == done.end()) {
      done.push_back(g);
      const long long start = groups[g].width, unit = groups[g].step;
      const auto cut =
          std::max(unit, static_cast<long long>(std::ceil(o.step * static_cast<double>(start) / static_cast<double>(unit))) * unit);
      const auto least =
          std::max(unit, static_cast<long long>(std::ceil(o.min_density * static_cast<double>(start) / static_cast<double>(unit))) * unit);
      for (long long width = start - cut; width >= least; width -= cut) {
        const workload::Network proposal = with_width(current, groups, g, width);
        const double holdout = trainer.try_proposal(proposal, g, o.short_steps);
        ++pl.trials;
        const bool kept = holdout >= floor;
        if (o.progress)
          o.progress(fmt::format("{}: {} of {} filters, energy {:.4g} {}, holdout {:.2f}% ({})", name, width, start,
                                 layer_energy_pj(oracle.metrics(proposal), name), oracle.energy_unit(), 100 * holdout,
                                 kept ? "kept" : "undone: below the tolerance"));
        if (!kept) break;
        trainer.accept(proposal);
        current = proposal;
        groups = width_groups(current);
        ++pl.accepted;
        pl.holdout = last_holdout = holdout;
      }
    }
    r.layers.push_back(pl);
  }
  trainer.accept(current);
  r.test_after = trainer.finish(o.long_steps);
  r.holdout_after = trainer.try_proposal(current, Trainer::kNoGroup, 0);
  r.network = current;
  r.metrics_after = oracle.metrics(current);
  for (auto& pl : r.layers) {
    pl.density_after = static_cast<double>(layer_weights(layer_named(current, pl.name))) /
                       static_cast<double>(std::max(1LL, layer_weights(layer_named(net, pl.name))));
    pl.energy_after_pj = layer_energy_pj(r.metrics_after, pl.name);
  }
  return r;
}

}  // namespace hwaware::search
