#include "cli/eval_command.h"

#include <filesystem>
#include <iostream>

#include "arch/arch_loader.h"
#include "cli/report.h"
#include "core/diagnostics.h"
#include "core/yaml_reader.h"
#include "mappings/mapping_loader.h"
#include "models/analytical_model.h"
#include "models/energy_estimators.h"
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
                  "Workload file: hwaware format (top-level 'workload', one or more layers) or a Timeloop problem")
      ->required();
  cmd->add_option("--mapping", opts->mapping, "Mapping file: hwaware format or a Timeloop mapping (list of targets)")
      ->required();
  cmd->add_option("--ert", opts->ert,
                  "Accelergy energy table (ERT_summary.yaml or ERT.yaml); overrides the accelerator's own energies");
  cmd->add_option("--out", opts->out, "Directory for summary.csv, breakdown.csv and stats.json (created if missing)");
  return opts;
}

int run_eval(const EvalOptions& o) {
  auto spec = arch::load_arch(o.arch);
  auto network = workload::load_workload(o.workload);
  // The accelerator's own energies (written or estimated); an Accelergy table overrides them.
  model::EnergyTable table = model::build_energy_table(spec);
  if (!o.ert.empty()) {
    const model::EnergyTable ert = model::read_accelergy_ert(core::YamlFile::load(o.ert));
    for (const auto& [name, e] : ert.entries()) table.set(name, e);
  }
  std::vector<LayerReport> layers;
  for (const auto& layer : network.layers) {
    auto m = mapping::load_mapping(o.mapping, spec, layer.problem);
    LayerReport r;
    r.name = layer.name;
    r.macs = layer.problem.macs();
    r.counts = model::evaluate_counts(spec, m, layer.problem);
    r.energy = model::price_layer(spec, r.counts, table);
    layers.push_back(std::move(r));
  }
  print_table(std::cout, spec, layers);
  if (!o.out.empty()) write_outputs(o.out, spec, network, layers, o);
  return 0;
}

}  // namespace hwaware::cli
