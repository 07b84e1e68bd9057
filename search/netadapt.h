#pragma once
// NetAdapt (Yang et al., ECCV 2018) against simulated metrics: shrink a network step by step until
// it meets every budget. Each iteration sets target = current - dR for each budgeted resource (dR
// a fraction of the starting value, decaying per iteration; when no narrowing reaches that but the
// budget is closer than dR, the target is the budget); for every width group (layers that
// keep equal widths) it keeps the largest width that meets every target according to the cost
// oracle, narrows the group, fine-tunes briefly and measures holdout accuracy; it keeps the best
// proposal (or the best accuracy drop per resource drop). The run stops when every budget is met,
// then fine-tunes long. Each iteration is checkpointed: a run resumed from its checkpoint continues
// exactly as if it had not stopped.

#include <functional>
#include <string>
#include <vector>

#include "search/cost_oracle.h"
#include "search/network_surgery.h"
#include "search/trainer.h"

namespace hwaware::search {

enum class Resource { latency, energy, macs, weights };
std::string to_string(Resource r);

struct Budget {
  Resource resource = Resource::latency;
  double fraction = 0.5;  // of the starting value
  double absolute = 0;    // > 0: the budget itself (seconds, pJ, MACs or weights), instead of a fraction
};

struct FamilyMember {
  int iteration = 0;                // 0: the starting network
  long long group = -1, width = 0;  // what this iteration narrowed
  double holdout = 0, test = 0;     // accuracies
  std::vector<double> resources;    // per budget, in the budgets' order
  long long macs = 0, weights = 0;
  std::vector<long long> widths;  // per width group (NetAdapt V2: the choice of each searched dimension)
};

struct NetAdaptOptions {
  std::vector<Budget> budgets;
  double step_fraction = 0.05;                     // dR in the first iteration, as a fraction of the starting value
  double step_decay = 0.98;                        // dR is multiplied by this after each iteration
  long long short_steps = 100, long_steps = 1000;  // fine-tuning of a proposal, of the final network
  bool per_resource_drop = false;                  // choose by accuracy drop per resource drop instead of accuracy
  int max_iterations = 1000;                       // safety bound; a run stopped by it is not complete
  // Where the run is checkpointed after each iteration (member_<k>.weights, then checkpoint.txt);
  // a run finding a checkpoint there resumes from it. Empty: no checkpoint.
  std::string checkpoint_dir;
  std::string run_key;  // identifies the run; a checkpoint of another run is refused
  // Called for each family member once its weights are saved (the CLI writes its workload file).
  std::function<void(const FamilyMember&, const workload::Network&)> on_member;
  std::function<void(const std::string&)> progress;  // one line per event
};

struct NetAdaptResult {
  std::vector<FamilyMember> family;
  workload::Network network;
  bool complete = false;  // every budget met
  double test_accuracy = 0;
};

// The starting network's resources, per budget, and the budgets as values. Throws core::InputError
// when every budget is already met.
struct BudgetValues {
  std::vector<double> start, limit;
};
BudgetValues budget_values(const workload::Network& start, CostOracle& oracle, const std::vector<Budget>& budgets);

// Throws core::InputError when every budget is already met, or when no proposal can reach a target.
NetAdaptResult netadapt(const workload::Network& start, CostOracle& oracle, Trainer& trainer, const NetAdaptOptions& options);

// A network's resources, per budget, in the budgets' order (the oracle asked only when a budget
// is latency or energy).
std::vector<double> resources_of(const workload::Network& n, const std::vector<Budget>& budgets, CostOracle& oracle);
// Whether every resource is within its limit.
bool within(const std::vector<double>& resources, const std::vector<double>& limit);

// Where member k's weights are, in a checkpoint directory.
std::string member_weights_path(const std::string& checkpoint_dir, int iteration);

// Weights of the MAC layers (their Weights tensors).
long long weight_count(const workload::Network& net);

}  // namespace hwaware::search
