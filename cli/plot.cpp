#include "cli/plot.h"

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>

#include "core/install_paths.h"

namespace hwaware::cli {
namespace {

namespace fs = std::filesystem;

// The script's own exit status when matplotlib cannot be imported (see scripts/plot_breakdown.py).
constexpr int kScriptMissingMatplotlib = 3;

const char* kInstallHint = "install Debian's python3-matplotlib (sudo apt-get install python3-matplotlib; scripts/setup does it)";

// Runs argv[0] (searched in PATH) and returns its exit status, or -errno when it cannot start.
int run(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid = 0;
  int err = posix_spawnp(&pid, argv[0], nullptr, nullptr, argv.data(), environ);
  if (err != 0) return -err;
  int status = 0;
  if (waitpid(pid, &status, 0) < 0) return -errno;
  if (WIFEXITED(status)) {
    int code = WEXITSTATUS(status);
    return code == 127 ? -ENOENT : code;  // 127: the child could not exec the interpreter
  }
  return 1;
}

// A fresh private directory under the system's temporary directory.
std::string make_temp_dir() {
  std::string pattern = (fs::temp_directory_path() / "hwaware-plot-XXXXXX").string();
  if (!mkdtemp(pattern.data())) return {};
  return pattern;
}

// $HWAWARE_PYTHON when set; else Debian's /usr/bin/python3 (where python3-matplotlib installs,
// ahead of a pyenv or virtualenv python3 earlier in PATH); else python3 from PATH.
std::string interpreter() {
  const char* env = std::getenv("HWAWARE_PYTHON");
  if (env && *env) return env;
  if (::access("/usr/bin/python3", X_OK) == 0) return "/usr/bin/python3";
  return "python3";
}

int draw(const std::string& python, const std::string& dir, const std::string& png) {
  return run_plot_script("plot_breakdown.py",
                         {"--breakdown", (fs::path(dir) / "breakdown.csv").string(), "--stats", (fs::path(dir) / "stats.json").string()},
                         png, python);
}

}  // namespace

int run_plot_script(const std::string& name, const std::vector<std::string>& args, const std::string& png,
                    const std::string& python_override) {
  const std::string python = python_override.empty() ? interpreter() : python_override;
  const fs::path script = core::data_dir() / "scripts" / name;
  if (!fs::exists(script)) {
    std::cerr << "hwaware: --plot: the plotting script " << script.string() << " is missing\n";
    return kMissingToolStatus;
  }
  std::error_code ec;
  if (fs::path(png).has_parent_path()) fs::create_directories(fs::path(png).parent_path(), ec);
  std::vector<std::string> argv = {python, script.string()};
  argv.insert(argv.end(), args.begin(), args.end());
  argv.insert(argv.end(), {"--out", png});
  int rc = run(argv);
  if (rc == -ENOENT) {
    std::cerr << "hwaware: --plot needs " << python << ", which was not found; " << kInstallHint << "\n";
    return kMissingToolStatus;
  }
  if (rc < 0) {
    std::cerr << "hwaware: --plot: cannot start " << python << ": " << std::strerror(-rc) << "\n";
    return kMissingToolStatus;
  }
  if (rc == kScriptMissingMatplotlib) {
    std::cerr << "hwaware: --plot needs matplotlib for " << python << "; " << kInstallHint << "\n";
    return kMissingToolStatus;
  }
  if (rc != 0) {
    std::cerr << "hwaware: --plot: " << script.filename().string() << " failed (exit status " << rc << ")\n";
    return 1;
  }
  std::cout << "plot: " << png << "\n";
  return 0;
}

int plot_breakdown(const EvalOptions& o, const model::Accelerator& accelerator, const workload::Network& net,
                   const model::NetworkEvaluation& evaluation) {
  const std::string python = interpreter();
  if (!o.out.empty()) return draw(python, o.out, o.plot);
  std::string tmp = make_temp_dir();
  if (tmp.empty()) {
    std::cerr << "hwaware: --plot: cannot create a temporary directory: " << std::strerror(errno) << "\n";
    return 1;
  }
  write_outputs(tmp, accelerator, net, evaluation, o);
  int rc = draw(python, tmp, o.plot);
  std::error_code ec;
  fs::remove_all(tmp, ec);
  return rc;
}

}  // namespace hwaware::cli
