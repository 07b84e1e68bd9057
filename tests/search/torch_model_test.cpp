// A workload network as a trainable LibTorch module: the shipped Fashion-MNIST networks build with
// ten scores per image, training lowers the loss, and a layer the trainer cannot build is an input
// error naming it.

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "core/diagnostics.h"
#include "search/fashion_mnist.h"
#include "search/torch_model.h"
#include "workloads/workload_loader.h"

using namespace hwaware;

namespace {
workload::Network shipped(const std::string& name) {
  return workload::load_workload(std::string(HWAWARE_SOURCE_DIR) + "/workloads/networks/" + name + ".yaml");
}
}  // namespace

TEST_CASE("every shipped Fashion-MNIST network builds with ten scores per image", "[search][torch]") {
  for (const char* name : {"fmnist_vgg", "fmnist_mobilenet", "fmnist_resnet"}) {
    INFO(name);
    search::TorchModel model(shipped(name), 1);
    CHECK(model.output_shape(3) == std::vector<long long>{3, 10});
  }
}

TEST_CASE("training on Fashion-MNIST lowers the loss and beats chance", "[search][torch]") {
  const auto data = search::load_fashion_mnist();
  search::TorchModel model(shipped("fmnist_resnet"), 1);
  search::TrainOptions o;
  o.batch = 64;
  o.steps = 10;
  const double early = model.train(data.train, 0, 2000, o);
  o.steps = 60;
  o.seed = 2;
  const double later = model.train(data.train, 0, 2000, o);
  CHECK(later < early);
  CHECK(model.accuracy(data.test, 0, 1000) > 0.5);  // chance is 0.1
}

TEST_CASE("a layer type the trainer cannot build is an input error naming the layer", "[search][torch]") {
  auto net = shipped("fmnist_vgg");
  net.layers[3].type = "gemm";
  try {
    search::TorchModel model(net, 1);
    FAIL("expected an error");
  } catch (const core::InputError& e) {
    CHECK(e.diagnostics().front().message.find("gemm") != std::string::npos);
    CHECK(e.diagnostics().front().key_path.find("conv2_1") != std::string::npos);
  }
}

namespace {
std::string temp(const std::string& name) { return (std::filesystem::temp_directory_path() / ("hwaware-torch-" + name)).string(); }
}  // namespace

TEST_CASE("weights saved and loaded back reproduce the model exactly", "[search][torch]") {
  const auto data = search::load_fashion_mnist();
  const auto net = shipped("fmnist_mobilenet");
  search::TorchModel trained(net, 1);
  search::TrainOptions o;
  o.steps = 5;
  o.batch = 32;
  trained.train(data.train, 0, 1000, o);  // batch-norm statistics move away from their start
  const auto file = temp("saved.weights");
  trained.save(file);
  search::TorchModel loaded(net, 99);
  loaded.load(file);
  CHECK(loaded.accuracy(data.test, 0, 500) == trained.accuracy(data.test, 0, 500));
  CHECK_FALSE(std::filesystem::exists(file + ".tmp"));
}

TEST_CASE("weights of another network are refused, naming the layer and both shapes", "[search][torch]") {
  auto narrow = shipped("fmnist_vgg");
  const auto file = temp("vgg.weights");
  search::TorchModel(narrow, 1).save(file);
  narrow.layers[6].problem.bounds[static_cast<std::size_t>(narrow.layers[6].problem.dim_index("M"))] = 100;  // fc1: 100 outputs
  narrow.layers[7].problem.bounds[static_cast<std::size_t>(narrow.layers[7].problem.dim_index("C"))] = 100;
  search::TorchModel other(narrow, 1);
  try {
    other.load(file);
    FAIL("expected an error");
  } catch (const core::InputError& e) {
    std::string all;
    for (const auto& d : e.diagnostics()) all += core::format(d) + "\n";
    CHECK(all.find("fc1.weight") != std::string::npos);
    CHECK(all.find("[100, 3136]") != std::string::npos);
    CHECK(all.find("[128, 3136]") != std::string::npos);
    CHECK(all.find("fc2.weight") != std::string::npos);
  }
}

TEST_CASE("a file that is not a weights file is refused", "[search][torch]") {
  const auto file = temp("not.weights");
  std::ofstream(file) << "conv1: [1, 2, 3]\n";
  search::TorchModel model(shipped("fmnist_vgg"), 1);
  CHECK_THROWS_AS(model.load(file), core::InputError);
  CHECK_THROWS_AS(model.load(temp("missing.weights")), core::InputError);
}
