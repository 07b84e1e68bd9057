#include "cli/lut_command.h"

#include <fmt/format.h>
#include <iostream>

#include "arch/arch_loader.h"
#include "core/diagnostics.h"
#include "search/analytical_oracle.h"
#include "search/lut.h"
#include "search/lut_fill.h"
#include "workloads/workload_loader.h"

namespace hwaware::cli {

LutCommands add_lut_command(CLI::App& app) {
  LutCommands c;
  c.options = std::make_shared<LutOptions>();
  auto o = c.options;
  auto* lut = app.add_subcommand("lut", "Per-layer lookup tables of energy and latency for a network's width search");
  lut->require_subcommand(1);
  auto common = [&](CLI::App* cmd) {
    cmd->add_option("--arch", o->arch, "Accelerator file")->required();
    cmd->add_option("--workload", o->workload, "Network whose layers (at every width a search may visit) the table holds")->required();
    cmd->add_option("--lut", o->lut, "The table's file (created, or extended)")->required();
    cmd->add_option("--backend", o->backend, "What fills the table")->capture_default_str()->check(CLI::IsMember({"analytical"}));
    cmd->add_option("--levels", o->levels, "Widths per group: k/levels of each width, k = 1..levels")
        ->capture_default_str()->check(CLI::Range(1, 64));
    cmd->add_option("--budget", o->budget, "Mapper: mappings evaluated per layer shape")->capture_default_str();
    cmd->add_option("--patience", o->patience, "Mapper: stop after this many evaluations without improvement")->capture_default_str();
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
  const auto file = core::YamlFile::load(o.arch);
  const auto spec = arch::read_arch(file);
  const auto net = workload::load_workload(o.workload);
  mapping::MapperOptions mapper;
  mapper.max_evaluations = mapper.exhaustive_limit = o.budget;
  mapper.patience = o.patience;
  search::LutOracle lut(std::make_unique<search::AnalyticalOracle>(spec, mapper), search::accelerator_hash(file), o.lut);
  if (c.build->parsed()) {
    const auto before = lut.size();
    search::fill_lut(lut, net, o.levels, [](long long done, long long total) {
      if (done % 64 == 0 || done == total) std::cerr << fmt::format("\r{} / {} layer shapes", done, total) << std::flush;
    });
    std::cerr << "\n";
    std::cout << fmt::format("{}: {} entries ({} new) for {} on {} ({})\n", o.lut, lut.size(), lut.size() - before, net.name,
                             spec.name, lut.backend());
    return 0;
  }
  search::AnalyticalOracle whole(spec, mapper);
  const auto r = search::check_lut(lut, whole, net, o.levels, o.samples, o.seed);
  std::cout << fmt::format("{} sampled networks of {}: latency error mean {:.3g}%, 95th percentile {:.3g}%, within 10%: {:.1f}%; "
                           "energy error mean {:.3g}%\n",
                           r.networks, net.name, 100 * r.mean_error, 100 * r.p95_error, 100 * r.share_within_10,
                           100 * r.mean_energy_error);
  return 0;
}

}  // namespace hwaware::cli
