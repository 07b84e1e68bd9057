#include "cli/training_commands.h"

#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>

#include "core/diagnostics.h"
#include "core/install_paths.h"

namespace hwaware::cli {
namespace fs = std::filesystem;

namespace {
constexpr int kMissingPartStatus = 3;
constexpr const char* kTrainingExecutable = "hwaware-torch";
}  // namespace

const std::vector<CommandInfo>& training_commands() {
  static const std::vector<CommandInfo> commands{
      {"train", "Train a network on Fashion-MNIST from scratch and save its weights"},
      {"adapt", "NetAdapt: shrink a trained network until it meets resource budgets on the accelerator"},
      {"prune", "Energy-aware pruning: prune a trained network layer by layer, highest energy first, on the accelerator"},
      {"explore", "Co-explore hardware and network shape: every hardware point of a space with every network"},
  };
  return commands;
}

const char* training_command_description(std::string_view name) {
  for (const auto& c : training_commands())
    if (name == c.name) return c.description;
  core::panic("no training command named " + std::string(name));
}

std::string subcommand_of(int argc, char** argv) {
  for (int i = 1; i < argc; ++i)
    if (argv[i][0] != '-') return argv[i];
  return "";
}

int hand_over_to_training(char** argv) {
  fs::path exe;
  if (const char* env = std::getenv("HWAWARE_TORCH"); env && *env) {
    exe = env;
  } else {
    const fs::path dir = core::executable_path().parent_path();
    exe = dir / kTrainingExecutable;
    if (!fs::exists(exe)) exe = dir / ".." / "libexec" / "hwaware" / kTrainingExecutable;
  }
  execv(exe.c_str(), argv);
  const int error = errno;
  std::cerr << "hwaware: this command needs LibTorch, in " << exe.lexically_normal().string() << ", which cannot be run ("
            << std::strerror(error) << "); set HWAWARE_TORCH to hwaware-torch, or reinstall hwaware\n";
  return kMissingPartStatus;
}

}  // namespace hwaware::cli
