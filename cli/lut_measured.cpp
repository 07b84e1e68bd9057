#include <fmt/format.h>
#include <iostream>

#include "cli/batch_flag.h"
#include "cli/lut_command.h"
#include "core/diagnostics.h"
#include "search/lut.h"
#include "search/lut_fill.h"
#include "workloads/workload_loader.h"

namespace hwaware::cli {
namespace {

std::function<void(int, long long, long long)> round_progress(const std::string& what) {
  return [what](int round, long long done, long long total) {
    std::cerr << fmt::format("\rround {}: {}{} / {}", round, what, done, total) << std::flush;
    if (done == total) std::cerr << "\n";
  };
}

std::string unsteady_note() {
  const auto n = search::unsteady_passes();
  return n == 0 ? "" : fmt::format("; {} timed passes kept on an unsteady machine (see --steady-wait)", n);
}

// The measured backend: --arch is not used, the table is keyed on this machine's CPU. `build`
// times every shape in rounds (MeasureOptions::rounds) before the table takes the smallest medians;
// `check` times the sampled networks end to end in as many rounds.
}  // namespace

int run_lut_measured(const LutCommands& c) {
  const LutOptions& o = *c.options;
  const auto net = workload::load_workload(o.workload, load_options(o.batch));
  require_no_accelerator(o.accelerator, "--backend measured");
  if (o.measure.clock == search::MeasureClock::thread_cpu && o.measure.threads != 1)
    throw core::InputError(core::SourceLoc{"--clock", 0, 0}, "--clock",
                           "the cpu clock times one thread, found --threads " + std::to_string(o.measure.threads) +
                               " (use --clock wall with several threads)");
  const std::string cpu = search::cpu_description(o.measure);
  if (c.build->parsed()) {
    auto measured = std::make_unique<search::MeasuredOracle>(o.measure);
    auto& m = *measured;
    const auto sets = search::lut_level_sets(net, o.levels);
    for (const auto& set : sets) m.add_shapes(set);
    std::cerr << fmt::format("{} layer shapes, timed among the layers of their width levels\n", m.shapes());
    const int rounds = m.measure_rounds(round_progress("sets of layers "));
    search::LutOracle lut(std::move(measured), cpu, o.lut);
    const auto before = lut.size();
    search::fill_lut(lut, net, o.levels);
    std::cout << fmt::format("{}: {} entries ({} new) for {} on {} (measured, {} rounds{})\n", o.lut, lut.size(), lut.size() - before,
                             net.name, cpu, rounds, unsteady_note());
    return 0;
  }
  search::LutOracle lut(std::make_unique<search::MeasuredOracle>(o.measure), cpu, o.lut);
  const auto networks = search::sample_networks(net, o.levels, o.samples, o.seed);
  const auto whole = search::measure_networks_latency_s(networks, o.measure, round_progress("whole networks "));
  const auto r = search::check_lut_latency(lut, networks, whole);
  if (lut.misses() > 0)
    std::cerr << fmt::format("note: {} layer shapes were not in the table and were timed now, in one round (run `lut build` first)\n",
                             lut.misses());
  std::cout << fmt::format(
      "{} sampled networks of {} on {}: measured latency, sum of layers vs whole network: error mean {:.3g}%, "
      "95th percentile {:.3g}%, within 10%: {:.1f}%{}\n",
      r.networks, net.name, cpu, 100 * r.mean_error, 100 * r.p95_error, 100 * r.share_within_10, unsteady_note());
  return 0;
}

}  // namespace hwaware::cli
