#pragma once
// Writes a Network back as hwaware's own workload YAML (the format native_workload.cpp reads, see
// docs/formats.md), one flow-style line per layer as in workloads/networks/: what NetAdapt uses to
// hand each narrowed network back to `hwaware eval --workload`.

#include <ostream>
#include <string>

#include "workloads/layer.h"

namespace hwaware::workload {

// Writes `net` as a `workload:` document; `comment` (one or more lines) opens it as `# ...` lines.
// Reading the result back gives the same layers: names, types, ops, inputs, problems and windows.
// Throws std::invalid_argument naming the first layer the format cannot express: imported layers
// (Timeloop problems, SCALE-Sim layers: no known window), types other than conv2d/fc/pool/add, a
// problem that is not what its layer's parameters give, or a later layer reading the network's input.
void write_workload(std::ostream& out, const Network& net, const std::string& comment = {});

// The same document as a string.
std::string workload_yaml(const Network& net, const std::string& comment = {});

}  // namespace hwaware::workload
