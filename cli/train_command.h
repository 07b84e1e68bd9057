#pragma once
// `hwaware train`: trains a network of the workload format on Fashion-MNIST from scratch (the
// baseline NetAdapt starts from) and saves its weights.

#include <CLI/CLI.hpp>
#include <memory>
#include <string>

#include "search/torch_model.h"

namespace hwaware::cli {

struct TrainCommandOptions {
  std::string workload, out, data;
  search::TrainOptions train;
};

std::shared_ptr<TrainCommandOptions> add_train_command(CLI::App& app);
// Adds the training options shared by `train` and `adapt` (steps excepted) to a subcommand.
void add_training_options(CLI::App& cmd, search::TrainOptions& o, std::string& data);
int run_train(const TrainCommandOptions& o);

}  // namespace hwaware::cli
