// The `hwaware-torch` executable: every command of `hwaware`, and those that train, time layers
// with LibTorch or run under MPI (cli/training_commands.h); `hwaware` hands these over to it.

#include "cli/adapt_command.h"
#include "cli/command_main.h"
#include "cli/explore_command.h"
#include "cli/prune_command.h"
#include "cli/train_command.h"

int main(int argc, char** argv) {
  using namespace hwaware::cli;
  auto app = make_app();
  auto shared = add_shared_commands(*app, run_lut_measured);
  auto train = add_train_command(*app);
  auto adapt = add_adapt_command(*app);
  auto prune = add_prune_command(*app);
  auto explore = add_explore_command(*app);
  return run_guarded(*app, argc, argv, [&] {
    if (auto status = shared()) return *status;
    if (app->got_subcommand("train")) return run_train(*train);
    if (app->got_subcommand("adapt")) return run_adapt(*adapt);
    if (app->got_subcommand("prune")) return run_prune(*prune);
    if (app->got_subcommand("explore")) return run_explore(*explore);
    return 0;
  });
}
