#pragma once
// `hwaware eval --backend systemc`: after the analytical model, every layer runs on the SystemC
// models of the accelerator (sim/), and its report gains the simulated cycles, the stalls and
// the energy the same energy table gives the simulated counts.

#include <vector>

#include "arch/spec.h"
#include "cli/report.h"
#include "mappings/mapping.h"
#include "models/energy_table.h"
#include "workloads/layer.h"

namespace hwaware::cli {

// Throws core::InputError when the accelerator cannot be simulated (no on-chip level).
void simulate_layers(const arch::Spec& spec, const workload::Network& network, const std::vector<mapping::Mapping>& mappings,
                     const model::EnergyTable& table, std::vector<LayerReport>& layers);

}  // namespace hwaware::cli
