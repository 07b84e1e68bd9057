// Network surgery for NetAdapt: layers that must keep equal widths are grouped, and setting a
// group's width keeps every producer and consumer consistent.

#include <catch2/catch.hpp>

#include <map>

#include "search/consistency.h"
#include "search/network_surgery.h"
#include "workloads/workload_loader.h"

using namespace hwaware;

namespace {

workload::Network network(const std::string& name) {
  return workload::load_workload(std::string(HWAWARE_SOURCE_DIR) + "/workloads/networks/" + name + ".yaml");
}

std::size_t group_of(const std::vector<search::WidthGroup>& groups, const workload::Network& net, const std::string& layer) {
  for (std::size_t g = 0; g < groups.size(); ++g)
    for (std::size_t i : groups[g].layers)
      if (net.layers[i].name == layer) return g;
  FAIL("no group for " << layer);
  return 0;
}

}  // namespace

TEST_CASE("a residual stream is one width group, the output layer keeps its width", "[search]") {
  const auto net = network("resnet50");
  const auto groups = search::width_groups(net);
  const auto stream = group_of(groups, net, "res2a_branch2c");
  CHECK(group_of(groups, net, "res2a_branch1") == stream);
  CHECK(group_of(groups, net, "res2c_branch2c") == stream);
  CHECK(group_of(groups, net, "res3a_branch2c") != stream);
  CHECK(group_of(groups, net, "res2a_branch2a") != stream);
  CHECK(groups[stream].width == 256);
  CHECK_FALSE(groups[group_of(groups, net, "fc1000")].prunable);
  CHECK(groups[stream].prunable);
}

TEST_CASE("setting a width keeps producers and consumers consistent: residual, depthwise, concatenated, grouped", "[search]") {
  for (const char* name : {"resnet50", "mobilenet_v1", "googlenet", "fastdepth", "alexnet"}) {
    const auto net = network(name);
    const auto groups = search::width_groups(net);
    INFO(name);
    test::require_consistent(net);
    for (std::size_t g = 0; g < groups.size(); ++g) {
      if (!groups[g].prunable) continue;
      const long long half = std::max(groups[g].step, groups[g].width / 2 / groups[g].step * groups[g].step);
      const auto smaller = search::with_width(net, groups, g, half);
      test::require_consistent(smaller);
      CHECK(smaller.layers[groups[g].layers.front()].output_channels() == half);
      CHECK(smaller.macs() < net.macs());
    }
  }
}

TEST_CASE("a width below one channel or off the group's step is refused", "[search]") {
  const auto net = network("alexnet");
  const auto groups = search::width_groups(net);
  CHECK_THROWS(search::with_width(net, groups, 0, 0));
  const auto grouped = group_of(groups, net, "conv2");  // 2 groups on both sides
  CHECK(groups[grouped].step == 2);
  CHECK_THROWS(search::with_width(net, groups, grouped, 255));
}
