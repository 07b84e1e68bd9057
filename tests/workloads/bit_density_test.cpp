// Tests of the workload's `bit_density` (the fraction of an element's bits that are 1): its default,
// the workload's value inherited by every layer and overridden by a layer, its range, its place in
// the shape keys that memos and lookup tables use, and the writer's round trip.
#include <catch2/catch.hpp>

#include <string>

#include "models/network_mapper.h"
#include "workloads/native_workload.h"
#include "workloads/workload_writer.h"
#include "yaml_doc.h"

using namespace hwaware;

namespace {

workload::Network read(test::Doc& d) { return workload::read_native_workload(d.get("workload")); }

double bit_density(const workload::Layer& l, const char* tensor) {
  const int i = l.problem.data_space_index(tensor);
  REQUIRE(i >= 0);
  return l.problem.data_spaces[static_cast<std::size_t>(i)].bit_density;
}

const char* kTwoLayers = R"(workload:
  bit_density: {inputs: 0.21}
  layers:
    - {name: a, type: conv2d, in_channels: 4, out_channels: 8, input: 6, kernel: 3}
    - {name: b, type: fc, in_features: 128, out_features: 10, bit_density: {inputs: 0.4, weights: 0.3}}
)";

}  // namespace

TEST_CASE("bits are random by default: a bit density of 0.5 for every tensor", "[bit_density]") {
  test::Doc d("workload:\n  layers:\n    - {name: a, type: conv2d, in_channels: 4, out_channels: 8, input: 6, kernel: 3}\n", "w.yaml");
  const auto net = read(d);
  REQUIRE(d.sink.empty());
  for (const auto& ds : net.layers.at(0).problem.data_spaces) CHECK(ds.bit_density == 0.5);
}

TEST_CASE("a workload's bit density is every layer's, and a layer's replaces it for the tensors it names", "[bit_density]") {
  test::Doc d(kTwoLayers, "w.yaml");
  const auto net = read(d);
  REQUIRE(d.sink.empty());
  CHECK(bit_density(net.layers[0], "Inputs") == 0.21);
  CHECK(bit_density(net.layers[0], "Weights") == 0.5);
  CHECK(bit_density(net.layers[1], "Inputs") == 0.4);
  CHECK(bit_density(net.layers[1], "Weights") == 0.3);
  CHECK(bit_density(net.layers[1], "Outputs") == 0.5);
}

TEST_CASE("a bit density outside [0, 1] or not a number is an error at its place", "[bit_density]") {
  for (const std::string value : {"1.5", "-0.1", "nan", "half"}) {
    test::Doc d("workload:\n  layers:\n    - {name: a, type: fc, in_features: 4, out_features: 4, bit_density: {inputs: " + value + "}}\n",
                "w.yaml");
    read(d);
    INFO(value);
    REQUIRE(d.sink.diagnostics().size() == 1);
    const auto& e = d.sink.diagnostics().front();
    CHECK(e.loc.line == 3);
    CHECK(e.loc.column == 82);
    CHECK(e.key_path == "workload.layers[0].bit_density.inputs");
  }
  test::Doc zero(
      "workload:\n  bit_density: {inputs: 0, weights: 1}\n  layers:\n    - {name: a, type: fc, in_features: 4, out_features: 4}\n",
      "w.yaml");
  read(zero);
  CHECK(zero.sink.empty());  // all zeros and all ones are bit densities too
}

TEST_CASE("outputs have no bit density (nothing is driven by them)", "[bit_density]") {
  test::Doc d("workload:\n  bit_density: {outputs: 0.5}\n  layers:\n    - {name: a, type: fc, in_features: 4, out_features: 4}\n",
              "w.yaml");
  read(d);
  CHECK(d.mentions("unknown key 'outputs'", 2));
}

TEST_CASE("layers that differ only in bit density have different shape keys, random bits keep the old key", "[bit_density]") {
  test::Doc d(kTwoLayers, "w.yaml");
  auto net = read(d);
  auto a = net.layers[0].problem, b = a;
  b.data_spaces[static_cast<std::size_t>(b.data_space_index("Inputs"))].bit_density = 0.5;
  CHECK(model::shape_key(a) != model::shape_key(b));
  CHECK(model::shape_key(b).find(":b") == std::string::npos);
}

TEST_CASE("bit densities round-trip through the writer, written where they differ from the workload's", "[bit_density]") {
  test::Doc d(kTwoLayers, "w.yaml");
  const auto net = read(d);
  const std::string text = workload::workload_yaml(net);
  CHECK(text.find("  bit_density: {inputs: 0.21}\n") != std::string::npos);
  CHECK(text.find("bit_density: {weights: 0.3, inputs: 0.4}") != std::string::npos);
  test::Doc back(text, "back.yaml");
  const auto again = read(back);
  REQUIRE(back.sink.empty());
  for (std::size_t i = 0; i < net.layers.size(); ++i)
    for (std::size_t t = 0; t < net.layers[i].problem.data_spaces.size(); ++t)
      CHECK(again.layers[i].problem.data_spaces[t].bit_density == net.layers[i].problem.data_spaces[t].bit_density);
}
