#include "cli/sweep_command.h"

#include <chrono>

#include <fmt/format.h>
#include <filesystem>
#include <iostream>

#include "cli/batch_flag.h"
#include "cli/plot.h"
#include "cli/sweep_points.h"
#include "cli/sweep_rows.h"
#include "core/csv_writer.h"
#include "core/diagnostics.h"
#include "core/output_file.h"
#include "models/network_evaluation.h"
#include "workloads/workload_loader.h"

namespace hwaware::cli {

std::shared_ptr<SweepOptions> add_sweep_command(CLI::App& app) {
  auto o = std::make_shared<SweepOptions>();
  auto* cmd = app.add_subcommand("sweep", "Evaluate an accelerator at every combination of parameter values, for a workload");
  add_accelerator_flags(cmd, o->accelerator, true);
  cmd->add_option("--workload", o->workload, "Workload file (a layer or a network)")->required();
  add_batch_flag(cmd, o->batch);
  cmd->add_option("--set", o->sets,
                  "KEY=V1,V2,...: values of a key of the description (pim.crossbar.rows, levels.NAME.size, clock, ...; "
                  "architecture_presets.ArrayHeight in a SCALE-Sim .cfg); KEY1+KEY2=V1,V2 sets several keys together; repeat "
                  "--set for a cartesian product")
      ->required();
  cmd->add_option("--out", o->out, "Directory for sweep.csv (created if missing)");
  cmd->add_option("--plot", o->plot, "Draw energy per MAC, latency and utilization against the first key to FILE.png");
  add_mapper_flags(cmd, o->mapper);
  return o;
}

namespace {

void write_row(core::CsvWriter& csv, const SweepPoint& point, const SweepRow& r, double clock_hz) {
  std::vector<std::string> fields;
  for (const auto& cell : sweep_cells(point, r, clock_hz)) fields.push_back(model::cell_text(cell));
  csv.row(fields);
}

}  // namespace

int run_sweep(const SweepOptions& o) {
  namespace fs = std::filesystem;
  const auto started = std::chrono::steady_clock::now();  // the sweep's own time, for scripts/bench-pim
  const auto ert = model::load_ert(o.accelerator.ert);
  // The description as written must read before its values are swept.
  const auto document = arch::AcceleratorDocument::load(o.accelerator.arch);
  const auto sweep = parse_sweep(o.sets, document);
  const auto network = workload::load_workload(o.workload, load_options(o.batch));
  const auto points = sweep.points();
  // Every point is read and checked before anything is evaluated or written.
  const auto accelerators = sweep.accelerators(document, points, ert);
  const auto unit = accelerators.front().energy_unit();
  const std::string dir = o.out.empty() ? (fs::temp_directory_path() / "hwaware-sweep").string() : o.out;
  core::prepare_output_dir(dir);
  core::OutputFile file((fs::path(dir) / "sweep.csv").string());
  {
    core::CsvWriter csv(file.out(), sweep.columns(unit));
    for (std::size_t i = 0; i < points.size(); ++i) {
      const auto rows = evaluate_sweep_point(accelerators[i], network, map_options(o.mapper, false));
      for (const auto& r : rows) write_row(csv, points[i], r, accelerators[i].spec.clock_hz);
      const SweepRow& t = rows.back();
      const auto& pim = accelerators[i].spec.pim;
      std::cerr << fmt::format("[{}/{}] {}: {:.6g} {}, {:.4g} {}/MAC, {} cycles, utilization {:.3f}{}\n", i + 1, points.size(),
                               points[i].label, t.energy_pj, unit.symbol, t.macs ? t.energy_pj / static_cast<double>(t.macs) : 0.0,
                               unit.symbol, t.cycles, t.utilization,
                               pim && pim->organization == "crossbars" ? fmt::format(", {} crossbars", pim->crossbars()) : "");
    }
  }
  file.publish();
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
  std::cerr << fmt::format("{} points in {:.3f} s (reading, evaluating and writing; the process's start-up not included)\n", points.size(),
                           took.count());
  if (!o.out.empty()) std::cout << "outputs in " << o.out << "/sweep.csv\n";
  if (!o.plot.empty()) return run_plot_script("plot_sweep.py", {"--sweep", (fs::path(dir) / "sweep.csv").string()}, o.plot);
  return 0;
}

}  // namespace hwaware::cli
