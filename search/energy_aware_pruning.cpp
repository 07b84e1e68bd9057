#include "search/energy_aware_pruning.h"

#include <fmt/format.h>
#include <chrono>
#include <cmath>
#include <optional>

namespace hwaware::search {
namespace {

// Seconds since construction or the last lap.
class Stopwatch {
 public:
  double lap() {
    const auto now = std::chrono::steady_clock::now();
    const double s = std::chrono::duration<double>(now - last_).count();
    last_ = now;
    return s;
  }

 private:
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

// One trial on a layer: the weights kept at density `aim`, set, and the network fine-tuned.
struct Trial {
  double density = 1, holdout = 0;
  double error = 0, refit_error = 0, scale = 1;  // output errors before and after the refit; sum of y^2
  double sampled_s = 0, solved_s = 0, tuned_s = 0;
};

// Empty when `aim` keeps no fewer weights than `current` does.
std::optional<Trial> try_density(PruningTrainer& trainer, const std::string& name, double current, double aim, const PruneOptions& o,
                                 WeightSelection selection, unsigned long long salt) {
  Stopwatch clock;
  Trial t;
  const LayerLeastSquares ls = trainer.least_squares(name);
  t.sampled_s = clock.lap();
  const auto total = static_cast<double>(ls.weight_count());
  const auto keep = static_cast<long long>(std::llround(aim * total));
  if (keep >= std::llround(current * total) || keep < 1) return std::nullopt;
  const LayerMask mask = selection == WeightSelection::feature_map ? feature_map_mask(ls, keep, o.max_swaps) : magnitude_mask(ls, keep);
  const auto weights = selection == WeightSelection::feature_map ? refit(ls, mask, o.refit) : masked_weights(ls, mask);
  t.error = output_error(ls, mask);
  t.refit_error = output_error(ls, weights);
  t.scale = std::max(1e-300, target_energy(ls));
  t.solved_s = clock.lap();
  trainer.set_weights(name, weights);
  t.holdout = trainer.fine_tune(o.short_steps, salt);
  t.tuned_s = clock.lap();
  t.density = static_cast<double>(keep) / total;
  return t;
}

std::string report(const std::string& name, const Trial& t, double energy, const std::string& unit, bool kept) {
  return fmt::format(
      "{}: density {:.3f}, output error {:.4f} -> {:.4f} after refit, energy {:.4g} {}, holdout {:.2f}% ({}; sampling {:.1f} s, "
      "selection and refit {:.1f} s, fine-tune {:.1f} s)",
      name, t.density, t.error / t.scale, t.refit_error / t.scale, energy, unit, 100 * t.holdout,
      kept ? "kept" : "undone: below the tolerance", t.sampled_s, t.solved_s, t.tuned_s);
}

}  // namespace

PruneResult energy_aware_pruning(const workload::Network& net, CostOracle& oracle, PruningTrainer& trainer, const PruneOptions& o,
                                 WeightSelection selection) {
  check_prune_options(o);
  PruneResult r;
  r.metrics_before = oracle.metrics(net);
  r.holdout_before = trainer.holdout_accuracy();
  r.test_before = trainer.test_accuracy();
  const double floor = r.holdout_before - o.tolerance;
  std::map<std::string, double> density;
  unsigned long long salt = 0;
  double last_holdout = r.holdout_before;
  trainer.snapshot();
  for (const std::size_t index : energy_order(net, r.metrics_before)) {
    const std::string& name = net.layers[index].name;
    PrunedLayer pl{name, 1, 1, layer_energy_pj(r.metrics_before, name), 0, 0, 0, last_holdout};
    double current = 1;
    while (const auto t = try_density(trainer, name, current, std::max(o.min_density, current - o.step), o, selection, ++salt)) {
      ++pl.trials;
      auto trial = density;
      trial[name] = t->density;
      const bool kept = t->holdout >= floor;
      if (o.progress)
        o.progress(report(name, *t, layer_energy_pj(oracle.metrics(with_densities(net, trial)), name), oracle.energy_unit(), kept));
      if (!kept) {
        trainer.rollback();
        break;
      }
      trainer.snapshot();
      density[name] = current = t->density;
      ++pl.accepted;
      pl.holdout = last_holdout = t->holdout;
    }
    pl.density_after = current;
    r.layers.push_back(pl);
  }
  r.holdout_after = trainer.fine_tune(o.long_steps, ++salt);
  r.test_after = trainer.test_accuracy();
  r.network = with_densities(net, density);
  r.metrics_after = oracle.metrics(r.network);
  for (auto& pl : r.layers) pl.energy_after_pj = layer_energy_pj(r.metrics_after, pl.name);
  return r;
}

}  // namespace hwaware::search
