#pragma once
// Reads SCALE-Sim topology CSV files as workloads: the convolution form (`Layer name, IFMAP
// Height, IFMAP Width, Filter Height, Filter Width, Channels, Num Filter, Strides,`, optionally
// with separate stride height and width) and SCALE-Sim v2's GEMM form (`Layer, M, N, K,`).
// Conventions follow SCALE-Sim v2 (scalesim/topology_utils.py): the first line is a header, a
// trailing comma ends each row, no padding (ofmap = (ifmap - filter) / stride + 1), a layer whose
// name contains "DP" is depthwise (one filter group per channel), and a GEMM is M x K times K x N.

#include <string>

#include "workloads/layer.h"

namespace hwaware::workload {

// Parses `text` (the contents of `path`); every bad row is reported with path:line:field, all
// together, by throwing core::InputError.
Network read_scalesim_topology(const std::string& text, const std::string& path);

// Reads the file at `path` (throws core::InputError if it cannot be read or is not valid).
Network load_scalesim_topology(const std::string& path);

}  // namespace hwaware::workload
