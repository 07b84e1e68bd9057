// The measured cost oracle: one positive latency per layer and their sum as the total, layers of one
// shape timed once and remembered (later rounds keep the smallest median), no energy, every layer
// type buildable alone (an add alone sums its operands). Timings themselves are never compared here: they depend on the machine and its
// load (bench figures come from `hwaware lut check --backend measured`).

// LibTorch defines its own CHECK macro: this file uses Catch's prefixed ones.
#define CATCH_CONFIG_PREFIX_ALL
#include <catch2/catch.hpp>

#include <set>

#include "core/diagnostics.h"
#include "models/network_mapper.h"
#include "search/lut_fill.h"
#include "search/measured_oracle.h"
#include "search/torch_network.h"
#include "workloads/workload_loader.h"

using namespace hwaware;

namespace {

workload::Network shipped(const std::string& name) {
  return workload::load_workload(std::string(HWAWARE_SOURCE_DIR) + "/workloads/networks/" + name + ".yaml");
}

search::MeasureOptions quick() {
  search::MeasureOptions o;
  o.warmup = 1;
  o.repeats = 3;
  o.rounds = 2;
  o.span_s = 0;
  o.steady_wait_s = 0;  // no probes: no waiting on a busy machine
  return o;
}

}  // namespace

CATCH_TEST_CASE("the measured oracle gives one positive latency per layer, their sum as the total and no energy", "[search][measured]") {
  const auto net = shipped("fmnist_resnet");  // conv2d, add, pool and fc layers
  search::MeasuredOracle oracle(quick());
  const auto m = oracle.metrics(net);
  CATCH_REQUIRE(m.layers.size() == net.layers.size());
  double sum = 0;
  for (std::size_t i = 0; i < net.layers.size(); ++i) {
    CATCH_CHECK(m.layers[i].layer == net.layers[i].name);
    CATCH_CHECK(m.layers[i].latency_s > 0);
    CATCH_CHECK(m.layers[i].energy_pj == 0);
    sum += m.layers[i].latency_s;
  }
  CATCH_CHECK(m.latency_s == Approx(sum).epsilon(1e-12));
  CATCH_CHECK(m.energy_pj == 0);
  CATCH_CHECK(oracle.backend() == "measured");
}

CATCH_TEST_CASE("timings waiting for a steady machine give a latency whether or not it became steady", "[search][measured]") {
  auto o = quick();
  o.steady_wait_s = 0.05;
  const auto before = search::unsteady_passes();
  search::MeasuredOracle oracle(o);
  const auto m = oracle.metrics(shipped("fmnist_mobilenet"));
  for (const auto& l : m.layers) CATCH_CHECK(l.latency_s > 0);
  CATCH_CHECK(search::unsteady_passes() >= before);
  CATCH_CHECK(search::unsteady_passes() <= before + o.repeats);  // one round, `repeats` passes
}

CATCH_TEST_CASE("the measured oracle times each layer shape once and answers repeated queries from memory", "[search][measured]") {
  const auto net = shipped("fmnist_resnet");
  std::set<std::string> shapes;
  for (const auto& l : net.layers) shapes.insert(model::shape_key(l.problem) + l.type + l.op);
  CATCH_REQUIRE(shapes.size() < net.layers.size());  // block1's two convolutions have one shape

  search::MeasuredOracle oracle(quick());
  const auto first = oracle.metrics(net);
  CATCH_CHECK(oracle.layers_timed() == static_cast<long long>(shapes.size()));
  CATCH_CHECK(first.layers[1].latency_s == first.layers[2].latency_s);  // block1_conv1, block1_conv2
  const auto again = oracle.metrics(net);
  CATCH_CHECK(oracle.layers_timed() == static_cast<long long>(shapes.size()));
  CATCH_REQUIRE(again.layers.size() == first.layers.size());
  for (std::size_t i = 0; i < first.layers.size(); ++i) CATCH_CHECK(again.layers[i].latency_s == first.layers[i].latency_s);
  CATCH_CHECK(again.latency_s == first.latency_s);
}

CATCH_TEST_CASE("an add layer built alone sums the network's input once per operand", "[search][measured]") {
  const auto net = shipped("fmnist_resnet");
  workload::Network alone;
  alone.layers.push_back(net.layers[3]);  // block1_add, reading block1_conv2 and stem
  CATCH_REQUIRE(alone.layers[0].type == "add");
  search::TorchNetwork module(alone);
  CATCH_CHECK(module.input_shape == std::vector<long long>{16, 28, 28});
  const auto x = torch::randn({1, 16, 28, 28});
  CATCH_CHECK(torch::equal(module.forward_all(x).back(), torch::relu(x + x)));
}

CATCH_TEST_CASE("every layer of the shipped small networks is timed alone on an input of its shape", "[search][measured]") {
  search::MeasuredOracle oracle(quick());
  for (const char* name : {"fmnist_vgg", "fmnist_mobilenet", "fmnist_resnet"}) {
    const auto net = shipped(name);
    for (const auto& layer : net.layers) {
      workload::Network alone;
      alone.layers.push_back(layer);
      CATCH_INFO(name << " " << layer.name);
      CATCH_CHECK(oracle.metrics(alone).latency_s > 0);
    }
    CATCH_CHECK(search::measure_network_latency_s(net, quick()) > 0);
  }
}

CATCH_TEST_CASE("a layer the trainer cannot build is bad input for the measured oracle", "[search][measured]") {
  auto net = shipped("fmnist_vgg");
  net.layers.resize(1);
  net.layers[0].window.known = false;  // as an imported layer
  search::MeasuredOracle oracle(quick());
  CATCH_CHECK_THROWS_AS(oracle.metrics(net), core::InputError);
}

CATCH_TEST_CASE("another round of measurements keeps each layer shape's smallest median", "[search][measured]") {
  const auto net = shipped("fmnist_mobilenet");
  search::MeasuredOracle oracle(quick());
  const auto first = oracle.metrics(net);
  const auto timed = oracle.layers_timed();
  CATCH_CHECK(timed == static_cast<long long>(oracle.shapes()));
  long long calls = 0;
  oracle.measure_again([&](long long set, long long sets) {
    ++calls;
    CATCH_CHECK(set <= sets);
    CATCH_CHECK(sets == 1);  // the network's layers, as neighbours
  });
  CATCH_CHECK(calls == 1);
  CATCH_CHECK(oracle.layers_timed() == 2 * timed);
  const auto second = oracle.metrics(net);
  CATCH_CHECK(oracle.layers_timed() == 2 * timed);  // still answered from memory
  for (std::size_t i = 0; i < first.layers.size(); ++i) {
    CATCH_CHECK(second.layers[i].latency_s <= first.layers[i].latency_s);
    CATCH_CHECK(second.layers[i].latency_s > 0);
  }
}

CATCH_TEST_CASE("remembered shapes are timed by the rounds, which stop at the rounds asked for once their span has passed",
                "[search][measured]") {
  auto o = quick();
  o.rounds = 3;
  search::MeasuredOracle oracle(o);
  CATCH_CHECK(oracle.measure_rounds() == 0);  // nothing remembered yet
  oracle.add_shapes(shipped("fmnist_mobilenet"));
  CATCH_CHECK(oracle.layers_timed() == 0);
  long long calls = 0;
  CATCH_CHECK(oracle.measure_rounds([&](int round, long long, long long) {
    ++calls;
    CATCH_CHECK((round >= 1 && round <= 3));
  }) == 3);
  CATCH_CHECK(calls == 3);  // one set of neighbours, three rounds
  CATCH_CHECK(oracle.layers_timed() == 3 * static_cast<long long>(oracle.shapes()));
  CATCH_CHECK(oracle.measure_rounds() == 3);  // done already
  const auto m = oracle.metrics(shipped("fmnist_mobilenet"));
  CATCH_CHECK(oracle.layers_timed() == 3 * static_cast<long long>(oracle.shapes()));  // from memory
  for (const auto& l : m.layers) CATCH_CHECK(l.latency_s > 0);
}

CATCH_TEST_CASE("whole networks are timed in rounds, one positive latency each", "[search][measured]") {
  const auto networks = search::sample_networks(shipped("fmnist_resnet"), 4, 3, 1);
  auto o = quick();
  o.rounds = 2;
  long long calls = 0;
  const auto latency_s = search::measure_networks_latency_s(networks, o, [&](int round, long long, long long total) {
    ++calls;
    CATCH_CHECK(round <= 2);
    CATCH_CHECK(total == 3);
  });
  CATCH_CHECK(calls == 6);
  CATCH_REQUIRE(latency_s.size() == networks.size());
  for (double t : latency_s) CATCH_CHECK(t > 0);
}

CATCH_TEST_CASE("the latency-only LUT check finds no error when the whole network is the sum of its layers", "[search][measured]") {
  const auto net = shipped("fmnist_mobilenet");
  search::MeasuredOracle oracle(quick());
  const auto networks = search::sample_networks(net, 2, 3, 1);
  std::vector<double> whole_s;
  for (const auto& n : networks) whole_s.push_back(oracle.metrics(n).latency_s);
  const auto r = search::check_lut_latency(oracle, networks, whole_s);
  CATCH_CHECK(r.networks == 3);
  CATCH_CHECK(r.mean_error == 0);
  CATCH_CHECK(r.p95_error == 0);
  CATCH_CHECK(r.share_within_10 == 1);
  CATCH_CHECK(r.mean_energy_error == 0);
}

CATCH_TEST_CASE("the measured LUT is keyed on this CPU, the threads used and the clock", "[search][measured]") {
  search::MeasureOptions one, two, wall;
  two.threads = 2;
  two.clock = wall.clock = search::MeasureClock::wall;
  const auto a = search::cpu_description(one), b = search::cpu_description(two), c = search::cpu_description(wall);
  CATCH_CHECK(a.find("1 thread; thread CPU time") != std::string::npos);
  CATCH_CHECK(b.find("2 threads; wall time") != std::string::npos);
  CATCH_CHECK(a != c);
}

CATCH_TEST_CASE("the thread CPU clock is refused with several threads", "[search][measured]") {
  search::MeasureOptions o;
  o.threads = 2;
  CATCH_CHECK_THROWS_AS(search::MeasuredOracle(o), std::invalid_argument);
  o.clock = search::MeasureClock::wall;
  CATCH_CHECK_NOTHROW(search::MeasuredOracle(o));
}
