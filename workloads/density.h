#pragma once
// How the non-zeros of a sparse tensor are spread: the density distributions of Sparseloop
// (Timeloop's sparse extension, Wu et al., MICRO 2022; NVlabs/timeloop
// src/workload/density-models/density-distribution-factory.cpp). A problem's tensors carry one
// (workload::DataSpace); the models build its occupancy model from it (models/density_model.h).
// It lives here, not in models/, because the readers that name it are here and workloads may not
// depend on models: the reader checks the name at its line and the models get a typed value.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hwaware::workload {

// Sparseloop's random ("uniform") sparsity is the hypergeometric one; its `banded` model is not
// reproduced (its answer depends on where a 2-D tile lies in a square matrix).
enum class DensityDistribution { fixed_structured, hypergeometric };

// The distribution a Sparseloop `distribution:` name means: "fixed", "fixed-structured" and
// "fixed_structured" (both spellings occur across Timeloop versions), "hypergeometric".
std::optional<DensityDistribution> density_distribution_named(std::string_view name);

// "fixed_structured", "hypergeometric".
std::string to_string(DensityDistribution d);

// The names density_distribution_named() takes, for messages and hints.
const std::vector<std::string>& density_distribution_names();

}  // namespace hwaware::workload
