#include "search/lut_fill.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace hwaware::search {
namespace {

long long level_width(const WidthGroup& g, int k, int levels) {
  const long long w = static_cast<long long>(std::ceil(static_cast<double>(g.width) * k / levels));
  return std::min(g.width, std::max(g.step, (w + g.step - 1) / g.step * g.step));
}

// The group that sets each layer's output width (-1 when several do, as after a concatenation).
std::vector<long long> owner_of(const workload::Network& net, const std::vector<WidthGroup>& groups) {
  std::vector<long long> owner(net.layers.size(), -1);
  for (std::size_t g = 0; g < groups.size(); ++g)
    for (std::size_t i : groups[g].layers) owner[i] = static_cast<long long>(g);
  std::map<std::string, std::size_t> at;
  for (std::size_t i = 0; i < net.layers.size(); ++i) {
    at[net.layers[i].name] = i;
    const auto& l = net.layers[i];
    if (owner[i] >= 0 || l.inputs.empty()) continue;
    const long long first = owner[at[l.inputs.front()]];
    const bool same = std::all_of(l.inputs.begin(), l.inputs.end(), [&](const std::string& in) { return owner[at[in]] == first; });
    if (same || l.type == "add") owner[i] = first;
  }
  return owner;
}

}  // namespace

std::vector<workload::Network> lut_level_sets(const workload::Network& net, int levels) {
  const auto groups = width_groups(net);
  const auto owner = owner_of(net, groups);
  std::map<std::string, std::size_t> at;
  for (std::size_t i = 0; i < net.layers.size(); ++i) at[net.layers[i].name] = i;
  std::vector<workload::Network> sets(static_cast<std::size_t>(levels * levels));
  for (auto& set : sets) set.name = net.name;
  for (std::size_t i = 0; i < net.layers.size(); ++i) {
    const auto& l = net.layers[i];
    const long long own = owner[i];
    const long long in = l.inputs.size() == 1 ? owner[at[l.inputs.front()]] : -1;
    for (int a = 1; a <= levels; ++a)
      for (int b = 1; b <= levels; ++b) {
        workload::Network n = net;
        if (own >= 0 && groups[own].prunable) n = with_width(n, groups, own, level_width(groups[own], a, levels));
        if (in >= 0 && in != own && groups[in].prunable) n = with_width(n, groups, in, level_width(groups[in], b, levels));
        sets[static_cast<std::size_t>((a - 1) * levels + (b - 1))].layers.push_back(n.layers[i]);
      }
  }
  return sets;
}

long long fill_lut(CostOracle& lut, const workload::Network& net, int levels, const std::function<void(long long, long long)>& progress) {
  const auto sets = lut_level_sets(net, levels);
  const auto total = static_cast<long long>(net.layers.size() * sets.size());
  long long asked = 0;
  for (std::size_t i = 0; i < net.layers.size(); ++i)
    for (const auto& set : sets) {
      workload::Network one;
      one.name = net.name;
      one.layers.push_back(set.layers[i]);
      lut.metrics(one);
      ++asked;
      if (progress) progress(asked, total);
    }
  return asked;
}

workload::Network sample_widths(const workload::Network& net, const std::vector<WidthGroup>& groups, int levels, std::mt19937_64& rng) {
  workload::Network n = net;
  std::uniform_int_distribution<int> level(1, levels);
  for (std::size_t g = 0; g < groups.size(); ++g)
    if (groups[g].prunable) n = with_width(n, groups, g, level_width(groups[g], level(rng), levels));
  return n;
}

std::vector<workload::Network> sample_networks(const workload::Network& net, int levels, int samples, unsigned long long seed) {
  const auto groups = width_groups(net);
  std::mt19937_64 rng(seed);
  std::vector<workload::Network> networks;
  for (int s = 0; s < samples; ++s) networks.push_back(sample_widths(net, groups, levels, rng));
  return networks;
}

namespace {

// Mean, 95th percentile and share within 10% of relative latency errors; energy errors averaged
// where the whole network has an energy.
LutCheck summarize(std::vector<double> errors, const std::vector<double>& energy_errors) {
  LutCheck c;
  c.networks = static_cast<long long>(errors.size());
  const auto n = static_cast<double>(errors.size());
  for (double e : errors) {
    c.mean_error += e / n;
    c.share_within_10 += (e <= 0.10 ? 1.0 : 0.0) / n;
  }
  for (double e : energy_errors) c.mean_energy_error += e / n;
  std::sort(errors.begin(), errors.end());
  if (!errors.empty()) {
    const auto rank = static_cast<std::size_t>(std::ceil(0.95 * n));
    c.p95_error = errors[std::min(errors.size(), std::max<std::size_t>(1, rank)) - 1];
  }
  return c;
}

}  // namespace

LutCheck check_lut(CostOracle& lut, CostOracle& backend, const workload::Network& net, int levels, int samples, unsigned long long seed) {
  std::vector<double> errors, energy_errors;
  for (const auto& n : sample_networks(net, levels, samples, seed)) {
    const auto a = lut.metrics(n), b = backend.metrics(n);
    errors.push_back(std::abs(a.latency_s - b.latency_s) / b.latency_s);
    energy_errors.push_back(std::abs(a.energy_pj - b.energy_pj) / b.energy_pj);
  }
  return summarize(errors, energy_errors);
}

LutCheck check_lut_latency(CostOracle& lut, const std::vector<workload::Network>& networks, const std::vector<double>& whole_latency_s) {
  std::vector<double> errors;
  for (std::size_t i = 0; i < networks.size() && i < whole_latency_s.size(); ++i)
    errors.push_back(std::abs(lut.metrics(networks[i]).latency_s - whole_latency_s[i]) / whole_latency_s[i]);
  return summarize(errors, {});
}

}  // namespace hwaware::search
