#include "mappings/mapper.h"

#include <algorithm>
#include <thread>
#include <unordered_set>

#include "mappings/search_space.h"

namespace hwaware::mapping {
namespace {

using Score = std::vector<double>;

Score score_of(const Cost& c, const std::vector<Objective>& objectives) {
  Score s;
  for (auto o : objectives) {
    switch (o) {
      case Objective::energy: s.push_back(c.energy_pj); break;
      case Objective::latency: s.push_back(c.cycles); break;
      case Objective::edp: s.push_back(c.energy_pj * c.cycles); break;
    }
  }
  return s;
}

// Lexicographic; values within a relative 1e-9 count as equal (so ties go to the earlier one).
bool better(const Score& a, const Score& b) {
  for (std::size_t i = 0; i < a.size(); ++i) {
    double tol = 1e-9 * std::max(std::abs(a[i]), std::abs(b[i]));
    if (a[i] < b[i] - tol) return true;
    if (a[i] > b[i] + tol) return false;
  }
  return false;
}

struct Outcome {
  bool legal = false;
  Cost cost;
};

std::vector<Outcome> evaluate(const SearchSpace& space, const std::vector<Candidate>& batch, const std::vector<bool>& fresh,
                              const CostModel& model, int threads) {
  std::vector<Outcome> out(batch.size());
  auto work = [&](std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) {
      if (!fresh[i] || !space.fits(batch[i])) continue;
      out[i].legal = true;
      out[i].cost = model(space.to_mapping(batch[i]));
    }
  };
  const std::size_t t = std::max<std::size_t>(1, std::min<std::size_t>(static_cast<std::size_t>(threads), batch.size()));
  std::vector<std::thread> pool;
  const std::size_t chunk = (batch.size() + t - 1) / t;
  for (std::size_t k = 1; k < t; ++k) pool.emplace_back(work, std::min(batch.size(), k * chunk), std::min(batch.size(), (k + 1) * chunk));
  work(0, std::min(batch.size(), chunk));
  for (auto& th : pool) th.join();
  return out;
}

// The search's state: the best so far and the counters, updated in candidate order.
class Search {
 public:
  Search(const SearchSpace& space, const CostModel& model, const MapperOptions& o) : space_(space), model_(model), o_(o) {
    threads_ = o.threads > 0 ? o.threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  }

  // Evaluates a batch and merges it in order; returns the index of the batch's best legal
  // candidate (batch.size() if none) and its score.
  std::pair<std::size_t, Score> run_batch(const std::vector<Candidate>& batch) {
    // A mapping seen before is not evaluated again (decided in candidate order: deterministic).
    std::vector<bool> fresh(batch.size());
    for (std::size_t i = 0; i < batch.size(); ++i) fresh[i] = seen_.insert(space_.key(batch[i])).second;
    auto outcomes = evaluate(space_, batch, fresh, model_, threads_);
    std::size_t batch_best = batch.size();
    Score batch_score;
    for (std::size_t i = 0; i < batch.size() && !out_of_budget() && !stalled(); ++i) {
      if (!fresh[i]) {
        ++repeated_;
        ++since_new_;
        continue;
      }
      since_new_ = 0;
      if (!outcomes[i].legal || !outcomes[i].cost.feasible) {
        ++rejected_;
        if (outcomes[i].legal && infeasible_++ == 0) first_infeasible_ = batch[i];
        continue;
      }
      ++evaluated_;
      ++since_improvement_;
      Score s = score_of(outcomes[i].cost, o_.objectives);
      if (batch_best == batch.size() || better(s, batch_score)) {
        batch_best = i;
        batch_score = s;
      }
      if (!found_ || better(s, best_score_)) {
        found_ = true;
        best_ = batch[i];
        best_cost_ = outcomes[i].cost;
        best_score_ = s;
        since_improvement_ = 0;
      }
    }
    return {batch_best, batch_score};
  }

  // An exhaustive search visits every candidate (the space is within the budget by then).
  bool out_of_budget() const { return !exhaustive_ && evaluated_ >= o_.max_evaluations; }
  bool stalled() const { return !exhaustive_ && found_ && since_improvement_ >= o_.patience; }
  bool hopeless() const {
    const long long limit = 50 * std::max<long long>(o_.max_evaluations, 1000);
    return rejected_ >= limit || exhausted();
  }
  // Every candidate drawn lately was a mapping seen before: the reachable space is used up.
  bool exhausted() const { return since_new_ >= 20 * std::max<long long>(o_.patience, 500); }

  std::string reason() const {
    if (out_of_budget()) return "evaluation budget of " + std::to_string(o_.max_evaluations) + " reached";
    if (stalled()) return "no better mapping in the last " + std::to_string(o_.patience) + " evaluations";
    if (exhausted()) return "no new mapping in the last " + std::to_string(since_new_) + " candidates drawn (the space seems used up)";
    return "gave up after " + std::to_string(rejected_) + " candidates that did not fit";
  }

  const SearchSpace& space_;
  const CostModel& model_;
  const MapperOptions& o_;
  int threads_ = 1;
  bool exhaustive_ = false;
  bool found_ = false;
  Candidate best_;
  Cost best_cost_;
  Score best_score_;
  long long evaluated_ = 0, rejected_ = 0, since_improvement_ = 0;
  long long infeasible_ = 0;                // of the rejected: fitting, but the cost model could not evaluate them
  Candidate first_infeasible_;              // the first of them
  long long repeated_ = 0;                  // candidates skipped: their mapping was seen before
  long long since_new_ = 0;                 // consecutive such candidates
  std::unordered_set<std::uint64_t> seen_;  // keys of every candidate drawn (SearchSpace::key)
};

void exhaustive(const SearchSpace& space, Search& search) {
  std::vector<Candidate> batch;
  space.enumerate([&](const Candidate& c) {
    batch.push_back(c);
    if (batch.size() == 1024) {
      search.run_batch(batch);
      batch.clear();
    }
  });
  if (!batch.empty()) search.run_batch(batch);
}

// Iterated local search: a walker starts from the best of a batch of random and greedy (dense)
// candidates and moves to its best neighbour while that improves; after two batches without
// progress a new walker starts. The sequence of candidates does not depend on the budget, so a
// larger budget only extends the search: the best found never gets worse when the budget grows.
void heuristic(const SearchSpace& space, Search& search, std::mt19937_64& rng) {
  Candidate walker;
  Score walker_score;
  int idle = 2;                       // neighbour batches without progress; 2 = start a new walker
  std::vector<Candidate> batch(128);  // its candidates' storage is reused from batch to batch
  while (!search.out_of_budget() && !search.stalled() && !search.hopeless()) {
    if (idle >= 2) {
      for (std::size_t i = 0; i < 64; ++i) space.random_into(rng, batch[i]);
      for (std::size_t i = 64; i < 128; ++i) space.greedy_into(rng, batch[i]);
    } else {
      for (auto& c : batch) space.neighbour_into(walker, rng, c);
    }
    auto [i, score] = search.run_batch(batch);
    if (i == batch.size()) continue;  // nothing legal in this batch
    if (idle >= 2 || better(score, walker_score)) {
      walker = batch[i];
      walker_score = score;
      idle = 0;
    } else {
      ++idle;
    }
  }
}

}  // namespace

std::optional<Objective> objective_from(const std::string& n) {
  if (n == "energy") return Objective::energy;
  if (n == "latency" || n == "cycles" || n == "delay") return Objective::latency;
  if (n == "edp") return Objective::edp;
  return std::nullopt;
}

std::string options_key(const MapperOptions& o) {
  std::string objectives;
  for (const Objective obj : o.objectives) {
    if (!objectives.empty()) objectives += ",";
    objectives += obj == Objective::energy ? "energy" : obj == Objective::latency ? "latency" : "edp";
  }
  return "objectives=" + objectives + " budget=" + std::to_string(o.max_evaluations) + " patience=" + std::to_string(o.patience) +
         " exhaustive=" + std::to_string(o.exhaustive_limit) + " seed=" + std::to_string(o.seed);
}

MapperResult find_mapping(const arch::Spec& spec, const workload::Problem& problem, const Rules& rules, const CostModel& cost,
                          const MapperOptions& options) {
  MapperResult r;
  SearchSpace space(spec, problem, rules);
  if (!space.infeasible().empty()) {
    r.infeasible = space.infeasible();
    r.stop_reason = "no mapping can exist";
    return r;
  }
  Search search(space, cost, options);
  search.run_batch({space.minimal()});
  const double size = space.size(static_cast<double>(options.exhaustive_limit) + 1);
  if (size <= static_cast<double>(options.exhaustive_limit)) {
    search.exhaustive_ = true;
    exhaustive(space, search);
    r.exhaustive = true;
    r.stop_reason = "searched the whole pruned space (" + std::to_string(search.evaluated_ + search.rejected_) + " mappings)";
  } else {
    std::mt19937_64 rng(options.seed);
    heuristic(space, search, rng);
    r.stop_reason = search.reason();
  }
  r.evaluated = search.evaluated_;
  r.rejected = search.rejected_;
  r.repeated = search.repeated_;
  r.found = search.found_;
  if (r.found) {
    r.mapping = space.to_mapping(search.best_);
    r.cost = search.best_cost_;
  } else {
    r.infeasible =
        search.infeasible_ > 0
            ? "every candidate that fits was infeasible for the model (" + std::to_string(search.infeasible_) +
                  "; a level's sparse format has fewer ranks than its tile has loops)"
            : "no candidate fits; with every free factor in the outermost level that may take it, " + space.misfit(space.minimal());
  }
  return r;
}

}  // namespace hwaware::mapping
