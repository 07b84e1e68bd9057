#include "core/install_paths.h"

#include <dlfcn.h>

#include <cstdlib>
#include <string>

#include "core/diagnostics.h"

namespace hwaware::core {
namespace fs = std::filesystem;

namespace {
constexpr int kParentsSearched = 4;

bool holds_data(const fs::path& dir) {
  std::error_code ec;
  return fs::is_directory(dir / "constraints", ec);
}

fs::path find_data_dir() {
  if (const char* env = std::getenv("HWAWARE_DATA_DIR"); env && *env) {
    if (!holds_data(env))
      throw InputError(SourceLoc{"HWAWARE_DATA_DIR", 0, 0}, "HWAWARE_DATA_DIR",
                       std::string("expected hwaware's data directory (with constraints/ in it), found ") + env);
    return env;
  }
  const fs::path module = module_path();
  fs::path dir = module.parent_path();
  for (int up = 0; up <= kParentsSearched; ++up, dir = dir.parent_path())
    if (holds_data(dir / "share" / "hwaware")) return (dir / "share" / "hwaware").lexically_normal();
  throw InputError(SourceLoc{"HWAWARE_DATA_DIR", 0, 0}, "HWAWARE_DATA_DIR",
                   "expected hwaware's data (share/hwaware/constraints) near " + module.string() +
                       ", found none: set HWAWARE_DATA_DIR to the share/hwaware directory of an installation");
}
}  // namespace

fs::path executable_path() {
  std::error_code ec;
  auto p = fs::read_symlink("/proc/self/exe", ec);
  if (ec) panic("cannot read /proc/self/exe: " + ec.message());
  return p;
}

fs::path module_path() {
  // dladdr names the shared object that holds this function; for the executable itself it gives
  // argv[0] (possibly relative), so the executable is read from /proc/self/exe instead.
  Dl_info info{};
  if (dladdr(reinterpret_cast<void*>(&module_path), &info) != 0 && info.dli_fname != nullptr) {
    const fs::path p = info.dli_fname;
    if (p.is_absolute() && p.filename().string().find(".so") != std::string::npos) return p;
  }
  return executable_path();
}

const fs::path& data_dir() {
  static const fs::path dir = find_data_dir();
  return dir;
}

}  // namespace hwaware::core
