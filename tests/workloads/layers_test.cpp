// Tests of the pool and add layer types: how they lower to the Problem form (dims, tensors, op
// counts), that they are not MAC layers, that the model evaluates them like any other layer, and
// the errors their bad values give.
#include <catch2/catch.hpp>

#include <memory>
#include <string>

#include "arch/native_arch.h"
#include "core/yaml_reader.h"
#include "mappings/legality.h"
#include "mappings/native_mapping.h"
#include "models/analytical_model.h"
#include "workloads/native_workload.h"
#include "yaml_doc.h"

using namespace hwaware;

namespace {

using test::Doc;

// One layer written inline after `layers:`; the layer is on line 3.
workload::Layer one_layer(const std::string& layer) {
  Doc d("workload:\n  layers:\n    - " + layer + "\n", "w.yaml");
  auto net = workload::read_native_workload(d.get("workload"));
  INFO(layer);
  REQUIRE(d.sink.empty());
  REQUIRE(net.layers.size() == 1);
  return net.layers[0];
}

long long bound(const workload::Problem& pr, const std::string& dim) {
  int i = pr.dim_index(dim);
  REQUIRE(i >= 0);
  return pr.bounds[static_cast<std::size_t>(i)];
}

std::vector<std::string> tensor_names(const workload::Problem& pr) {
  std::vector<std::string> out;
  for (const auto& ds : pr.data_spaces) out.push_back(ds.name);
  return out;
}

}  // namespace

TEST_CASE("a max pool lowers to dims C R S N P Q with a sliding-window input and no weights") {
  auto l = one_layer("{name: pool1, type: pool, mode: max, channels: 64, input: [112, 112], kernel: 3, stride: 2, padding: 1}");
  const auto& pr = l.problem;
  CHECK(pr.dim_names == std::vector<std::string>{"C", "R", "S", "N", "P", "Q"});
  CHECK(pr.bounds == std::vector<long long>{64, 3, 3, 1, 56, 56});
  REQUIRE(tensor_names(pr) == std::vector<std::string>{"Inputs", "Outputs"});
  CHECK_FALSE(pr.data_spaces[0].read_write);
  CHECK(pr.data_spaces[1].read_write);           // the running max
  CHECK(pr.tensor_size(0) == 64LL * 113 * 113);  // (56 - 1) * 2 + 3 rows and columns of the padded input
  CHECK(pr.tensor_size(1) == 64LL * 56 * 56);
  CHECK(l.computes() == 64LL * 9 * 56 * 56);  // one comparison per window element
  CHECK(l.op == "max");
}

TEST_CASE("pool and add layers are not MAC layers: they count computes but no MACs") {
  auto pool = one_layer("{name: p, type: pool, mode: avg, channels: 8, input: 4, kernel: 2}");
  auto add = one_layer("{name: a, type: add, channels: 8, input: 4}");
  auto conv = one_layer("{name: c, type: conv2d, in_channels: 8, out_channels: 8, input: 4, kernel: 1}");
  CHECK_FALSE(pool.is_mac_layer);
  CHECK_FALSE(add.is_mac_layer);
  CHECK(conv.is_mac_layer);
  CHECK(pool.macs() == 0);
  CHECK(add.macs() == 0);
  CHECK(conv.macs() == 8LL * 8 * 16);
  workload::Network net{"n", {pool, add, conv}};
  CHECK(net.macs() == conv.macs());
  CHECK(net.computes() == pool.computes() + add.computes() + conv.computes());
}

TEST_CASE("a pool's stride defaults to its kernel") {
  auto l = one_layer("{name: p, type: pool, mode: max, channels: 3, input: [224, 224], kernel: 2}");
  CHECK(bound(l.problem, "P") == 112);
  CHECK(bound(l.problem, "Q") == 112);
}

TEST_CASE("a global pool's window is the whole input") {
  auto l = one_layer("{name: gap, type: pool, mode: avg, channels: 2048, input: [7, 7], global: true}");
  CHECK(l.problem.bounds == std::vector<long long>{2048, 7, 7, 1, 1, 1});
  CHECK(l.computes() == 2048LL * 49);  // one accumulation per input element
  CHECK(l.problem.tensor_size(0) == 2048LL * 49);
  CHECK(l.op == "avg");
}

TEST_CASE("an add lowers to a reduction over its two operands") {
  auto l = one_layer("{name: res2a_add, type: add, channels: 256, input: [56, 28]}");
  const auto& pr = l.problem;
  CHECK(pr.dim_names == std::vector<std::string>{"T", "C", "N", "P", "Q"});
  CHECK(pr.bounds == std::vector<long long>{2, 256, 1, 28, 56});  // P is the width, Q the height
  REQUIRE(tensor_names(pr) == std::vector<std::string>{"Inputs", "Outputs"});
  CHECK(pr.data_spaces[0].ranks.size() == 5);  // T, N, C, Q, P
  CHECK(pr.tensor_size(0) == 2LL * 256 * 56 * 28);
  CHECK(pr.data_spaces[1].read_write);
  CHECK(pr.tensor_size(1) == 256LL * 56 * 28);
  CHECK(l.computes() == 2LL * 256 * 56 * 28);  // each operand accumulated into the output once
  CHECK(l.op == "add");
}

TEST_CASE("an unknown pool mode is rejected with a hint") {
  Doc d("workload:\n  layers:\n    - {name: p, type: pool, mode: mx, channels: 3, input: 8, kernel: 2}\n", "w.yaml");
  auto net = workload::read_native_workload(d.get("workload"));
  CHECK(net.layers.empty());
  CHECK(d.mentions("workload.layers[0].mode: expected a pool mode (max or avg), found 'mx'", 3));
  CHECK(d.mentions("did you mean 'max'?", 3));
  CHECK(d.sink.diagnostics().size() == 1);
}

TEST_CASE("an unknown layer type suggests pool and add") {
  Doc d("workload:\n  layers:\n    - {name: p, type: poll, channels: 3}\n    - {name: q, type: ad, channels: 3}\n", "w.yaml");
  workload::read_native_workload(d.get("workload"));
  CHECK(d.mentions("expected a layer type (conv2d, fc, pool or add), found 'poll'", 3));
  CHECK(d.mentions("did you mean 'pool'?", 3));
  CHECK(d.mentions("did you mean 'add'?", 4));
}

TEST_CASE("a global pool may not also give a window") {
  Doc d("workload:\n  layers:\n    - {name: p, type: pool, mode: avg, channels: 3, input: 7, global: true, kernel: 7}\n", "w.yaml");
  workload::read_native_workload(d.get("workload"));
  CHECK(d.mentions("workload.layers[0].kernel: a global pool takes its window from the input", 3));
}

TEST_CASE("a pool needs a kernel unless it is global") {
  Doc d("workload:\n  layers:\n    - {name: p, type: pool, mode: max, channels: 3, input: 7, stride: 2}\n", "w.yaml");
  workload::read_native_workload(d.get("workload"));
  CHECK(d.mentions("missing required key 'kernel'", 3));
  CHECK(d.sink.diagnostics().size() == 1);  // `stride` is not reported as unknown
}

TEST_CASE("pool padding beyond half the window is rejected") {
  Doc d("workload:\n  layers:\n    - {name: p, type: pool, mode: max, channels: 3, input: 8, kernel: 3, padding: 2}\n", "w.yaml");
  workload::read_native_workload(d.get("workload"));
  CHECK(d.mentions("padding (2 x 2) must be at most half the window (3 x 3)", 3));
}

TEST_CASE("padding given side by side sizes the output by the sum of its two sides, as ONNX's asymmetric pads do") {
  auto c = one_layer(
      "{name: c, type: conv2d, in_channels: 4, out_channels: 4, input: [8, 9], kernel: 2, "
      "padding: {top: 0, bottom: 1, left: 1, right: 0}}");
  CHECK(bound(c.problem, "Q") == 8);  // (8 + 0 + 1 - 2) / 1 + 1: no symmetric padding gives it
  CHECK(bound(c.problem, "P") == 9);
  CHECK((c.window.pad_h == 0 && c.window.pad_bottom == 1 && c.window.pad_w == 1 && c.window.pad_right == 0));
  CHECK(c.window.asymmetric());
  auto p = one_layer(
      "{name: p, type: pool, mode: max, channels: 4, input: 112, kernel: 3, stride: 2, "
      "padding: {top: 0, bottom: 1, left: 0, right: 1}}");
  CHECK(bound(p.problem, "Q") == 56);  // a pool with ceil_mode: (112 + 1 - 3) / 2 + 1
  auto same = one_layer(
      "{name: s, type: conv2d, in_channels: 4, out_channels: 4, input: 8, kernel: 3, "
      "padding: {top: 1, bottom: 1, left: 1, right: 1}}");
  CHECK_FALSE(same.window.asymmetric());
}

TEST_CASE("padding side by side needs its four sides, and no side of a pool's as large as its window") {
  Doc d(
      "workload:\n  layers:\n    - {name: c, type: conv2d, in_channels: 4, out_channels: 4, input: 8, kernel: 3, "
      "padding: {top: 1, bottom: 1, left: 1, rihgt: 1}}\n"
      "    - {name: p, type: pool, mode: max, channels: 4, input: 8, kernel: 2, padding: {top: 0, bottom: 2, left: 0, right: 0}}\n",
      "w.yaml");
  workload::read_native_workload(d.get("workload"));
  CHECK(d.mentions("workload.layers[0].padding: missing required key 'right'", 3));
  CHECK(d.mentions("unknown key 'rihgt'", 3));
  CHECK(d.mentions("padding on each side (top 0, bottom 2, left 0, right 0) must be less than the window (2 x 2)", 4));
}

TEST_CASE("pool and add layers report missing and non-positive values together") {
  Doc d(
      "workload:\n  layers:\n    - {name: p, type: pool, channels: 0, input: 8, kernel: 9}\n"
      "    - {name: a, type: add, input: [4, -4]}\n",
      "w.yaml");
  workload::read_native_workload(d.get("workload"));
  CHECK(d.mentions("workload.layers[0]: missing required key 'mode'", 3));
  CHECK(d.mentions("workload.layers[0].channels: expected a positive integer, found '0'", 3));
  CHECK(d.mentions("workload.layers[1]: missing required key 'channels'", 4));
  CHECK(d.mentions("workload.layers[1].input: expected positive values, found 4 x -4", 4));
}

TEST_CASE("the model evaluates pool and add layers on the array, one compute per element op") {
  Doc a(R"(accelerator:
  levels:
    - {name: DRAM, technology: dram, word_bits: 8, energy: {read: 200pJ, write: 200pJ, update: 200pJ}}
    - {name: buf, technology: regfile, depth: 64, word_bits: 8, spatial: {x: 4}, energy: {read: 1pJ, write: 1pJ, update: 1pJ}}
  compute: {name: mac, energy: {compute: 1pJ}}
)",
        "a.yaml");
  auto spec = arch::read_native_arch(a.get("accelerator"));
  REQUIRE(a.sink.empty());
  struct Case {
    const char* layer;
    const char* mapping;
    double computes;
    long long cycles;
  };
  const Case cases[] = {
      {"{name: p, type: pool, mode: max, channels: 4, input: 6, kernel: 2}",
       "mapping:\n  DRAM: {temporal: {factors: {P: 3, Q: 3}}}\n  buf: {temporal: {factors: {R: 2, S: 2}}, spatial: {x: {C: 4}}}\n",
       4.0 * 4 * 9, 4 * 9},
      {"{name: a, type: add, channels: 4, input: 3}",
       "mapping:\n  DRAM: {temporal: {factors: {P: 3, Q: 3}}}\n  buf: {temporal: {factors: {T: 2}}, spatial: {x: {C: 4}}}\n", 2.0 * 4 * 9,
       2 * 9},
  };
  for (const auto& c : cases) {
    INFO(c.layer);
    auto layer = one_layer(c.layer);
    Doc m(c.mapping, "m.yaml");
    auto map = mapping::read_native_mapping(m.get("mapping"), spec, layer.problem);
    mapping::check_legality(map, spec, layer.problem, m.get("mapping"));
    REQUIRE(m.sink.empty());
    auto counts = model::evaluate_counts(spec, map, layer.problem);
    CHECK(counts.computes == Approx(c.computes));
    CHECK(counts.cycles == c.cycles);
    CHECK(counts.tensor_names == std::vector<std::string>{"Inputs", "Outputs"});
  }
}
