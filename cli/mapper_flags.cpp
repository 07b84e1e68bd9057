#include "cli/mapper_flags.h"

#include "core/diagnostics.h"
#include "core/text.h"

namespace hwaware::cli {

void add_mapper_flags(CLI::App* cmd, MapperFlags& flags) {
  const std::string group = "Mapper (digital arrays; PIM crossbars and systolic arrays place layers themselves)";
  cmd->add_option("--dataflow", flags.dataflow,
                  "Mapper: dataflow preset (row-stationary, weight-stationary, output-stationary, input-stationary) or a "
                  "constraints file; default: the one the accelerator names")
      ->group(group);
  cmd->add_option("--objective", flags.objective, "Mapper: energy, latency, edp, or an ordered list such as energy,latency")
      ->capture_default_str()
      ->group(group);
  cmd->add_option("--mapper-budget", flags.budget, "Mapper: mappings evaluated per distinct layer shape")
      ->capture_default_str()
      ->check(CLI::Range(1LL, kMaxMapperCount))
      ->group(group);
  cmd->add_option("--mapper-patience", flags.patience, "Mapper: stop after this many evaluations without improvement")
      ->capture_default_str()
      ->check(CLI::Range(1LL, kMaxMapperCount))
      ->group(group);
  cmd->add_option("--mapper-seed", flags.seed, "Mapper: random seed (same seed, same mappings)")->capture_default_str()->group(group);
  cmd->add_option("--mapper-threads", flags.threads, "Mapper: threads (0 = every core; the mappings do not depend on it)")
      ->capture_default_str()
      ->check(CLI::Range(0, kMaxMapperThreads))
      ->group(group);
}

std::vector<mapping::Objective> parse_objectives(const std::string& list) {
  std::string words = list;
  for (auto& c : words)
    if (c == ',') c = ' ';
  std::vector<mapping::Objective> objectives;
  for (const auto& name : core::split_words(words)) {
    auto obj = mapping::objective_from(name);
    if (!obj)
      throw core::InputError(core::SourceLoc{"--objective", 0, 0}, "--objective",
                             "expected energy, latency or edp (or a list such as energy,latency), found '" + name + "'");
    objectives.push_back(*obj);
  }
  if (objectives.empty()) throw core::InputError(core::SourceLoc{"--objective", 0, 0}, "--objective", "expected at least one objective");
  return objectives;
}

mapping::MapperOptions mapper_options(const MapperFlags& flags) {
  mapping::MapperOptions m;
  m.objectives = parse_objectives(flags.objective);
  m.max_evaluations = m.exhaustive_limit = flags.budget;
  m.patience = flags.patience;
  m.seed = flags.seed;
  m.threads = flags.threads;
  return m;
}

namespace {

// The ranges add_mapper_flags checks, checked again for callers that do not parse a command line
// (the Python module).
void check_range(const char* flag, long long value, long long low, long long high) {
  if (value < low || value > high)
    throw core::InputError(
        core::SourceLoc{flag, 0, 0}, flag,
        "expected a number in [" + std::to_string(low) + ", " + std::to_string(high) + "], found " + std::to_string(value));
}

}  // namespace

model::MapOptions map_options(const MapperFlags& flags, bool quiet) {
  check_range("--mapper-budget", flags.budget, 1, kMaxMapperCount);
  check_range("--mapper-patience", flags.patience, 1, kMaxMapperCount);
  check_range("--mapper-threads", flags.threads, 0, kMaxMapperThreads);
  model::MapOptions o;
  o.dataflow = flags.dataflow;
  o.mapper = mapper_options(flags);
  o.quiet = quiet;
  return o;
}

}  // namespace hwaware::cli
