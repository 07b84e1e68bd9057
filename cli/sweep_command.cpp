#include "cli/sweep_command.h"

#include <fmt/format.h>
#include <filesystem>
#include <iostream>

#include "arch/arch_loader.h"
#include "cli/plot.h"
#include "cli/sweep_points.h"
#include "core/csv_writer.h"
#include "core/diagnostics.h"
#include "models/analytical_model.h"
#include "models/energy_estimators.h"
#include "models/network_mapper.h"
#include "models/pim_model.h"
#include "workloads/workload_loader.h"

namespace hwaware::cli {

std::shared_ptr<SweepOptions> add_sweep_command(CLI::App& app) {
  auto o = std::make_shared<SweepOptions>();
  auto* cmd = app.add_subcommand("sweep", "Evaluate an accelerator at every combination of parameter values, for a workload");
  cmd->add_option("--arch", o->arch, "Accelerator file (hwaware format)")->required();
  cmd->add_option("--workload", o->workload, "Workload file (a layer or a network)")->required();
  cmd->add_option("--set", o->sets,
                  "KEY=V1,V2,...: values of a key of the description (pim.crossbar.rows, levels.NAME.size, clock, ...); "
                  "KEY1+KEY2=V1,V2 sets several keys together; repeat --set for a cartesian product")
      ->required();
  cmd->add_option("--out", o->out, "Directory for sweep.csv (created if missing)");
  cmd->add_option("--plot", o->plot, "Draw energy per MAC, latency and utilization against the first key to FILE.png");
  cmd->add_option("--budget", o->budget, "Mapper (digital accelerators): mappings evaluated per layer shape")->capture_default_str();
  cmd->add_option("--patience", o->patience, "Mapper: stop after this many evaluations without improvement")->capture_default_str();
  cmd->add_option("--seed", o->seed, "Mapper: random seed")->capture_default_str();
  cmd->add_option("--threads", o->threads, "Mapper: threads (0 = every core)")->capture_default_str();
  return o;
}

namespace {

// One layer at one point: the figures sweep.csv holds.
struct Row {
  std::string layer;
  long long macs = 0, cycles = 0;
  double energy_pj = 0, utilization = 0;
  EnergyByKind kinds;
};

std::vector<Row> evaluate_point(const arch::Spec& spec, const workload::Network& network, const SweepOptions& o) {
  const auto table = model::build_energy_table(spec);
  std::vector<model::LayerCounts> counts;
  if (spec.pim) {
    std::vector<const workload::Problem*> problems;
    for (const auto& l : network.layers) problems.push_back(&l.problem);
    const bool resident = model::weights_fit(spec, problems);
    for (const auto& l : network.layers) counts.push_back(model::evaluate_pim(spec, l.problem, resident));
  } else {
    model::MapOptions mo;
    mo.mapper.objectives = {mapping::Objective::edp};
    mo.mapper.max_evaluations = mo.mapper.exhaustive_limit = o.budget;
    mo.mapper.patience = o.patience;
    mo.mapper.seed = o.seed;
    mo.mapper.threads = o.threads;
    const auto mapped = model::map_layers(spec, network, table, mo);
    for (std::size_t i = 0; i < network.layers.size(); ++i)
      counts.push_back(model::evaluate_counts(spec, mapped[i].mapping, network.layers[i].problem));
  }
  std::vector<Row> rows;
  for (std::size_t i = 0; i < network.layers.size(); ++i) {
    Row r;
    r.layer = network.layers[i].name;
    r.macs = network.layers[i].macs();
    r.cycles = counts[i].cycles;
    r.utilization = counts[i].utilization;
    const auto energy = model::price_layer(spec, counts[i], table);
    r.energy_pj = energy.total_pj;
    r.kinds = energy_by_kind(spec, energy);
    rows.push_back(std::move(r));
  }
  return rows;
}

// The total of a point: sums, and utilization weighted by cycles.
Row total_of(const std::vector<Row>& rows) {
  Row t;
  t.layer = "total";
  double weighted = 0;
  for (const auto& r : rows) {
    t.macs += r.macs;
    t.cycles += r.cycles;
    t.energy_pj += r.energy_pj;
    weighted += r.utilization * static_cast<double>(r.cycles);
    for (std::size_t k = 0; k < t.kinds.size(); ++k) t.kinds[k] += r.kinds[k];
  }
  t.utilization = t.cycles ? weighted / static_cast<double>(t.cycles) : 0;
  return t;
}

void write_row(core::CsvWriter& csv, const SweepPoint& point, const Row& r, double clock_hz) {
  std::vector<std::string> fields = point.values;
  fields.insert(fields.end(),
                {r.layer, std::to_string(r.macs), std::to_string(r.cycles), core::format_number(static_cast<double>(r.cycles) / clock_hz),
                 core::format_number(r.energy_pj), r.macs ? core::format_number(r.energy_pj / static_cast<double>(r.macs)) : "",
                 core::format_number(r.utilization)});
  for (double e : r.kinds) fields.push_back(core::format_number(e));
  csv.row(fields);
}

}  // namespace

int run_sweep(const SweepOptions& o) {
  namespace fs = std::filesystem;
  const auto file = core::YamlFile::load(o.arch);
  arch::read_arch(file);  // the description as written must read before its values are swept
  const auto sweep = parse_sweep(o.sets, file);
  const auto network = workload::load_workload(o.workload);
  const auto points = sweep.points();
  // Every point is read and checked before anything is evaluated or written.
  std::vector<arch::Spec> specs;
  for (const auto& p : points) specs.push_back(sweep.spec_at(file, p));
  const std::string dir = o.out.empty() ? (fs::temp_directory_path() / "hwaware-sweep").string() : o.out;
  fs::create_directories(dir);
  {
    core::CsvWriter csv((fs::path(dir) / "sweep.csv.tmp").string(), sweep.columns());
    for (std::size_t i = 0; i < points.size(); ++i) {
      const auto rows = evaluate_point(specs[i], network, o);
      for (const auto& r : rows) write_row(csv, points[i], r, specs[i].clock_hz);
      const Row t = total_of(rows);
      write_row(csv, points[i], t, specs[i].clock_hz);
      std::cerr << fmt::format("[{}/{}] {}: {:.6g} pJ, {:.4g} pJ/MAC, {} cycles, utilization {:.3f}\n", i + 1, points.size(),
                               points[i].label, t.energy_pj, t.macs ? t.energy_pj / static_cast<double>(t.macs) : 0.0, t.cycles,
                               t.utilization);
    }
  }
  fs::rename(fs::path(dir) / "sweep.csv.tmp", fs::path(dir) / "sweep.csv");
  if (!o.out.empty()) std::cout << "outputs in " << o.out << "/sweep.csv\n";
  if (!o.plot.empty()) return run_plot_script("plot_sweep.py", {"--sweep", (fs::path(dir) / "sweep.csv").string()}, o.plot);
  return 0;
}

}  // namespace hwaware::cli
