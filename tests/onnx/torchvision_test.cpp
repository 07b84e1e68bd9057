// Tests on torchvision's networks as torch.onnx.export writes them (the torchvision_onnx fixture,
// tests/onnx/export_torchvision.py, exports them into the build tree with their MAC totals counted
// from the PyTorch modules): the import's MAC totals are torchvision's, the written YAML reads back
// as the same network, a symbolic batch takes --batch, and ResNet-50 is the hand-written
// resnet50_torchvision.yaml layer for layer.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/diagnostics.h"
#include "workloads/same_network.h"
#include "workloads/workload_loader.h"
#include "workloads/workload_writer.h"

using namespace hwaware;
using Catch::Matchers::Contains;

namespace {

const std::string kModels = HWAWARE_ONNX_MODELS;

// The MAC totals the export counted from the PyTorch modules (forward hooks on Conv2d and Linear).
long long torchvision_macs(const std::string& name) {
  std::ifstream in(kModels + "/macs.json");
  REQUIRE(in);
  return nlohmann::json::parse(in).at("macs").at(name).get<long long>();
}

workload::Network load(const std::string& name, std::optional<long long> batch = std::nullopt) {
  return workload::load_workload(kModels + "/" + name + ".onnx", workload::LoadOptions{batch});
}

}  // namespace

TEST_CASE(
    "torchvision's ResNet-50 MobileNet V2 VGG-16 and GoogLeNet import with torchvision's MAC totals and write YAML read back as "
    "the same network",
    "[torchvision][macs]") {
  for (const char* name : {"resnet50", "mobilenet_v2", "vgg16", "googlenet"}) {
    INFO(name);
    const auto net = load(name);
    CHECK(net.macs() == torchvision_macs(name));
    const auto path = std::filesystem::temp_directory_path() / ("hwaware_torchvision_" + std::to_string(::getpid()) + ".yaml");
    std::ofstream(path) << workload::workload_yaml(net, "imported");
    const auto back = workload::load_workload(path.string());
    std::filesystem::remove(path);
    test::check_same_network(net, back);
  }
}

TEST_CASE("a model exported with a symbolic batch needs --batch and is evaluated at that batch", "[torchvision][batch]") {
  try {
    load("mobilenet_v2_dynamic");
    FAIL("imported without a batch");
  } catch (const core::InputError& e) {
    CHECK_THAT(core::format(e.diagnostics().at(0)),
               Contains("mobilenet_v2_dynamic.onnx: error: node '/features/features.0/features.0.0/Conv' "
                        "(Conv): dimension 0 of its input (N, C, H, W) 'input' (the batch) is not fixed "
                        "('batch'): pass --batch N"));
  }
  CHECK(load("mobilenet_v2_dynamic", 4).macs() == 4 * torchvision_macs("mobilenet_v2_dynamic"));
}

TEST_CASE("ResNet-50 from ONNX has the layers of resnet50_torchvision.yaml in order (names aside)", "[torchvision][resnet50]") {
  const auto onnx = load("resnet50");
  const auto yaml = workload::load_workload(std::string(HWAWARE_SOURCE_DIR) + "/workloads/networks/resnet50_torchvision.yaml");
  test::check_same_network(onnx, yaml, false);
}
