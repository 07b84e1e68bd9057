#include "cli/adapt_command.h"

#include <fmt/format.h>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>

#include "cli/accelerator_flags.h"
#include "cli/family_files.h"
#include "cli/train_command.h"
#include "cli/training_commands.h"
#include "core/diagnostics.h"
#include "core/output_file.h"
#include "core/text.h"
#include "core/units.h"
#include "search/fashion_mnist.h"
#include "search/lut.h"
#include "search/measured_oracle.h"
#include "search/timed_oracle.h"
#include "search/timed_training.h"
#include "search/torch_trainer.h"
#include "workloads/workload_loader.h"

namespace hwaware::cli {
namespace {

core::InputError budget_error(const std::string& text, const std::string& what) {
  return core::InputError(core::SourceLoc{"--budget", 0, 0}, "--budget",
                          "expected RESOURCE=VALUE with RESOURCE one of latency, energy, macs, weights and VALUE a percentage of the "
                          "starting network in (0%, 100%) or the budget itself (latency=2ms, energy=5uJ, macs=1e6), " +
                              what + " in '" + text + "'");
}

// The --arch and --oracle options agree, and a budget is one the oracle can see.
void check_oracle(const AdaptOptions& o, const std::vector<search::Budget>& budgets) {
  if (o.oracle == "measured") {
    require_no_accelerator(o.accelerator, "--oracle measured");
    for (const auto& b : budgets)
      if (b.resource == search::Resource::energy)
        throw core::InputError(
            core::SourceLoc{"--budget", 0, 0}, "--budget",
            "expected latency, macs or weights with --oracle measured (it times layers and measures no energy), found an "
            "energy budget");
  } else if (o.accelerator.arch.empty()) {
    throw core::InputError(core::SourceLoc{"--arch", 0, 0}, "--arch", "expected an accelerator file with --oracle " + o.oracle);
  }
}

}  // namespace

search::Budget parse_budget(const std::string& text) {
  const auto eq = text.find('=');
  if (eq == std::string::npos) throw budget_error(text, "found no '='");
  const std::string name = text.substr(0, eq), value = text.substr(eq + 1);
  search::Budget b;
  if (name == "latency") b.resource = search::Resource::latency;
  else if (name == "energy") b.resource = search::Resource::energy;
  else if (name == "macs") b.resource = search::Resource::macs;
  else if (name == "weights") b.resource = search::Resource::weights;
  else throw budget_error(text, "found the resource '" + name + "'");
  if (!value.empty() && value.back() == '%') {
    const auto percent = core::parse_number(value.substr(0, value.size() - 1));
    if (!percent || !(*percent > 0 && *percent < 100)) throw budget_error(text, "found the percentage '" + value + "'");
    b.fraction = *percent / 100;
  } else if (b.resource == search::Resource::latency || b.resource == search::Resource::energy) {
    const auto q =
        core::parse_quantity(value, b.resource == search::Resource::latency ? core::UnitKind::time_s : core::UnitKind::energy_pj);
    if (!q.error.empty() || !(q.value > 0))
      throw budget_error(text, "found '" + value + "' (" + (q.error.empty() ? "not positive" : q.error) + ")");
    b.absolute = q.value;
  } else {
    const auto count = core::parse_number(value);
    if (!count || !(*count > 0)) throw budget_error(text, "found the count '" + value + "'");
    b.absolute = *count;
  }
  return b;
}

std::shared_ptr<AdaptOptions> add_adapt_command(CLI::App& app) {
  auto o = std::make_shared<AdaptOptions>();
  o->data = search::kFashionMnistDir;
  o->netadapt.short_steps = 100;
  o->netadapt.long_steps = 2000;
  auto* cmd = app.add_subcommand("adapt", training_command_description("adapt"));
  add_accelerator_flags(cmd, o->accelerator, false, "; its cost oracle sets latency and energy (not with --oracle measured)");
  cmd->add_option("--workload", o->workload, "Network to adapt (hwaware's workload format)")->required();
  cmd->add_option("--weights", o->weights, "Its trained weights (hwaware train)")->required();
  cmd->add_option("--budget", o->budgets,
                  "RESOURCE=VALUE: latency, energy, macs or weights, as a percentage of the starting network (latency=50%) or a value "
                  "(latency=2ms, energy=5uJ); repeatable")
      ->required();
  cmd->add_option("--out", o->out, "Directory of the family and its checkpoint (the same command resumes from it)")->required();
  cmd->add_option("--oracle", o->oracle,
                  "Cost oracle: the accelerator's analytical model or SystemC models, or measured (every layer timed on this CPU "
                  "with LibTorch, one thread: latency only)")
      ->capture_default_str()
      ->check(CLI::IsMember({"analytical", "systemc", "measured"}));
  cmd->add_option("--lut", o->lut, "Per-layer lookup table of the oracle's answers (default: OUT/lut.txt)");
  cmd->add_option("--step", o->netadapt.step_fraction, "Resource cut of the first iteration, as a fraction of the start")
      ->capture_default_str()
      ->check(CLI::Range(1e-4, 0.9));
  cmd->add_option("--decay", o->netadapt.step_decay, "The cut is multiplied by this after each iteration")
      ->capture_default_str()
      ->check(CLI::Range(0.1, 1.0));
  cmd->add_option("--method", o->method,
                  "v1: NetAdapt (Yang et al., ECCV 2018), every proposal fine-tuned; v2: NetAdaptV2 (CVPR 2021), one super-network "
                  "trained with ordered dropout, several layers shrunk per iteration, candidates scored without fine-tuning")
      ->capture_default_str()
      ->check(CLI::IsMember({"v1", "v2"}));
  cmd->add_option("--short-steps", o->netadapt.short_steps, "V1: fine-tuning steps of each proposal")
      ->capture_default_str()
      ->check(CLI::Range(0LL, 1000000LL))
      ->each([o](const std::string&) { o->short_steps_given = true; });
  const auto v2 = [o](const std::string&) { o->v2_option_given = true; };
  cmd->add_option("--supernet-steps", o->supernet_steps, "V2: training steps of the super-network, with ordered dropout")
      ->capture_default_str()
      ->check(CLI::Range(0LL, 10000000LL))
      ->each(v2);
  cmd->add_option("--supernet", o->supernet,
                  "V2: the super-network an earlier run of the same network trained (its OUT/supernet.weights), used instead of "
                  "training one: a super-network depends on the network, not on the accelerator")
      ->each(v2);
  cmd->add_option("--samples", o->descent.samples, "V2: candidates drawn per iteration")
      ->capture_default_str()
      ->check(CLI::Range(1, 10000))
      ->each(v2);
  cmd->add_option("--layers-per-sample", o->descent.layers, "V2: dimensions each candidate shrinks together")
      ->capture_default_str()
      ->check(CLI::Range(1, 1000))
      ->each(v2);
  cmd->add_option("--search", o->search,
                  "V2: what is searched besides widths: depth (a layer keeping its input's shape may be bypassed), kernel (every "
                  "convolution's kernel may shrink to its centre), kernel=LAYER (that layer's), resolution (images resized down to "
                  "half their size, where no fully connected layer reads a map); comma-separated")
      ->delimiter(',')
      ->capture_default_str()
      ->each(v2);
  cmd->add_option("--long-steps", o->netadapt.long_steps, "Fine-tuning steps of the final network")
      ->capture_default_str()
      ->check(CLI::Range(0LL, 10000000LL));
  cmd->add_option("--choose", o->choose, "Best proposal: highest holdout accuracy, or highest accuracy change per resource drop")
      ->capture_default_str()
      ->check(CLI::IsMember({"accuracy", "accuracy-per-resource"}));
  cmd->add_option("--max-iterations", o->netadapt.max_iterations, "Stop after this many iterations (the run can be continued)")
      ->capture_default_str();
  add_mapper_flags(cmd, o->mapper);
  add_training_options(*cmd, o->train, o->data);
  return o;
}

AdaptOracle make_adapt_oracle(const AdaptOptions& o) {
  const std::string lut = o.lut.empty() ? (std::filesystem::path(o.out) / "lut.txt").string() : o.lut;
  if (o.oracle == "measured") {
    const search::MeasureOptions measure;
    const std::string cpu = search::cpu_description(measure);
    return {std::make_unique<search::LutOracle>(std::make_unique<search::MeasuredOracle>(measure), cpu, lut), cpu};
  }
  const auto accelerator = load_accelerator(o.accelerator);
  return {accelerator_oracle(accelerator, o.oracle, o.mapper, lut), accelerator.key, accelerator.energy_unit().column()};
}

std::string adapt_run_key(const AdaptOptions& o, const search::NetAdaptOptions& n, const AdaptOracle& oracle) {
  std::string text = core::read_text_file(o.workload, "a workload file") + "|" + oracle.hardware + "|" + oracle.oracle->backend() + "|" +
                     oracle.oracle->settings() + "|" + core::read_file_bytes(o.weights);
  for (const auto& b : n.budgets) text += fmt::format("|{}={}", search::to_string(b.resource), b.fraction);
  text += fmt::format("|{}|{}|{}|{}|{}|{}|{}|{}|{}", n.step_fraction, n.step_decay, n.short_steps, n.long_steps, o.choose, o.train.batch,
                      o.train.learning_rate, o.train.seed, o.train.threads);
  if (o.method == "v2") {
    text += fmt::format("|v2|{}|{}|{}|{}", o.supernet_steps, o.descent.samples, o.descent.layers,
                        o.supernet.empty() ? "" : core::read_file_bytes(o.supernet));
    for (const auto& d : o.search) text += "|" + d;
  }
  return core::fnv1a_hex(text);
}

search::NetAdaptOptions netadapt_options(const AdaptOptions& o) {
  search::NetAdaptOptions n = o.netadapt;
  for (const auto& b : o.budgets) n.budgets.push_back(parse_budget(b));
  n.per_resource_drop = o.choose == "accuracy-per-resource";
  check_oracle(o, n.budgets);
  if (o.method == "v2" && o.short_steps_given)
    throw core::InputError(core::SourceLoc{"--short-steps", 0, 0}, "--short-steps",
                           "expected no --short-steps with --method v2 (its candidates are scored with the super-network's weights, "
                           "not fine-tuned), found one");
  if (o.method == "v1" && o.v2_option_given)
    throw core::InputError(core::SourceLoc{"--method", 0, 0}, "--method",
                           "expected --method v2 with --supernet-steps, --supernet, --samples, --layers-per-sample or --search, found v1");
  return n;
}

void write_adapt_outputs(const AdaptOptions& o, const workload::Network& start, const search::NetAdaptResult& r,
                         const std::function<std::string(std::size_t member)>& narrowed, search::CostOracle& timed,
                         const AdaptOracle& oracle) {
  write_family_workload(
      o.out, "final",
      fmt::format("NetAdapt's final network (weights: final.weights): member {} fine-tuned for {} steps; test accuracy {:.4f}",
                  r.family.back().iteration, o.netadapt.long_steps, r.test_accuracy),
      r.network);
  std::vector<FamilyRow> rows;
  for (std::size_t k = 0; k < r.family.size(); ++k) {
    const auto& m = r.family[k];
    const auto net = workload::load_workload((std::filesystem::path(o.out) / fmt::format("member_{}.yaml", m.iteration)).string());
    rows.push_back({std::to_string(m.iteration), narrowed(k), m.width, m.holdout, m.test, net});
  }
  rows.push_back({"final", "", 0, -1, r.test_accuracy, r.network});
  write_family_csv(o.out, rows, timed, oracle.energy_column);
  std::cout << fmt::format("{}: {} iterations; test accuracy {:.2f}% -> {:.2f}% after the final fine-tune; family in {}\n", start.name,
                           r.family.back().iteration, 100 * r.family.front().test, 100 * r.test_accuracy, o.out);
}

void attach_family(const AdaptOptions& o, search::NetAdaptOptions& n, const AdaptOracle& oracle) {
  n.checkpoint_dir = o.out;
  n.run_key = adapt_run_key(o, n, oracle);
  n.on_member = [&o](const search::FamilyMember& m, const workload::Network& net) {
    write_member_workload(o.out, m, net);
    std::cerr << fmt::format("member {}: holdout {:.2f}%, test {:.2f}%, MACs {}, {} layers\n", m.iteration, 100 * m.holdout, 100 * m.test,
                             net.macs(), net.layers.size());
  };
  n.progress = [](const std::string& line) { std::cerr << line << "\n"; };
}

search::NetAdaptResult guarded_search(const AdaptOptions& o, bool fresh_dir, const std::function<search::NetAdaptResult()>& run) {
  search::NetAdaptResult r;
  try {
    r = run();
  } catch (const core::InputError&) {
    // A directory this run made and that holds no family member goes (a LUT cache at most).
    if (fresh_dir && !std::filesystem::exists(search::member_weights_path(o.out, 0))) std::filesystem::remove_all(o.out);
    throw;
  }
  if (!r.complete)
    std::cerr << fmt::format("stopped after {} iterations with a budget unmet; the same command with a larger --max-iterations continues\n",
                             r.family.back().iteration);
  return r;
}

int run_adapt(const AdaptOptions& o) {
  if (o.method == "v2") return run_adapt_v2(o);
  const auto wall_start = std::chrono::steady_clock::now();
  search::NetAdaptOptions n = netadapt_options(o);
  core::check_output_dir(o.out);  // before any file is read or anything trained
  const auto start = workload::load_workload(o.workload);
  const auto data = search::load_fashion_mnist(o.data);
  search::TorchTrainer trainer(data, start, o.weights, o.train);
  const bool fresh_dir = !std::filesystem::exists(o.out);
  core::prepare_output_dir(o.out);
  const AdaptOracle oracle = make_adapt_oracle(o);
  search::TimedOracle timed(*oracle.oracle);
  attach_family(o, n, oracle);
  search::TimedTrainer timed_trainer(trainer);
  const auto r = guarded_search(o, fresh_dir, [&] { return search::netadapt(start, timed, timed_trainer, n); });
  if (!r.complete) return 1;
  trainer.save((std::filesystem::path(o.out) / "final.weights").string());
  const auto groups = search::width_groups(start);
  write_adapt_outputs(
      o, start, r,
      [&](std::size_t k) {
        const auto& m = r.family[k];
        return m.group >= 0 ? start.layers[groups[static_cast<std::size_t>(m.group)].layers.front()].name : "";
      },
      timed, oracle);
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start).count();
  std::cout << fmt::format("wall time {:.1f} s, of which cost evaluation {:.3f} s ({:.3f}%, {} oracle calls)\n", wall, timed.seconds(),
                           100 * timed.seconds() / wall, timed.calls());
  std::cout << fmt::format("time in training: proposals fine-tuned and scored {:.1f} s, final fine-tune {:.1f} s\n", timed_trainer.search_s,
                           timed_trainer.finish_s);
  return 0;
}

}  // namespace hwaware::cli
