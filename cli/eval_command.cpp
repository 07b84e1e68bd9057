#include "cli/eval_command.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

#include "cli/batch_flag.h"
#include "cli/plot.h"
#include "cli/report.h"
#include "core/output_file.h"
#include "mappings/mapping_writer.h"
#include "models/network_evaluation.h"
#include "sim/systemc_simulator.h"
#include "workloads/workload_loader.h"

namespace hwaware::cli {

std::shared_ptr<EvalOptions> add_eval_command(CLI::App& app) {
  auto opts = std::make_shared<EvalOptions>();
  auto* cmd = app.add_subcommand("eval", "Evaluate energy and latency of each layer of a workload on an accelerator");
  add_accelerator_flags(cmd, opts->accelerator, true);
  cmd->add_option("--workload", opts->workload,
                  "Workload file: hwaware format (top-level 'workload', one or more layers; networks in workloads/networks/), "
                  "a Timeloop problem, a SCALE-Sim topology .csv, or an ONNX model .onnx")
      ->required();
  add_batch_flag(cmd, opts->batch);
  cmd->add_option("--mapping", opts->mapping,
                  "Mapping file: hwaware format (one 'mapping' for every layer, or 'mappings' per layer name, as the "
                  "mapper writes them) or a Timeloop mapping. Without it, the mapper chooses a mapping per layer");
  cmd->add_option("--out", opts->out,
                  "Directory for summary.csv, breakdown.csv, stats.json and, when the mapper ran, mappings.yaml (created if missing)");
  cmd->add_option("--backend", opts->backend,
                  "analytical (throughput-bound cycles) or systemc (also simulates every layer on SystemC models of the "
                  "accelerator: pipeline fill and drain, DRAM stalls)")
      ->capture_default_str()
      ->check(CLI::IsMember({"analytical", "systemc"}));
  cmd->add_option("--plot", opts->plot, "Draw the per-layer energy breakdown by level to FILE.png (needs python3-matplotlib)");
  add_mapper_flags(cmd, opts->mapper);
  return opts;
}

namespace {

// DIR/mappings.yaml: the chosen mapping of every layer, readable again with --mapping.
void write_chosen_mappings(const std::string& dir, const arch::Spec& spec, const workload::Network& network,
                           const model::NetworkEvaluation& e) {
  namespace fs = std::filesystem;
  std::vector<std::pair<std::string, const mapping::Mapping*>> layers;
  std::vector<const workload::Problem*> problems;
  for (std::size_t i = 0; i < network.layers.size(); ++i) {
    layers.emplace_back(network.layers[i].name, &e.layers[i].mapping);
    problems.push_back(&network.layers[i].problem);
  }
  core::OutputFile file((fs::path(dir) / "mappings.yaml").string());
  mapping::write_mappings_file(file.out(), layers, spec, problems);
  file.publish();
}

}  // namespace

int run_eval(const EvalOptions& o) {
  const auto accelerator = load_accelerator(o.accelerator);
  const auto network = workload::load_workload(o.workload, load_options(o.batch));
  if (!o.out.empty()) core::check_output_dir(o.out);  // before the work, not after it
  if (!network.notes.empty())
    std::cerr << network.notes.size() << " nodes of " << o.workload
              << " are no layer: they cost nothing or are not modelled (stats.json lists them)\n";
  model::EvaluationOptions options;
  options.map = map_options(o.mapper, false);
  options.mapping_file = o.mapping;
  std::unique_ptr<sim::SystemcSimulator> simulator;
  if (o.backend == "systemc") simulator = std::make_unique<sim::SystemcSimulator>(accelerator.spec);
  const auto evaluation = model::evaluate_network(accelerator, network, options, simulator.get());
  const bool mapped = !evaluation.layers.empty() && evaluation.layers.front().search;
  if (mapped && o.out.empty()) std::cerr << "(give --out DIR to save the chosen mappings as DIR/mappings.yaml)\n";
  if (!evaluation.weights_resident)
    std::cerr << "the network's weights do not fit the chip's crossbars: every layer's weights are programmed per inference\n";
  print_table(std::cout, accelerator, evaluation);
  if (!o.out.empty()) {
    write_outputs(o.out, accelerator, network, evaluation, o);
    if (mapped) write_chosen_mappings(o.out, accelerator.spec, network, evaluation);
  }
  if (!o.plot.empty()) return plot_breakdown(o, accelerator, network, evaluation);
  return 0;
}

}  // namespace hwaware::cli
