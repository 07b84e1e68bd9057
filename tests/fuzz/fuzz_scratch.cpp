#include "fuzz/fuzz_scratch.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace hwaware::fuzz {

namespace fs = std::filesystem;

namespace {

struct Scratch {
  fs::path dir;
  Scratch() {
    dir = fs::temp_directory_path() / ("hwaware-fuzz-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir / "a" / "b");
    // Space files name the accelerator and networks relative to themselves ("../../arch/presets/...").
    for (const char* folder : {"arch", "workloads", "search", "tests", "mappings"})
      for (const auto& at : {dir, dir / "a"}) fs::create_directory_symlink(fs::path(HWAWARE_SOURCE_DIR) / folder, at / folder);
  }
  ~Scratch() {
    std::error_code ignored;
    fs::remove_all(dir, ignored);
  }
};

}  // namespace

const std::string& scratch_dir() {
  static const Scratch scratch;
  static const std::string path = scratch.dir.string();
  return path;
}

std::string scratch_file(const std::string& name, std::string_view bytes) {
  const auto path = (fs::path(scratch_dir()) / "a" / "b" / name).string();
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) throw std::runtime_error("cannot write the fuzz input to " + path);
  return path;
}

std::string source_path(const std::string& relative) { return (fs::path(HWAWARE_SOURCE_DIR) / relative).string(); }

}  // namespace hwaware::fuzz
