#pragma once
// Loads a workload file: a `.onnx` file is an ONNX model (workloads/onnx_import.h); a `.csv` file
// is a SCALE-Sim topology; a YAML file's format is detected
// from its top-level key: `workload:` (hwaware: one layer or a list of layers) or `problem:` (a
// Timeloop problem, one layer). A Timeloop document may hold its other sections too (architecture,
// mapping, ... as Timeloop's front end dumps them in one file): they are passed over by name.

#include <optional>
#include <string>

#include "workloads/layer.h"

namespace hwaware::core {
class YamlFile;
}

namespace hwaware::workload {

struct LoadOptions {
  // The batch of an ONNX model's input (`--batch`); other formats give theirs in the file, and
  // giving one for them is an error.
  std::optional<long long> batch;
};

Network load_workload(const std::string& path, const LoadOptions& options = {});

// A YAML workload document already read (hwaware's format or a Timeloop problem), as load_workload
// reads a YAML file: what `hwaware import onnx` reads its own output back with before writing it.
Network read_workload_document(const core::YamlFile& file);

}  // namespace hwaware::workload
