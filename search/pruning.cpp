#include "search/pruning.h"

#include <algorithm>

#include <fmt/format.h>

#include "core/diagnostics.h"

namespace hwaware::search {

std::vector<std::size_t> energy_order(const workload::Network& net, const NetworkMetrics& m) {
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < net.layers.size(); ++i)
    if (net.layers[i].problem.data_space_index("Weights") >= 0 && (net.layers[i].type == "conv2d" || net.layers[i].type == "fc"))
      order.push_back(i);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return layer_energy_pj(m, net.layers[a].name) > layer_energy_pj(m, net.layers[b].name);
  });
  return order;
}

workload::Network with_densities(const workload::Network& net, const std::map<std::string, double>& density) {
  workload::Network out = net;
  for (auto& l : out.layers) {
    const auto it = density.find(l.name);
    const int w = l.problem.data_space_index("Weights");
    if (it != density.end() && w >= 0) l.problem.data_spaces[static_cast<std::size_t>(w)].density = it->second;
  }
  return out;
}

double layer_energy_pj(const NetworkMetrics& m, const std::string& layer) {
  for (const auto& l : m.layers)
    if (l.layer == layer) return l.energy_pj;
  return 0;
}

void check_prune_options(const PruneOptions& o) {
  auto fail = [](const char* flag, const std::string& what) { throw core::InputError(core::SourceLoc{flag, 0, 0}, flag, what); };
  if (!(o.tolerance > 0 && o.tolerance < 1))
    fail("--tolerance", fmt::format("expected a holdout accuracy drop in (0%, 100%), found {}%", 100 * o.tolerance));
  if (!(o.step > 0 && o.step < 1)) fail("--step", fmt::format("expected a fraction of the layer in (0, 1), found {}", o.step));
  if (!(o.min_density >= 0 && o.min_density < 1))
    fail("--min-density", fmt::format("expected a density in [0, 1), found {}", o.min_density));
}

}  // namespace hwaware::search
