#pragma once
// Loads a mapping file, detecting the format from its top-level key: `mapping:` as a list
// (Timeloop) or as a map of levels (hwaware). Checks legality: factors multiply to each
// dimension, spatial factors fit the mesh, tiles fit their level. A Timeloop document may hold its
// other sections too (architecture, problem, ... as Timeloop's front end dumps them in one file):
// they are passed over by name.

#include <string>

#include "arch/spec.h"
#include "mappings/mapping.h"
#include "workloads/problem.h"

namespace hwaware::mapping {

// A file with `mapping:` applies to every layer; a file with `mappings:` (as the mapper writes
// them) holds one mapping per layer name.
Mapping load_mapping(const std::string& path, const arch::Spec& spec, const workload::Problem& problem, const std::string& layer = {});

// Whether the file gives a mapping: not when its `mapping` is an empty list, as Timeloop's front end
// dumps it for its mapper to fill (then the mapper chooses, within the constraints the document
// gives). Any other content gives one, or load_mapping() says what is wrong with it.
bool file_gives_mapping(const std::string& path);

}  // namespace hwaware::mapping
