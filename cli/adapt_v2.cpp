// `hwaware adapt --method v2`: NetAdaptV2 (search/netadapt_v2.h) with the LibTorch super-network
// (search/torch_supernet.h). The super-network is trained once per run (or taken from an earlier
// run of the same network with --supernet) and kept in OUT/supernet.weights beside the checkpoint,
// so a resumed run does not train it again.

#include <fmt/format.h>
#include <chrono>
#include <filesystem>
#include <iostream>

#include "cli/adapt_command.h"
#include "cli/family_files.h"
#include "core/diagnostics.h"
#include "core/output_file.h"
#include "search/family_checkpoint.h"
#include "search/fashion_mnist.h"
#include "search/timed_oracle.h"
#include "search/timed_training.h"
#include "search/torch_supernet.h"
#include "workloads/workload_loader.h"

namespace hwaware::cli {
namespace {

search::SearchDimensions search_dimensions(const std::vector<std::string>& words) {
  search::SearchDimensions d;
  d.depth = false;
  for (const auto& w : words) {
    if (w == "width") continue;
    if (w == "depth") d.depth = true;
    else if (w == "kernel") d.all_kernels = true;
    else if (w == "resolution") d.resolution = true;
    else if (w.rfind("kernel=", 0) == 0 && w.size() > 7) d.kernel_layers.push_back(w.substr(7));
    else
      throw core::InputError(core::SourceLoc{"--search", 0, 0}, "--search",
                             "expected width, depth, kernel, kernel=LAYER or resolution, found '" + w + "'");
  }
  return d;
}

double seconds_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

}  // namespace

int run_adapt_v2(const AdaptOptions& o) {
  const auto wall_start = std::chrono::steady_clock::now();
  search::NetAdaptOptions n = netadapt_options(o);
  core::check_output_dir(o.out);  // before any file is read or anything trained
  const auto start = workload::load_workload(o.workload);
  const auto space = search::subnet_space(start, search_dimensions(o.search));
  const auto data = search::load_fashion_mnist(o.data);
  search::TorchSupernet supernet(data, space, o.weights, o.train);
  if (!o.supernet.empty()) supernet.load_super(o.supernet);  // before anything is written: another network's is refused here
  const bool fresh_dir = !std::filesystem::exists(o.out);
  core::prepare_output_dir(o.out);
  const AdaptOracle oracle = make_adapt_oracle(o);
  search::TimedOracle timed(*oracle.oracle);
  attach_family(o, n, oracle);
  search::CoordinateDescent descent = o.descent;
  descent.seed = o.train.seed;
  const std::string super_path = (std::filesystem::path(o.out) / "supernet.weights").string();
  double train_s = 0;
  search::TimedSupernet timed_supernet(supernet);
  const auto r = guarded_search(o, fresh_dir, [&] {
    search::reachable_budgets(space, timed, n.budgets);  // before the super-network trains
    // The super-network of this run (the checkpoint says so), or the one given, is reused; otherwise it trains.
    if (!search::read_family_checkpoint(o.out, n.run_key).empty() && std::filesystem::exists(super_path)) {
      supernet.load_super(super_path);
    } else if (!o.supernet.empty()) {
      supernet.save_super(super_path);
    } else {
      const auto t = std::chrono::steady_clock::now();
      std::cerr << fmt::format("training the super-network with ordered dropout: {} steps, {} dimensions\n", o.supernet_steps,
                               space.dims.size());
      supernet.train(o.supernet_steps);
      supernet.save_super(super_path);
      train_s = seconds_since(t);
    }
    return search::netadapt_v2(space, timed, timed_supernet, n, descent);
  });
  if (!r.complete) return 1;
  write_adapt_outputs(
      o, start, r,
      [&](std::size_t k) { return k == 0 ? std::string() : search::describe_change(space, r.family[k - 1].widths, r.family[k].widths); },
      timed, oracle);
  const double wall = seconds_since(wall_start);
  std::cout << fmt::format("final network: {} layers (of {}), {}\n", r.network.layers.size(), start.layers.size(),
                           search::describe_change(space, search::largest(space), r.family.back().widths));
  std::cout << fmt::format(
      "wall time {:.1f} s, of which super-network training {:.1f} s and cost evaluation {:.3f} s ({:.3f}%, {} oracle calls)\n", wall,
      train_s, timed.seconds(), 100 * timed.seconds() / wall, timed.calls());
  std::cout << fmt::format("time in training: super-network {:.1f} s, candidates cut out and scored {:.1f} s, final fine-tune {:.1f} s\n",
                           train_s, timed_supernet.search_s, timed_supernet.finish_s);
  return 0;
}

}  // namespace hwaware::cli
