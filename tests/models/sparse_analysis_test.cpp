// Sparseloop's sparse analysis (models/sparse_analysis.h) on layers small enough to count by hand.
// Every expected number is derived in the comment beside it from the rules of
// tests/reference/sparseloop/SEMANTICS.md (§2 density, §3 formats, §4 actual/gated/skipped, §5
// energy, §6 cycles), never read off the model's output.
//
// The layer most tests use: conv1d(K 1, R 3, P 5) on Main -> Buffer -> MAC, Main iterating P5,
// Buffer R3 (all tensors kept at both levels). Its dense (Timeloop) counts, by the counting rules
// of counting_rules_test.cpp:
//   Buffer Weights: tile 3, fills 3 (P does not index Weights), reads 15 (one per MAC);
//   Buffer Inputs:  tile 3, fills 3 + 4 = 7 (the window slides by one per P step), reads 15;
//   Buffer Outputs: tile 1, updates 15, reads 15 - 5 = 10 (the first update of each of the 5
//                   outputs writes without reading), fills 0;
//   Main: Weights reads 3, Inputs reads 7, Outputs updates 5; 15 computes, 15 compute cycles.

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "models/sparse_layers.h"

using namespace hwaware;
using namespace hwaware::test;
using namespace hwaware::test::sparse_layers;

TEST_CASE("gating: a gated read still takes its port and costs gated_read, the MACs it spares do not exist", "[sparse]") {
  SmallLayer s;
  s.pr.data_spaces[I].density = 0.25;  // fixed_structured (the default)
  s.buffer().read_bandwidth = 1;
  s.buffer().sparse.actions.push_back(saf(SafKind::gating, {{"Weights", {"Inputs"}}}));
  const auto c = s.counts();
  REQUIRE(c.sparse_failure.empty());

  // The Weights at Buffer feed the MAC through temporal loops (R3, then Main's P5): the
  // conditioned-on Inputs tile is one scalar, P(empty) = 1 - 0.25 = 0.75 = p (§4(b)).
  // Reads 15: gated floor(15 x 0.75) = floor(11.25) = 11, actual 15 - 11 = 4 (§4(c)).
  const auto& w = sparse(c, kBuffer, W);
  CHECK(w.reads.gated == 11);
  CHECK(w.reads.actual == 4);
  CHECK(w.reads.skipped == 0);
  // Fills are not touched at the level of the SAF: 3 actual; Main's 3 reads are above it.
  CHECK(w.fills.actual == 3);
  CHECK(w.fills.gated == 0);
  CHECK(sparse(c, kMain, W).reads.actual == 3);
  // The other tensors have no SAF and no format: dense.
  CHECK(sparse(c, kBuffer, I).reads.actual == 15);
  CHECK(sparse(c, kBuffer, O).reads.actual == 10);
  CHECK(sparse(c, kBuffer, O).updates.actual == 15);

  // Buffer is the Weights' innermost level: computes 15 - floor(15 x 0.75) = 4 remain, the 11
  // removed are nonexistent, not gated (§4(e)); the Inputs' states are divided by 1 - 0.75, so
  // ENZ = 0.25 / 0.25 = 1 and the 4 are actual.
  CHECK(c.computes == 15);
  CHECK(c.compute.performed == 4);
  CHECK(c.compute.gated == 0);
  CHECK(c.compute.skipped == 0);

  // Gated reads hold the read port (§6): Weights 4 + 11 = 15 words, Inputs 15, Outputs 10 = 40
  // words at 1 word/cycle over 4 compute cycles: ceil(4 / (1 / (40 / 4))) = 40 cycles, the dense
  // count (dense: 40 words over 15 compute cycles, also 40).
  CHECK(w.read_words == 15);
  CHECK(c.compute_cycles == 4);
  CHECK(c.cycles == 40);
  SmallLayer dense;
  dense.buffer().read_bandwidth = 1;
  CHECK(dense.counts().cycles == 40);

  // Energy (§5): Buffer Weights 4 actual reads x 1 + 3 fills x 2 = 10, gated 11 x 0.1 = 1.1;
  // Inputs 15 x 1 + 7 x 2 = 29; Outputs 10 x 1 + 15 updates x 2 = 40; MAC 4 x 0.5 = 2; Main free.
  // Total 10 + 1.1 + 29 + 40 + 2 = 82.1; without a gated_read action the gated reads cost 0: 81.
  auto table = small_table();
  const auto free_gating = model::price_layer(s.spec, c, table);
  CHECK(energy_of(free_gating, "Buffer", "Weights", "gated_read") == 0);
  CHECK(free_gating.total_pj == Approx(81));
  add_buffer_action(table, "gated_read", 0.1);
  const auto e = model::price_layer(s.spec, c, table);
  const auto* gated = row(e, "Buffer", "Weights", "gated_read");
  REQUIRE(gated);
  CHECK(gated->count == 11);
  CHECK(gated->energy_pj == Approx(1.1));
  CHECK(energy_of(e, "Buffer", "Weights", "read") == Approx(4));
  CHECK(energy_of(e, "Buffer", "Weights", "fill") == Approx(6));
  CHECK(energy_of(e, "mac", "-", "compute") == Approx(2));
  CHECK(e.total_pj == Approx(82.1));
}

TEST_CASE("skipping: a skipped read takes no bandwidth and costs skipped_read, read-write targets round reads up", "[sparse]") {
  SmallLayer s;
  s.pr.data_spaces[I].density = 0.25;
  s.pr.data_spaces[W].density = 0.25;
  s.buffer().read_bandwidth = 1;
  s.buffer().sparse.actions.push_back(saf(SafKind::skipping, {{"Weights", {"Inputs"}}, {"Outputs", {"Weights"}}}));
  const auto c = s.counts();
  REQUIRE(c.sparse_failure.empty());

  // Weights on Inputs: scalar Inputs tile, p = 1 - 0.25 = 0.75; reads 15: skipped
  // floor(11.25) = 11, actual 4; fills 3 untouched.
  const auto& w = sparse(c, kBuffer, W);
  CHECK(w.reads.skipped == 11);
  CHECK(w.reads.actual == 4);
  CHECK(w.reads.gated == 0);
  CHECK(w.fills.actual == 3);
  // Outputs on Weights: the Outputs at Buffer feed the MAC through temporal loops, scalar Weights
  // tile, p = 1 - 0.25 = 0.75. Read-write (§4(c)): reads 10 -> skipped ceil(7.5) = 8, actual 2;
  // updates 15 -> skipped floor(11.25) = 11, actual 4; temporal reductions (dense = the reads,
  // 10) ceil(10 x 4 / 15) = ceil(2.67) = 3.
  const auto& o = sparse(c, kBuffer, O);
  CHECK(o.reads.skipped == 8);
  CHECK(o.reads.actual == 2);
  CHECK(o.updates.skipped == 11);
  CHECK(o.updates.actual == 4);
  CHECK(o.temporal_reductions == 3);
  // Main is above both SAFs: its 5 output updates stay.
  CHECK(sparse(c, kMain, O).updates.actual == 5);

  // Computes: the Weights SAF is their innermost: 15 - floor(11.25) = 4, all actual.
  CHECK(c.compute.performed == 4);
  CHECK(c.compute.skipped == 0);

  // Skipped reads take no bandwidth (§6): Weights 4 + Inputs 15 + Outputs 2 = 21 words at 1
  // word/cycle over 4 compute cycles: 21 cycles, below the dense 40.
  CHECK(w.read_words == 4);
  CHECK(o.read_words == 2);
  CHECK(c.cycles == 21);
  // The same SAFs as gating keep the skipped words on the port: 15 + 15 + (2 + 8) = 40 cycles.
  SmallLayer g = s;
  g.buffer().sparse.actions[0].kind = SafKind::gating;
  CHECK(g.counts().cycles == 40);

  // Energy: skipped reads cost skipped_read, 0 when the table has none. Actual: Weights 4 x 1 +
  // 3 x 2 = 10; Inputs 15 + 14 = 29; Outputs 2 x 1 + 4 x 2 = 10; MAC 4 x 0.5 = 2: total 51.
  auto table = small_table();
  const auto free_skips = model::price_layer(s.spec, c, table);
  CHECK(energy_of(free_skips, "Buffer", "Weights", "skipped_read") == 0);
  CHECK(free_skips.total_pj == Approx(51));
  // skipped_read 0.1 pJ: Weights 11 x 0.1 = 1.1, Outputs 8 x 0.1 = 0.8; skipped updates still free.
  add_buffer_action(table, "skipped_read", 0.1);
  const auto e = model::price_layer(s.spec, c, table);
  const auto* ws = row(e, "Buffer", "Weights", "skipped_read");
  REQUIRE(ws);
  CHECK(ws->count == 11);
  CHECK(ws->energy_pj == Approx(1.1));
  CHECK(energy_of(e, "Buffer", "Outputs", "skipped_read") == Approx(0.8));
  CHECK(energy_of(e, "Buffer", "Outputs", "skipped_update") == 0);
  CHECK(e.total_pj == Approx(52.9));
}

TEST_CASE("dense stays dense: action optimizations on tensors of density 1 change no count, cycle or energy", "[sparse]") {
  // conv1d(2, 3, 5), Main K2 P5, Buffer R3 with 2-word blocks and limited bandwidth, so that
  // vector rounding and throttling enter. At density 1 every p is 0: floor(0) = ceil(0) = 0.
  auto pr = conv1d(2, 3, 5);
  auto buffer = level("Buffer", 1, 2);
  buffer.read_bandwidth = 1.5;
  buffer.write_bandwidth = 1;
  auto plain = spec_of({level("Main", 1, 4), buffer});
  auto optimized = plain;
  optimized.levels[kBuffer].sparse.actions = {saf(SafKind::gating, {{"Weights", {"Inputs"}}}),
                                              saf(SafKind::skipping, {{"Outputs", {"Weights", "Inputs"}}})};
  optimized.levels[kMain].sparse.actions = {saf(SafKind::skipping, {{"Inputs", {"Weights"}}})};
  optimized.compute.sparse.gate_on_zero_operand = true;
  optimized.compute.sparse.skip_on_not_aligned_operands = true;
  REQUIRE(optimized.sparse_optimized());
  REQUIRE_FALSE(plain.sparse_optimized());
  mapping::Mapping m{{lm({{K, 2}, {P, 5}}), lm({{R, 3}})}};

  const auto d = model::evaluate_counts(plain, m, pr);
  const auto s = model::evaluate_counts(optimized, m, pr);
  for (const auto& l : d.levels) CHECK(l.sparse.empty());  // no sparse features: no sparse counts
  REQUIRE(s.levels.size() == d.levels.size());
  for (std::size_t l = 0; l < d.levels.size(); ++l) {
    for (std::size_t t = 0; t < pr.data_spaces.size(); ++t) {
      const auto& a = d.levels[l].tensors[t];
      CHECK(s.levels[l].tensors[t].reads == a.reads);
      CHECK(s.levels[l].tensors[t].fills == a.fills);
      CHECK(s.levels[l].tensors[t].updates == a.updates);
      const auto& sp = s.levels[l].sparse.at(t);
      CHECK(sp.reads.actual == a.reads);
      CHECK(sp.fills.actual == a.fills);
      CHECK(sp.updates.actual == a.updates);
      CHECK(sp.reads.gated + sp.reads.skipped + sp.updates.gated + sp.updates.skipped == 0);
      CHECK(s.levels[l].bits[t].read_vectors == d.levels[l].bits[t].read_vectors);
      CHECK(s.levels[l].bits[t].fill_vectors == d.levels[l].bits[t].fill_vectors);
      CHECK(s.levels[l].bits[t].update_vectors == d.levels[l].bits[t].update_vectors);
    }
    CHECK(s.levels[l].cycles == d.levels[l].cycles);
  }
  CHECK(s.compute.performed == d.compute.performed);
  CHECK(s.compute.gated == 0);
  CHECK(s.compute.skipped == 0);
  CHECK(s.compute_cycles == d.compute_cycles);
  CHECK(s.cycles == d.cycles);

  model::EnergyTable t;
  model::ComponentEnergy mn, bf, mac;
  mn.read_pj = 10;
  mn.write_pj = 12;
  mn.leak_pj_per_cycle = 0.01;
  bf.read_pj = 1;
  bf.write_pj = 1.5;
  bf.update_pj = 1.25;
  bf.leak_pj_per_cycle = 0.002;
  bf.action_pj = {{"gated_read", 0.1}, {"skipped_read", 0.05}, {"skipped_update", 0.05}, {"metadata_read", 0.3}};
  mac.compute_pj = 0.3;
  mac.action_pj = {{"gated_compute", 0.05}, {"skipped_compute", 0.01}};
  t.set("Main", mn);
  t.set("Buffer", bf);
  t.set("mac", mac);
  CHECK(model::price_layer(optimized, s, t).total_pj == model::price_layer(plain, d, t).total_pj);
  CHECK(model::price_total(optimized, s, t) == model::price_total(plain, d, t));
}

TEST_CASE("compute gating: a MAC with an existing zero operand is gated, priced at gated_compute", "[sparse]") {
  // No storage SAF, no format: both operands are uncompressed, so their zeros exist (state EZ):
  // Weights ENZ 0.5, EZ 0.5; Inputs ENZ 0.25, EZ 0.75 (§4(e)). P(some operand zero) =
  // 1 - 0.5 x 0.25 = 0.875: gated floor(15 x 0.875) = floor(13.125) = 13, actual 15 - 13 = 2.
  SmallLayer s;
  s.pr.data_spaces[W].density = 0.5;
  s.pr.data_spaces[I].density = 0.25;
  s.spec.compute.sparse.gate_on_zero_operand = true;
  const auto c = s.counts();
  CHECK(c.compute.gated == 13);
  CHECK(c.compute.performed == 2);
  CHECK(c.compute.skipped == 0);
  // Gated MACs keep their cycle: 2 + 13 = 15 compute cycles.
  CHECK(c.compute_cycles == 15);
  // Storage is not touched by a compute optimization: 15 weight reads, all actual.
  CHECK(sparse(c, kBuffer, W).reads.actual == 15);

  // MAC 2 x 0.5 = 1 pJ; gated 13 x 0.05 = 0.65 pJ with gated_compute, 0 without.
  auto table = small_table();
  const auto free_gating = model::price_layer(s.spec, c, table);
  CHECK(energy_of(free_gating, "mac", "-", "compute") == Approx(1));
  CHECK(energy_of(free_gating, "mac", "-", "gated") == 0);
  model::ComponentEnergy mac = *table.find("mac");
  mac.action_pj["gated_compute"] = 0.05;
  table.set("mac", mac);
  const auto e = model::price_layer(s.spec, c, table);
  const auto* g = row(e, "mac", "-", "gated");
  REQUIRE(g);
  CHECK(g->count == 13);
  CHECK(g->energy_pj == Approx(0.65));
  CHECK(e.total_pj == Approx(free_gating.total_pj + 0.65));
}

TEST_CASE("compute skipping: a MAC whose compressed operand is not stored is skipped, one with an existing zero gated", "[sparse]") {
  // Weights (d 0.5) RLE at Main and at Buffer, their innermost level: their zeros are not stored
  // (state NE): Weights ENZ 0.5, EZ 0, NE 0.5. Inputs (d 0.25) uncompressed: ENZ 0.25, EZ 0.75,
  // NE 0 (§4(e)). Of the 15 MACs:
  //   one operand missing (NE x exists): 0.5 x (0.25 + 0.75) = 0.5;
  //   an existing zero, none missing: EZ_W ENZ_I + ENZ_W EZ_I + EZ_W EZ_I = 0 + 0.5 x 0.75 + 0 = 0.375;
  //   both missing: 0.
  SmallLayer s;
  s.pr.data_spaces[W].density = 0.5;
  s.pr.data_spaces[I].density = 0.25;
  s.spec.levels[kMain].sparse.formats.push_back(format_of("Weights", {RankFormat::rle}));
  s.buffer().sparse.formats.push_back(format_of("Weights", {RankFormat::rle}));

  SECTION("skip only: the missing ones are skipped, the zero ones stay actual") {
    // skipped floor(15 x 0.5) = floor(7.5) = 7; actual 15 - 7 = 8; cycles 8.
    s.spec.compute.sparse.skip_on_not_aligned_operands = true;
    const auto c = s.counts();
    REQUIRE(c.sparse_failure.empty());
    CHECK(c.compute.skipped == 7);
    CHECK(c.compute.gated == 0);
    CHECK(c.compute.performed == 8);
    CHECK(c.compute_cycles == 8);
  }
  SECTION("skip and gate: missing skipped, existing zeros gated") {
    // skipped 7; gated floor(15 x 0.375) = floor(5.625) = 5; actual 15 - 7 - 5 = 3; cycles 3 + 5 = 8.
    s.spec.compute.sparse.skip_on_not_aligned_operands = true;
    s.spec.compute.sparse.gate_on_zero_operand = true;
    const auto c = s.counts();
    REQUIRE(c.sparse_failure.empty());
    CHECK(c.compute.skipped == 7);
    CHECK(c.compute.gated == 5);
    CHECK(c.compute.performed == 3);
    CHECK(c.compute_cycles == 8);
  }
  SECTION("gate only: a missing operand is gated too") {
    // gated floor(15 x (0.375 + 0.5)) = floor(13.125) = 13; actual 2; cycles 15.
    s.spec.compute.sparse.gate_on_zero_operand = true;
    const auto c = s.counts();
    REQUIRE(c.sparse_failure.empty());
    CHECK(c.compute.skipped == 0);
    CHECK(c.compute.gated == 13);
    CHECK(c.compute.performed == 2);
    CHECK(c.compute_cycles == 15);
  }
}
