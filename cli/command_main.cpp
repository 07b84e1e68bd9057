#include "cli/command_main.h"

#include <csignal>
#include <filesystem>
#include <iostream>
#include <string>

#include "cli/eval_command.h"
#include "cli/import_command.h"
#include "cli/sweep_command.h"
#include "core/diagnostics.h"

namespace hwaware::cli {
namespace {
constexpr int kInputErrorStatus = 2;      // a mistake in the input or the command line: file:line:col
constexpr int kInternalErrorStatus = 70;  // anything else that escaped a command: a bug (EX_SOFTWARE)
}  // namespace

std::unique_ptr<CLI::App> make_app() {
  auto app =
      std::make_unique<CLI::App>("hwaware: energy and latency of DNN layers on described accelerators (digital arrays, PIM)", "hwaware");
  app->set_version_flag("--version", std::string("hwaware ") + HWAWARE_VERSION);
  app->require_subcommand(1);
  return app;
}

SharedCommands add_shared_commands(CLI::App& app, std::function<int(const LutCommands&)> lut_measured) {
  auto eval = add_eval_command(app);
  auto sweep = add_sweep_command(app);
  auto lut = add_lut_command(app);
  auto import = add_import_command(app);
  return [&app, eval, sweep, lut, import, lut_measured]() -> std::optional<int> {
    if (app.got_subcommand("eval")) return run_eval(*eval);
    if (app.got_subcommand("sweep")) return run_sweep(*sweep);
    if (app.got_subcommand("lut")) return lut.options->backend == "measured" ? lut_measured(lut) : run_lut(lut);
    if (app.got_subcommand("import")) return run_import(*import);
    return std::nullopt;
  };
}

int run_guarded(CLI::App& app, int argc, char** argv, const std::function<int()>& run) {
  // A write beyond the file-size limit (ulimit -f) fails with EFBIG and is reported, instead of
  // SIGXFSZ killing the run with a temporary file left behind.
  std::signal(SIGXFSZ, SIG_IGN);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : kInputErrorStatus;
  }
  try {
    return run();
  } catch (const core::InputError& e) {
    for (const auto& d : e.diagnostics()) std::cerr << core::format(d) << "\n";
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
}

}  // namespace hwaware::cli
