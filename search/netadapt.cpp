#include "search/netadapt.h"

#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>

#include "core/diagnostics.h"

namespace hwaware::search {
namespace {

constexpr const char* kCheckpointHeader = "hwaware netadapt checkpoint v1";

bool needs_oracle(const std::vector<Budget>& budgets) {
  for (const auto& b : budgets)
    if (b.resource == Resource::latency || b.resource == Resource::energy) return true;
  return false;
}

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

FamilyMember member(int iteration, long long group, long long width, double holdout, const workload::Network& n,
                    const std::vector<double>& resources, const std::vector<WidthGroup>& groups) {
  FamilyMember f{iteration, group, width, holdout, resources, n.macs(), weight_count(n), {}};
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

void write_checkpoint(const std::string& path, const std::vector<FamilyMember>& family) {
  if (path.empty()) return;
  {
    std::ofstream out(path + ".tmp");
    out.precision(17);
    out << kCheckpointHeader << "\n";
    for (const auto& f : family) {
      out << f.iteration << " " << f.group << " " << f.width << " " << f.holdout << " " << f.macs << " " << f.weights << " "
          << f.resources.size();
      for (double r : f.resources) out << " " << r;
      out << " " << f.widths.size();
      for (long long w : f.widths) out << " " << w;
      out << "\n";
    }
  }
  std::filesystem::rename(path + ".tmp", path);
}

std::vector<FamilyMember> read_checkpoint(const std::string& path) {
  std::vector<FamilyMember> family;
  std::ifstream in(path);
  if (!in) return family;
  std::string line;
  int number = 1;
  if (!std::getline(in, line) || line != kCheckpointHeader)
    throw core::InputError(core::SourceLoc{path, 1, 1}, "", std::string("expected a NetAdapt checkpoint ('") + kCheckpointHeader + "')");
  while (std::getline(in, line)) {
    ++number;
    std::istringstream f(line);
    FamilyMember m;
    std::size_t nr = 0, nw = 0;
    bool ok = static_cast<bool>(f >> m.iteration >> m.group >> m.width >> m.holdout >> m.macs >> m.weights >> nr);
    m.resources.resize(nr);
    for (auto& r : m.resources) ok = ok && static_cast<bool>(f >> r);
    ok = ok && static_cast<bool>(f >> nw);
    m.widths.resize(nw);
    for (auto& w : m.widths) ok = ok && static_cast<bool>(f >> w);
    if (!ok) throw core::InputError(core::SourceLoc{path, number, 1}, "", "expected a family member, found '" + line + "'");
    family.push_back(m);
  }
  return family;
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

NetAdaptResult netadapt(const workload::Network& start, CostOracle& oracle, Trainer& trainer, const NetAdaptOptions& o) {
  const auto groups = width_groups(start);
  const auto r0 = resources_of(start, o.budgets, oracle);
  std::vector<double> budget(r0.size());
  for (std::size_t i = 0; i < r0.size(); ++i) budget[i] = o.budgets[i].fraction * r0[i];
  if (within(r0, budget))
    throw core::InputError(core::SourceLoc{"--budget", 0, 0}, "--budget", "every budget is already met by the starting network");

  NetAdaptResult result;
  result.family = read_checkpoint(o.checkpoint);
  workload::Network current = start;
  if (result.family.empty()) {
    result.family.push_back(member(0, -1, 0, trainer.try_proposal(start, std::numeric_limits<std::size_t>::max(), 0), start, r0, groups));
    trainer.accept(start);
    write_checkpoint(o.checkpoint, result.family);
  } else {  // resumed: the trainer continues from the last member's network
    current = rebuild(start, groups, result.family.back().widths);
    trainer.accept(current);
  }
  for (int it = result.family.back().iteration + 1; it <= o.max_iterations; ++it) {
    const FamilyMember& last = result.family.back();
    if (within(last.resources, budget)) break;
    // Targets: each unmet budget comes down by dR (decaying); a met one must stay met.
    const double scale = o.step_fraction * std::pow(o.step_decay, it - 1);
    std::vector<double> target(r0.size());
    for (std::size_t i = 0; i < r0.size(); ++i)
      target[i] = last.resources[i] <= budget[i] ? budget[i] : std::max(0.0, last.resources[i] - scale * r0[i]);
    long long best_group = -1, best_width = 0;
    double best_score = -std::numeric_limits<double>::infinity(), best_holdout = 0;
    workload::Network best_net;
    std::vector<double> best_resources;
    for (std::size_t g = 0; g < groups.size(); ++g) {
      if (!groups[g].prunable) continue;
      const long long width = largest_width(current, groups, g, last.widths[g], target, o.budgets, oracle);
      if (width == 0) continue;
      auto proposal = with_width(current, groups, g, width);
      const double holdout = trainer.try_proposal(proposal, g, o.short_steps);
      const auto resources = resources_of(proposal, o.budgets, oracle);
      double score = holdout;
      if (o.per_resource_drop) {
        const double drop = (last.resources[0] - resources[0]) / r0[0];
        score = drop > 0 ? (holdout - last.holdout) / drop : -std::numeric_limits<double>::infinity();
      }
      if (score > best_score) {
        best_score = score;
        best_group = static_cast<long long>(g);
        best_width = width;
        best_holdout = holdout;
        best_net = std::move(proposal);
        best_resources = resources;
      }
    }
    if (best_group < 0) {
      std::string what;
      for (std::size_t i = 0; i < r0.size(); ++i) what += (what.empty() ? "" : ", ") + to_string(o.budgets[i].resource);
      throw core::InputError(core::SourceLoc{"--budget", 0, 0}, "--budget",
                             "the budget is unreachable: no width group can be narrowed enough to reach the next target (" + what +
                                 ") at iteration " + std::to_string(it));
    }
    trainer.accept(best_net);
    current = std::move(best_net);
    result.family.push_back(member(it, best_group, best_width, best_holdout, current, best_resources, groups));
    write_checkpoint(o.checkpoint, result.family);
  }
  result.network = current;
  result.complete = within(result.family.back().resources, budget);
  if (result.complete) result.test_accuracy = trainer.finish(o.long_steps);
  return result;
}

}  // namespace hwaware::search
