#pragma once
// The checkpoint of a NetAdapt run (V1 or V2): DIR/checkpoint.txt lists the family so far, one
// member per line, under the key of the run that wrote it; written whole, then renamed into place.

#include <string>
#include <vector>

#include "search/netadapt.h"

namespace hwaware::search {

void write_family_checkpoint(const std::string& dir, const std::string& run_key, const std::vector<FamilyMember>& family);
// The family in DIR's checkpoint (empty when there is none). Throws core::InputError for a file
// that is not a checkpoint, one of another run (naming both keys), or a damaged line.
std::vector<FamilyMember> read_family_checkpoint(const std::string& dir, const std::string& run_key);

}  // namespace hwaware::search
