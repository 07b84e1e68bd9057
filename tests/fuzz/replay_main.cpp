// Replays inputs through a fuzz target outside libFuzzer (the test suite's build):
//   fuzz_replay TARGET [PATH...]    the target's seeds, then each PATH: a file, or a folder of inputs
//                                   (a folder that does not exist holds none)
//   fuzz_replay --seeds TARGET      lists the target's seed files (scripts/fuzz copies them)
// Exits 0 when every input is accepted or refused as a user's mistake; a crash ends the process
// as it would under the fuzzer (an escaped exception, an abort, a sanitizer report).
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "core/text.h"
#include "fuzz/fuzz_targets.h"

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  if (argc < 2 || (std::string(argv[1]) == "--seeds" && argc != 3)) {
    std::cerr << "usage: fuzz_replay TARGET [PATH...] | fuzz_replay --seeds TARGET\ntargets:\n";
    for (const auto& t : hwaware::fuzz::fuzz_targets()) std::cerr << "  " << t.name << "  " << t.what << "\n";
    return 2;
  }
  if (std::string(argv[1]) == "--seeds") {
    for (const auto& s : hwaware::fuzz::seed_files(hwaware::fuzz::fuzz_target(argv[2]))) std::cout << s << "\n";
    return 0;
  }
  const auto& target = hwaware::fuzz::fuzz_target(argv[1]);
  std::vector<fs::path> inputs;
  for (const auto& s : hwaware::fuzz::seed_files(target)) inputs.emplace_back(s);
  for (int i = 2; i < argc; ++i) {
    if (!fs::exists(argv[i])) continue;
    if (!fs::is_directory(argv[i])) inputs.emplace_back(argv[i]);
    else
      for (const auto& e : fs::recursive_directory_iterator(argv[i]))
        if (e.is_regular_file()) inputs.push_back(e.path());
  }
  for (const auto& p : inputs) {
    std::cerr << target.name << ": " << p.string() << ": ";
    const auto refused = hwaware::fuzz::run_input(target, hwaware::core::read_file_bytes(p.string()));
    std::cerr << (refused.empty() ? "accepted" : "refused: " + refused) << "\n";
  }
  std::cout << target.name << ": " << inputs.size() << " inputs replayed, none crashed\n";
  return 0;
}
