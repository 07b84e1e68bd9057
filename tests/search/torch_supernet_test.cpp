// NetAdapt V2's LibTorch super-network: a sub-network cut out of it computes what the super-network
// computes under the same ordered dropout, bypass and kernel; and ordered dropout trains the
// smaller sub-networks too, where plain training of the same steps leaves them poor.

// LibTorch defines its own CHECK macro: this file uses Catch's prefixed ones.
#define CATCH_CONFIG_PREFIX_ALL
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "core/diagnostics.h"
#include "search/torch_network.h"
#include "search/torch_supernet.h"
#include "search/torch_trainer.h"
#include "workloads/workload_loader.h"

using namespace hwaware;

namespace {

std::string temp(const std::string& name) { return (std::filesystem::temp_directory_path() / ("hwaware-supernet-" + name)).string(); }

// A small CNN for Fashion-MNIST, so that training in a test takes seconds.
workload::Network small_cnn() {
  const std::string path = temp("small.yaml");
  std::ofstream(path) << R"(workload:
  name: small_cnn
  layers:
    - {name: conv1, type: conv2d, in_channels: 1, out_channels: 16, input: [28, 28], kernel: 3, padding: 1}
    - {name: pool1, type: pool, mode: max, channels: 16, input: [28, 28], kernel: 2, stride: 2}
    - {name: conv2, type: conv2d, in_channels: 16, out_channels: 16, input: [14, 14], kernel: 3, padding: 1}
    - {name: pool2, type: pool, mode: max, channels: 16, input: [14, 14], kernel: 2, stride: 2}
    - {name: fc1, type: fc, in_features: 784, out_features: 64}
    - {name: fc2, type: fc, in_features: 64, out_features: 10}
)";
  return workload::load_workload(path);
}

std::size_t dim(const search::SubnetSpace& s, const std::string& name, search::Dimension::Kind kind = search::Dimension::Kind::width) {
  for (std::size_t k = 0; k < s.dims.size(); ++k)
    if (s.dims[k].name == name && s.dims[k].kind == kind) return k;
  CATCH_FAIL("no dimension " << name);
  return 0;
}

// The outputs for 4 random images of the super-network under ordered dropout at configuration c
// (every image the same sub-network), and of the sub-network cut out of it: two computations.
std::pair<torch::Tensor, torch::Tensor> masked_and_cut(const search::SubnetSpace& s, const search::SubnetConfig& c) {
  torch::manual_seed(3);
  search::TorchNetwork super(s.super);
  super.eval();
  for (auto& n : super.nodes)  // statistics of their own, so that the cut must carry them over
    if (n.norm) {
      torch::NoGradGuard no_grad;
      n.norm->running_mean.uniform_(-0.5, 0.5);
      n.norm->running_var.uniform_(0.5, 2.0);
      n.norm->weight.uniform_(0.5, 1.5);
      n.norm->bias.uniform_(-0.2, 0.2);
    }
  const long long images = 4;
  std::vector<std::vector<long long>> values;  // every image the same sub-network
  for (long long v : c) values.emplace_back(images, v);
  const auto sample = search::subnet_sample(s, super, values);
  std::vector<long long> kept(super.nodes.size(), -1);
  std::vector<bool> bypass(super.nodes.size(), false);
  for (std::size_t k = 0; k < s.dims.size(); ++k) {
    if (s.dims[k].kind != search::Dimension::Kind::width) continue;
    for (std::size_t i : s.groups[s.dims[k].index].layers) {
      kept[i] = c[k];
      bypass[i] = c[k] == 0;
    }
  }
  torch::NoGradGuard no_grad;
  const torch::Tensor x = torch::randn({images, 1, 28, 28});
  super.sample = &sample;
  const torch::Tensor masked = super.forward(x);
  super.sample = nullptr;
  auto cut = search::extract(
      super, search::subnetwork(s, c), [&](std::size_t i) { return kept[i]; }, bypass);
  cut->eval();
  return {masked, cut->forward(x)};
}

}  // namespace

CATCH_TEST_CASE("a sub-network cut out of the super-network computes what the super-network computes under ordered dropout",
                "[search][torch]") {
  search::SearchDimensions d;
  d.kernel_layers = {"conv2_1"};
  const auto s = search::subnet_space(workload::load_workload(std::string(HWAWARE_SOURCE_DIR) + "/workloads/networks/fmnist_vgg.yaml"), d);
  auto c = search::largest(s);
  c[dim(s, "conv1_1")] = 12;
  c[dim(s, "conv1_2")] = 0;  // bypassed: conv2_1 reads conv1_1's 12 channels through pool1
  c[dim(s, "conv2_2")] = 24;
  c[dim(s, "fc1")] = 48;
  c[dim(s, "conv2_1", search::Dimension::Kind::kernel)] = 1;
  const auto [masked, direct] = masked_and_cut(s, c);
  CATCH_REQUIRE(direct.sizes() == masked.sizes());
  CATCH_CHECK(torch::allclose(direct, masked, 1e-4, 1e-5));
}

CATCH_TEST_CASE(
    "a sub-network at a lower resolution, with residual widths cut and a block's layer bypassed, computes what the super-network computes",
    "[search][torch]") {
  search::SearchDimensions d;
  d.resolution = true;
  const auto s =
      search::subnet_space(workload::load_workload(std::string(HWAWARE_SOURCE_DIR) + "/workloads/networks/fmnist_resnet.yaml"), d);
  auto c = search::largest(s);
  c[dim(s, "stem")] = 8;  // the first residual group: stem, block1_conv2, block1_add
  c[dim(s, "block1_conv1")] = 0;
  c[dim(s, "block2_conv1")] = 12;
  c[dim(s, "resolution", search::Dimension::Kind::resolution)] = 20;
  const auto [masked, direct] = masked_and_cut(s, c);
  CATCH_REQUIRE(direct.sizes() == masked.sizes());
  CATCH_CHECK(torch::allclose(direct, masked, 1e-4, 1e-5));
}

CATCH_TEST_CASE("a MobileNet sub-network, its depthwise layers following their inputs' cut, computes what the super-network computes",
                "[search][torch]") {
  search::SearchDimensions d;
  d.resolution = true;
  const auto s =
      search::subnet_space(workload::load_workload(std::string(HWAWARE_SOURCE_DIR) + "/workloads/networks/fmnist_mobilenet.yaml"), d);
  auto c = search::largest(s);
  c[dim(s, "conv1")] = 6;  // and block1_dw, which follows it
  c[dim(s, "block2_pw")] = 40;
  c[dim(s, "block3_pw")] = 0;  // bypassed: block4_dw follows block3_dw's 40 channels
  c[dim(s, "block4_pw")] = 96;
  c[dim(s, "resolution", search::Dimension::Kind::resolution)] = 24;
  const auto [masked, direct] = masked_and_cut(s, c);
  CATCH_REQUIRE(direct.sizes() == masked.sizes());
  CATCH_CHECK(torch::allclose(direct, masked, 1e-4, 1e-5));
}

CATCH_TEST_CASE("ordered dropout trains the smaller sub-networks, which plain training of the same steps does not", "[search][torch]") {
  const auto data = search::load_fashion_mnist();
  const auto net = small_cnn();
  const auto s = search::subnet_space(net, {});
  auto quarter = search::largest(s);  // conv1, conv2 at 4 of 16 channels, fc1 at 16 of 64
  quarter[dim(s, "conv1")] = 4;
  quarter[dim(s, "conv2")] = 4;
  quarter[dim(s, "fc1")] = 16;
  const auto sub = search::subnetwork(s, quarter);
  const std::string init = temp("init.weights");
  search::TorchModel(net, 1).save(init);
  search::TrainOptions o;
  o.batch = 64;
  o.learning_rate = 0.05;

  search::TorchSupernet od(data, s, init, o);
  const double at_init = od.holdout_accuracy(sub, quarter);
  od.train(300);
  const double after = od.holdout_accuracy(sub, quarter);
  const double whole = od.holdout_accuracy(s.super, search::largest(s));

  search::TorchModel plain(net, 1);
  plain.load(init);
  search::TrainOptions p = o;
  p.steps = 300;
  plain.train(data.train, 0, search::training_images(data), p);
  const std::string plain_path = temp("plain.weights");
  plain.save(plain_path);
  search::TorchSupernet plain_cut(data, s, plain_path, o);
  const double plain_quarter = plain_cut.holdout_accuracy(sub, quarter);
  const double plain_whole = plain_cut.holdout_accuracy(s.super, search::largest(s));
  CATCH_INFO("quarter-width holdout accuracy: at initialization "
             << at_init << ", after ordered dropout " << after << ", after plain training " << plain_quarter << "; whole network: " << whole
             << " (ordered dropout), " << plain_whole << " (plain)");
  CATCH_CHECK(after >= at_init + 0.4);
  CATCH_CHECK(after >= plain_quarter + 0.1);
  CATCH_CHECK(whole >= plain_whole - 0.05);  // the whole network is still trained
}
