#pragma once
// The cost oracle of an accelerator file as the search subcommands (`adapt`, `prune`, `explore`)
// build it: its analytical model or its SystemC models, mapped with the mapper flags, behind a
// per-layer lookup table kept in a file.

#include <memory>
#include <string>

#include "cli/mapper_flags.h"
#include "search/cost_oracle.h"

namespace hwaware::cli {

// `backend` is "analytical" or "systemc". Throws core::InputError for a bad accelerator file.
std::unique_ptr<search::CostOracle> accelerator_oracle(const std::string& arch_file, const std::string& backend, const MapperFlags& mapper,
                                                       const std::string& lut_file);

}  // namespace hwaware::cli
