// The `hwaware` executable: thin subcommands over the libraries.

#include <CLI/CLI.hpp>
#include <csignal>
#include <filesystem>
#include <iostream>

#include "cli/adapt_command.h"
#include "cli/eval_command.h"
#include "cli/explore_command.h"
#include "cli/import_command.h"
#include "cli/lut_command.h"
#include "cli/prune_command.h"
#include "cli/sweep_command.h"
#include "cli/train_command.h"
#include "core/diagnostics.h"

namespace {
constexpr int kInputErrorStatus = 2;      // a mistake in the input or the command line: file:line:col
constexpr int kInternalErrorStatus = 70;  // anything else that escaped a command: a bug (EX_SOFTWARE)
}  // namespace

int main(int argc, char** argv) {
  // A write beyond the file-size limit (ulimit -f) fails with EFBIG and is reported, instead of
  // SIGXFSZ killing the run with a temporary file left behind.
  std::signal(SIGXFSZ, SIG_IGN);
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
  auto import = hwaware::cli::add_import_command(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : kInputErrorStatus;
  }
  try {
    if (app.got_subcommand("eval")) return hwaware::cli::run_eval(*eval);
    if (app.got_subcommand("sweep")) return hwaware::cli::run_sweep(*sweep);
    if (app.got_subcommand("lut")) return hwaware::cli::run_lut(lut);
    if (app.got_subcommand("train")) return hwaware::cli::run_train(*train);
    if (app.got_subcommand("adapt")) return hwaware::cli::run_adapt(*adapt);
    if (app.got_subcommand("prune")) return hwaware::cli::run_prune(*prune);
    if (app.got_subcommand("explore")) return hwaware::cli::run_explore(*explore);
    if (app.got_subcommand("import")) return hwaware::cli::run_import(*import);
  } catch (const hwaware::core::InputError& e) {
    for (const auto& d : e.diagnostics()) std::cerr << hwaware::core::format(d) << "\n";
    std::cerr << e.diagnostics().size() << (e.diagnostics().size() == 1 ? " error" : " errors") << "; nothing was written\n";
    return kInputErrorStatus;
  } catch (const std::filesystem::filesystem_error& e) {
    // A path the run cannot create, read or write: the user's to fix, like an input mistake.
    std::cerr << (e.path1().empty() ? std::string("<output>") : e.path1().string()) << ": error: " << e.code().message()
              << "\n1 error; nothing was written\n";
    return kInputErrorStatus;
  } catch (const std::exception& e) {
    std::cerr << "hwaware: internal error (a bug, please report it with the command that caused it): " << e.what() << "\n";
    return kInternalErrorStatus;
  } catch (...) {
    std::cerr << "hwaware: internal error (a bug, please report it with the command that caused it): an unknown exception\n";
    return kInternalErrorStatus;
  }
  return 0;
}
