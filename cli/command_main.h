#pragma once
// What both executables, `hwaware` and `hwaware-torch` (cli/training_commands.h), do around a
// command: the application itself, the commands they share, and what escapes a command turned into
// its exit status (2 and a compiler-style message for the user's mistakes, 70 for our bugs).

#include <CLI/CLI.hpp>
#include <functional>
#include <memory>
#include <optional>

#include "cli/lut_command.h"

namespace hwaware::cli {

std::unique_ptr<CLI::App> make_app();

// Runs the command parsed, when it is one of the shared ones; nullopt otherwise.
using SharedCommands = std::function<std::optional<int>()>;

// Adds eval, sweep, lut and import. `lut --backend measured` needs LibTorch: it runs `lut_measured`.
SharedCommands add_shared_commands(CLI::App& app, std::function<int(const LutCommands&)> lut_measured);

// Parses argv and runs `run`; returns the process's exit status.
int run_guarded(CLI::App& app, int argc, char** argv, const std::function<int()>& run);

}  // namespace hwaware::cli
