#pragma once
// Reads Timeloop problem files (v0.2/v0.3 with "data-spaces" and v0.4 with "data_spaces"):
// dimensions, coefficients, projections and the instance, with the densities of its tensors
// (`instance.densities`, Sparseloop's density models).

#include "core/yaml_reader.h"
#include "workloads/layer.h"

namespace hwaware::workload {

// `problem` is the view of the top-level "problem" key. Errors go to its sink.
Problem read_timeloop_problem(const core::YamlView& problem);

}  // namespace hwaware::workload
