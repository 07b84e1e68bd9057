#pragma once
// Loads a workload file: a `.csv` file is a SCALE-Sim topology; a YAML file's format is detected
// from its top-level key: `workload:` (hwaware: one layer or a list of layers) or `problem:` (a
// Timeloop problem, one layer).

#include <string>

#include "workloads/layer.h"

namespace hwaware::workload {

Network load_workload(const std::string& path);

}  // namespace hwaware::workload
