#include "search/netadapt.h"

#include <cmath>
#include <filesystem>
#include <limits>

#include <fmt/format.h>

#include "core/diagnostics.h"
#include "search/family_checkpoint.h"

namespace hwaware::search {
namespace {

bool needs_oracle(const std::vector<Budget>& budgets) {
  for (const auto& b : budgets)
    if (b.resource == Resource::latency || b.resource == Resource::energy) return true;
  return false;
}

}  // namespace

std::vector<double> resources_of(const workload::Network& n, const std::vector<Budget>& budgets, CostOracle& oracle) {
  NetworkMetrics m;
  if (needs_oracle(budgets)) m = oracle.metrics(n);
  std::vector<double> r;
  for (const auto& b : budgets) {
    switch (b.resource) {
      case Resource::latency: r.push_back(m.latency_s); break;
      case Resource::energy: r.push_back(m.energy_pj); break;
      case Resource::macs: r.push_back(static_cast<double>(n.macs())); break;
      case Resource::weights: r.push_back(static_cast<double>(weight_count(n))); break;
    }
  }
  return r;
}

bool within(const std::vector<double>& r, const std::vector<double>& limit) {
  for (std::size_t i = 0; i < r.size(); ++i)
    if (r[i] > limit[i]) return false;
  return true;
}

namespace {

FamilyMember member(int iteration, long long group, long long width, double holdout, const workload::Network& n,
                    const std::vector<double>& resources, const std::vector<WidthGroup>& groups) {
  FamilyMember f{iteration, group, width, holdout, 0, resources, n.macs(), weight_count(n), {}};
  for (const auto& g : groups) f.widths.push_back(n.layers[g.layers.front()].output_channels());
  return f;
}

// The network with every group at the widths a family member records.
workload::Network rebuild(const workload::Network& start, const std::vector<WidthGroup>& groups, const std::vector<long long>& widths) {
  workload::Network n = start;
  for (std::size_t g = 0; g < groups.size(); ++g)
    if (widths[g] != groups[g].width) n = with_width(n, groups, g, widths[g]);
  return n;
}

void record(FamilyMember m, const workload::Network& net, Trainer& trainer, const NetAdaptOptions& o, std::vector<FamilyMember>& family) {
  record_member(
      std::move(m), net, o, family, [&] { return trainer.test_accuracy(); }, [&](const std::string& path) { trainer.save(path); });
}

// The largest multiple of the group's step below its current width that meets `limit`, or 0.
long long largest_width(const workload::Network& n, const std::vector<WidthGroup>& groups, std::size_t g, long long current,
                        const std::vector<double>& limit, const std::vector<Budget>& budgets, CostOracle& oracle) {
  const long long step = groups[g].step;
  long long lo = 1, hi = (current - 1) / step;  // in steps: candidates lo..hi
  long long best = 0;
  while (lo <= hi) {  // resources do not grow as a width shrinks
    const long long mid = (lo + hi) / 2;
    if (within(resources_of(with_width(n, groups, g, mid * step), budgets, oracle), limit)) {
      best = mid * step;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return best;
}

}  // namespace

std::string to_string(Resource r) {
  switch (r) {
    case Resource::latency: return "latency";
    case Resource::energy: return "energy";
    case Resource::macs: return "macs";
    case Resource::weights: return "weights";
  }
  return "latency";
}

long long weight_count(const workload::Network& net) {
  long long w = 0;
  for (const auto& l : net.layers) {
    const int i = l.problem.data_space_index("Weights");
    if (i >= 0) w += l.problem.tensor_size(i);
  }
  return w;
}

std::string member_weights_path(const std::string& checkpoint_dir, int iteration) {
  return (std::filesystem::path(checkpoint_dir) / ("member_" + std::to_string(iteration) + ".weights")).string();
}

namespace {

struct Proposal {
  long long group = -1, width = 0;
  double score = -std::numeric_limits<double>::infinity(), holdout = 0;
  workload::Network net;
  std::vector<double> resources;
};

// One iteration's choice: for every prunable group, the largest width meeting `target`, fine-tuned
// and scored; the best of them (group -1 when no group can reach the target).
Proposal best_proposal(const workload::Network& current, const std::vector<WidthGroup>& groups, const FamilyMember& last,
                       const std::vector<double>& target, const std::vector<double>& r0, CostOracle& oracle, Trainer& trainer,
                       const NetAdaptOptions& o) {
  Proposal best;
  for (std::size_t g = 0; g < groups.size(); ++g) {
    if (!groups[g].prunable) continue;
    const long long width = largest_width(current, groups, g, last.widths[g], target, o.budgets, oracle);
    if (width == 0) continue;
    Proposal p{static_cast<long long>(g), width, 0, 0, with_width(current, groups, g, width), {}};
    p.holdout = trainer.try_proposal(p.net, g, o.short_steps);
    p.resources = resources_of(p.net, o.budgets, oracle);
    p.score = p.holdout;
    if (o.per_resource_drop) {
      const double drop = (last.resources[0] - p.resources[0]) / r0[0];
      p.score = drop > 0 ? (p.holdout - last.holdout) / drop : -std::numeric_limits<double>::infinity();
    }
    if (o.progress)
      o.progress("iteration " + std::to_string(last.iteration + 1) + ": group " + std::to_string(g) + " to width " + std::to_string(width) +
                 ", holdout accuracy " + std::to_string(p.holdout));
    if (p.score > best.score) best = std::move(p);
  }
  return best;
}

core::InputError unreachable(const std::vector<Budget>& budgets, int iteration) {
  std::string what;
  for (const auto& b : budgets) what += (what.empty() ? "" : ", ") + to_string(b.resource);
  return core::InputError(core::SourceLoc{"--budget", 0, 0}, "--budget",
                          "the budget is unreachable: no width group can be narrowed enough to reach the next target (" + what +
                              ") at iteration " + std::to_string(iteration));
}

}  // namespace

BudgetValues budget_values(const workload::Network& start, CostOracle& oracle, const std::vector<Budget>& budgets) {
  BudgetValues v{resources_of(start, budgets, oracle), {}};
  std::string met;
  for (std::size_t i = 0; i < budgets.size(); ++i) {
    v.limit.push_back(budgets[i].absolute > 0 ? budgets[i].absolute : budgets[i].fraction * v.start[i]);
    met += fmt::format("{}{} {:.6g} (budget {:.6g})", met.empty() ? "" : ", ", to_string(budgets[i].resource), v.start[i], v.limit[i]);
  }
  if (within(v.start, v.limit))
    throw core::InputError(core::SourceLoc{"--budget", 0, 0}, "--budget", "every budget is already met by the starting network: " + met);
  return v;
}

NetAdaptResult netadapt(const workload::Network& start, CostOracle& oracle, Trainer& trainer, const NetAdaptOptions& o) {
  const auto groups = width_groups(start);
  const auto values = budget_values(start, oracle, o.budgets);
  const auto& r0 = values.start;
  const auto& budget = values.limit;

  NetAdaptResult result;
  if (!o.checkpoint_dir.empty()) result.family = read_family_checkpoint(o.checkpoint_dir, o.run_key);
  workload::Network current = start;
  if (result.family.empty()) {
    const double holdout = trainer.try_proposal(start, Trainer::kNoGroup, 0);
    trainer.accept(start);
    record(member(0, -1, 0, holdout, start, r0, groups), start, trainer, o, result.family);
  } else {  // resumed: the trainer continues from the last member's network and weights
    current = rebuild(start, groups, result.family.back().widths);
    trainer.restore(current, member_weights_path(o.checkpoint_dir, result.family.back().iteration));
    if (o.progress) o.progress("resumed after iteration " + std::to_string(result.family.back().iteration));
  }
  for (int it = result.family.back().iteration + 1; it <= o.max_iterations; ++it) {
    const FamilyMember& last = result.family.back();
    if (within(last.resources, budget)) break;
    // Targets: each unmet budget comes down by dR (decaying); a met one must stay met.
    const double scale = o.step_fraction * std::pow(o.step_decay, it - 1);
    std::vector<double> target(r0.size());
    for (std::size_t i = 0; i < r0.size(); ++i)
      target[i] = last.resources[i] <= budget[i] ? budget[i] : std::max(0.0, last.resources[i] - scale * r0[i]);
    Proposal best = best_proposal(current, groups, last, target, r0, oracle, trainer, o);
    // A full step below what any one narrowing reaches, while the budget itself may be within
    // reach: this iteration aims at the budget (the last one; the step would only overshoot it).
    std::vector<double> at_budget(r0.size());
    for (std::size_t i = 0; i < r0.size(); ++i) at_budget[i] = std::max(target[i], budget[i]);
    if (best.group < 0 && at_budget != target) best = best_proposal(current, groups, last, at_budget, r0, oracle, trainer, o);
    if (best.group < 0) throw unreachable(o.budgets, it);
    trainer.accept(best.net);
    current = std::move(best.net);
    record(member(it, best.group, best.width, best.holdout, current, best.resources, groups), current, trainer, o, result.family);
  }
  result.network = current;
  result.complete = within(result.family.back().resources, budget);
  if (result.complete) result.test_accuracy = trainer.finish(o.long_steps);
  return result;
}

}  // namespace hwaware::search
