#pragma once
// The mapper's options as every subcommand that maps takes them from the command line (`eval`,
// `sweep`, `lut`, `adapt`, `prune`, `explore`): the same names, help and errors everywhere.
// --dataflow and --objective are the mapper's alone; its numbers carry a `mapper-` prefix
// (--mapper-budget, --mapper-patience, --mapper-seed, --mapper-threads), as `adapt` has its own
// --budget and training its own --seed and --threads.

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "mappings/mapper.h"
#include "models/network_mapper.h"

namespace hwaware::cli {

constexpr long long kMaxMapperCount = 1000000000;  // --mapper-budget, --mapper-patience
constexpr int kMaxMapperThreads = 1024;

struct MapperFlags {
  std::string dataflow;           // preset name or constraints file; empty: the accelerator's own
  std::string objective = "edp";  // energy, latency, edp, or an ordered list "energy,latency"
  long long budget = 20000;       // mappings evaluated per distinct layer shape
  long long patience = 2000;      // stop after this many evaluations without improvement
  unsigned long long seed = 1;    // same seed, same mappings
  int threads = 0;                // 0: every core
};

// The defaults of the subcommands that ask about many layer shapes (`lut`, `adapt`, `prune`,
// `explore`): a quarter of eval's budget. On the shipped Fashion-MNIST networks on the Eyeriss-like
// preset it finds mappings of eval's latency and energy within 0.4% in about half the time per
// layer shape (docs/performance.md, "NetAdapt").
inline MapperFlags search_mapper_flags() {
  MapperFlags f;
  f.budget = 5000;
  f.patience = 1000;
  return f;
}

// Adds --dataflow, --objective, --mapper-budget, --mapper-patience, --mapper-seed and
// --mapper-threads, in an option group "Mapper" (digital arrays).
void add_mapper_flags(CLI::App* cmd, MapperFlags& flags);

// "energy,latency" -> {energy, latency}. Throws core::InputError (location "--objective") for an
// unknown name or an empty list.
std::vector<mapping::Objective> parse_objectives(const std::string& list);

// The mapper's options from the flags; map_options adds the dataflow and quiet (no progress), and
// checks the numbers' ranges (core::InputError at the flag).
mapping::MapperOptions mapper_options(const MapperFlags& flags);
model::MapOptions map_options(const MapperFlags& flags, bool quiet);

}  // namespace hwaware::cli
