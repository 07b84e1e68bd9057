// The `hwaware` executable: thin subcommands over the libraries. The commands that need LibTorch or
// MPI are handed over to hwaware-torch (cli/training_commands.h), so this one loads neither.

#include "cli/command_main.h"
#include "cli/training_commands.h"

int main(int argc, char** argv) {
  using namespace hwaware::cli;
  const std::string command = subcommand_of(argc, argv);
  for (const auto& c : training_commands())
    if (command == c.name) return hand_over_to_training(argv);
  auto app = make_app();
  auto shared = add_shared_commands(*app, [argv](const LutCommands&) { return hand_over_to_training(argv); });
  for (const auto& c : training_commands()) app->add_subcommand(c.name, c.description)->allow_extras();  // listed by --help
  return run_guarded(*app, argc, argv, [&] { return shared().value_or(0); });
}
