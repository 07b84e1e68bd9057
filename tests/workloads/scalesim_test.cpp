// Tests of the SCALE-Sim topology importer: SCALE-Sim's own files (tests/reference/scalesim/)
// import with SCALE-Sim's layer count, shapes and MACs; its conventions (no padding, trailing
// commas, "DP" depthwise rows, GEMM rows) hold; bad rows are reported at line:field, all together.
#include <catch2/catch.hpp>

#include <string>

#include "core/diagnostics.h"
#include "workloads/scalesim_topology.h"
#include "workloads/workload_loader.h"

using namespace hwaware;

namespace {

std::string reference(const std::string& file) { return std::string(HWAWARE_TEST_DATA) + "/reference/scalesim/" + file; }

long long bound(const workload::Problem& pr, const std::string& dim) {
  int i = pr.dim_index(dim);
  REQUIRE(i >= 0);
  return pr.bounds[static_cast<std::size_t>(i)];
}

// Runs the reader on `text`, expecting it to fail; returns what it reported.
std::vector<core::Diagnostic> errors_of(const std::string& text) {
  try {
    workload::read_scalesim_topology(text, "t.csv");
  } catch (const core::InputError& e) {
    return e.diagnostics();
  }
  FAIL("expected the topology to be rejected");
  return {};
}

bool reported(const std::vector<core::Diagnostic>& ds, int line, int column, const std::string& text) {
  for (const auto& d : ds)
    if (d.loc.line == line && d.loc.column == column && core::format(d).find(text) != std::string::npos) return true;
  return false;
}

const std::string kConvHeader = "Layer name, IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels, Num Filter, Strides,\n";

}  // namespace

TEST_CASE("SCALE-Sim's AlexNet conv3 imports without padding: 11x11 outputs, 107,053,056 MACs") {
  // MACs as SCALE-Sim v2 reports them (shared/reference/scalesim/results.csv, column macs).
  auto net = workload::load_workload(reference("alexnet_conv3.csv"));
  CHECK(net.name == "alexnet_conv3");
  REQUIRE(net.layers.size() == 1);
  const auto& l = net.layers[0];
  CHECK(l.name == "AlexNet_Conv3");
  CHECK(l.type == "conv2d");
  CHECK(l.is_mac_layer);
  CHECK(l.loc.line == 2);
  CHECK(l.problem.dim_names == std::vector<std::string>{"C", "M", "R", "S", "N", "P", "Q"});
  CHECK(l.problem.bounds == std::vector<long long>{256, 384, 3, 3, 1, 11, 11});
  CHECK(net.macs() == 107053056LL);
}

TEST_CASE("a SCALE-Sim GEMM row is an M x K by K x N product") {
  // GEMM_64x512x1024: M 64, N 512, K 1024; SCALE-Sim reports 33,554,432 MACs.
  auto net = workload::load_workload(reference("gemm_64x512x1024.csv"));
  REQUIRE(net.layers.size() == 1);
  const auto& l = net.layers[0];
  CHECK(l.name == "GEMM_64x512x1024");
  CHECK(l.type == "gemm");
  CHECK(bound(l.problem, "C") == 1024);  // K: the reduction
  CHECK(bound(l.problem, "M") == 512);   // N: filters
  CHECK(bound(l.problem, "Q") == 64);    // M: rows of the ifmap
  CHECK(bound(l.problem, "P") == 1);
  CHECK(l.problem.tensor_size(l.problem.data_space_index("Inputs")) == 64LL * 1024);
  CHECK(l.problem.tensor_size(l.problem.data_space_index("Weights")) == 1024LL * 512);
  CHECK(l.problem.tensor_size(l.problem.data_space_index("Outputs")) == 64LL * 512);
  CHECK(net.macs() == 33554432LL);
}

TEST_CASE("SCALE-Sim rows: blank lines skipped, trailing comma optional, stride height and width apart") {
  auto net = workload::read_scalesim_topology(
      "Layer name, IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels, Num Filter, Stride Height, Stride Width,\n"
      "Conv1, 224, 224, 7, 7, 3, 64, 2, 2,\n"
      "\n"
      "Conv2, 56, 30, 3, 3, 64, 64, 1, 2\r\n"
      "Conv3, 56, 56, 1, 1, 64, 128, 1,\n",
      "net.csv");
  REQUIRE(net.layers.size() == 3);
  CHECK(bound(net.layers[0].problem, "Q") == 110);  // ceil((224 - 7 + 2) / 2): no padding, SCALE-Sim's rounding
  CHECK(bound(net.layers[1].problem, "Q") == 54);
  CHECK(bound(net.layers[1].problem, "P") == 15);  // ceil((30 - 3 + 2) / 2)
  CHECK(bound(net.layers[2].problem, "P") == 56);  // one stride for both axes
  CHECK(net.layers[2].loc.line == 5);
}

TEST_CASE("SCALE-Sim's output size is ceil((IFMAP - filter + stride) / stride): the last window may run past the IFMAP") {
  auto net = workload::read_scalesim_topology(
      "Layer name, IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels, Num Filter, Strides,\n"
      "Even, 13, 13, 3, 3, 8, 8, 2,\n"  // 13 - 3 = 10, a multiple of 2: 6 outputs, no extension
      "Odd, 14, 14, 3, 3, 8, 8, 2,\n",  // 14 - 3 = 11: ceil(13 / 2) = 7 outputs, the IFMAP read to 15
      "net.csv");
  REQUIRE(net.layers.size() == 2);
  CHECK(bound(net.layers[0].problem, "P") == 6);
  CHECK(bound(net.layers[1].problem, "P") == 7);
  CHECK(bound(net.layers[1].problem, "Q") == 7);
  CHECK(net.layers[1].macs() == 7 * 7 * 3 * 3 * 8 * 8);
}

TEST_CASE("a SCALE-Sim row named DP is depthwise: one single-channel group per channel") {
  // SCALE-Sim splits a "DP" row into one layer per channel, each with 1 channel and all filters.
  auto net = workload::read_scalesim_topology(kConvHeader + "Conv_DP_1, 112, 112, 3, 3, 32, 1, 1,\n", "m.csv");
  const auto& pr = net.layers.at(0).problem;
  CHECK(bound(pr, "G") == 32);
  CHECK(bound(pr, "C") == 1);
  CHECK(bound(pr, "M") == 1);
  CHECK(net.macs() == 32LL * 9 * 110 * 110);
}

TEST_CASE("bad SCALE-Sim rows are reported at line and field, all together") {
  auto ds = errors_of(kConvHeader +
                      "Conv1, 224, 224, 7, 7, 3, 64, 2,\n"
                      "Conv2, 56, 56, 3, 3, many, 64, 1,\n"
                      "Conv3, 56, 56, 3, 3, 64, 64,\n"
                      "Conv4, 5, 5, 7, 3, 64, 64, 1,\n"
                      "Conv1, 5, 5, 1, 1, 1, 1, 0,\n"
                      ", 5, 5, 1, 1, 1, 1, 1,\n");
  CHECK(reported(ds, 3, 6, "t.csv:3:6: error: Conv2.Channels: expected a positive integer, found 'many'"));
  CHECK(reported(ds, 4, 8, "expected 8 fields"));
  CHECK(reported(ds, 5, 4, "Conv4.Filter Height: the filter (7 x 3) is larger than the IFMAP (5 x 5)"));
  CHECK(reported(ds, 6, 1, "duplicate layer name 'Conv1'"));
  CHECK(reported(ds, 6, 8, "Conv1.Strides: expected a positive integer, found '0'"));
  CHECK(reported(ds, 7, 1, "expected a layer name, found an empty field"));
  CHECK(ds.size() == 6);
}

TEST_CASE("a CSV file that is not a SCALE-Sim topology is rejected at its header") {
  auto ds = errors_of("topology,config,array_rows\nalexnet,sa32,32\n");
  REQUIRE(ds.size() == 1);
  CHECK(reported(ds, 1, 1, "expected a SCALE-Sim topology header"));
  CHECK(errors_of(kConvHeader).size() == 1);  // a header and no layers
  CHECK(reported(errors_of("Layer, M, N, K,\nG1, 4, 4,\n"), 2, 4, "expected 4 fields (Layer name, M, N, K)"));
}
