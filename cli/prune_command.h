#pragma once
// `hwaware prune`: energy-aware pruning of a trained network on an accelerator (or its filter-based
// or magnitude baselines): writes the pruned network with its weight densities, its weights, and a
// per-layer report of density, accuracy and energy before and after, by level.

#include <CLI/CLI.hpp>
#include <memory>
#include <string>

#include "cli/accelerator_flags.h"
#include "cli/mapper_flags.h"
#include "search/pruning.h"
#include "search/torch_model.h"

namespace hwaware::cli {

struct PruneCommandOptions {
  AcceleratorFlags accelerator;  // --arch, --ert
  std::string workload, weights, out, data, lut;
  std::string tolerance = "1%";       // holdout accuracy drop allowed: "1%" or 0.01
  std::string method = "eap";         // eap, magnitude (no feature-map selection, no refit) or filter
  std::string oracle = "analytical";  // or systemc
  search::PruneOptions prune;
  search::TrainOptions train;
  MapperFlags mapper = search_mapper_flags();
};

std::shared_ptr<PruneCommandOptions> add_prune_command(CLI::App& app);
int run_prune(const PruneCommandOptions& options);

// "1%" or "0.01" -> 0.01. Throws core::InputError (location "--tolerance") unless it is in (0, 1).
double parse_tolerance(const std::string& text);

}  // namespace hwaware::cli
