#pragma once
// The fuzz targets: every loader and parser of hwaware's inputs, fed one input as a file's bytes.
// A target returns normally when the loader accepts the input or refuses it with core::InputError
// (a user's mistake, reported at its line); anything else that escapes it (another exception, an
// abort, a sanitizer report) is a crash. The same targets run under libFuzzer (scripts/fuzz, built
// by clang in build-fuzz/) and in the test suite, which replays the inputs that once crashed them
// (tests/fuzz/regressions/TARGET/).

#include <string>
#include <string_view>
#include <vector>

namespace hwaware::fuzz {

// Where a target's seed inputs are: files under a folder of the source tree whose names end so.
struct SeedFiles {
  const char* dir;
  const char* suffix;
  bool recursive = false;
};

struct FuzzTarget {
  const char* name;
  const char* what;  // the loader it feeds
  void (*run)(std::string_view input);
  std::vector<SeedFiles> seeds;  // the shipped examples of its format, and tests/fuzz/seeds/NAME/
};

const std::vector<FuzzTarget>& fuzz_targets();
// Throws std::invalid_argument naming the known targets.
const FuzzTarget& fuzz_target(std::string_view name);
// The seed files of `target` (paths in the source tree), sorted.
std::vector<std::string> seed_files(const FuzzTarget& target);
// Runs one input through `target`: returns normally for an accepted input (empty) or one refused
// as a user's mistake (its first message).
std::string run_input(const FuzzTarget& target, std::string_view input);

}  // namespace hwaware::fuzz
