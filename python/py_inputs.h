#pragma once
// What the Python module is given, made into what the libraries read: a path (str or os.PathLike)
// as it is; a dict written as YAML to a private temporary file and read by the same reader as any
// file, its errors then naming "<workload dict>" (with the key path) instead of that file; mapper
// options from a dict.

#include <pybind11/pybind11.h>

#include <string>

#include "models/accelerator.h"
#include "models/network_evaluation.h"
#include "workloads/layer.h"

namespace hwaware::python {

// A file to read for a Python argument: the path given, or a temporary file holding a dict
// (removed with this object).
class InputFile {
 public:
  InputFile(const pybind11::handle& input, const std::string& what);
  ~InputFile();
  InputFile(const InputFile&) = delete;
  InputFile& operator=(const InputFile&) = delete;

  const std::string& path() const { return path_; }
  // Runs `read(path())`; an InputError about the temporary file is rethrown about "<what dict>".
  template <class Read>
  auto read(Read read_file) const -> decltype(read_file(std::string())) {
    try {
      return read_file(path_);
    } catch (const core::InputError& e) {
      rethrow_renamed(e);
    }
  }

 private:
  [[noreturn]] void rethrow_renamed(const core::InputError& e) const;
  std::string path_, temp_dir_, display_;
};

model::Accelerator accelerator_from(const pybind11::handle& arch, const pybind11::handle& ert);
// `batch`: an ONNX model's batch (None: the file's), as the CLI's --batch.
workload::Network workload_from(const pybind11::handle& workload, const pybind11::handle& batch);

// {"dataflow", "objective", "budget", "patience", "seed", "threads"} (the CLI's mapper flags,
// cli/mapper_flags.h); None: eval's defaults, or those of the commands that search (`search`).
model::MapOptions map_options_from(const pybind11::handle& mapper, bool search);

}  // namespace hwaware::python
