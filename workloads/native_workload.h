#pragma once
// hwaware's own workload format (see docs/formats.md): a network name and a list of layers
// (conv2d with stride/padding/dilation/groups, fc, pool, add), with batch and bits per tensor.

#include "core/yaml_reader.h"
#include "workloads/layer.h"

namespace hwaware::workload {

Network read_native_workload(const core::YamlView& workload);

}  // namespace hwaware::workload
