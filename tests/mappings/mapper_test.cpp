// The mapper: it matches Timeloop's mapper on the Eyeriss-like reference, returns only legal
// mappings, never gets worse with a larger budget, is repeatable, and names what blocks a layer.

#include <catch2/catch.hpp>

#include <algorithm>
#include <memory>
#include <random>

#include "arch/arch_loader.h"
#include "core/yaml_reader.h"
#include "mappings/legality.h"
#include "mappings/mapper.h"
#include "models/analytical_model.h"
#include "models/energy_estimators.h"
#include "models/search_evaluator.h"
#include "models/timeloop_ert.h"
#include "workloads/layer.h"
#include "workloads/workload_loader.h"

using namespace hwaware;

namespace {

const std::string kData = HWAWARE_TEST_DATA;
const std::string kSource = HWAWARE_SOURCE_DIR;

// The cost model `hwaware eval` gives the mapper (equal to the analytical model: see
// search_evaluator_test.cpp).
mapping::CostModel cost_model(const arch::Spec& spec, const workload::Problem& pr, const model::EnergyTable& table) {
  auto evaluator = std::make_shared<const model::SearchEvaluator>(spec, pr, table);
  return [evaluator](const mapping::Mapping& m) { return evaluator->evaluate(m); };
}

// Legality as `hwaware eval --mapping` checks it: every error the checker reports.
std::vector<std::string> legality_errors(const mapping::Mapping& m, const arch::Spec& spec, const workload::Problem& pr) {
  auto file = core::YamlFile::parse("{}", "mapper-result");
  core::DiagnosticSink sink;
  core::YamlView root(file.root(), "mapper-result", "", &sink);
  mapping::check_legality(m, spec, pr, root);
  std::vector<std::string> out;
  for (const auto& d : sink.diagnostics()) out.push_back(d.message);
  return out;
}

workload::Problem random_conv(std::mt19937& rng) {
  auto pick = [&](long long lo, long long hi) { return std::uniform_int_distribution<long long>(lo, hi)(rng); };
  workload::ConvParams p;
  p.groups = pick(0, 3) == 0 ? 2 : 1;
  p.in_channels = p.groups * pick(1, 48);
  p.out_channels = p.groups * pick(1, 48);
  p.kernel_h = p.kernel_w = pick(1, 3) * 2 - 1;
  p.stride_h = p.stride_w = pick(1, 2);
  p.pad_h = p.pad_w = p.kernel_h / 2;
  p.in_height = p.in_width = pick(4, 28);
  return workload::conv2d_problem("random", p);
}

}  // namespace

TEST_CASE("the mapper finds a mapping no worse than Timeloop's mapper on the Eyeriss-like reference", "[mapper]") {
  // Timeloop's mapper, under the constraints written in arch.yaml, found 59.28 uJ (fJ/compute
  // 5469.65 x 10,838,016 computes = 59,280,115.9 pJ). Same constraints, same energy table.
  const std::string dir = kData + "/reference/timeloop/v4-eyeriss-like-mapper/";
  auto spec = arch::load_arch(dir + "arch.yaml");
  auto net = workload::load_workload(dir + "problem.yaml");
  auto table = model::build_energy_table(spec);
  const auto ert = model::read_accelergy_ert(core::YamlFile::load(dir + "ert.yaml"));
  for (const auto& [name, e] : ert.entries()) table.set(name, e);
  const auto& pr = net.layers.at(0).problem;
  mapping::MapperOptions o;
  o.objectives = {mapping::Objective::energy};
  o.threads = 2;
  auto r = mapping::find_mapping(spec, pr, mapping::resolve_rules(spec, pr, nullptr), cost_model(spec, pr, table), o);
  REQUIRE(r.found);
  CHECK(r.cost.energy_pj <= 59280115.9);
  CHECK(legality_errors(r.mapping, spec, pr).empty());
  // The counts the mapper was given are the model's: evaluating the mapping again reproduces them.
  auto counts = model::evaluate_counts(spec, r.mapping, pr);
  CHECK(model::price_layer(spec, counts, table).total_pj == Approx(r.cost.energy_pj).epsilon(1e-12));
  CHECK(static_cast<double>(counts.cycles) == r.cost.cycles);
}

TEST_CASE("every mapping the mapper returns is legal", "[mapper]") {
  std::mt19937 rng(7);
  for (const char* preset : {"eyeriss_like", "simple_ws"}) {
    auto spec = arch::load_arch(kSource + "/arch/presets/" + preset + ".yaml");
    auto table = model::build_energy_table(spec);
    for (int trial = 0; trial < 12; ++trial) {
      auto pr = random_conv(rng);
      mapping::MapperOptions o;
      o.max_evaluations = 300;
      o.patience = 300;
      o.threads = 2;
      o.seed = static_cast<unsigned long long>(trial);
      auto r = mapping::find_mapping(spec, pr, mapping::resolve_rules(spec, pr, nullptr), cost_model(spec, pr, table), o);
      INFO(preset << " trial " << trial << ": " << r.infeasible);
      REQUIRE(r.found);
      auto errors = legality_errors(r.mapping, spec, pr);
      INFO((errors.empty() ? std::string() : errors.front()));
      CHECK(errors.empty());
    }
  }
}

TEST_CASE("the best mapping found never gets worse when the search budget grows", "[mapper]") {
  auto spec = arch::load_arch(kSource + "/arch/presets/eyeriss_like.yaml");
  auto table = model::build_energy_table(spec);
  workload::ConvParams p;
  p.in_channels = 64;
  p.out_channels = 128;
  p.kernel_h = p.kernel_w = 3;
  p.pad_h = p.pad_w = 1;
  p.in_height = p.in_width = 28;
  auto pr = workload::conv2d_problem("vgg-like", p);
  auto rules = mapping::resolve_rules(spec, pr, nullptr);
  double previous = 0;
  for (long long budget : {200, 800, 3200, 12800}) {
    mapping::MapperOptions o;
    o.max_evaluations = budget;
    o.patience = budget;
    o.exhaustive_limit = 0;
    o.threads = 2;
    auto r = mapping::find_mapping(spec, pr, rules, cost_model(spec, pr, table), o);
    REQUIRE(r.found);
    if (previous > 0) CHECK(r.cost.energy_pj <= previous);
    previous = r.cost.energy_pj;
  }
}

TEST_CASE("the same seed gives the same mapping with any number of threads", "[mapper]") {
  auto spec = arch::load_arch(kSource + "/arch/presets/simple_ws.yaml");
  auto table = model::build_energy_table(spec);
  std::mt19937 rng(3);
  auto pr = random_conv(rng);
  auto rules = mapping::resolve_rules(spec, pr, nullptr);
  mapping::MapperOptions o;
  o.max_evaluations = 1000;
  o.exhaustive_limit = 0;
  o.threads = 1;
  auto one = mapping::find_mapping(spec, pr, rules, cost_model(spec, pr, table), o);
  o.threads = 2;
  auto two = mapping::find_mapping(spec, pr, rules, cost_model(spec, pr, table), o);
  CHECK(one.cost.energy_pj == two.cost.energy_pj);
  CHECK(one.cost.cycles == two.cost.cycles);
  CHECK(one.evaluated == two.evaluated);
}

TEST_CASE("a small space is searched exhaustively and the search says so", "[mapper]") {
  auto spec = arch::load_arch(kSource + "/arch/presets/simple_ws.yaml");
  auto table = model::build_energy_table(spec);
  workload::ConvParams p;
  p.in_channels = 2;
  p.out_channels = 2;
  p.in_height = p.in_width = 1;
  auto pr = workload::conv2d_problem("tiny", p);
  mapping::MapperOptions o;
  o.exhaustive_limit = 1000000;
  auto r = mapping::find_mapping(spec, pr, mapping::resolve_rules(spec, pr, nullptr), cost_model(spec, pr, table), o);
  REQUIRE(r.found);
  CHECK(r.exhaustive);
  CHECK(r.stop_reason.find("whole pruned space") != std::string::npos);
}

TEST_CASE("a layer no constraint allows names the constraint that blocks it", "[mapper]") {
  // Timeloop's Eyeriss constraints fix every temporal factor of the input scratchpad to 1 and
  // allow only C and R in the weight scratchpad; a fixed factor of 5 on R cannot divide R = 3.
  const std::string dir = kData + "/reference/timeloop/v4-eyeriss-like-mapper/";
  auto spec = arch::load_arch(dir + "arch.yaml");
  auto net = workload::load_workload(dir + "problem.yaml");
  const auto& pr = net.layers.at(0).problem;
  int w = spec.level_index("weights_spad");
  REQUIRE(w >= 0);
  spec.levels[static_cast<std::size_t>(w)].constraints.temporal->factors.emplace_back("R", 5);
  auto table = model::build_energy_table(spec);
  auto r = mapping::find_mapping(spec, pr, mapping::resolve_rules(spec, pr, nullptr), cost_model(spec, pr, table), {});
  CHECK_FALSE(r.found);
  CHECK(r.infeasible.find("dimension 'R'") != std::string::npos);
  CHECK(r.infeasible.find("weights_spad") != std::string::npos);
  CHECK(r.infeasible.find("arch.yaml:") != std::string::npos);
}

TEST_CASE("an exhaustive search visits every candidate whatever the budget and patience", "[mapper]") {
  auto spec = arch::load_arch(kSource + "/arch/presets/simple_ws.yaml");
  auto table = model::build_energy_table(spec);
  workload::ConvParams p;
  p.in_channels = 2;
  p.out_channels = 2;
  p.in_height = p.in_width = 1;
  auto pr = workload::conv2d_problem("tiny", p);
  auto rules = mapping::resolve_rules(spec, pr, nullptr);
  mapping::MapperOptions generous;
  generous.exhaustive_limit = 1000000;
  generous.patience = 1000000;
  auto all = mapping::find_mapping(spec, pr, rules, cost_model(spec, pr, table), generous);
  mapping::MapperOptions impatient = generous;
  impatient.patience = 1;
  impatient.max_evaluations = 1;
  auto r = mapping::find_mapping(spec, pr, rules, cost_model(spec, pr, table), impatient);
  REQUIRE(all.exhaustive);
  REQUIRE(r.exhaustive);
  CHECK(r.evaluated + r.rejected == all.evaluated + all.rejected);
  CHECK(r.evaluated > 1);
  CHECK(r.cost.energy_pj == all.cost.energy_pj);
}

TEST_CASE("the mapper orders each axis's spatial loops as the level's spatial permutation says, innermost first", "[mapper]") {
  // Timeloop's Eyeriss constraints put S, C and M on the PE rows (Y) with permutation
  // [N, P, Q, R, S, C, M], innermost first. With S and C swapped, the order is the reverse of the
  // dimensions' own order (C before S), which the mapper followed before it read permutations.
  const std::string dir = kData + "/reference/timeloop/v4-eyeriss-like-mapper/";
  auto spec = arch::load_arch(dir + "arch.yaml");
  auto& rows = spec.levels.at(static_cast<std::size_t>(spec.level_index("inter_PE_spatial"))).constraints.spatial->permutation;
  auto s_at = std::find(rows.begin(), rows.end(), "S"), c_at = std::find(rows.begin(), rows.end(), "C");
  REQUIRE((s_at != rows.end() && c_at != rows.end()));
  std::iter_swap(s_at, c_at);
  auto net = workload::load_workload(dir + "problem.yaml");
  const auto& pr = net.layers.at(0).problem;
  auto table = model::build_energy_table(spec);
  auto r = mapping::find_mapping(spec, pr, mapping::resolve_rules(spec, pr, nullptr), cost_model(spec, pr, table), {});
  REQUIRE(r.found);
  int pairs = 0;
  for (std::size_t l = 0; l < spec.levels.size(); ++l) {
    const auto& s = spec.levels[l].constraints.spatial;
    if (!s) continue;
    auto position = [&](int d) {
      auto it = std::find(s->permutation.begin(), s->permutation.end(), pr.dim_names[static_cast<std::size_t>(d)]);
      return it - s->permutation.begin();
    };
    const auto& loops = r.mapping.levels[l].spatial;
    for (std::size_t i = 1; i < loops.size(); ++i) {
      if (loops[i].kind != loops[i - 1].kind) continue;
      ++pairs;
      INFO(spec.levels[l].name << ": " << pr.dim_names[static_cast<std::size_t>(loops[i - 1].dim)] << " outside "
                               << pr.dim_names[static_cast<std::size_t>(loops[i].dim)]);
      CHECK(position(loops[i - 1].dim) > position(loops[i].dim));
    }
  }
  CHECK(pairs > 0);  // some axis holds two loops, or the order was never tested
}
