#include "core/output_file.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

#include <unistd.h>

#include "core/diagnostics.h"

namespace hwaware::core {

OutputFile::OutputFile(std::string path, bool binary) : path_(std::move(path)), tmp_(path_ + ".tmp") {
  errno = 0;
  out_.open(tmp_, binary ? std::ios::out | std::ios::binary : std::ios::out);
  if (!out_) fail("cannot create the file");
}

OutputFile::~OutputFile() {
  if (published_) return;
  if (out_.is_open()) out_.close();
  std::error_code ec;
  std::filesystem::remove(tmp_, ec);
}

void OutputFile::fail(const std::string& what) {
  const std::string reason = errno ? std::string(": ") + std::strerror(errno) : std::string();
  if (out_.is_open()) out_.close();
  std::error_code ec;
  std::filesystem::remove(tmp_, ec);
  closed_ = true;
  throw InputError(SourceLoc{path_, 0, 0}, "", what + reason);
}

void OutputFile::close() {
  if (closed_) return;
  errno = 0;
  out_.flush();
  if (!out_) fail("cannot write the file");
  out_.close();
  if (out_.fail()) fail("cannot write the file (closing it failed)");
  closed_ = true;
}

void OutputFile::publish() {
  close();
  std::error_code ec;
  std::filesystem::rename(tmp_, path_, ec);
  if (ec) {
    std::filesystem::remove(tmp_, ec);
    throw InputError(SourceLoc{path_, 0, 0}, "", "cannot put the file in place: " + ec.message());
  }
  published_ = true;
}

void write_output_file(const std::string& path, const std::string& content, bool binary) {
  OutputFile f(path, binary);
  f.out() << content;
  f.publish();
}

void prepare_output_dir(const std::string& dir, const std::string& option) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) throw InputError(SourceLoc{dir, 0, 0}, option, "cannot create the output directory: " + ec.message());
  if (!fs::is_directory(dir, ec)) throw InputError(SourceLoc{dir, 0, 0}, option, "expected an output directory, found a file in the way");
  const fs::path probe = fs::path(dir) / ".hwaware-write-probe";
  {
    std::ofstream p(probe);
    if (!p) throw InputError(SourceLoc{dir, 0, 0}, option, "cannot write in the output directory: " + std::string(std::strerror(errno)));
  }
  fs::remove(probe, ec);
}

void check_output_dir(const std::string& dir, const std::string& option) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path p = fs::absolute(dir, ec).lexically_normal();
  while (!p.empty() && !fs::exists(p, ec) && p != p.parent_path()) p = p.parent_path();
  if (!fs::is_directory(p, ec))
    throw InputError(SourceLoc{dir, 0, 0}, option, "expected an output directory, found a file in the way ('" + p.string() + "')");
  if (::access(p.c_str(), W_OK) != 0)
    throw InputError(SourceLoc{dir, 0, 0}, option, "cannot write in '" + p.string() + "': " + std::strerror(errno));
}

}  // namespace hwaware::core
