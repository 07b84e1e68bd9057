// NetAdapt V2's search space: width choices, a bypassed layer leaving the network (and its cost
// leaving the simulated metrics), kernels shrunk to their centre, and dimensions a network cannot
// search refused.

#include <catch2/catch.hpp>

#include <algorithm>

#include "arch/arch_loader.h"
#include "core/diagnostics.h"
#include "search/analytical_oracle.h"
#include "search/subnet_space.h"
#include "workloads/workload_loader.h"

using namespace hwaware;

namespace {
workload::Network shipped(const std::string& name) {
  return workload::load_workload(std::string(HWAWARE_SOURCE_DIR) + "/workloads/networks/" + name + ".yaml");
}
std::size_t dim(const search::SubnetSpace& s, const std::string& name, search::Dimension::Kind kind = search::Dimension::Kind::width) {
  for (std::size_t k = 0; k < s.dims.size(); ++k)
    if (s.dims[k].name == name && s.dims[k].kind == kind) return k;
  FAIL("no dimension " << name);
  return 0;
}
const workload::Layer* layer(const workload::Network& n, const std::string& name) {
  for (const auto& l : n.layers)
    if (l.name == name) return &l;
  return nullptr;
}
}  // namespace

TEST_CASE("only a layer keeping its input's shape may be bypassed, and the output layer is not searched", "[search]") {
  const auto s = search::subnet_space(shipped("fmnist_vgg"), {});
  REQUIRE(s.dims.size() == 5);  // conv1_1, conv1_2, conv2_1, conv2_2, fc1; not fc2
  CHECK(s.dims[dim(s, "conv1_2")].choices == std::vector<long long>{0, 4, 8, 12, 16, 20, 24, 28, 32});
  CHECK(s.dims[dim(s, "conv2_2")].choices.front() == 0);
  CHECK(s.dims[dim(s, "conv1_1")].choices.front() == 4);  // 1 -> 32 channels: no input to stand in
  CHECK(s.dims[dim(s, "conv2_1")].choices.front() == 8);  // 32 -> 64
  CHECK(s.dims[dim(s, "fc1")].choices == std::vector<long long>{16, 32, 48, 64, 80, 96, 112, 128});
  search::SearchDimensions no_depth;
  no_depth.depth = false;
  const auto w = search::subnet_space(shipped("fmnist_vgg"), no_depth);
  CHECK(w.dims[dim(w, "conv1_2")].choices.front() == 4);
}

TEST_CASE("a bypassed layer leaves the network and its consumers read its input at its input's width", "[search]") {
  const auto s = search::subnet_space(shipped("fmnist_vgg"), {});
  auto c = search::largest(s);
  c[dim(s, "conv1_1")] = 16;
  c[dim(s, "conv1_2")] = 0;
  const auto n = search::subnetwork(s, c);
  REQUIRE(n.layers.size() == 7);
  CHECK(layer(n, "conv1_2") == nullptr);
  CHECK(layer(n, "pool1")->inputs == std::vector<std::string>{"conv1_1"});
  CHECK(layer(n, "pool1")->input_channels() == 16);
  CHECK(layer(n, "conv2_1")->input_channels() == 16);
  CHECK(search::describe_change(s, search::largest(s), c) == "conv1_1 32->16, conv1_2 bypassed");
}

TEST_CASE("a bypassed layer's cost leaves the simulated metrics and the other layers cost what they did", "[search]") {
  const auto s = search::subnet_space(shipped("fmnist_vgg"), {});
  mapping::MapperOptions mapper;
  mapper.objectives = {mapping::Objective::edp};
  mapper.max_evaluations = 3000;
  mapper.patience = 600;
  search::AnalyticalOracle oracle(arch::load_arch(std::string(HWAWARE_SOURCE_DIR) + "/arch/presets/eyeriss_like.yaml"), mapper);
  const auto full = oracle.metrics(s.super);
  auto c = search::largest(s);
  c[dim(s, "conv2_2")] = 0;
  const auto cut = oracle.metrics(search::subnetwork(s, c));
  REQUIRE(cut.layers.size() + 1 == full.layers.size());
  double removed_pj = 0, removed_s = 0;
  for (const auto& l : full.layers) {
    const auto it = std::find_if(cut.layers.begin(), cut.layers.end(), [&](const auto& x) { return x.layer == l.layer; });
    if (it == cut.layers.end()) {
      CHECK(l.layer == "conv2_2");
      removed_pj = l.energy_pj;
      removed_s = l.latency_s;
      continue;
    }
    CHECK(it->energy_pj == Approx(l.energy_pj).epsilon(1e-12));
    CHECK(it->latency_s == Approx(l.latency_s).epsilon(1e-12));
  }
  CHECK(removed_pj > 0);
  CHECK(cut.energy_pj == Approx(full.energy_pj - removed_pj).epsilon(1e-9));
  CHECK(cut.latency_s == Approx(full.latency_s - removed_s).epsilon(1e-9));
}

TEST_CASE("a kernel shrunk to its centre keeps the output size and scales the layer's MACs", "[search]") {
  search::SearchDimensions d;
  d.kernel_layers = {"conv1_1"};
  const auto s = search::subnet_space(shipped("fmnist_vgg"), d);
  const std::size_t k = dim(s, "conv1_1", search::Dimension::Kind::kernel);
  CHECK(s.dims[k].choices == std::vector<long long>{1, 3});
  auto c = search::largest(s);
  c[k] = 1;
  const auto n = search::subnetwork(s, c);
  const auto* shrunk = layer(n, "conv1_1");
  CHECK(shrunk->window.kernel_h == 1);
  CHECK(shrunk->window.pad_h == 0);
  CHECK(shrunk->macs() * 9 == layer(s.super, "conv1_1")->macs());
  CHECK(shrunk->output_values() == layer(s.super, "conv1_1")->output_values());
}

TEST_CASE("a kernel the network cannot search is refused, naming the layer", "[search]") {
  search::SearchDimensions one_by_one;
  one_by_one.kernel_layers = {"block1_pw"};
  try {
    search::subnet_space(shipped("fmnist_mobilenet"), one_by_one);
    FAIL("a 1x1 kernel was accepted");
  } catch (const core::InputError& e) {
    CHECK_THAT(e.what(), Catch::Contains("block1_pw") && Catch::Contains("1x1"));
  }
  search::SearchDimensions missing;
  missing.kernel_layers = {"conv9"};
  CHECK_THROWS_AS(search::subnet_space(shipped("fmnist_vgg"), missing), core::InputError);
  search::SearchDimensions pool;
  pool.kernel_layers = {"pool1"};
  CHECK_THROWS_AS(search::subnet_space(shipped("fmnist_vgg"), pool), core::InputError);
}

TEST_CASE("the smallest configuration is a valid network of every dimension's smallest choice", "[search]") {
  search::SearchDimensions d;
  d.all_kernels = true;
  const auto s = search::subnet_space(shipped("fmnist_resnet"), d);
  const auto n = search::subnetwork(s, search::smallest(s));
  CHECK(layer(n, "block1_conv1") == nullptr);  // the one ResNet layer keeping its input's shape alone in its group
  CHECK(layer(n, "block1_conv2")->inputs == std::vector<std::string>{"stem"});
  CHECK(n.macs() < s.super.macs() / 10);
  CHECK(n.layers.back().output_channels() == 10);
}

TEST_CASE("at a lower resolution every map follows the input, and a network whose FC layer reads a map cannot search it", "[search]") {
  search::SearchDimensions d;
  d.resolution = true;
  const auto s = search::subnet_space(shipped("fmnist_resnet"), d);
  const std::size_t k = dim(s, "resolution", search::Dimension::Kind::resolution);
  CHECK(s.dims[k].choices == std::vector<long long>{16, 20, 24, 28});
  auto c = search::largest(s);
  c[k] = 20;
  const auto n = search::subnetwork(s, c);
  CHECK(layer(n, "stem")->window.in_height == 20);
  CHECK(layer(n, "stem")->macs() * 28 * 28 == layer(s.super, "stem")->macs() * 20 * 20);
  CHECK(layer(n, "block2_conv2")->window.in_height == 10);
  CHECK(layer(n, "block3_add")->output_values() == 64 * 5 * 5);
  CHECK(layer(n, "avg_pool")->window.kernel_h == 5);  // a global pool takes the whole smaller map
  CHECK(layer(n, "fc")->macs() == layer(s.super, "fc")->macs());
  try {
    search::subnet_space(shipped("fmnist_vgg"), d);
    FAIL("VGG's resolution was searched although fc1 reads a 7x7 map");
  } catch (const core::InputError& e) {
    CHECK_THAT(e.what(), Catch::Contains("fc1") && Catch::Contains("7x7"));
  }
}
