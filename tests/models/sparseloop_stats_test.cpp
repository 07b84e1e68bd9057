// The reader of Sparseloop's stats (sparseloop_stats.h) on the reference cases of
// tests/reference/sparseloop: values read by eye from the files, and every case read whole.

#include "models/sparseloop_stats.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

using hwaware::test::parse_sparseloop_stats;
using hwaware::test::SparseloopRankCounts;
using hwaware::test::SparseloopStats;
using Ranks = std::vector<SparseloopRankCounts>;

namespace {

const std::vector<std::string> kCases = {"01.2.1-DUDU-dot-product",
                                         "01.2.2-SUDU-dot-product",
                                         "01.2.3-SCDU-dot-product",
                                         "02.2.1-spMspM",
                                         "02.2.2-spMspM-tiled",
                                         "03.2.1-conv1d",
                                         "03.2.3-conv1d+oc-spatial",
                                         "04.2.1-eyeriss-like-gating",
                                         "04.2.2-eyeriss-like-gating-mapspace-search",
                                         "04.2.3-eyeriss-like-onchip-compression"};

SparseloopStats read_case(const std::string& name) {
  std::ifstream in(std::string(HWAWARE_TEST_DATA) + "/reference/sparseloop/" + name + "/timeloop-mapper.stats.txt");
  REQUIRE(in);
  std::stringstream ss;
  ss << in.rdbuf();
  return parse_sparseloop_stats(ss.str());
}

}  // namespace

TEST_CASE("Sparseloop stats: per-rank format accesses are read as (metadata, payload), rank 0 innermost", "[sparseloop]") {
  const auto s = read_case("04.2.3-eyeriss-like-onchip-compression");
  const auto& ifmap = s.at("ifmap_spad", "Inputs");
  CHECK(ifmap.format_reads.actual == Ranks{{1713255, 0}});
  CHECK(ifmap.format_fills.actual == Ranks{{856628, 0}});
  CHECK(ifmap.format_reads.gated.empty());
  CHECK(ifmap.format_reads.skipped.empty());
  CHECK(ifmap.format_updates.actual.empty());
  CHECK(ifmap.format_capacity == Ranks{{4, 0}});
  CHECK(ifmap.max_capacity == 4);
  CHECK(ifmap.reads.algorithmic == 6230016);
  CHECK(ifmap.reads.actual == 1713255);
  CHECK(ifmap.fills.actual == 856628);
  CHECK(ifmap.utilized_instances == 96);
  CHECK(ifmap.energy_per_instance_pj == Approx(791039.96));

  const auto& dram_in = s.at("DRAM", "Inputs");  // three ranks, printed outermost first
  CHECK(dram_in.format_reads.actual == Ranks{{8908923, 0}, {0, 3037133}, {0, 337514}});
  CHECK(dram_in.format_capacity == Ranks{{164739, 0}, {0, 56160}, {0, 6241}});
  CHECK(dram_in.max_capacity == 63361);
  const auto& dram_out = s.at("DRAM", "Outputs");
  CHECK(dram_out.format_updates.actual == Ranks{{5021393, 0}, {0, 129840}});
  CHECK(dram_out.temporal_reductions == 4916781);
  CHECK(dram_out.updates.algorithmic == 12460032);
  CHECK(dram_out.updates.actual == 5021393);

  const auto& w = s.at("weights_spad", "Weights");
  CHECK(w.reads.skipped == 4516761);
  CHECK(w.reads.actual == 1713255);
  CHECK(w.reads.gated == 0);
}

TEST_CASE("Sparseloop stats: gated and skipped columns and their format ranks", "[sparseloop]") {
  const auto gating = read_case("04.2.1-eyeriss-like-gating");
  const auto& w = gating.at("weights_spad", "Weights");
  CHECK(w.reads.algorithmic == 3833856);
  CHECK(w.reads.gated == 2779545);
  CHECK(w.reads.actual == 1054311);
  CHECK(w.reads.skipped == 0);
  CHECK(w.fills.actual == 73728);
  CHECK(gating.at("DRAM", "Inputs").format_reads.actual == Ranks{{380161, 0}, {0, 390}});

  const auto tiled = read_case("02.2.2-spMspM-tiled");
  const auto& backing_b = tiled.at("BackingStorage", "B");
  CHECK(backing_b.format_reads.actual == Ranks{{32, 0}, {0, 36}, {0, 5}});
  CHECK(backing_b.format_capacity == Ranks{{32, 0}, {0, 36}, {0, 5}});
  CHECK(backing_b.reads.algorithmic == 64);
  CHECK(backing_b.reads.actual == 32);
  const auto& buffer_b = tiled.at("Buffer", "B");
  CHECK(buffer_b.format_reads.actual == Ranks{{64, 0}, {0, 72}});
  CHECK(buffer_b.format_reads.skipped == Ranks{{192, 0}, {0, 216}});
  CHECK(buffer_b.format_reads.gated.empty());
  CHECK(buffer_b.format_fills.actual == Ranks{{32, 0}, {0, 36}});
  CHECK(buffer_b.reads.skipped == 192);
  const auto& buffer_z = tiled.at("Buffer", "Z");
  CHECK(buffer_z.reads.skipped == 392);
  CHECK(buffer_z.updates.skipped == 448);
  CHECK(buffer_z.temporal_reductions == 56);
  CHECK(buffer_z.energy_per_instance_pj == Approx(63.54));
}

TEST_CASE("Sparseloop stats: computes, cycles and energy in fJ/Compute and in the older pJ/Compute", "[sparseloop]") {
  const auto s = read_case("04.2.3-eyeriss-like-onchip-compression");
  CHECK(s.compute.name == "mac");
  CHECK(s.compute.algorithmic == 598081536);
  CHECK(s.compute.actual == 164472423);
  CHECK(s.compute.gated == 0);
  CHECK(s.compute.skipped == 0);
  CHECK(s.compute.utilized_instances == 96);
  CHECK(s.compute.cycles == 1713255);
  CHECK(s.compute.energy_pj == Approx(51808813.24));
  CHECK(s.cycles == 1827229);
  CHECK(s.level("shared_glb").cycles == 1827229);
  CHECK(s.level("psum_spad").leakage_energy_pj == Approx(694814.79));
  CHECK(s.actual_computes == 164472423);
  CHECK(s.energy_per_compute_pj == Approx(43.74090));
  CHECK(s.energy_pj == Approx(43740.90e-3 * 164472423));  // 7194.17 uJ printed

  const auto older = read_case("02.2.2-spMspM-tiled");  // "pJ/Compute ... Total = 5.51"
  CHECK(older.actual_computes == 64);
  CHECK(older.energy_pj == Approx(5.51 * 64));
  CHECK(older.cycles == 64);

  const auto gating = read_case("01.2.2-SUDU-dot-product");  // the algorithmic block's Total (3366.62) is not the run's
  CHECK(gating.energy_pj == Approx(13466.46e-3 * 4));
  CHECK(gating.compute.actual == 4);
  CHECK(gating.compute.algorithmic == 16);
}

TEST_CASE("Sparseloop stats: the dense layout (01.2.1) gives its counts as algorithmic and actual", "[sparseloop]") {
  const auto s = read_case("01.2.1-DUDU-dot-product");
  const auto& z = s.at("Buffer", "Z");
  CHECK(z.reads.algorithmic == 15);
  CHECK(z.reads.actual == 15);
  CHECK(z.updates.actual == 16);
  CHECK(z.max_capacity == 1);
  CHECK(s.compute.algorithmic == 16);
  CHECK(s.compute.actual == 16);
  CHECK(s.compute.utilized_instances == 1);
  CHECK(s.energy_pj == Approx(7954.55e-3 * 16));
}

TEST_CASE("Sparseloop stats: every reference case reads whole, its columns consistent", "[sparseloop]") {
  for (const auto& name : kCases) {
    INFO(name);
    const auto s = read_case(name);
    CHECK(s.compute.name == "mac");
    CHECK(s.compute.algorithmic > 0);
    CHECK(s.compute.actual + s.compute.gated + s.compute.skipped <= s.compute.algorithmic);
    CHECK(s.cycles > 0);
    CHECK(s.actual_computes == s.compute.actual);
    CHECK(s.energy_pj > 0);
    REQUIRE_FALSE(s.levels.empty());
    for (const auto& l : s.levels) {
      INFO("level " << l.name);
      CHECK(l.name.find("inter_PE") == std::string::npos);  // the front end's spatial levels print no stats
      CHECK(l.cycles > 0);
      CHECK_FALSE(l.tensors.empty());
      for (const auto& [tensor, t] : l.tensors) {
        INFO("tensor " << tensor);
        CHECK(t.utilized_instances > 0);
        CHECK(t.max_capacity > 0);
        CHECK(t.energy_per_instance_pj >= 0);
        for (const auto* a : {&t.reads, &t.fills, &t.updates}) CHECK(a->actual + a->gated + a->skipped <= a->algorithmic);
        // A format access list names the ranks of the tensor's format at the level.
        for (const auto* f : {&t.format_reads, &t.format_fills, &t.format_updates})
          for (const auto* ranks : {&f->actual, &f->gated, &f->skipped})
            if (!ranks->empty()) CHECK(ranks->size() == t.format_capacity.size());
      }
    }
  }
}
