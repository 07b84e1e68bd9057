#pragma once
// What `hwaware adapt` writes of a NetAdapt family: each member as a workload file beside its
// weights, and family.csv (iteration, narrowed group, accuracies, every resource, MACs, weights,
// per-layer widths), written whole at the end so a stopped run never leaves one behind.

#include <string>
#include <vector>

#include "search/cost_oracle.h"
#include "search/netadapt.h"

namespace hwaware::cli {

// DIR/member_<k>.yaml with a comment stating what the member is.
void write_member_workload(const std::string& dir, const search::FamilyMember& m, const workload::Network& net);
// DIR/<stem>.yaml (written whole, then renamed into place) opened by `comment`.
void write_family_workload(const std::string& dir, const std::string& stem, const std::string& comment, const workload::Network& net);

struct FamilyRow {
  std::string iteration, narrowed;  // "final" for the long-fine-tuned network
  long long width = 0;
  double holdout = 0, test = 0;  // holdout < 0: not measured (the final row)
  workload::Network net;
};

// Writes DIR/family.csv (through a temporary file, renamed when complete); each row's latency and
// energy come from `oracle` (the energy in a column named `energy_column`: energy_pj, energy_mace),
// its widths per MAC layer of the first row (empty for a layer it lacks).
void write_family_csv(const std::string& dir, const std::vector<FamilyRow>& rows, search::CostOracle& oracle,
                      const std::string& energy_column);

}  // namespace hwaware::cli
