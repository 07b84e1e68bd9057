#include "cli/eval_command.h"

#include <filesystem>
#include <fstream>
#include <iostream>

#include "arch/arch_loader.h"
#include "cli/mapper_flags.h"
#include "cli/plot.h"
#include "cli/report.h"
#include "cli/systemc_backend.h"
#include "core/diagnostics.h"
#include "core/text.h"
#include "core/yaml_reader.h"
#include "mappings/mapping_loader.h"
#include "mappings/mapping_writer.h"
#include "models/analytical_model.h"
#include "models/energy_estimators.h"
#include "models/network_mapper.h"
#include "models/pim_model.h"
#include "models/timeloop_ert.h"
#include "workloads/workload_loader.h"

namespace hwaware::cli {

std::shared_ptr<EvalOptions> add_eval_command(CLI::App& app) {
  auto opts = std::make_shared<EvalOptions>();
  auto* cmd = app.add_subcommand("eval", "Evaluate energy and latency of each layer of a workload on an accelerator");
  cmd->add_option("--arch", opts->arch,
                  "Accelerator file: hwaware format (top-level 'accelerator') or Timeloop architecture v0.2/v0.3/v0.4")
      ->required();
  cmd->add_option("--workload", opts->workload,
                  "Workload file: hwaware format (top-level 'workload', one or more layers; networks in workloads/networks/), "
                  "a Timeloop problem, or a SCALE-Sim topology .csv")
      ->required();
  cmd->add_option("--mapping", opts->mapping,
                  "Mapping file: hwaware format (one 'mapping' for every layer, or 'mappings' per layer name, as the "
                  "mapper writes them) or a Timeloop mapping. Without it, the mapper chooses a mapping per layer");
  cmd->add_option("--dataflow", opts->dataflow,
                  "Mapper: dataflow preset (row-stationary, weight-stationary, output-stationary, input-stationary) or a "
                  "constraints file; default: the one the accelerator names");
  cmd->add_option("--objective", opts->objective, "Mapper: energy, latency, edp, or an ordered list such as energy,latency")
      ->capture_default_str();
  cmd->add_option("--budget", opts->budget, "Mapper: mappings evaluated per distinct layer shape")
      ->capture_default_str()
      ->check(CLI::Range(1LL, 1000000000LL));
  cmd->add_option("--patience", opts->patience, "Mapper: stop after this many evaluations without improvement")
      ->capture_default_str()
      ->check(CLI::Range(1LL, 1000000000LL));
  cmd->add_option("--seed", opts->seed, "Mapper: random seed (same seed, same mappings)")->capture_default_str();
  cmd->add_option("--threads", opts->threads, "Mapper: threads (0 = every core)")->capture_default_str()->check(CLI::Range(0, 1024));
  cmd->add_option("--ert", opts->ert, "Accelergy energy table (ERT_summary.yaml or ERT.yaml); overrides the accelerator's own energies");
  cmd->add_option("--out", opts->out,
                  "Directory for summary.csv, breakdown.csv, stats.json and, when the mapper ran, mappings.yaml (created if missing)");
  cmd->add_option("--backend", opts->backend,
                  "analytical (throughput-bound cycles) or systemc (also simulates every layer on SystemC models of the "
                  "accelerator: pipeline fill and drain, DRAM stalls)")
      ->capture_default_str()
      ->check(CLI::IsMember({"analytical", "systemc"}));
  cmd->add_option("--plot", opts->plot, "Draw the per-layer energy breakdown by level to FILE.png (needs python3-matplotlib)");
  return opts;
}

namespace {

mapping::MapperOptions mapper_options(const EvalOptions& o) {
  mapping::MapperOptions m;
  m.objectives = parse_objectives(o.objective);
  m.max_evaluations = o.budget;
  m.patience = o.patience;
  m.exhaustive_limit = o.budget;
  m.seed = o.seed;
  m.threads = o.threads;
  return m;
}

std::vector<model::MappedLayer> choose_mappings(const EvalOptions& o, const arch::Spec& spec, const workload::Network& network,
                                                const model::EnergyTable& table) {
  model::MapOptions mo;
  mo.dataflow = o.dataflow;
  mo.mapper = mapper_options(o);
  auto mapped = model::map_layers(spec, network, table, mo);
  if (o.out.empty()) std::cerr << "(give --out DIR to save the chosen mappings as DIR/mappings.yaml)\n";
  return mapped;
}

// DIR/mappings.yaml: the chosen mapping of every layer, readable again with --mapping.
void write_chosen_mappings(const std::string& dir, const arch::Spec& spec, const workload::Network& network,
                           const std::vector<mapping::Mapping>& mappings) {
  namespace fs = std::filesystem;
  std::vector<std::pair<std::string, const mapping::Mapping*>> layers;
  std::vector<const workload::Problem*> problems;
  for (std::size_t i = 0; i < network.layers.size(); ++i) {
    layers.emplace_back(network.layers[i].name, &mappings[i]);
    problems.push_back(&network.layers[i].problem);
  }
  const fs::path file = fs::path(dir) / "mappings.yaml";
  {
    std::ofstream os(file.string() + ".tmp");
    mapping::write_mappings_file(os, layers, spec, problems);
  }
  fs::rename(file.string() + ".tmp", file);
}

// PIM crossbars: weights placed as im2col, no mapper (models/pim_model.h).
int run_pim_eval(const EvalOptions& o, const arch::Spec& spec, const workload::Network& network, const model::EnergyTable& table) {
  if (!o.mapping.empty())
    throw core::InputError(core::SourceLoc{o.mapping, 0, 0}, "--mapping",
                           "a PIM accelerator places weights on its crossbars itself (im2col); it takes no mapping");
  std::vector<const workload::Problem*> problems;
  for (const auto& layer : network.layers) problems.push_back(&layer.problem);
  const bool resident = model::weights_fit(spec, problems);
  if (!resident) std::cerr << "the network's weights do not fit the chip's crossbars: every layer's weights are programmed per inference\n";
  std::vector<LayerReport> layers;
  for (const auto& layer : network.layers) {
    LayerReport r;
    r.name = layer.name;
    r.macs = layer.macs();
    r.counts = model::evaluate_pim(spec, layer.problem, resident);
    r.energy = model::price_layer(spec, r.counts, table);
    layers.push_back(std::move(r));
  }
  if (o.backend == "systemc") simulate_layers(spec, network, std::vector<mapping::Mapping>(layers.size()), table, layers);
  print_table(std::cout, spec, layers);
  if (!o.out.empty()) write_outputs(o.out, spec, network, layers, o);
  if (!o.plot.empty()) return plot_breakdown(o, spec, network, layers);
  return 0;
}

}  // namespace

int run_eval(const EvalOptions& o) {
  auto spec = arch::load_arch(o.arch);
  auto network = workload::load_workload(o.workload);
  // The accelerator's own energies (written or estimated); an Accelergy table overrides them.
  model::EnergyTable table = model::build_energy_table(spec);
  if (!o.ert.empty()) {
    const model::EnergyTable ert = model::read_accelergy_ert(core::YamlFile::load(o.ert));
    for (const auto& [name, e] : ert.entries()) table.set(name, e);
  }
  if (spec.pim) return run_pim_eval(o, spec, network, table);
  std::vector<mapping::Mapping> mappings;
  std::vector<model::MappedLayer> searched;
  if (o.mapping.empty()) {
    searched = choose_mappings(o, spec, network, table);
    for (const auto& ml : searched) mappings.push_back(ml.mapping);
  } else {
    for (const auto& layer : network.layers) mappings.push_back(mapping::load_mapping(o.mapping, spec, layer.problem, layer.name));
  }
  std::vector<LayerReport> layers;
  for (std::size_t i = 0; i < network.layers.size(); ++i) {
    const auto& layer = network.layers[i];
    const auto& m = mappings[i];
    LayerReport r;
    r.name = layer.name;
    r.macs = layer.macs();  // 0 for pooling and adds: their operations are not MACs
    r.counts = model::evaluate_counts(spec, m, layer.problem);
    r.energy = model::price_layer(spec, r.counts, table);
    if (!searched.empty()) {
      const auto& sr = searched[i].search;
      r.search = SearchSummary{sr.evaluated, sr.rejected, sr.repeated, sr.exhaustive, sr.stop_reason, searched[i].reused_from};
    }
    layers.push_back(std::move(r));
  }
  if (o.backend == "systemc") simulate_layers(spec, network, mappings, table, layers);
  print_table(std::cout, spec, layers);
  if (!o.out.empty()) {
    write_outputs(o.out, spec, network, layers, o);
    if (o.mapping.empty()) write_chosen_mappings(o.out, spec, network, mappings);
  }
  if (!o.plot.empty()) return plot_breakdown(o, spec, network, layers);
  return 0;
}

}  // namespace hwaware::cli
