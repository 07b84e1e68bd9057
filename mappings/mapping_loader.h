#pragma once
// Loads a mapping file, detecting the format from its top-level key: `mapping:` as a list
// (Timeloop) or as a map of levels (hwaware). Checks legality: factors multiply to each
// dimension, spatial factors fit the mesh, tiles fit their level.

#include <string>

#include "arch/spec.h"
#include "mappings/mapping.h"
#include "workloads/problem.h"

namespace hwaware::mapping {

// A file with `mapping:` applies to every layer; a file with `mappings:` (as the mapper writes
// them) holds one mapping per layer name.
Mapping load_mapping(const std::string& path, const arch::Spec& spec, const workload::Problem& problem, const std::string& layer = {});

}  // namespace hwaware::mapping
