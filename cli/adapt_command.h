#pragma once
// `hwaware adapt`: NetAdapt on a trained network, against the cost oracle of a described
// accelerator, with Fashion-MNIST: V1 (search/netadapt.h) fine-tunes every proposal; V2
// (--method v2, search/netadapt_v2.h) trains one super-network with ordered dropout and scores
// sub-networks of it. Both write the family (each member's workload file and weights,
// family.csv) and checkpoint after every iteration: the same command after a kill continues.

#include <CLI/CLI.hpp>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "cli/accelerator_flags.h"
#include "cli/mapper_flags.h"
#include "search/cost_oracle.h"
#include "search/netadapt.h"
#include "search/netadapt_v2.h"
#include "search/torch_model.h"

namespace hwaware::cli {

struct AdaptOptions {
  AcceleratorFlags accelerator;  // --arch, --ert (not with --oracle measured)
  std::string workload, weights, out, data, oracle = "analytical", lut;
  std::vector<std::string> budgets;  // RESOURCE=PERCENT%
  std::string choose = "accuracy";   // or accuracy-per-resource
  search::NetAdaptOptions netadapt;
  std::string method = "v1";  // or v2
  bool short_steps_given = false;
  // V2 only: the super-network's training, the candidates per iteration, what is searched.
  long long supernet_steps = 1000;
  std::string supernet;  // a super-network trained by an earlier V2 run of the same network (its supernet.weights)
  search::CoordinateDescent descent;
  std::vector<std::string> search = {"width", "depth"};
  bool v2_option_given = false;
  search::TrainOptions train;
  MapperFlags mapper = search_mapper_flags();
};

std::shared_ptr<AdaptOptions> add_adapt_command(CLI::App& app);
int run_adapt(const AdaptOptions& o);

// Run by run_adapt for --method v2 (cli/adapt_v2.cpp).
int run_adapt_v2(const AdaptOptions& o);

// What V1 and V2 share: the oracle --oracle names behind its lookup table, what identifies the
// hardware it answers for (the accelerator's key, or this machine's CPU) and the column its
// energies go in; the checks of the options; the key identifying a run (a checkpoint of another
// run is refused); the family's files once a run is complete.
struct AdaptOracle {
  std::unique_ptr<search::CostOracle> oracle;
  std::string hardware, energy_column = "energy_pj";
};
AdaptOracle make_adapt_oracle(const AdaptOptions& o);
// Parses the budgets and checks them and the options against --oracle and --method.
search::NetAdaptOptions netadapt_options(const AdaptOptions& o);
std::string adapt_run_key(const AdaptOptions& o, const search::NetAdaptOptions& n, const AdaptOracle& oracle);
// Sets the family's checkpoint (in --out), the run's key and the reports of each member.
void attach_family(const AdaptOptions& o, search::NetAdaptOptions& n, const AdaptOracle& oracle);
// Runs the search; on bad input, removes --out if this run made it and it holds no family member;
// says how to continue a run stopped with a budget unmet.
search::NetAdaptResult guarded_search(const AdaptOptions& o, bool fresh_dir, const std::function<search::NetAdaptResult()>& run);
// Writes final.yaml and family.csv (each member's "narrowed" text given by `narrowed`), prints the
// summary; `wall_start` is when the command started.
void write_adapt_outputs(const AdaptOptions& o, const workload::Network& start, const search::NetAdaptResult& r,
                         const std::function<std::string(std::size_t member)>& narrowed, search::CostOracle& timed,
                         const AdaptOracle& oracle);

// "latency=50%" -> {latency, 0.5}. Throws core::InputError (location "--budget") otherwise.
search::Budget parse_budget(const std::string& text);

}  // namespace hwaware::cli
