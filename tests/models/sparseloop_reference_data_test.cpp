// The Sparseloop reference cases' mapping.yaml files (tests/reference/sparseloop/<case>/) are the
// mappings their stats were produced with: on each, the dense model counts every per-level,
// per-tensor read, fill and update and every utilized instance exactly as the stats' "Algorithmic"
// columns, and the MACs as the algorithmic computes. (The sparse counts are the sparse model's to
// match; these tests pin the data it is checked against.)
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "arch/arch_loader.h"
#include "core/yaml_reader.h"
#include "mappings/mapping_loader.h"
#include "models/analytical_model.h"
#include "models/sparseloop_stats.h"
#include "models/timeloop_ert.h"
#include "text_file.h"
#include "workloads/workload_loader.h"

using namespace hwaware;

namespace {

std::string case_dir(const std::string& name) { return std::string(HWAWARE_TEST_DATA) + "/reference/sparseloop/" + name + "/"; }

void check_algorithmic_counts(const std::string& name) {
  const std::string dir = case_dir(name);
  const std::string input = dir + "parsed-processed-input.yaml";
  const auto spec = arch::load_arch(input);
  const auto net = workload::load_workload(input);
  REQUIRE(net.layers.size() == 1);
  const auto& problem = net.layers[0].problem;
  const auto m = mapping::load_mapping(dir + "mapping.yaml", spec, problem);
  const auto counts = model::evaluate_counts(spec, m, problem);
  const auto stats = test::parse_sparseloop_stats(test::read_text(dir + "timeloop-mapper.stats.txt"));

  std::size_t stats_records = 0;
  for (const auto& l : stats.levels) stats_records += l.tensors.size();
  REQUIRE(stats_records > 0);
  std::size_t compared = 0;
  for (const auto& lvl : counts.levels) {
    for (std::size_t ds = 0; ds < lvl.tensors.size(); ++ds) {
      const auto& t = lvl.tensors[ds];
      if (!t.kept) continue;
      INFO(name << ": level " << lvl.name << ", tensor " << counts.tensor_names[ds]);
      const auto& s = stats.at(lvl.name, counts.tensor_names[ds]);
      CHECK(static_cast<long long>(t.reads) == s.reads.algorithmic);
      CHECK(static_cast<long long>(t.fills) == s.fills.algorithmic);
      CHECK(static_cast<long long>(t.updates) == s.updates.algorithmic);
      CHECK(t.instances == s.utilized_instances);
      ++compared;
    }
  }
  CHECK(compared == stats_records);  // the mapping keeps exactly what the stats list at each level
  CHECK(static_cast<long long>(counts.computes) == stats.compute.algorithmic);
  CHECK(counts.compute_instances == stats.compute.utilized_instances);
}

}  // namespace

TEST_CASE("Sparseloop 01.2.2 mapping.yaml: the dense counts equal the stats' algorithmic counts", "[reference][sparseloop]") {
  check_algorithmic_counts("01.2.2-SUDU-dot-product");
}
TEST_CASE("Sparseloop 01.2.3 mapping.yaml: the dense counts equal the stats' algorithmic counts", "[reference][sparseloop]") {
  check_algorithmic_counts("01.2.3-SCDU-dot-product");
}
TEST_CASE("Sparseloop 02.2.1 mapping.yaml: the dense counts equal the stats' algorithmic counts", "[reference][sparseloop]") {
  check_algorithmic_counts("02.2.1-spMspM");
}
TEST_CASE("Sparseloop 02.2.2 mapping.yaml: the dense counts equal the stats' algorithmic counts", "[reference][sparseloop]") {
  check_algorithmic_counts("02.2.2-spMspM-tiled");
}
TEST_CASE("Sparseloop 03.2.1 mapping.yaml: the dense counts equal the stats' algorithmic counts", "[reference][sparseloop]") {
  check_algorithmic_counts("03.2.1-conv1d");
}
TEST_CASE("Sparseloop 03.2.3 mapping.yaml: the dense counts equal the stats' algorithmic counts", "[reference][sparseloop]") {
  check_algorithmic_counts("03.2.3-conv1d+oc-spatial");
}
TEST_CASE("Sparseloop 04.2.1 mapping.yaml: the dense counts equal the stats' algorithmic counts", "[reference][sparseloop]") {
  check_algorithmic_counts("04.2.1-eyeriss-like-gating");
}
TEST_CASE("Sparseloop 04.2.2 mapping.yaml: the dense counts equal the stats' algorithmic counts", "[reference][sparseloop]") {
  check_algorithmic_counts("04.2.2-eyeriss-like-gating-mapspace-search");
}
TEST_CASE("Sparseloop 04.2.3 mapping.yaml: the dense counts equal the stats' algorithmic counts", "[reference][sparseloop]") {
  check_algorithmic_counts("04.2.3-eyeriss-like-onchip-compression");
}

TEST_CASE("Sparseloop cases' ert.yaml price every storage level and the MAC of their architecture, by the dump's names",
          "[reference][sparseloop]") {
  for (const std::string name : {"01.2.1-DUDU-dot-product", "01.2.2-SUDU-dot-product", "01.2.3-SCDU-dot-product", "02.2.1-spMspM",
                                 "02.2.2-spMspM-tiled", "03.2.1-conv1d", "03.2.3-conv1d+oc-spatial", "04.2.1-eyeriss-like-gating",
                                 "04.2.2-eyeriss-like-gating-mapspace-search", "04.2.3-eyeriss-like-onchip-compression"}) {
    INFO(name);
    const auto spec = arch::load_arch(case_dir(name) + "parsed-processed-input.yaml");
    const auto table = model::read_accelergy_ert(core::YamlFile::load(case_dir(name) + "ert.yaml"));
    std::size_t priced = 0;
    for (const auto& level : spec.levels) {
      if (level.is_virtual()) continue;  // the front end's spatial levels have no energy
      INFO("level " << level.name);
      const auto* e = table.find(level.name);
      REQUIRE(e != nullptr);
      CHECK(e->read_pj > 0);
      ++priced;
    }
    CHECK(priced + 1 == table.entries().size());  // and nothing else but the MAC
    const auto* mac = table.find(spec.compute.name);
    REQUIRE(mac != nullptr);
    CHECK(mac->compute_pj == Approx(0.315));
  }
}
