#pragma once
// Writes mappings in hwaware's own mapping format, so a mapping the mapper chose can be read back
// with --mapping and gives the same result.

#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "arch/spec.h"
#include "mappings/mapping.h"
#include "workloads/problem.h"

namespace hwaware::mapping {

// The body of one mapping (levels as keys), indented by `indent` spaces.
void write_native_mapping(std::ostream& os, const Mapping& m, const arch::Spec& spec, const workload::Problem& problem, int indent);

// A file of mappings per layer: `mappings: {layer: {level: ...}}`.
void write_mappings_file(std::ostream& os, const std::vector<std::pair<std::string, const Mapping*>>& layers, const arch::Spec& spec,
                         const std::vector<const workload::Problem*>& problems);

}  // namespace hwaware::mapping
