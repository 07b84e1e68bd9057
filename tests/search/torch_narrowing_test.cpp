// Narrowing a trained network for NetAdapt: the filters of largest L2 norm survive and every
// consumer keeps the matching inputs. Checked by silencing filters (zero weights): a network
// narrowed to the remaining ones must compute exactly what the whole network computes.

// LibTorch defines its own CHECK macro: this file uses Catch's prefixed ones.
#define CATCH_CONFIG_PREFIX_ALL
#include <catch2/catch.hpp>

#include <set>

#include "search/network_surgery.h"
#include "search/torch_network.h"
#include "workloads/workload_loader.h"

using namespace hwaware;

namespace {

workload::Network shipped(const std::string& name) {
  return workload::load_workload(std::string(HWAWARE_SOURCE_DIR) + "/workloads/networks/" + name + ".yaml");
}

// Zeroes every third filter of the group's producers (their BN keeps its initial zero mean and
// bias), so those channels are zero everywhere; returns how many filters remain.
long long silence_every_third(search::TorchNetwork& net, const search::WidthGroup& group) {
  torch::NoGradGuard no_grad;
  long long kept = 0;
  for (long long c = 0; c < group.width; ++c) {
    if (c % 3 != 1) {
      ++kept;
      continue;
    }
    for (std::size_t i : group.layers) {
      auto& n = net.nodes[i];
      if (!n.produces()) continue;
      if (n.conv) n.conv->weight[c].zero_();
      if (n.linear) {
        n.linear->weight[c].zero_();
        n.linear->bias[c].zero_();
      }
    }
  }
  return kept;
}

}  // namespace

CATCH_TEST_CASE("a network narrowed to its strongest filters computes what it computed with the others silenced", "[search][torch]") {
  torch::manual_seed(3);
  for (const char* name : {"fmnist_vgg", "fmnist_mobilenet", "fmnist_resnet"}) {
    const auto net = shipped(name);
    const auto groups = search::width_groups(net);
    for (std::size_t g = 0; g < groups.size(); ++g) {
      if (!groups[g].prunable) continue;
      CATCH_INFO(name << ", group of layer " << net.layers[groups[g].layers.front()].name);
      search::TorchNetwork whole(net);
      const long long width = silence_every_third(whole, groups[g]);
      const auto proposal = search::with_width(net, groups, g, width);
      auto narrowed = search::narrow(whole, proposal, groups[g].layers);
      whole.eval();
      narrowed->eval();
      const auto x = torch::randn({4, 1, 28, 28});
      const auto expected = whole.forward(x);
      const auto found = narrowed->forward(x);
      CATCH_CHECK(found.sizes() == expected.sizes());
      CATCH_CHECK(torch::allclose(found, expected, 1e-4, 1e-5));
      CATCH_CHECK(narrowed->nodes[groups[g].layers.front()].out_channels == width);
    }
  }
}

CATCH_TEST_CASE("narrowing keeps the strongest filters in their original order", "[search][torch]") {
  torch::manual_seed(4);
  const auto net = shipped("fmnist_vgg");
  const auto groups = search::width_groups(net);
  search::TorchNetwork whole(net);
  torch::NoGradGuard no_grad;
  auto& w = whole.nodes[0].conv->weight;  // conv1_1: 32 filters, filter c scaled by (c % 8) + 1
  for (long long c = 0; c < 32; ++c) w[c].fill_(static_cast<double>(c % 8 + 1));
  const auto narrowed = search::narrow(whole, search::with_width(net, groups, 0, 8), groups[0].layers);
  const auto& kept = narrowed->nodes[0].conv->weight;
  CATCH_REQUIRE(kept.size(0) == 8);
  // Filters 6, 7, 14, 15, 22, 23, 30, 31 (scaled by 7 and 8), in that order.
  for (long long c = 0; c < 8; ++c) CATCH_CHECK(kept[c].flatten()[0].item<double>() == (c % 2 ? 8.0 : 7.0));
}
