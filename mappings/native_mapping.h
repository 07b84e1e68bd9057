#pragma once
// hwaware's own mapping format (see docs/formats.md): per level, temporal factors and order
// (outermost first), spatial factors split over X and Y, keep/bypass.

#include "arch/spec.h"
#include "core/yaml_reader.h"
#include "mappings/mapping.h"
#include "workloads/problem.h"

namespace hwaware::mapping {

Mapping read_native_mapping(const core::YamlView& mapping, const arch::Spec& spec, const workload::Problem& problem);

}  // namespace hwaware::mapping
