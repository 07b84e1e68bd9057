#pragma once
// A dataflow preset (mappings/constraints/*.yaml): constraints on mappings, written against
// roles of levels (outermost, array, pe) or level names, so one preset fits many accelerators.
// Each accelerator names its dataflow; the mapper searches only mappings the preset allows.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/diagnostics.h"

namespace hwaware::mapping {

// Constraints on the levels a target selects.
struct DataflowTarget {
  std::string target;                                               // a level name, or a role: outermost, array, pe, all
  std::optional<std::vector<std::string>> spatial_x, spatial_y;     // dimensions allowed on each axis
  std::optional<std::vector<std::string>> temporal_allowed;         // dimensions allowed in time
  std::vector<std::pair<std::string, long long>> temporal_factors;  // fixed factors
  std::vector<std::string> innermost;                               // innermost loops, innermost first
  std::vector<std::string> keep, bypass;
  core::SourceLoc loc;
};

struct Dataflow {
  std::string name, description;
  std::vector<DataflowTarget> targets;
  core::SourceLoc loc;
};

// Reads a constraints file (root key `constraints:`); throws InputError with every mistake.
Dataflow load_dataflow(const std::string& path);

// The preset file of a dataflow name (mappings/constraints/<name>.yaml), or the name itself
// when it is a path to a YAML file; empty when neither exists.
std::string dataflow_file(const std::string& name_or_path);

// Names of the shipped presets, for messages.
std::vector<std::string> dataflow_presets();

}  // namespace hwaware::mapping
