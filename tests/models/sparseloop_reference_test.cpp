// Sparseloop's reference cases (tests/reference/sparseloop, with SOURCE.md and SEMANTICS.md), each
// evaluated on the mapping its stats were produced with and priced with the per-action energies
// its stats imply: every per-level, per-tensor actual, gated and skipped read, fill and update,
// every per-rank format access, the temporal reductions and the computes equal Timeloop's; each
// tensor's energy and the total are within 0.1%; the cycles equal Timeloop's but for its
// floating-point noise (see cycles_as_timeloop()).

#include <catch2/catch.hpp>
#include <cmath>
#include <fstream>
#include <map>
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

// Our per-rank format accesses against the stats' (which print nothing for all-zero ones).
void compare_format(const std::vector<model::FormatUnits>& ours, const std::vector<test::SparseloopRankCounts>& theirs, const char* what) {
  INFO(what);
  for (std::size_t r = 0; r < std::max(ours.size(), theirs.size()); ++r) {
    INFO("rank " << r);
    const model::FormatUnits u = r < ours.size() ? ours[r] : model::FormatUnits{};
    const test::SparseloopRankCounts t = r < theirs.size() ? theirs[r] : test::SparseloopRankCounts{};
    CHECK(static_cast<long long>(u.metadata) == t.metadata);
    CHECK(static_cast<long long>(u.payload) == t.payload);
  }
}

void compare_split(const model::ActionSplit& ours, const test::SparseloopAccesses& theirs, const char* what) {
  INFO(what);
  CHECK(static_cast<long long>(ours.actual) == theirs.actual);
  CHECK(static_cast<long long>(ours.gated) == theirs.gated);
  CHECK(static_cast<long long>(ours.skipped) == theirs.skipped);
}

// Timeloop's own arithmetic for a level's cycles (ComputePerformance in src/model/buffer.cpp):
// demand = words / compute cycles, slowdown = bandwidth / demand, cycles = ceil(compute cycles /
// slowdown) in doubles, where a whole number of cycles can come out a hair above itself and be
// rounded up (04.2.1: 1916928.0000000002 -> 1916929). hwaware rounds such noise away
// (throttled_cycles()), so its cycles may be one less exactly where this quotient is within 1e-9
// of a whole number; `noisy` says whether it was.
long long cycles_as_timeloop(const arch::Spec& spec, const model::LayerCounts& c, bool& noisy) {
  const double cc = static_cast<double>(c.compute_cycles);
  long long cycles = c.compute_cycles;
  noisy = false;
  for (std::size_t l = 0; l < c.levels.size(); ++l) {
    const auto& lvl = spec.levels[l];
    double read_words = 0, write_words = 0;
    for (std::size_t t = 0; t < c.levels[l].tensors.size(); ++t) {
      if (!c.levels[l].tensors[t].kept) continue;
      read_words += c.levels[l].bits[t].read_bits / lvl.word_bits;
      write_words += (c.levels[l].bits[t].fill_bits + c.levels[l].bits[t].update_bits) / lvl.word_bits;
    }
    double slowdown = 1;
    if (lvl.read_bandwidth && *lvl.read_bandwidth < read_words / cc) slowdown = std::min(slowdown, *lvl.read_bandwidth / (read_words / cc));
    if (lvl.write_bandwidth && *lvl.write_bandwidth < write_words / cc)
      slowdown = std::min(slowdown, *lvl.write_bandwidth / (write_words / cc));
    const double x = cc / slowdown;
    const long long level_cycles = static_cast<long long>(std::ceil(x));
    if (level_cycles > cycles) {
      cycles = level_cycles;
      noisy = x > std::floor(x) && x - std::floor(x) < 1e-9 * x;
    }
  }
  return cycles;
}

void check_case(const std::string& name) {
  const std::string dir = std::string(HWAWARE_TEST_DATA) + "/reference/sparseloop/" + name + "/";
  const std::string input = dir + "parsed-processed-input.yaml";
  const auto spec = arch::load_arch(input);
  REQUIRE(spec.sparse_optimized());
  const auto net = workload::load_workload(input);
  REQUIRE(net.layers.size() == 1);
  const auto& problem = net.layers[0].problem;
  const auto m = mapping::load_mapping(dir + "mapping.yaml", spec, problem);
  const auto table = model::read_accelergy_ert(core::YamlFile::load(dir + "ert.yaml"));
  const auto counts = model::evaluate_counts(spec, m, problem);
  const auto energy = model::price_layer(spec, counts, table);
  const auto stats = test::parse_sparseloop_stats(test::read_text(dir + "timeloop-mapper.stats.txt"));
  CHECK(counts.sparse_failure.empty());

  std::map<std::pair<std::string, std::string>, double> tensor_pj;
  for (const auto& r : energy.rows) tensor_pj[{r.component, r.tensor}] += r.energy_pj;
  std::size_t compared = 0;
  for (const auto& lvl : counts.levels) {
    for (std::size_t ds = 0; ds < lvl.tensors.size(); ++ds) {
      if (!lvl.tensors[ds].kept) continue;
      const std::string& tensor = counts.tensor_names[ds];
      INFO(name << ": level " << lvl.name << ", tensor " << tensor);
      REQUIRE(lvl.sparse.size() == lvl.tensors.size());
      const auto& s = lvl.sparse[ds];
      const auto& t = stats.at(lvl.name, tensor);
      CHECK(lvl.tensors[ds].instances == t.utilized_instances);
      compare_split(s.reads, t.reads, "reads");
      compare_split(s.fills, t.fills, "fills");
      compare_split(s.updates, t.updates, "updates");
      CHECK(static_cast<long long>(s.temporal_reductions) == t.temporal_reductions);
      compare_format(s.format_reads.actual, t.format_reads.actual, "actual format reads");
      compare_format(s.format_reads.gated, t.format_reads.gated, "gated format reads");
      compare_format(s.format_reads.skipped, t.format_reads.skipped, "skipped format reads");
      compare_format(s.format_fills.actual, t.format_fills.actual, "actual format fills");
      compare_format(s.format_updates.actual, t.format_updates.actual, "actual format updates");
      // Printed per instance with 2 decimals: 0.1%, or the rounding of the print.
      const double ours = tensor_pj[{lvl.name, tensor}] / static_cast<double>(lvl.tensors[ds].instances);
      CHECK(ours == Approx(t.energy_per_instance_pj).epsilon(0.001).margin(0.006));
      ++compared;
    }
  }
  std::size_t records = 0;
  for (const auto& l : stats.levels) records += l.tensors.size();
  CHECK(compared == records);

  CHECK(static_cast<long long>(counts.computes) == stats.compute.algorithmic);
  CHECK(static_cast<long long>(counts.compute.performed) == stats.compute.actual);
  CHECK(static_cast<long long>(counts.compute.gated) == stats.compute.gated);
  CHECK(static_cast<long long>(counts.compute.skipped) == stats.compute.skipped);

  bool noisy = false;
  const long long timeloop_cycles = cycles_as_timeloop(spec, counts, noisy);
  CHECK(timeloop_cycles == stats.cycles);
  CHECK(counts.cycles == (noisy ? timeloop_cycles - 1 : timeloop_cycles));
  CHECK(energy.total_pj == Approx(stats.energy_pj).epsilon(0.001));
}

}  // namespace

TEST_CASE("Sparseloop 01.2.2: gating B and Z on A's zeros keeps their cycles, counts equal Timeloop's", "[reference][sparseloop]") {
  check_case("01.2.2-SUDU-dot-product");
}
TEST_CASE("Sparseloop 01.2.3: A in coordinate-payload form, skipping B and Z on it, counts equal Timeloop's", "[reference][sparseloop]") {
  check_case("01.2.3-SCDU-dot-product");
}
TEST_CASE("Sparseloop 02.2.1: spMspM, both operands compressed and skipped on each other, counts equal Timeloop's",
          "[reference][sparseloop]") {
  check_case("02.2.1-spMspM");
}
TEST_CASE("Sparseloop 02.2.2: tiled spMspM, a three-rank format over a two-rank child, counts equal Timeloop's",
          "[reference][sparseloop]") {
  check_case("02.2.2-spMspM-tiled");
}
TEST_CASE("Sparseloop 03.2.1: conv1d with run-length weights, skipping inputs and outputs, counts equal Timeloop's",
          "[reference][sparseloop]") {
  check_case("03.2.1-conv1d");
}
TEST_CASE("Sparseloop 03.2.3: conv1d over 4 PEs, weights in UOP/UOP/RLE, counts equal Timeloop's", "[reference][sparseloop]") {
  check_case("03.2.3-conv1d+oc-spatial");
}
TEST_CASE("Sparseloop 04.2.1: Eyeriss-like, a zero input gates the weight read, counts equal Timeloop's", "[reference][sparseloop]") {
  check_case("04.2.1-eyeriss-like-gating");
}
TEST_CASE("Sparseloop 04.2.2: Eyeriss-like gating on the mapper's mapping, counts equal Timeloop's", "[reference][sparseloop]") {
  check_case("04.2.2-eyeriss-like-gating-mapspace-search");
}
TEST_CASE("Sparseloop 04.2.3: Eyeriss-like, compressed inputs on chip and skipping, counts equal Timeloop's", "[reference][sparseloop]") {
  check_case("04.2.3-eyeriss-like-onchip-compression");
}
