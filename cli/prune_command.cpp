#include "cli/prune_command.h"

#include <fmt/format.h>
#include <chrono>
#include <filesystem>
#include <iostream>

#include "cli/accelerator_flags.h"
#include "cli/family_files.h"
#include "cli/prune_report.h"
#include "cli/train_command.h"
#include "cli/training_commands.h"
#include "core/diagnostics.h"
#include "core/output_file.h"
#include "core/text.h"
#include "core/units.h"
#include "search/energy_aware_pruning.h"
#include "search/fashion_mnist.h"
#include "search/filter_pruning.h"
#include "search/timed_oracle.h"
#include "search/torch_pruning_trainer.h"
#include "search/torch_trainer.h"
#include "workloads/workload_loader.h"

namespace hwaware::cli {

double parse_tolerance(const std::string& text) {
  const bool percent = !text.empty() && text.back() == '%';
  const auto x = core::parse_number(percent ? text.substr(0, text.size() - 1) : text);
  const double t = x ? (percent ? *x / 100 : *x) : -1;
  if (!x || !(t > 0 && t < 1))
    throw core::InputError(core::SourceLoc{"--tolerance", 0, 0}, "--tolerance",
                           "expected the holdout accuracy drop allowed, a percentage in (0%, 100%) such as 1% or a fraction in (0, 1) such "
                           "as 0.01, found '" +
                               text + "'");
  return t;
}

std::shared_ptr<PruneCommandOptions> add_prune_command(CLI::App& app) {
  auto o = std::make_shared<PruneCommandOptions>();
  o->data = search::kFashionMnistDir;
  // Pruning fine-tunes a trained network: a tenth of training's rate, so that a fine-tune does not
  // throw away the accuracy the tolerance is measured against.
  o->train.learning_rate = 0.002;
  auto* cmd = app.add_subcommand("prune", training_command_description("prune"));
  add_accelerator_flags(cmd, o->accelerator, true, "; its cost oracle sees weight density (compression, zero gating or skipping)");
  cmd->add_option("--workload", o->workload, "Network to prune (hwaware's workload format)")->required();
  cmd->add_option("--weights", o->weights, "Its trained weights (hwaware train)")->required();
  cmd->add_option("--out", o->out, "Directory of the pruned network (pruned.yaml, pruned.weights) and its report (layers.csv)")->required();
  cmd->add_option("--tolerance", o->tolerance, "Holdout accuracy a layer's pruning may lose against the starting network: 1% or 0.01")
      ->capture_default_str();
  cmd->add_option("--method", o->method,
                  "eap: weights kept by output feature map, least-squares refit; magnitude: largest weights kept, no refit; filter: "
                  "whole filters of smallest L2 norm removed (the network narrows)")
      ->capture_default_str()
      ->check(CLI::IsMember({"eap", "magnitude", "filter"}));
  cmd->add_option("--oracle", o->oracle, "Cost oracle: the accelerator's analytical model or SystemC models")
      ->capture_default_str()
      ->check(CLI::IsMember({"analytical", "systemc"}));
  cmd->add_option("--lut", o->lut, "Per-layer lookup table of the oracle's answers (default: OUT/lut.txt)");
  cmd->add_option("--step", o->prune.step, "Each trial removes this fraction of the layer's weights (filters)")->capture_default_str();
  cmd->add_option("--min-density", o->prune.min_density, "No layer keeps less than this fraction")->capture_default_str();
  cmd->add_option("--short-steps", o->prune.short_steps, "Global fine-tuning steps after each trial")
      ->capture_default_str()
      ->check(CLI::Range(0LL, 1000000LL));
  cmd->add_option("--long-steps", o->prune.long_steps, "Fine-tuning steps of the pruned network")
      ->capture_default_str()
      ->check(CLI::Range(0LL, 10000000LL));
  cmd->add_option("--max-swaps", o->prune.max_swaps, "Feature-map selection: restore/remove pairs per trial")
      ->capture_default_str()
      ->check(CLI::Range(0LL, 100000000LL));
  add_mapper_flags(cmd, o->mapper);
  add_training_options(*cmd, o->train, o->data);
  return o;
}

int run_prune(const PruneCommandOptions& o) {
  const auto wall_start = std::chrono::steady_clock::now();
  search::PruneOptions p = o.prune;
  p.tolerance = parse_tolerance(o.tolerance);
  search::check_prune_options(p);
  core::check_output_dir(o.out);  // before any file is read or anything trained
  p.progress = [](const std::string& line) { std::cerr << line << "\n"; };
  const auto net = workload::load_workload(o.workload);
  const auto accelerator = load_accelerator(o.accelerator);
  const auto data = search::load_fashion_mnist(o.data);
  const bool fresh_dir = !std::filesystem::exists(o.out);
  core::prepare_output_dir(o.out);
  search::PruneResult r;
  try {
    auto oracle =
        accelerator_oracle(accelerator, o.oracle, o.mapper, o.lut.empty() ? (std::filesystem::path(o.out) / "lut.txt").string() : o.lut);
    search::TimedOracle timed(*oracle);
    const std::string weights = (std::filesystem::path(o.out) / "pruned.weights").string();
    if (o.method == "filter") {
      search::TorchTrainer trainer(data, net, o.weights, o.train);
      r = search::filter_pruning(net, timed, trainer, p);
      trainer.save(weights);
    } else {
      search::TorchPruningTrainer trainer(data, net, o.weights, o.train);
      r = search::energy_aware_pruning(net, timed, trainer, p,
                                       o.method == "eap" ? search::WeightSelection::feature_map : search::WeightSelection::magnitude);
      trainer.save(weights);
    }
    std::cerr << fmt::format("cost evaluation {:.3f} s ({} oracle calls)\n", timed.seconds(), timed.calls());
  } catch (const core::InputError&) {
    if (fresh_dir) std::filesystem::remove_all(o.out);  // a directory this run made goes
    throw;
  }
  write_family_workload(
      o.out, "pruned",
      fmt::format("{} pruned by {} on {} (weights: pruned.weights): energy {:.6g} {} -> {:.6g} {}, test accuracy {:.4f} -> {:.4f}",
                  net.name, o.method, accelerator.spec.name, r.metrics_before.energy_pj, accelerator.energy_unit().symbol,
                  r.metrics_after.energy_pj, accelerator.energy_unit().symbol, r.test_before, r.test_after),
      r.network);
  write_prune_csv(o.out, r, accelerator.energy_unit());
  print_prune_table(std::cout, r, accelerator.energy_unit());
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start).count();
  std::cout << fmt::format("wall time {:.1f} s; pruned network in {}\n", wall, (std::filesystem::path(o.out) / "pruned.yaml").string());
  return 0;
}

}  // namespace hwaware::cli
