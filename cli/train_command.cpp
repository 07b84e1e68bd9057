#include "cli/train_command.h"

#include <fmt/format.h>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/training_commands.h"
#include "core/diagnostics.h"
#include "core/output_file.h"
#include "search/fashion_mnist.h"
#include "search/torch_trainer.h"
#include "workloads/workload_loader.h"

namespace hwaware::cli {

void add_training_options(CLI::App& cmd, search::TrainOptions& o, std::string& data) {
  cmd.add_option("--batch", o.batch, "Images per training step")->capture_default_str()->check(CLI::Range(1, 60000));
  cmd.add_option("--lr", o.learning_rate, "Learning rate at the start of each training (SGD, momentum 0.9, cosine decay)")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  cmd.add_option("--seed", o.seed, "Seed of initialization and shuffling: runs with the same seed are identical")->capture_default_str();
  cmd.add_option("--threads", o.threads, "LibTorch threads")->capture_default_str()->check(CLI::Range(1, 256));
  cmd.add_option("--data", data, "Fashion-MNIST directory (Debian's dataset-fashion-mnist)")->capture_default_str();
}

std::shared_ptr<TrainCommandOptions> add_train_command(CLI::App& app) {
  auto o = std::make_shared<TrainCommandOptions>();
  o->data = search::kFashionMnistDir;
  o->train.steps = 3000;
  auto* cmd = app.add_subcommand("train", training_command_description("train"));
  cmd->add_option("--workload", o->workload, "Network to train (hwaware's workload format)")->required();
  cmd->add_option("--out", o->out, "Weights file to write")->required();
  cmd->add_option("--steps", o->train.steps, "Training steps (minibatches)")->capture_default_str()->check(CLI::Range(1LL, 10000000LL));
  add_training_options(*cmd, o->train, o->data);
  return o;
}

int run_train(const TrainCommandOptions& o) {
  const auto net = workload::load_workload(o.workload);
  search::TorchModel model(net, o.train.seed);
  search::require_fashion_mnist_shape(net, model);
  const auto data = search::load_fashion_mnist(o.data);
  // The weights' directory is made, and checked writable, before training, not after it; the
  // weights file itself appears only once training is done, so a killed run leaves none to mistake
  // for trained weights.
  const auto dir = std::filesystem::path(o.out).parent_path();
  if (!dir.empty()) core::prepare_output_dir(dir.string());
  core::OutputFile{o.out, true};  // can be created (and is removed again, unpublished)
  const long long train_end = data.train.count - search::kHoldoutImages;
  search::TrainOptions t = o.train;
  t.progress = [&](long long step, double loss) {
    std::cerr << fmt::format("\rstep {} / {}, loss {:.4f}", step, t.steps, loss) << std::flush;
  };
  std::cerr << fmt::format("training {} on {} Fashion-MNIST images ({} held out)\n", net.name, train_end, search::kHoldoutImages);
  model.train(data.train, 0, train_end, t);
  std::cerr << "\n";
  const double holdout = model.accuracy(data.train, train_end, data.train.count);
  const double test = model.accuracy(data.test, 0, data.test.count);
  model.save(o.out);
  std::cout << fmt::format("{}: holdout accuracy {:.2f}%, test accuracy {:.2f}%; weights in {}\n", net.name, 100 * holdout, 100 * test,
                           o.out);
  return 0;
}

}  // namespace hwaware::cli
