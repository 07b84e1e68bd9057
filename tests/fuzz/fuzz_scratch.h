#pragma once
// Where a fuzz target writes the input it hands to a loader: a private directory made once per
// process under the system's temporary directory, removed at exit. Loaders read files (their
// paths name the format and anchor relative paths), so the input is fed as one; the directory
// links the source tree's data folders so that a space file's relative paths find them.

#include <string>
#include <string_view>

namespace hwaware::fuzz {

// The scratch directory: DIR/, with DIR/{arch,workloads,search,tests} and DIR/a/{...} linking the
// source tree's folders of the same names.
const std::string& scratch_dir();
// Writes `bytes` to DIR/a/b/NAME and returns its path.
std::string scratch_file(const std::string& name, std::string_view bytes);
// The source tree (HWAWARE_SOURCE_DIR), for the fixed descriptions some targets load.
std::string source_path(const std::string& relative);

}  // namespace hwaware::fuzz
