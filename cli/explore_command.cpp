#include "cli/explore_command.h"

#include <fmt/format.h>
#include <filesystem>
#include <iostream>

#include "arch/accelerator_document.h"
#include "cli/adapt_command.h"
#include "cli/explore_point.h"
#include "cli/plot.h"
#include "cli/process_group.h"
#include "cli/prune_command.h"
#include "cli/space_file.h"
#include "cli/sweep_points.h"
#include "cli/train_command.h"
#include "cli/training_commands.h"
#include "core/csv_writer.h"
#include "core/text.h"
#include "core/units.h"
#include "search/fashion_mnist.h"
#include "search/pareto.h"
#include "search/point_journal.h"
#include "workloads/workload_loader.h"

namespace hwaware::cli {
namespace {

// Everything a space needs, read and checked before any point runs (on every rank alike).
struct Plan {
  ExploreSpace space;
  arch::AcceleratorDocument arch;
  Sweep sweep;
  std::vector<SweepPoint> hardware;
  std::vector<model::Accelerator> accelerators;  // per hardware point, priced with --ert when given
  std::vector<workload::Network> networks;
  std::vector<std::string> keys;  // per point (hardware-major): what its result depends on
};

// Each point's key: the space (its bytes), the accelerator's, the point, the network's and weights'
// bytes, the mapper and training options. Every file is read once.
std::vector<std::string> point_keys(const Plan& p, const ExploreOptions& o, const std::optional<model::Ert>& ert) {
  const std::string accelerator = core::read_text_file(p.space.accelerator, "an accelerator file") + "|" + (ert ? ert->key : "");
  std::vector<std::string> network_text;
  for (const auto& net : p.space.networks)
    network_text.push_back(core::read_text_file(net.workload, "a workload file") + "|" +
                           (net.weights.empty() ? "" : core::read_file_bytes(net.weights)));
  const std::string options = mapping::options_key(mapper_options(o.mapper)) + "|" + o.mapper.dataflow +
                              fmt::format("|{}|{}|{}|{}", o.train.batch, o.train.learning_rate, o.train.seed, o.train.threads);
  std::vector<std::string> keys;
  for (const auto& h : p.hardware)
    for (const auto& n : network_text)
      keys.push_back(core::fnv1a_hex(p.space.text + "|" + accelerator + "|" + h.label + "|" + n + "|" + options));
  return keys;
}

Plan plan(const ExploreOptions& o) {
  auto space = read_space(o.space);
  auto document = arch::AcceleratorDocument::load(space.accelerator);
  auto ert = model::load_ert(o.ert);
  auto sweep = parse_sweep(space.parameters, document);
  Plan p{std::move(space), std::move(document), std::move(sweep), {}, {}, {}, {}};
  p.hardware = p.sweep.points();
  p.accelerators = p.sweep.accelerators(p.arch, p.hardware, ert);  // every value reads
  for (const auto& n : p.space.networks) p.networks.push_back(workload::load_workload(n.workload));
  for (const auto& b : p.space.search.budgets) parse_budget(b);
  if (p.space.search.method == "eap") parse_tolerance(p.space.search.tolerance);
  p.keys = point_keys(p, o, ert);
  return p;
}

std::vector<std::string> header(const Plan& p) {
  std::vector<std::string> h{"point"};
  for (const auto& a : p.sweep.axes) h.insert(h.end(), a.keys.begin(), a.keys.end());
  for (const auto& c : std::vector<std::string>{"network", "method", "test_accuracy", p.accelerators.front().energy_unit().column(),
                                                "latency_s", "area_um2", "macs", "weights", "network_file"})
    h.push_back(c);
  return h;
}

std::vector<std::string> cells(const Plan& p, std::size_t hw, std::size_t n, const PointResult& r, const std::string& out) {
  auto f = core::format_number;
  std::vector<std::string> c{std::to_string(hw * p.networks.size() + n)};
  c.insert(c.end(), p.hardware[hw].values.begin(), p.hardware[hw].values.end());
  const std::string file = r.network_file.empty() ? "" : std::filesystem::relative(r.network_file, out).string();
  for (const auto& x : {p.networks[n].name, p.space.search.method, r.accuracy < 0 ? std::string() : f(r.accuracy), f(r.energy_pj),
                        f(r.latency_s), f(r.area_um2), std::to_string(r.macs), std::to_string(r.weights), file})
    c.push_back(x);
  return c;
}

// test_accuracy's column; energy, latency and area follow it.
std::size_t accuracy_column(const Plan& p) { return header(p).size() - 7; }

// A journal entry a run can reuse: as many cells as the header, with numbers where the costs are
// (energy, latency, area) and a number or nothing for the accuracy. Any other entry (a file damaged
// or edited by hand) is not a finished point: the point runs again.
search::EntryShape entry_shape(const Plan& p) {
  const std::size_t acc = accuracy_column(p);
  return {header(p).size(), {acc + 1, acc + 2, acc + 3}, {acc}};
}

// points.csv, pareto.csv over (accuracy, energy, latency, area), and the plot.
int write_results(const Plan& p, const ExploreOptions& o, const std::vector<std::vector<std::string>>& rows) {
  const auto head = header(p);
  core::write_csv_file((std::filesystem::path(o.out) / "points.csv").string(), head, rows);
  const std::size_t acc = accuracy_column(p);
  std::vector<std::vector<double>> costs;
  for (const auto& r : rows) {  // rows of entry_shape(): the numbers parse
    auto number = [&](std::size_t c) { return core::parse_number(r[c]).value_or(0.0); };
    costs.push_back({-number(acc), number(acc + 1), number(acc + 2), number(acc + 3)});
  }
  std::vector<std::vector<std::string>> front;
  for (const auto i : search::pareto_front(costs)) front.push_back(rows[i]);
  core::write_csv_file((std::filesystem::path(o.out) / "pareto.csv").string(), head, front);
  std::cout << fmt::format("{} points, {} on the Pareto front over (accuracy, energy, latency, area): {}\n", rows.size(), front.size(),
                           (std::filesystem::path(o.out) / "pareto.csv").string());
  if (o.plot.empty()) return 0;
  return run_plot_script("plot_pareto.py",
                         {(std::filesystem::path(o.out) / "points.csv").string(), (std::filesystem::path(o.out) / "pareto.csv").string()},
                         o.plot);
}

}  // namespace

std::shared_ptr<ExploreOptions> add_explore_command(CLI::App& app) {
  auto o = std::make_shared<ExploreOptions>();
  o->data = search::kFashionMnistDir;
  auto* cmd = app.add_subcommand("explore", training_command_description("explore"));
  cmd->add_option("--space", o->space, "Space file: accelerator, parameters to vary, networks, search (see docs/explore.md)")->required();
  cmd->add_option("--out", o->out, "Directory of points.csv, pareto.csv and the journal of finished points (the same command resumes)")
      ->required();
  cmd->add_option("--plot", o->plot, "Draw the points and their Pareto front to FILE.png");
  cmd->add_option("--max-points", o->max_points, "Stop after this many new points (the same command continues)");
  cmd->add_option(
      "--ert", o->ert,
      "Accelergy energy table (ERT_summary.yaml or ERT.yaml) pricing every hardware point; overrides the accelerator's own energies");
  add_mapper_flags(cmd, o->mapper);
  add_training_options(*cmd, o->train, o->data);
  return o;
}

int run_explore(const ExploreOptions& o) {
  ProcessGroup group;
  Plan p;
  try {
    p = plan(o);
  } catch (const core::InputError&) {
    if (group.rank() == 0) throw;  // every rank finds the same mistakes: one reports them
    return 2;
  }
  const search::PointJournal journal(o.out);
  PointRunner runner(p.space, o.mapper, o.train, o.data);
  const std::size_t total = p.hardware.size() * p.networks.size();
  long long done_before = 0, done_now = 0;
  int status = 0;
  try {
    for (std::size_t t = static_cast<std::size_t>(group.rank()); t < total && status == 0; t += static_cast<std::size_t>(group.size())) {
      const std::size_t hw = t / p.networks.size(), n = t % p.networks.size();
      const std::string& key = p.keys[t];
      if (journal.find(t, key, entry_shape(p))) {
        ++done_before;
        continue;
      }
      if (o.max_points >= 0 && done_now >= o.max_points) {
        status = 1;
        break;
      }
      std::cerr << fmt::format("point {} of {}: {} {}\n", t + 1, total, p.hardware[hw].label, p.networks[n].name);
      const auto r = runner.run(p.accelerators[hw], p.space.networks[n], p.networks[n], journal.point_dir(t), key);
      journal.record(t, key, cells(p, hw, n, r, o.out));
      ++done_now;
    }
  } catch (const core::InputError& e) {
    for (const auto& d : e.diagnostics()) std::cerr << core::format(d) << "\n";
    status = 2;
  }
  std::cerr << fmt::format("rank {} of {}: {} points found done, {} done now\n", group.rank(), group.size(), done_before, done_now);
  status = group.agree_max(status);
  if (status != 0 || group.rank() != 0) {
    if (status == 1 && group.rank() == 0) std::cerr << "stopped by --max-points; the same command continues\n";
    return status;
  }
  std::vector<std::vector<std::string>> rows;
  for (std::size_t t = 0; t < total; ++t) {
    const auto c = journal.find(t, p.keys[t], entry_shape(p));
    if (!c) core::panic("explore: point " + std::to_string(t) + " finished but not in the journal");
    rows.push_back(*c);
  }
  return write_results(p, o, rows);
}

}  // namespace hwaware::cli
