#pragma once
// The mapper's options as subcommands take them from the command line (`eval`, `lut`, `adapt`):
// the same flags and errors; eval's defaults (the edp objective, 20,000 evaluations, patience 2,000).

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "mappings/mapper.h"

namespace hwaware::cli {

struct MapperFlags {
  std::string objective = "edp";  // energy, latency, edp, or an ordered list "energy,latency"
  long long budget = 20000;       // mappings evaluated per distinct layer shape
  long long patience = 2000;      // stop after this many evaluations without improvement
};

// The defaults of the subcommands that ask about many layer shapes (`lut`, `adapt`): a quarter of
// eval's budget. On the shipped Fashion-MNIST networks on the Eyeriss-like preset it finds mappings
// of eval's latency and energy within 0.4% in about half the time per layer shape
// (docs/performance.md, "NetAdapt").
inline MapperFlags search_mapper_flags() { return MapperFlags{"edp", 5000, 1000}; }

// Adds --objective, `budget_flag` (--budget, or --mapper-budget where --budget means something else)
// and --patience.
void add_mapper_flags(CLI::App* cmd, MapperFlags& flags, const std::string& budget_flag = "--budget");

// "energy,latency" -> {energy, latency}. Throws core::InputError (location "--objective") for an
// unknown name or an empty list.
std::vector<mapping::Objective> parse_objectives(const std::string& list);

// The mapper's options from the flags (seed and threads left at their defaults).
mapping::MapperOptions mapper_options(const MapperFlags& flags);

}  // namespace hwaware::cli
