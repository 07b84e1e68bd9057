#include "cli/explore_point.h"

#include <fmt/format.h>
#include <filesystem>
#include <iostream>

#include "cli/adapt_command.h"
#include "cli/family_files.h"
#include "cli/prune_command.h"
#include "search/analytical_oracle.h"
#include "search/energy_aware_pruning.h"
#include "search/netadapt.h"
#include "search/torch_pruning_trainer.h"
#include "search/torch_trainer.h"

namespace hwaware::cli {

PointRunner::PointRunner(const ExploreSpace& space, const MapperFlags& mapper, const search::TrainOptions& train, std::string data_dir)
    : space_(space), mapper_(mapper), train_(train), data_dir_(std::move(data_dir)) {}

const search::FashionMnist& PointRunner::data() {
  if (!data_) data_ = std::make_unique<search::FashionMnist>(search::load_fashion_mnist(data_dir_));
  return *data_;
}

double PointRunner::given_accuracy(const SpaceNetwork& network, const workload::Network& net) {
  if (network.weights.empty()) return -1;
  const auto it = accuracy_.find(network.weights);
  if (it != accuracy_.end()) return it->second;
  search::TorchModel model(net, train_.seed);
  search::require_fashion_mnist_shape(net, model);
  model.load(network.weights);
  const double a = model.accuracy(data().test, 0, data().test.count);
  return accuracy_[network.weights] = a;
}

PointResult PointRunner::run(const model::Accelerator& accelerator, const SpaceNetwork& network, const workload::Network& net,
                             const std::string& dir, const std::string& key) {
  search::AnalyticalOracle oracle(accelerator, map_options(mapper_, true));
  PointResult r;
  workload::Network result = net;
  const SpaceSearch& s = space_.search;
  if (s.method == "evaluate") {
    r.accuracy = given_accuracy(network, net);
  } else {
    std::filesystem::create_directories(dir);
    if (s.method == "netadapt") {
      search::NetAdaptOptions n;
      for (const auto& b : s.budgets) n.budgets.push_back(parse_budget(b));
      n.step_fraction = s.step;
      n.short_steps = s.short_steps;
      n.long_steps = s.long_steps;
      n.checkpoint_dir = dir;
      n.run_key = key;
      search::TorchTrainer trainer(data(), net, network.weights, train_);
      const auto a = search::netadapt(net, oracle, trainer, n);
      if (!a.complete) throw core::InputError(network.loc, "space.search", "NetAdapt stopped with a budget unmet at " + dir);
      result = a.network;
      r.accuracy = a.test_accuracy;
      trainer.save((std::filesystem::path(dir) / "final.weights").string());
    } else {
      search::PruneOptions p;
      p.tolerance = parse_tolerance(s.tolerance);
      p.step = s.step;
      p.short_steps = s.short_steps;
      p.long_steps = s.long_steps;
      search::TorchPruningTrainer trainer(data(), net, network.weights, train_);
      const auto e = search::energy_aware_pruning(net, oracle, trainer, p);
      result = e.network;
      r.accuracy = e.test_after;
      trainer.save((std::filesystem::path(dir) / "final.weights").string());
    }
    write_family_workload(
        dir, "final", fmt::format("{}'s network found by {} at this hardware point (weights: final.weights)", net.name, s.method), result);
    r.network_file = (std::filesystem::path(dir) / "final.yaml").string();
  }
  const auto m = oracle.metrics(result);
  r.energy_pj = m.energy_pj;
  r.latency_s = m.latency_s;
  r.area_um2 = m.area_um2;
  r.macs = result.macs();
  r.weights = search::weight_count(result);
  return r;
}

}  // namespace hwaware::cli
