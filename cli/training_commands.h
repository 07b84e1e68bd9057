#pragma once
// The commands that train, time layers with LibTorch or run under MPI live in a second executable,
// `hwaware-torch`, with every command of `hwaware`; `hwaware` hands these over to it (exec: same
// arguments, same process, so `mpirun hwaware explore` still works). What does not train therefore
// never loads LibTorch or MPI, and `hwaware eval` starts in milliseconds.

#include <string>
#include <string_view>
#include <vector>

namespace hwaware::cli {

struct CommandInfo {
  const char* name;
  const char* description;  // what `hwaware --help` lists
};

// train, adapt, prune, explore. (`lut --backend measured` is handed over too: see cli/main.cpp.)
const std::vector<CommandInfo>& training_commands();
const char* training_command_description(std::string_view name);

// The subcommand argv names: its first argument that is not an option (hwaware's own options take
// no value), or "" when there is none.
std::string subcommand_of(int argc, char** argv);

// Replaces this process by hwaware-torch with the same arguments. It is looked for beside this
// executable (the build tree), then in ../libexec/hwaware/ (an installation); HWAWARE_TORCH names
// it instead. Returns only when it cannot be run: the message says why, the status is 3 (a missing
// part of the installation, as a missing plotting interpreter).
int hand_over_to_training(char** argv);

}  // namespace hwaware::cli
