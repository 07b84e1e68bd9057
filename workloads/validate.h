#pragma once
// One validation for every workload reader (hwaware's own format, Timeloop problems, SCALE-Sim
// topologies): each layer's sizes at least 1, its iteration points (MACs) and every tensor's size
// at most core::kMaxCount (computed with checked arithmetic), densities within [0, 1] and bits at
// least 1. Errors carry the layer's line.

#include "core/diagnostics.h"
#include "workloads/layer.h"

namespace hwaware::workload {

void validate(const Network& network, core::DiagnosticSink& sink);

}  // namespace hwaware::workload
