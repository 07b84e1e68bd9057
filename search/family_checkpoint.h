#pragma once
// The checkpoint of a NetAdapt run (V1 or V2): DIR/checkpoint.txt lists the family so far, one
// member per line, under the key of the run that wrote it; written whole, then renamed into place.

#include <functional>
#include <string>
#include <vector>

#include "search/netadapt.h"

namespace hwaware::search {

void write_family_checkpoint(const std::string& dir, const std::string& run_key, const std::vector<FamilyMember>& family);
// The family in DIR's checkpoint (empty when there is none). Throws core::InputError for a file
// that is not a checkpoint, one of another run (naming both keys), or a damaged line.
std::vector<FamilyMember> read_family_checkpoint(const std::string& dir, const std::string& run_key);

// A member joins the family (V1 and V2 alike): its test accuracy measured (`test`), its weights
// saved to member_<k>.weights (`save`, with a checkpoint directory), the caller told (o.on_member),
// then the checkpoint naming it written, so a checkpoint never names missing weights.
void record_member(FamilyMember m, const workload::Network& net, const NetAdaptOptions& o, std::vector<FamilyMember>& family,
                   const std::function<double()>& test, const std::function<void(const std::string& path)>& save);

}  // namespace hwaware::search
