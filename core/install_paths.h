#pragma once
// Where hwaware's own files are, found at run time, never compiled in: the data directory
// (`share/hwaware`: dataflow constraints, plotting scripts, presets, networks) is looked for beside
// the executable or library that holds this code, in the build tree as in an installation, and
// HWAWARE_DATA_DIR names it instead.

#include <filesystem>

namespace hwaware::core {

// This process's executable (/proc/self/exe).
std::filesystem::path executable_path();

// The file holding hwaware's code in this process: the executable, or the shared library that
// links hwaware (the Python module).
std::filesystem::path module_path();

// HWAWARE_DATA_DIR when set; else the first `share/hwaware` holding `constraints/` in the module's
// directory or one of its four parents (bin/, libexec/hwaware/, lib/python3/dist-packages/hwaware/, the
// build tree's cli/ and tests/). Throws InputError (at "HWAWARE_DATA_DIR") when there is none.
const std::filesystem::path& data_dir();

}  // namespace hwaware::core
