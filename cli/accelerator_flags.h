#pragma once
// The accelerator as every subcommand takes it from the command line: --arch (hwaware YAML,
// Timeloop v0.2-v0.4 YAML or a SCALE-Sim .cfg) and --ert (an Accelergy energy table merged over its
// energies), with the same help everywhere; and the cost oracle the search subcommands (`lut`,
// `adapt`, `prune`) build from it: its analytical or SystemC models behind a per-layer lookup table
// kept in a file.

#include <CLI/CLI.hpp>
#include <memory>
#include <string>

#include "cli/mapper_flags.h"
#include "models/accelerator.h"
#include "search/cost_oracle.h"

namespace hwaware::cli {

struct AcceleratorFlags {
  std::string arch, ert;
};

// Adds --arch (required or not, `arch_note` appended to its help) and --ert.
void add_accelerator_flags(CLI::App* cmd, AcceleratorFlags& flags, bool required, const std::string& arch_note = "");

// Throws core::InputError at --arch or --ert when either is given with `mode` ("--oracle measured",
// "--backend measured": this machine's CPU timed, no accelerator).
void require_no_accelerator(const AcceleratorFlags& flags, const std::string& mode);

// The accelerator the flags name. Throws core::InputError for a mistake in either file.
model::Accelerator load_accelerator(const AcceleratorFlags& flags);

// `backend` is "analytical" or "systemc". Throws core::InputError for a bad accelerator file.
std::unique_ptr<search::CostOracle> accelerator_oracle(const model::Accelerator& accelerator, const std::string& backend,
                                                       const MapperFlags& mapper, const std::string& lut_file);

}  // namespace hwaware::cli
