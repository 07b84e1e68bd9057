// Tests of the workload writer: every shipped network, written and read back, gives the same layers
// (and the same text as its file); narrowed networks, settings and odd names round-trip; layers the
// format cannot express are refused by name.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "workloads/native_workload.h"
#include "workloads/same_network.h"
#include "workloads/workload_loader.h"
#include "workloads/workload_writer.h"
#include "yaml_doc.h"

using namespace hwaware;
namespace fs = std::filesystem;
using Catch::Matchers::Contains;
using test::check_same_network;

namespace {

std::vector<fs::path> shipped_networks() {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(fs::path(HWAWARE_SOURCE_DIR) / "workloads" / "networks"))
    if (e.path().extension() == ".yaml") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  return files;
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Writes `net` to a temporary file and loads it back with the loader `hwaware eval` uses.
workload::Network round_trip(const workload::Network& net) {
  const fs::path path = fs::temp_directory_path() / ("hwaware_writer_test_" + std::to_string(::getpid()) + ".yaml");
  {
    std::ofstream out(path);
    workload::write_workload(out, net, "written by workload_writer_test");
  }
  auto back = workload::load_workload(path.string());
  fs::remove(path);
  return back;
}

workload::Network from_text(const std::string& text) {
  test::Doc d(text, "inline.yaml");
  auto net = workload::read_native_workload(d.get("workload"));
  REQUIRE(d.sink.diagnostics().empty());
  return net;
}

// The file without its comment lines.
std::string without_comments(const std::string& text) {
  std::istringstream in(text);
  std::string out;
  for (std::string line; std::getline(in, line);) {
    const auto first = line.find_first_not_of(' ');
    if (first == std::string::npos || line[first] != '#') out += line + "\n";
  }
  return out;
}

workload::Layer& layer(workload::Network& net, const std::string& name) {
  auto it = std::find_if(net.layers.begin(), net.layers.end(), [&](const workload::Layer& l) { return l.name == name; });
  REQUIRE(it != net.layers.end());
  return *it;
}

void set_bound(workload::Layer& l, const char* dim, long long value) {
  const int i = l.problem.dim_index(dim);
  REQUIRE(i >= 0);
  l.problem.bounds[static_cast<std::size_t>(i)] = value;
}

}  // namespace

TEST_CASE("every shipped network written and read back gives the same layers, inputs, problems and windows", "[writer]") {
  const auto files = shipped_networks();
  REQUIRE(files.size() >= 11);  // the three fmnist_* networks and the eight big ones
  for (const auto& file : files) {
    INFO(file.filename().string());
    const auto net = workload::load_workload(file.string());
    workload::Network back;
    REQUIRE_NOTHROW(back = round_trip(net));
    check_same_network(net, back);
  }
}

TEST_CASE("the writer gives back each shipped network's file line for line, comments aside", "[writer]") {
  for (const auto& file : shipped_networks()) {
    INFO(file.filename().string());
    CHECK(workload::workload_yaml(workload::load_workload(file.string())) == without_comments(read_text(file)));
  }
}

TEST_CASE("a network narrowed in its YAML text (a conv's filters and its consumer's channels) round-trips", "[writer]") {
  std::string text = read_text(fs::path(HWAWARE_SOURCE_DIR) / "workloads/networks/fmnist_vgg.yaml");
  auto replace = [&](const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
  };
  replace("name: conv1_1, type: conv2d, in_channels: 1, out_channels: 32", "name: conv1_1, type: conv2d, in_channels: 1, out_channels: 20");
  replace("name: conv1_2, type: conv2d, in_channels: 32", "name: conv1_2, type: conv2d, in_channels: 20");
  const auto narrowed = from_text(text);
  const std::string written = workload::workload_yaml(narrowed);
  CHECK_THAT(written, Contains("{name: conv1_1, type: conv2d, in_channels: 1, out_channels: 20, input: [28, 28], kernel: 3, padding: 1}"));
  CHECK_THAT(written, Contains("{name: conv1_2, type: conv2d, in_channels: 20, out_channels: 32,"));
  check_same_network(narrowed, round_trip(narrowed));
}

TEST_CASE("a network narrowed in its problems, as network surgery does, is written with its new channels and groups", "[writer]") {
  auto net = workload::load_workload(std::string(HWAWARE_SOURCE_DIR) + "/workloads/networks/fmnist_mobilenet.yaml");
  set_bound(layer(net, "block1_pw"), "M", 24);  // 32 -> 24 filters
  set_bound(layer(net, "block2_dw"), "G", 24);  // the depthwise layer follows its input
  set_bound(layer(net, "block2_pw"), "C", 24);
  const std::string written = workload::workload_yaml(net);
  CHECK_THAT(written, Contains("{name: block1_pw, type: conv2d, in_channels: 16, out_channels: 24, input: [28, 28], kernel: 1}"));
  CHECK_THAT(written, Contains("{name: block2_dw, type: conv2d, in_channels: 24, out_channels: 24, input: [28, 28], kernel: 3, "
                               "stride: 2, padding: 1, groups: 24}"));
  CHECK_THAT(written, Contains("{name: block2_pw, type: conv2d, in_channels: 24, out_channels: 64,"));
  const auto back = round_trip(net);
  check_same_network(net, back);
  CHECK(back.macs() == net.macs());
}

TEST_CASE("batch, bits and densities that differ from the reader's defaults round-trip, with non-square windows", "[writer]") {
  const auto net = from_text(R"(workload:
  name: settings
  batch: 2
  bits: {weights: 4, inputs: 6}
  density: {weights: 0.35}
  layers:
    - {name: a, type: conv2d, in_channels: 3, out_channels: 8, input: [18, 16], kernel: [3, 1], stride: [2, 1], padding: [1, 0], dilation: 2}
    - {name: b, type: conv2d, in_channels: 8, out_channels: 8, input: [8, 16], kernel: 3, padding: 1, groups: 4, bits: {outputs: 16}}
    - {name: p, type: pool, mode: avg, channels: 8, input: [8, 16], kernel: [3, 2], stride: [1, 2], padding: [1, 0], density: {inputs: 0.125}}
    - {name: s, type: add, channels: 8, input: [8, 8], inputs: [p, p], batch: 3}
    - {name: g, type: pool, mode: max, channels: 8, input: [8, 8], global: true, inputs: [p]}
    - {name: fc, type: fc, in_features: 8, out_features: 5, bits: {weights: 2}, density: {weights: 1, outputs: 0.1}}
)");
  const std::string written = workload::workload_yaml(net);
  CHECK_THAT(written, Contains("  batch: 2\n  bits: {weights: 4, inputs: 6}\n  density: {weights: 0.35}\n"));
  CHECK_THAT(written, Contains("kernel: [3, 1], stride: [2, 1], padding: [1, 0], dilation: 2}"));
  CHECK_THAT(written, Contains("groups: 4, bits: {outputs: 16}}"));
  CHECK_THAT(written, Contains("{name: s, type: add, channels: 8, input: [8, 8], batch: 3, inputs: [p, p]}"));
  CHECK_THAT(written, Contains("global: true, inputs: [p]}"));
  CHECK_THAT(written, Contains("bits: {weights: 2}, density: {weights: 1, outputs: 0.1}}"));
  check_same_network(net, round_trip(net));
}

TEST_CASE("names YAML would misread are quoted and read back as themselves, plain names stay plain", "[writer]") {
  const auto net = from_text(R"(workload:
  name: "odd: names"
  layers:
    - {name: "conv 1: a", type: conv2d, in_channels: 1, out_channels: 2, input: 4, kernel: 1}
    - {name: "#2", type: conv2d, in_channels: 2, out_channels: 2, input: 4, kernel: 1}
    - {name: "true", type: conv2d, in_channels: 2, out_channels: 2, input: 4, kernel: 1}
    - {name: "1e3", type: add, channels: 2, input: 4, inputs: ["#2", "true"]}
    - {name: "[x], \"y\"", type: conv2d, in_channels: 4, out_channels: 2, input: 4, kernel: 1, inputs: ["conv 1: a", "1e3"]}
    - {name: features.0-relu, type: fc, in_features: 32, out_features: 3}
)");
  const std::string written = workload::workload_yaml(net);
  CHECK_THAT(written, Contains("name: \"odd: names\"\n"));
  CHECK_THAT(written, Contains("inputs: [\"#2\", \"true\"]}"));
  CHECK_THAT(written, Contains("{name: \"[x], \\\"y\\\"\", type: conv2d,"));
  CHECK_THAT(written, Contains("{name: features.0-relu, type: fc,"));
  check_same_network(net, round_trip(net));
}

TEST_CASE("the comment opens the file as # lines", "[writer]") {
  const auto net = from_text("workload:\n  layers:\n    - {name: c, type: conv2d, in_channels: 1, out_channels: 1, input: 2, kernel: 1}\n");
  std::ostringstream out;
  workload::write_workload(out, net, "NetAdapt step 3 of fmnist_vgg\n\nconv1_1: 32 -> 20 filters");
  CHECK(out.str() ==
        "# NetAdapt step 3 of fmnist_vgg\n#\n# conv1_1: 32 -> 20 filters\nworkload:\n  name: c\n  batch: 1\n  layers:\n"
        "    - {name: c, type: conv2d, in_channels: 1, out_channels: 1, input: [2, 2], kernel: 1}\n");
}

TEST_CASE("imported layers and other types cannot be written: the writer throws naming the layer, writing nothing", "[writer]") {
  const std::string data = HWAWARE_TEST_DATA;
  auto refuses = [](const workload::Network& net, const std::string& name) {
    std::ostringstream out;
    CHECK_THROWS_AS(workload::write_workload(out, net), std::invalid_argument);
    CHECK_THROWS_WITH(workload::write_workload(out, net), Contains("layer '" + name + "'"));
    CHECK(out.str().empty());
  };
  refuses(workload::load_workload(data + "/reference/timeloop/v4-conv1d-1level/problem.yaml"), "Conv1D");
  refuses(workload::load_workload(data + "/reference/scalesim/alexnet_conv3.csv"), "AlexNet_Conv3");
  refuses(workload::load_workload(data + "/reference/scalesim/gemm_64x512x1024.csv"), "GEMM_64x512x1024");

  auto net = workload::load_workload(std::string(HWAWARE_SOURCE_DIR) + "/workloads/networks/fmnist_vgg.yaml");
  auto other = net;
  layer(other, "pool1").type = "lstm";
  refuses(other, "pool1");
  other = net;
  set_bound(layer(other, "conv2_1"), "P", 13);  // not what its window gives
  refuses(other, "conv2_1");
  other = net;
  layer(other, "fc2").inputs.clear();  // a later layer reading the network's input
  refuses(other, "fc2");
  other = net;
  layer(other, "fc2").inputs = {"nowhere"};
  refuses(other, "fc2");
}
