// The `hwaware` executable: thin subcommands over the libraries.

#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/adapt_command.h"
#include "cli/eval_command.h"
#include "cli/explore_command.h"
#include "cli/lut_command.h"
#include "cli/prune_command.h"
#include "cli/sweep_command.h"
#include "cli/train_command.h"
#include "core/diagnostics.h"

int main(int argc, char** argv) {
  CLI::App app{"hwaware: energy and latency of DNN layers on described accelerators (digital arrays, PIM)"};
  app.set_version_flag("--version", std::string("hwaware ") + HWAWARE_VERSION);
  app.require_subcommand(1);
  auto eval = hwaware::cli::add_eval_command(app);
  auto sweep = hwaware::cli::add_sweep_command(app);
  auto lut = hwaware::cli::add_lut_command(app);
  auto train = hwaware::cli::add_train_command(app);
  auto adapt = hwaware::cli::add_adapt_command(app);
  auto prune = hwaware::cli::add_prune_command(app);
  auto explore = hwaware::cli::add_explore_command(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  try {
    if (app.got_subcommand("eval")) return hwaware::cli::run_eval(*eval);
    if (app.got_subcommand("sweep")) return hwaware::cli::run_sweep(*sweep);
    if (app.got_subcommand("lut")) return hwaware::cli::run_lut(lut);
    if (app.got_subcommand("train")) return hwaware::cli::run_train(*train);
    if (app.got_subcommand("adapt")) return hwaware::cli::run_adapt(*adapt);
    if (app.got_subcommand("prune")) return hwaware::cli::run_prune(*prune);
    if (app.got_subcommand("explore")) return hwaware::cli::run_explore(*explore);
  } catch (const hwaware::core::InputError& e) {
    for (const auto& d : e.diagnostics()) std::cerr << hwaware::core::format(d) << "\n";
    std::cerr << e.diagnostics().size() << (e.diagnostics().size() == 1 ? " error" : " errors") << "; nothing was written\n";
    return 2;
  }
  return 0;
}
