#pragma once
// Loads a workload file: a `.csv` file is a SCALE-Sim topology; a YAML file's format is detected
// from its top-level key: `workload:` (hwaware: one layer or a list of layers) or `problem:` (a
// Timeloop problem, one layer). A Timeloop document may hold its other sections too (architecture,
// mapping, ... as Timeloop's front end dumps them in one file): they are passed over by name.

#include <string>

#include "workloads/layer.h"

namespace hwaware::workload {

Network load_workload(const std::string& path);

}  // namespace hwaware::workload
