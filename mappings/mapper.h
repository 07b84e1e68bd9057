#pragma once
// The mapper: finds the best mapping of one layer on an accelerator under the rules, for an
// objective. Small spaces are searched exhaustively; larger ones by seeded random sampling
// followed by local search, both with a bounded number of evaluations. Candidates are evaluated
// in batches on every core and merged in a fixed order, so a seed gives the same result on any
// machine. The mapper does not price mappings itself: the caller passes the cost model.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "arch/spec.h"
#include "mappings/mapping.h"
#include "mappings/rules.h"
#include "workloads/problem.h"

namespace hwaware::mapping {

struct Cost {
  double energy_pj = 0;
  double cycles = 0;
  bool feasible = true;  // false: the model cannot evaluate this mapping (a sparse format that cannot hold its tile)
};

// Must be safe to call from several threads at once.
using CostModel = std::function<Cost(const Mapping&)>;

enum class Objective { energy, latency, edp };

// "energy", "latency" (or "cycles"), "edp", "delay"; nullopt if unknown.
std::optional<Objective> objective_from(const std::string& name);

struct MapperOptions {
  std::vector<Objective> objectives{Objective::energy};  // compared in order
  long long max_evaluations = 20000;                     // mappings evaluated by the cost model, per layer
  long long patience = 2000;                             // stop after this many evaluations without improvement
  long long exhaustive_limit = 20000;                    // search every candidate when the space is at most this big
  unsigned long long seed = 1;
  int threads = 0;  // 0: every core
};

// What a search's result depends on besides the spec and the layer, as text ("objectives=edp
// budget=20000 patience=2000 exhaustive=20000 seed=1"): threads do not change the result.
std::string options_key(const MapperOptions& options);

struct MapperResult {
  bool found = false;
  Mapping mapping;
  Cost cost;
  long long evaluated = 0;  // legal mappings priced by the cost model
  long long rejected = 0;   // candidates that did not fit the mesh or a capacity
  long long repeated = 0;   // candidates skipped because their mapping had been drawn before
  bool exhaustive = false;
  std::string stop_reason;  // why the search ended
  std::string infeasible;   // when nothing was found: the constraint that blocks the layer
  // When nothing was found because the cost model could evaluate no fitting candidate: one of
  // them, for the model to say why.
  std::optional<Mapping> unevaluable;
};

MapperResult find_mapping(const arch::Spec& spec, const workload::Problem& problem, const Rules& rules, const CostModel& cost,
                          const MapperOptions& options);

}  // namespace hwaware::mapping
