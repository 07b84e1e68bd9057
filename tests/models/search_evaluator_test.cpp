// The evaluator searches use must give what the analytical model priced by the energy table
// gives (evaluate_counts + price_total): same cycles, same energy, on random layers and random
// mappings of the shipped presets and of variants that exercise bits, zero
// skipping and bandwidth throttling.

#include <catch2/catch.hpp>

#include <cmath>
#include <random>

#include "arch/arch_loader.h"
#include "mappings/dataflow.h"
#include "mappings/rules.h"
#include "mappings/search_space.h"
#include "models/analytical_model.h"
#include "models/energy_estimators.h"
#include "models/exact_rounding.h"
#include "models/search_evaluator.h"
#include "models/small_layers.h"
#include "workloads/layer.h"

using namespace hwaware;

namespace {

const std::string kSource = HWAWARE_SOURCE_DIR;

workload::Problem random_layer(std::mt19937_64& rng) {
  auto pick = [&](long long lo, long long hi) { return std::uniform_int_distribution<long long>(lo, hi)(rng); };
  const long long kind = pick(0, 4);
  if (kind == 0) return workload::fc_problem("fc", pick(1, 4), pick(1, 300), pick(1, 100), 8, 8, 8);
  if (kind == 1) {
    workload::PoolParams p;
    p.channels = pick(1, 64);
    p.in_height = p.in_width = pick(4, 28);
    p.kernel_h = p.kernel_w = pick(2, 3);
    p.stride_h = p.stride_w = pick(1, 2);
    return workload::pool_problem("pool", p);
  }
  workload::ConvParams p;
  const long long channels = pick(1, 96);
  if (kind == 2) {  // depthwise
    p.groups = p.in_channels = p.out_channels = channels;
  } else {
    p.in_channels = channels;
    p.out_channels = pick(1, 128);
  }
  p.kernel_h = pick(1, 3) * 2 - 1;
  p.kernel_w = pick(0, 3) == 0 ? 1 : p.kernel_h;
  p.stride_h = p.stride_w = pick(1, 2);
  p.dilation_w = pick(0, 4) == 0 ? 2 : 1;
  p.pad_h = p.pad_w = p.kernel_h / 2;
  p.in_height = p.in_width = pick(4, 56);
  p.batch = pick(0, 5) == 0 ? 2 : 1;
  return workload::conv2d_problem("conv", p);
}

// Narrow, bandwidth-starved, single-ported: every mapping-independent input the evaluator prepares
// takes a value other than its default. (A spec with sparse features takes the full model.)
arch::Spec variant(arch::Spec spec) {
  spec.tensor_bits["Weights"] = 4;
  for (std::size_t l = 0; l < spec.levels.size(); ++l) {
    auto& lvl = spec.levels[l];
    if (l == 0) lvl.read_bandwidth = 2.0;
    if (l == 1) {
      lvl.write_bandwidth = 1.5;
      lvl.read_bandwidth = 3.0;
      lvl.ports = 1;  // reads and writes share the port
    }
  }
  return spec;
}

void sparsify(workload::Problem& pr, std::mt19937_64& rng) {
  for (auto& ds : pr.data_spaces)
    if (!ds.read_write) ds.density = std::uniform_real_distribution<double>(0.2, 1.0)(rng);
}

}  // namespace

TEST_CASE("the search evaluator gives the analytical model's energy and cycles on random mappings", "[rules]") {
  std::mt19937_64 rng(20261126);
  for (const char* preset : {"eyeriss_like", "simple_ws"}) {
    const auto base = arch::load_arch(kSource + "/arch/presets/" + preset + ".yaml");
    const auto dataflow = mapping::load_dataflow(mapping::dataflow_file(base.dataflow));
    for (int v = 0; v < 2; ++v) {
      const arch::Spec spec = v ? variant(base) : base;
      const auto table = model::build_energy_table(spec);
      for (int layer = 0; layer < 25; ++layer) {
        auto pr = random_layer(rng);
        if (v) sparsify(pr, rng);
        auto rules = mapping::resolve_rules(spec, pr, layer % 2 ? &dataflow : nullptr);
        mapping::SearchSpace space(spec, pr, rules);
        if (!space.infeasible().empty()) continue;
        const model::SearchEvaluator evaluator(spec, pr, table);
        auto c = space.random(rng);
        for (int draw = 0; draw < 20; ++draw) {
          c = draw % 4 == 0 ? space.greedy(rng) : space.neighbour(c, rng);
          const auto m = space.to_mapping(c);
          const auto counts = model::evaluate_counts(spec, m, pr);
          const double energy = model::price_total(spec, counts, table);
          const auto fast = evaluator.evaluate(m);
          INFO(preset << (v ? " variant" : "") << ", layer " << layer << " (" << pr.name << "), draw " << draw);
          REQUIRE(fast.cycles == static_cast<double>(counts.cycles));
          REQUIRE(fast.energy_pj == Approx(energy).epsilon(1e-12));
        }
      }
    }
  }
}

TEST_CASE("the models' inline rounding equals std::round, std::floor and std::ceil", "[rules]") {
  std::mt19937_64 rng(7);
  std::vector<double> xs = {
      0.0,   0.5,    -0.5,        1.5,          -1.5, 2.5, 0.49999999999999994, 4503599627370495.5, 4503599627370497.0,
      1e300, -1e300, 123456789.5, -2.0000000001};
  for (int i = 0; i < 100000; ++i) {
    const double scale = std::pow(10.0, std::uniform_int_distribution<int>(-3, 17)(rng));
    xs.push_back(std::uniform_real_distribution<double>(-1, 1)(rng) * scale);
    xs.push_back(std::round(xs.back()) + 0.5);  // exact halves
  }
  for (double x : xs) {
    INFO(x);
    REQUIRE(model::round_count(x) == std::round(x));
    REQUIRE(model::floor_count(x) == std::floor(x));
    REQUIRE(model::ceil_count(x) == std::ceil(x));
  }
}

TEST_CASE("a layer whose coordinates pass 31 bits is evaluated by the full model, with the same result", "[rules]") {
  // Packed relative moves are exact only while coordinates fit in 31 bits. Here the loops
  // K1 (2), C_b (2, stride 2^32) and K2 (2) sit above a tile of C_a (2^32): K1's relative move
  // on Inputs' C rank is -1 and K2's is -1 - 2^32, equal once truncated to 32 bits; the
  // evaluator must not compare them packed.
  using namespace hwaware::test;
  workload::Problem pr;
  pr.name = "wide";
  pr.dim_names = {"K", "C"};
  pr.bounds = {4, 1LL << 33};
  pr.data_spaces = {{"Weights", {{{0, 1}}, {{1, 1}}}, false, std::nullopt, 1.0},
                    {"Inputs", {{}, {{1, 1}}}, false, std::nullopt, 1.0},  // C in the second rank
                    {"Outputs", {{{0, 1}}}, true, std::nullopt, 1.0}};
  const auto spec = spec_of({level("Main"), level("Buffer")});
  const auto table = model::build_energy_table(spec);
  const mapping::Mapping m{{lm({{0, 2}, {1, 2}, {0, 2}}), lm({{1, 1LL << 32}})}};
  const auto counts = model::evaluate_counts(spec, m, pr);
  const auto fast = model::SearchEvaluator(spec, pr, table).evaluate(m);
  REQUIRE(fast.cycles == static_cast<double>(counts.cycles));
  REQUIRE(fast.energy_pj == Approx(model::price_total(spec, counts, table)).epsilon(1e-12));
}
