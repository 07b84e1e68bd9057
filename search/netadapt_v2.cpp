#include "search/netadapt_v2.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <limits>
#include <map>
#include <random>

#include <fmt/format.h>

#include "core/diagnostics.h"
#include "search/family_checkpoint.h"

namespace hwaware::search {
namespace {

// Position of each dimension's choice in its list of choices.
std::vector<std::size_t> positions(const SubnetSpace& s, const SubnetConfig& c) {
  std::vector<std::size_t> p;
  for (std::size_t k = 0; k < s.dims.size(); ++k) {
    const auto& ch = s.dims[k].choices;
    p.push_back(static_cast<std::size_t>(std::find(ch.begin(), ch.end(), c[k]) - ch.begin()));
  }
  return p;
}

struct Candidate {
  SubnetConfig config;
  workload::Network net;
  std::vector<double> resources;
  double holdout = 0, score = -std::numeric_limits<double>::infinity();
};

// `from` with each dimension of `chosen` moved down by `steps` choices (to its smallest at most).
SubnetConfig shrunk(const SubnetSpace& s, const SubnetConfig& from, const std::vector<std::size_t>& chosen, std::size_t steps) {
  SubnetConfig c = from;
  const auto at = positions(s, from);
  for (std::size_t k : chosen) c[k] = s.dims[k].choices[at[k] - std::min(at[k], steps)];
  return c;
}

// The fewest steps down the chosen dimensions that meet `target` (resources do not grow as a
// choice shrinks); false when even their smallest choices miss it.
bool fewest_steps(const SubnetSpace& s, const SubnetConfig& from, const std::vector<std::size_t>& chosen, const std::vector<double>& target,
                  const std::vector<Budget>& budgets, CostOracle& oracle, Candidate& out) {
  const auto at = positions(s, from);
  std::size_t hi = 0;
  for (std::size_t k : chosen) hi = std::max(hi, at[k]);
  if (hi == 0) return false;
  const auto try_steps = [&](std::size_t n, Candidate& c) {
    c.config = shrunk(s, from, chosen, n);
    c.net = subnetwork(s, c.config);
    c.resources = resources_of(c.net, budgets, oracle);
    return within(c.resources, target);
  };
  if (!try_steps(hi, out)) return false;
  std::size_t lo = 1;
  while (lo < hi) {
    const std::size_t mid = (lo + hi) / 2;
    Candidate c;
    if (try_steps(mid, c)) {
      hi = mid;
      out = std::move(c);
    } else {
      lo = mid + 1;
    }
  }
  return true;  // `out` holds the fewest steps that met the target, `hi`
}

struct Iteration {
  const SubnetSpace& s;
  CostOracle& oracle;
  SupernetEvaluator& e;
  const NetAdaptOptions& o;
  const CoordinateDescent& cd;
  const std::vector<double>& r0;
};

// One iteration's draws: `cd.samples` candidates shrinking `cd.layers` random dimensions, then (when
// none reaches the target) one shrinking every dimension; the best by holdout accuracy, or by
// accuracy change per drop of the first budgeted resource.
Candidate best_candidate(const Iteration& it, const FamilyMember& last, const std::vector<double>& target) {
  const SubnetConfig from = last.widths;
  const auto at = positions(it.s, from);
  std::vector<std::size_t> movable;
  for (std::size_t k = 0; k < at.size(); ++k)
    if (at[k] > 0) movable.push_back(k);
  std::mt19937_64 rng(it.cd.seed * 0x9e3779b97f4a7c15ULL + static_cast<unsigned long long>(last.iteration + 1));
  std::map<SubnetConfig, bool> seen;
  Candidate best;
  const auto consider = [&](const std::vector<std::size_t>& chosen) {
    Candidate c;
    if (!fewest_steps(it.s, from, chosen, target, it.o.budgets, it.oracle, c) || seen.count(c.config)) return;
    seen[c.config] = true;
    c.holdout = it.e.holdout_accuracy(c.net, c.config);
    c.score = c.holdout;
    if (it.o.per_resource_drop) {
      const double drop = (last.resources[0] - c.resources[0]) / it.r0[0];
      c.score = drop > 0 ? (c.holdout - last.holdout) / drop : -std::numeric_limits<double>::infinity();
    }
    if (it.o.progress)
      it.o.progress(
          fmt::format("iteration {}: {}: holdout accuracy {:.4f}", last.iteration + 1, describe_change(it.s, from, c.config), c.holdout));
    if (c.score > best.score) best = std::move(c);
  };
  for (int j = 0; j < it.cd.samples && !movable.empty(); ++j) {
    std::vector<std::size_t> pool = movable, chosen;
    for (int l = 0; l < it.cd.layers && !pool.empty(); ++l) {
      const std::size_t pick = std::uniform_int_distribution<std::size_t>(0, pool.size() - 1)(rng);
      chosen.push_back(pool[pick]);
      pool.erase(pool.begin() + static_cast<std::ptrdiff_t>(pick));
    }
    std::sort(chosen.begin(), chosen.end());
    consider(chosen);
  }
  if (best.config.empty() && !movable.empty()) consider(movable);
  return best;
}

FamilyMember member_of(int iteration, const Candidate& c) {
  return FamilyMember{iteration, -1, 0, c.holdout, 0, c.resources, c.net.macs(), weight_count(c.net), c.config};
}

}  // namespace

BudgetValues reachable_budgets(const SubnetSpace& s, CostOracle& oracle, const std::vector<Budget>& budgets) {
  BudgetValues v = budget_values(s.super, oracle, budgets);
  const auto low = resources_of(subnetwork(s, smallest(s)), budgets, oracle);
  for (std::size_t i = 0; i < budgets.size(); ++i)
    if (low[i] > v.limit[i])
      throw core::InputError(core::SourceLoc{"--budget", 0, 0}, "--budget",
                             fmt::format("the {} budget is unreachable: it is {:.6g}, and the smallest shape the search allows (every "
                                         "searched dimension at its smallest choice) reaches {:.6g}, against {:.6g} at the start",
                                         to_string(budgets[i].resource), v.limit[i], low[i], v.start[i]));
  return v;
}

NetAdaptResult netadapt_v2(const SubnetSpace& s, CostOracle& oracle, SupernetEvaluator& e, const NetAdaptOptions& o,
                           const CoordinateDescent& cd) {
  const auto values = reachable_budgets(s, oracle, o.budgets);
  const auto& budget = values.limit;
  const Iteration it{s, oracle, e, o, cd, values.start};
  const auto record = [&](FamilyMember m, const workload::Network& net, NetAdaptResult& r) {
    const SubnetConfig c = m.widths;
    record_member(
        std::move(m), net, o, r.family, [&] { return e.test_accuracy(net, c); }, [&](const std::string& path) { e.save(net, c, path); });
  };

  NetAdaptResult result;
  if (!o.checkpoint_dir.empty()) result.family = read_family_checkpoint(o.checkpoint_dir, o.run_key);
  if (result.family.empty()) {
    Candidate start{largest(s), s.super, values.start, 0, 0};
    start.holdout = e.holdout_accuracy(start.net, start.config);
    record(member_of(0, start), start.net, result);
  } else if (o.progress) {
    o.progress("resumed after iteration " + std::to_string(result.family.back().iteration));
  }
  for (int k = result.family.back().iteration + 1; k <= o.max_iterations; ++k) {
    const FamilyMember& last = result.family.back();
    if (within(last.resources, budget)) break;
    const double scale = o.step_fraction * std::pow(o.step_decay, k - 1);
    std::vector<double> target(budget.size());
    for (std::size_t i = 0; i < budget.size(); ++i)
      target[i] = last.resources[i] <= budget[i] ? budget[i] : std::max(budget[i], last.resources[i] - scale * values.start[i]);
    Candidate best = best_candidate(it, last, target);
    if (best.config.empty()) core::panic("no candidate reaches a target that the smallest shape reaches");
    record(member_of(k, best), best.net, result);
  }
  result.network = subnetwork(s, result.family.back().widths);
  result.complete = within(result.family.back().resources, budget);
  if (result.complete) {
    const std::string path = o.checkpoint_dir.empty() ? "" : (std::filesystem::path(o.checkpoint_dir) / "final.weights").string();
    result.test_accuracy = e.finish(result.network, result.family.back().widths, o.long_steps, path);
  }
  return result;
}

}  // namespace hwaware::search
