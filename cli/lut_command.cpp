#include "cli/lut_command.h"

#include <fmt/format.h>
#include <iostream>
#include <map>

#include "cli/batch_flag.h"
#include "core/diagnostics.h"
#include "search/analytical_oracle.h"
#include "search/lut.h"
#include "search/lut_fill.h"
#include "search/systemc_oracle.h"
#include "workloads/workload_loader.h"

namespace hwaware::cli {
namespace {

void add_measure_options(CLI::App* cmd, search::MeasureOptions& m) {
  const std::map<std::string, search::MeasureClock> clocks{{"cpu", search::MeasureClock::thread_cpu}, {"wall", search::MeasureClock::wall}};
  cmd->add_option("--clock", m.clock,
                  "Measured: cpu (the timing thread's CPU time: what a run costs while it has a core, as other processes take "
                  "turns on it; one thread only) or wall (elapsed time: for an otherwise idle machine)")
      ->transform(CLI::CheckedTransformer(clocks, CLI::ignore_case))
      ->default_str("cpu");
  cmd->add_option("--warmup", m.warmup, "Measured: untimed passes before timing layers (round robin) or a network")
      ->capture_default_str()
      ->check(CLI::Range(0, 100000));
  cmd->add_option("--repeats", m.repeats, "Measured: timed passes over layers (round robin) or a network; the median is kept")
      ->capture_default_str()
      ->check(CLI::Range(1, 100000));
  cmd->add_option("--rounds", m.rounds,
                  "Measured: at least this many rounds over every layer shape (build) or sampled network "
                  "(check); the smallest median is kept")
      ->capture_default_str()
      ->check(CLI::Range(1, 1000));
  cmd->add_option("--span", m.span_s, "Measured: seconds the rounds span at least (more rounds until then)")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 86400.0));
  cmd->add_option("--steady-wait", m.steady_wait_s,
                  "Measured: seconds a timing may wait for the machine to run at its usual "
                  "speed (a BLAS probe within --steady-tolerance of its fastest); 0: no probes")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 86400.0));
  cmd->add_option("--steady-tolerance", m.steady_tolerance, "Measured: how much slower than its fastest the probe may run")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 10.0));
  cmd->add_option("--threads", m.threads, "Measured: LibTorch threads while timing (1: stable timings)")
      ->capture_default_str()
      ->check(CLI::Range(1, 256));
}

std::function<void(long long, long long)> progress(const std::string& what) {
  return [what](long long done, long long total) {
    if (done % 64 == 0 || done == total) std::cerr << fmt::format("\r{}{} / {}", what, done, total) << std::flush;
    if (done == total) std::cerr << "\n";
  };
}

}  // namespace

LutCommands add_lut_command(CLI::App& app) {
  LutCommands c;
  c.options = std::make_shared<LutOptions>();
  auto o = c.options;
  auto* lut = app.add_subcommand("lut", "Per-layer lookup tables of energy and latency for a network's width search");
  lut->require_subcommand(1);
  auto common = [&](CLI::App* cmd) {
    add_accelerator_flags(cmd, o->accelerator, false, " (not with --backend measured, which times this machine's CPU)");
    cmd->add_option("--workload", o->workload, "Network whose layers (at every width a search may visit) the table holds")->required();
    add_batch_flag(cmd, o->batch);
    cmd->add_option("--lut", o->lut, "The table's file (created, or extended)")->required();
    cmd->add_option("--backend", o->backend,
                    "What fills the table: the analytical model or the SystemC models of --arch, or layers timed on this CPU (measured)")
        ->capture_default_str()
        ->check(CLI::IsMember({"analytical", "systemc", "measured"}));
    cmd->add_option("--levels", o->levels, "Widths per group: k/levels of each width, k = 1..levels")
        ->capture_default_str()
        ->check(CLI::Range(1, 64));
    add_mapper_flags(cmd, o->mapper);
    add_measure_options(cmd, o->measure);
  };
  c.build = lut->add_subcommand("build", "Fill the table with every layer shape a width search of the network may visit");
  common(c.build);
  c.check = lut->add_subcommand("check", "Compare the table's per-layer sums with whole-network results on sampled networks");
  common(c.check);
  c.check->add_option("--samples", o->samples, "Networks sampled")->capture_default_str()->check(CLI::Range(1, 100000));
  c.check->add_option("--seed", o->seed, "Random seed of the sampling")->capture_default_str();
  return c;
}

int run_lut(const LutCommands& c) {
  const LutOptions& o = *c.options;
  if (o.backend == "measured") core::panic("lut: the measured backend runs in hwaware-torch (run_lut_measured)");
  if (o.accelerator.arch.empty())
    throw core::InputError(core::SourceLoc{"--arch", 0, 0}, "--arch",
                           "expected an accelerator file with --backend " + o.backend +
                               " (only --backend measured, which times this machine's CPU, goes without one)");
  const auto accelerator = load_accelerator(o.accelerator);
  const auto net = workload::load_workload(o.workload, load_options(o.batch));
  // The accelerator's analytical model or its SystemC models (one simulator per process, shared).
  const auto backend = [&]() -> std::unique_ptr<search::CostOracle> {
    const model::MapOptions map = map_options(o.mapper, true);
    if (o.backend == "systemc") return std::make_unique<search::SystemcOracle>(accelerator, map);
    return std::make_unique<search::AnalyticalOracle>(accelerator, map);
  };
  search::LutOracle lut(backend(), accelerator.key, o.lut);
  if (c.build->parsed()) {
    const auto before = lut.size();
    search::fill_lut(lut, net, o.levels, progress("layer shapes "));
    std::cout << fmt::format("{}: {} entries ({} new) for {} on {} ({})\n", o.lut, lut.size(), lut.size() - before, net.name,
                             accelerator.spec.name, lut.backend());
    return 0;
  }
  const auto whole = backend();
  const auto r = search::check_lut(lut, *whole, net, o.levels, o.samples, o.seed);
  std::cout << fmt::format(
      "{} sampled networks of {}: latency error mean {:.3g}%, 95th percentile {:.3g}%, within 10%: {:.1f}%; "
      "energy error mean {:.3g}%\n",
      r.networks, net.name, 100 * r.mean_error, 100 * r.p95_error, 100 * r.share_within_10, 100 * r.mean_energy_error);
  return 0;
}

}  // namespace hwaware::cli
