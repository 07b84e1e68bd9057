#pragma once
// `hwaware adapt`: NetAdapt (search/netadapt.h) on a trained network, against the cost oracle of a
// described accelerator, with fine-tuning on Fashion-MNIST. Writes the family (each member's
// workload file and weights, family.csv) and checkpoints after every iteration: the same command
// after a kill continues where it stopped.

#include <CLI/CLI.hpp>
#include <memory>
#include <string>
#include <vector>

#include "cli/accelerator_flags.h"
#include "cli/mapper_flags.h"
#include "search/netadapt.h"
#include "search/torch_model.h"

namespace hwaware::cli {

struct AdaptOptions {
  AcceleratorFlags accelerator;  // --arch, --ert (not with --oracle measured)
  std::string workload, weights, out, data, oracle = "analytical", lut;
  std::vector<std::string> budgets;  // RESOURCE=PERCENT%
  std::string choose = "accuracy";   // or accuracy-per-resource
  search::NetAdaptOptions netadapt;
  search::TrainOptions train;
  MapperFlags mapper = search_mapper_flags();
};

std::shared_ptr<AdaptOptions> add_adapt_command(CLI::App& app);
int run_adapt(const AdaptOptions& o);

// "latency=50%" -> {latency, 0.5}. Throws core::InputError (location "--budget") otherwise.
search::Budget parse_budget(const std::string& text);

}  // namespace hwaware::cli
