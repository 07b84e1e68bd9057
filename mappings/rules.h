#pragma once
// What the mapper may choose at each level for one layer: the accelerator's own limits (fan-out,
// storage, keep/bypass), Timeloop constraints written with its levels, and the dataflow preset,
// resolved to dimension and tensor indices of the layer. Each restriction remembers where it was
// written so that an unmappable layer names the constraint that blocks it.

#include <string>
#include <vector>

#include "arch/spec.h"
#include "mappings/dataflow.h"
#include "workloads/problem.h"

namespace hwaware::mapping {

struct LevelRules {
  std::vector<bool> temporal_allowed;      // per dimension
  std::vector<long long> temporal_fixed;   // per dimension; 0 = free
  std::vector<int> innermost;              // dimensions that must be innermost, innermost first
  std::vector<int> spatial_innermost;      // the same for the spatial loops on each axis (a Timeloop spatial permutation)
  std::vector<bool> x_allowed, y_allowed;  // per dimension
  std::vector<long long> x_fixed, y_fixed;
  std::vector<int> keep;                                     // per tensor: 1 must keep, -1 must bypass, 0 open
  std::vector<std::string> temporal_source, spatial_source;  // per dimension: who restricted it
};

struct Rules {
  std::vector<LevelRules> levels;  // aligned with the spec's levels
};

// Checks a dataflow preset against an accelerator: unknown levels or roles, spatial constraints
// on a level without fan-out, keep/bypass that contradict the accelerator. Throws InputError.
void check_dataflow(const arch::Spec& spec, const Dataflow& dataflow);

// Throws InputError when a tensor of the layer reaches a Timeloop !Parallel node of the accelerator
// but none of its branches keeps it (Timeloop's front end refuses it: every tensor must go down one
// branch). resolve_rules() checks it; so does the mapping loader.
void check_parallel_groups(const arch::Spec& spec, const workload::Problem& problem);

// The rules for one layer. Dimensions or tensors a constraint names but the layer lacks (M of a
// pooling layer, Weights of a residual add) do not restrict it.
Rules resolve_rules(const arch::Spec& spec, const workload::Problem& problem, const Dataflow* dataflow);

}  // namespace hwaware::mapping
