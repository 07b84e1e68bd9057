#pragma once
// One output file written safely: to PATH.tmp, every write checked, flushed and closed, then renamed
// into place. A run that fails (a full disk, a file-size limit, a path it cannot write) or stops
// never leaves a truncated file under the real name, and the failure is an InputError naming the
// path (the CLI's exit status 2), never a silent status 0.

#include <fstream>
#include <string>

namespace hwaware::core {

class OutputFile {
 public:
  explicit OutputFile(std::string path, bool binary = false);  // opens PATH.tmp; throws InputError if it cannot
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;
  ~OutputFile();  // not published: the temporary is removed

  std::ostream& out() { return out_; }
  const std::string& path() const { return path_; }
  // Flushes and closes the temporary; throws InputError (removing it) if any write failed. Files
  // that appear together close first, then publish.
  void close();
  // close() if still open, then renames the temporary into place.
  void publish();

 private:
  [[noreturn]] void fail(const std::string& what);
  std::string path_, tmp_;
  std::ofstream out_;
  bool closed_ = false, published_ = false;
};

// Writes a whole file safely (OutputFile).
void write_output_file(const std::string& path, const std::string& content, bool binary = false);

// Creates an output directory (and its parents) and checks that a file can be written in it, so
// that a run finds an unusable --out before any work starts. Throws InputError naming `option`.
void prepare_output_dir(const std::string& dir, const std::string& option = "--out");
// The same check without creating anything, for a run that makes the directory only once it has
// results: the nearest existing ancestor must be a directory this process may write in.
void check_output_dir(const std::string& dir, const std::string& option = "--out");

}  // namespace hwaware::core
