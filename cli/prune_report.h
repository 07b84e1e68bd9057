#pragma once
// What `hwaware prune` reports: per layer, its weight density, trials and holdout accuracy, and its
// energy before and after pruning, in total and by component (DRAM, buffers, scratchpads, MACs,
// networks), printed and written to layers.csv. Every figure comes from the oracle's answers the
// pruning itself used (PruneResult::metrics_before and metrics_after): the components of a layer
// sum to its total. Energies are in the accelerator's unit.

#include <map>
#include <ostream>
#include <string>

#include "models/accelerator.h"
#include "search/pruning.h"

namespace hwaware::cli {

void print_prune_table(std::ostream& os, const search::PruneResult& r, const model::EnergyUnit& unit);
// DIR/layers.csv (written whole, then renamed): one row per pruned layer and a total row.
void write_prune_csv(const std::string& dir, const search::PruneResult& r, const model::EnergyUnit& unit);

}  // namespace hwaware::cli
