// NetAdapt's LibTorch trainer: a proposal's fine-tune is seeded by the proposal alone, so trying it
// twice, or after a restore from saved weights, gives the same holdout accuracy; a network that
// does not classify Fashion-MNIST is refused.

#include <catch2/catch.hpp>

#include <filesystem>

#include "core/diagnostics.h"
#include "search/network_surgery.h"
#include "search/torch_trainer.h"
#include "workloads/workload_loader.h"

using namespace hwaware;

namespace {
workload::Network shipped(const std::string& name) {
  return workload::load_workload(std::string(HWAWARE_SOURCE_DIR) + "/workloads/networks/" + name + ".yaml");
}
std::string temp(const std::string& name) { return (std::filesystem::temp_directory_path() / ("hwaware-trainer-" + name)).string(); }
}  // namespace

TEST_CASE("a proposal tried twice, or after a restore, gives the same holdout accuracy", "[search][torch]") {
  const auto data = search::load_fashion_mnist();
  const auto net = shipped("fmnist_resnet");
  const auto start = temp("start.weights");
  search::TorchModel(net, 1).save(start);
  search::TrainOptions o;
  o.batch = 16;
  search::TorchTrainer trainer(data, net, start, o);
  const auto groups = search::width_groups(net);
  const auto proposal = search::with_width(net, groups, 3, 24);
  const double first = trainer.try_proposal(proposal, 3, 3);
  const double second = trainer.try_proposal(proposal, 3, 3);
  CHECK(first == second);
  trainer.accept(proposal);
  const auto accepted = temp("accepted.weights");
  trainer.save(accepted);
  const auto next = search::with_width(proposal, groups, 0, 12);
  const double before = trainer.try_proposal(next, 0, 3);
  search::TorchTrainer resumed(data, net, start, o);
  resumed.restore(proposal, accepted);
  CHECK(resumed.try_proposal(next, 0, 3) == before);
}

TEST_CASE("the trainer refuses a network that does not take 28x28 images to 10 classes", "[search][torch]") {
  const auto data = search::load_fashion_mnist();
  auto net = shipped("fmnist_vgg");
  auto& fc2 = net.layers.back();
  fc2.problem.bounds[static_cast<std::size_t>(fc2.problem.dim_index("M"))] = 12;
  CHECK_THROWS_AS(search::TorchTrainer(data, net, temp("none.weights"), {}), core::InputError);
}
