// Timeloop reference cases (tests/reference/timeloop, copied from shared/reference with their
// source note, and the dense Sparseloop case of tests/reference/sparseloop): every per-level,
// per-tensor scalar read/fill/update count and the cycles must equal Timeloop's exactly, and total
// energy must be within 0.1%.

#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

#include "arch/arch_loader.h"
#include "core/yaml_reader.h"
#include "mappings/mapping_loader.h"
#include "models/accelerator.h"
#include "models/analytical_model.h"
#include "models/network_evaluation.h"
#include "models/timeloop_ert.h"
#include "text_file.h"
#include "workloads/workload_loader.h"

using namespace hwaware;

namespace {

struct Expected {
  std::map<std::pair<std::string, std::string>, std::array<long long, 4>> counts;  // reads, fills, updates, instances
  long long cycles = 0;
  double energy_pj = 0;
};

long long field(const std::string& body, const std::string& name) {
  std::smatch m;
  std::regex re(name + R"(\s*: (\d+))");
  if (!std::regex_search(body, m, re)) return -1;
  return std::stoll(m[1].str());
}

// Reads Timeloop's stats text: per level, per tensor counts; cycles; computes x fJ/compute.
Expected parse_stats(const std::string& text) {
  Expected e;
  std::regex block_re(R"(\n=== (\w+) ===)");
  std::vector<std::pair<std::string, std::size_t>> blocks;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), block_re); it != std::sregex_iterator(); ++it)
    blocks.emplace_back((*it)[1].str(), static_cast<std::size_t>(it->position()));
  for (std::size_t b = 0; b < blocks.size(); ++b) {
    std::size_t end = b + 1 < blocks.size() ? blocks[b + 1].second : text.size();
    std::string body = text.substr(blocks[b].second, end - blocks[b].second);
    std::regex tensor_re(R"(\n    (\w+):\n)");
    std::vector<std::pair<std::string, std::size_t>> tensors;
    for (auto it = std::sregex_iterator(body.begin(), body.end(), tensor_re); it != std::sregex_iterator(); ++it)
      tensors.emplace_back((*it)[1].str(), static_cast<std::size_t>(it->position()));
    for (std::size_t t = 0; t < tensors.size(); ++t) {
      std::size_t tend = t + 1 < tensors.size() ? tensors[t + 1].second : body.size();
      std::string tb = body.substr(tensors[t].second, tend - tensors[t].second);
      long long reads = field(tb, R"(Scalar reads \(per-instance\))");
      if (reads < 0) continue;
      e.counts[{blocks[b].first, tensors[t].first}] = {reads, field(tb, R"(Scalar fills \(per-instance\))"),
                                                       field(tb, R"(Scalar updates \(per-instance\))"),
                                                       field(tb, R"(Utilized instances \(max\))")};
    }
  }
  std::smatch m;
  if (std::regex_search(text, m, std::regex(R"(\nCycles: (\d+))"))) e.cycles = std::stoll(m[1].str());
  double computes = 0, fj = 0;
  if (std::regex_search(text, m, std::regex(R"(Computes = (\d+))"))) computes = std::stod(m[1].str());
  std::regex total_re(R"(\n    Total\s+= ([\d.]+))");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), total_re); it != std::sregex_iterator(); ++it)
    fj = std::stod((*it)[1].str());
  e.energy_pj = computes * fj / 1000.0;
  return e;
}

// Every per-level, per-tensor count of `counts` equals the stats', cycles too; energy within 0.1%.
void compare(const std::string& name, const model::LayerCounts& counts, const model::LayerEnergy& energy, const Expected& expected) {
  REQUIRE_FALSE(expected.counts.empty());
  std::size_t compared = 0;
  for (const auto& lvl : counts.levels) {
    for (std::size_t ds = 0; ds < lvl.tensors.size(); ++ds) {
      const auto& t = lvl.tensors[ds];
      if (!t.kept) continue;
      auto it = expected.counts.find({lvl.name, counts.tensor_names[ds]});
      INFO(name << ": level " << lvl.name << ", tensor " << counts.tensor_names[ds]);
      REQUIRE(it != expected.counts.end());
      CHECK(static_cast<long long>(t.reads) == it->second[0]);
      CHECK(static_cast<long long>(t.fills) == it->second[1]);
      CHECK(static_cast<long long>(t.updates) == it->second[2]);
      CHECK(t.instances == it->second[3]);
      ++compared;
    }
  }
  CHECK(compared == expected.counts.size());
  CHECK(counts.cycles == expected.cycles);
  CHECK(energy.total_pj == Approx(expected.energy_pj).epsilon(0.001));
}

void check_case(const std::string& name) {
  const std::string dir = std::string(HWAWARE_TEST_DATA) + "/reference/timeloop/" + name + "/";
  auto spec = arch::load_arch(dir + "arch.yaml");
  auto net = workload::load_workload(dir + "problem.yaml");
  REQUIRE(net.layers.size() == 1);
  const auto& problem = net.layers[0].problem;
  auto m = mapping::load_mapping(dir + "mapping.yaml", spec, problem);
  auto table = model::read_accelergy_ert(core::YamlFile::load(dir + "ert.yaml"));
  auto counts = model::evaluate_counts(spec, m, problem);
  compare(name, counts, model::price_layer(spec, counts, table), parse_stats(test::read_text(dir + "timeloop.stats.txt")));
}

// A Sparseloop case from its parsed-processed-input.yaml alone, as `hwaware eval --arch F --workload
// F --mapping F` evaluates it: the document's `mapping: []` leaves the mapping to the mapper, within
// its architecture_constraints; priced with the per-action energies of its stats (ert.yaml).
void check_dump(const std::string& name) {
  const std::string dir = std::string(HWAWARE_TEST_DATA) + "/reference/sparseloop/" + name + "/";
  const std::string input = dir + "parsed-processed-input.yaml";
  const auto accelerator = model::load_accelerator(input, dir + "ert.yaml");
  const auto net = workload::load_workload(input);
  REQUIRE(net.layers.size() == 1);
  model::EvaluationOptions options;
  options.mapping_file = input;
  options.map.quiet = true;
  const auto e = model::evaluate_network(accelerator, net, options);
  REQUIRE(e.layers.front().search);  // the mapper chose
  compare(name, e.layers.front().counts, e.layers.front().energy, parse_stats(test::read_text(dir + "timeloop-mapper.stats.txt")));
}

}  // namespace

TEST_CASE("Timeloop v0.4, one level: counts, cycles and energy equal Timeloop's", "[reference]") { check_case("v4-conv1d-1level"); }
TEST_CASE("Timeloop v0.4, output stationary over two levels: counts equal Timeloop's", "[reference]") { check_case("v4-conv1d-2level-os"); }
TEST_CASE("Timeloop v0.4, tiling lowers input refetch as Timeloop counts it", "[reference]") { check_case("v4-conv1d-oc-2level-tiled"); }
TEST_CASE("Timeloop v0.4, three levels without bypass: counts equal Timeloop's", "[reference]") { check_case("v4-conv1d-oc-3level"); }
TEST_CASE("Timeloop v0.4, three levels with bypass: counts equal Timeloop's", "[reference]") { check_case("v4-conv1d-oc-3level-bypass"); }
TEST_CASE("Timeloop v0.4, Eyeriss-like mapper result: counts equal Timeloop's", "[reference]") { check_case("v4-eyeriss-like-mapper"); }
TEST_CASE("Timeloop v0.2, output stationary with an ERT with arguments: counts equal Timeloop's", "[reference]") {
  check_case("v02-conv1d-2level-os");
}
TEST_CASE("Timeloop v0.2, 16 PEs sharing a buffer (multicast): counts equal Timeloop's", "[reference]") {
  check_case("v02-conv1d-oc-ic-3level-spatial-kp");
}
TEST_CASE("Timeloop's front-end dump alone, dense dot product (Sparseloop 01.2.1): the constrained mapping's counts equal Timeloop's",
          "[reference]") {
  check_dump("01.2.1-DUDU-dot-product");
}
