#pragma once
// What `hwaware prune` reports: per layer, its weight density, trials and holdout accuracy, and its
// energy before and after pruning, in total and by component (DRAM, buffers, scratchpads, MACs,
// networks), printed and written to layers.csv.

#include <map>
#include <ostream>
#include <string>

#include "arch/spec.h"
#include "mappings/mapper.h"
#include "search/pruning.h"

namespace hwaware::cli {

// Per layer, per component: energy in pJ of `net` on `spec`, mapped as the analytical oracle maps.
using ComponentEnergy = std::map<std::string, std::map<std::string, double>>;
ComponentEnergy component_energy(const arch::Spec& spec, const workload::Network& net, const mapping::MapperOptions& mapper);

void print_prune_table(std::ostream& os, const search::PruneResult& r, const ComponentEnergy& before, const ComponentEnergy& after);
// DIR/layers.csv (written whole, then renamed): one row per pruned layer and a total row.
void write_prune_csv(const std::string& dir, const search::PruneResult& r, const ComponentEnergy& before, const ComponentEnergy& after);

}  // namespace hwaware::cli
