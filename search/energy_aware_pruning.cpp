#include "search/energy_aware_pruning.h"

#include <chrono>
#include <cmath>
#include <fmt/format.h>

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

// The layer's current weights where `mask` keeps them, zero elsewhere (magnitude pruning: no refit).
std::vector<Eigen::MatrixXd> masked_weights(const LayerLeastSquares& ls, const LayerMask& mask) {
  std::vector<Eigen::MatrixXd> w;
  for (std::size_t i = 0; i < ls.blocks.size(); ++i) w.push_back(ls.blocks[i].weights.cwiseProduct(mask[i].cast<double>().matrix()));
  return w;
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
    while (true) {
      const double aim = std::max(o.min_density, current - o.step);
      Stopwatch clock;
      const LayerLeastSquares ls = trainer.least_squares(name);
      ++salt;
      const double sampled_s = clock.lap();
      const long long total = ls.weight_count();
      const auto keep = static_cast<long long>(std::llround(aim * static_cast<double>(total)));
      if (keep >= std::llround(current * static_cast<double>(total)) || keep < 1) break;
      const LayerMask mask = selection == WeightSelection::feature_map ? feature_map_mask(ls, keep, o.max_swaps) : magnitude_mask(ls, keep);
      const double error = output_error(ls, mask);
      const auto weights = selection == WeightSelection::feature_map ? refit(ls, mask, o.refit) : masked_weights(ls, mask);
      const double refit_error = output_error(ls, weights);
      const double solved_s = clock.lap();
      trainer.set_weights(name, weights);
      const double holdout = trainer.fine_tune(o.short_steps, salt);
      const double tuned_s = clock.lap();
      const double trial_density = static_cast<double>(keep) / static_cast<double>(total);
      ++pl.trials;
      auto trial = density;
      trial[name] = trial_density;
      const double energy = layer_energy_pj(oracle.metrics(with_densities(net, trial)), name);
      const bool kept = holdout >= floor;
      if (o.progress) {
        const double scale = std::max(1e-300, target_energy(ls));
        o.progress(fmt::format("{}: density {:.3f}, output error {:.4f} -> {:.4f} after refit, energy {:.4g} pJ, holdout {:.2f}% ({}; "
                               "sampling {:.1f} s, selection and refit {:.1f} s, fine-tune {:.1f} s)",
                               name, trial_density, error / scale, refit_error / scale, energy, 100 * holdout,
                               kept ? "kept" : "undone: below the tolerance", sampled_s, solved_s, tuned_s));
      }
      if (!kept) {
        trainer.rollback();
        break;
      }
      trainer.snapshot();
      current = trial_density;
      density[name] = current;
      ++pl.accepted;
      pl.holdout = last_holdout = holdout;
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
