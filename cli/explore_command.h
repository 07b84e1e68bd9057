#pragma once
// `hwaware explore --space SPACE.yaml --out DIR`: co-exploration of hardware and network shape.
// Every hardware point of the space (the product of its parameters' values) with every network,
// evaluated or searched there (cli/explore_point.h); DIR/points.csv holds every point, DIR/pareto.csv
// the Pareto front over (accuracy, energy, latency, area), --plot draws it. Finished points are
// journalled (search/point_journal.h): the same command after a kill redoes none of them. Under
// `mpirun -np N` the points are dealt round robin to the ranks and rank 0 writes the same files as
// a single process.

#include <CLI/CLI.hpp>
#include <memory>
#include <string>

#include "cli/mapper_flags.h"
#include "search/torch_model.h"

namespace hwaware::cli {

struct ExploreOptions {
  std::string space, out, plot, data;
  std::string ert;  // an Accelergy ERT pricing every hardware point (empty: the accelerator's own energies)
  MapperFlags mapper = search_mapper_flags();
  search::TrainOptions train;
  long long max_points = -1;  // stop after this many new points (the same command continues)
};

std::shared_ptr<ExploreOptions> add_explore_command(CLI::App& app);
int run_explore(const ExploreOptions& options);

}  // namespace hwaware::cli
