#pragma once
// Reads Timeloop mapping files (a list of {target, type: temporal|spatial|datatype|dataspace|bypass,
// factors, permutation, split, keep, bypass}). Permutations are written innermost first.

#include "arch/spec.h"
#include "core/yaml_reader.h"
#include "mappings/mapping.h"
#include "workloads/problem.h"

namespace hwaware::mapping {

// `mapping` is the view of the top-level "mapping" key.
Mapping read_timeloop_mapping(const core::YamlView& mapping, const arch::Spec& spec, const workload::Problem& problem);

}  // namespace hwaware::mapping
